import ScanResults
import SecretScanner
import TokenFormat

/// The findings of one streamed input on their way to the report: the spill file, the input's
/// credential pairs, and what the presenter needs (`FindingPresenter`'s rules, applied one finding
/// at a time). `deliver` hands them out as `ReportedFinding`s in report order; memory holds one
/// finding at a time plus those that share a line and column (sorted among themselves), and the
/// spill's compact per-finding data.
final class SpilledFindings: @unchecked Sendable {
    // SAFETY: handed from the worker to the delivering thread through the reorder buffer's lock;
    // only that thread calls `deliver`, once.
    let spill: FindingSpill
    let pairs: PairGroups
    let target: ScanTarget
    let redact: Bool
    let maxDecompressionRatio: Int
    /// The file to read excerpts from again (nil: no excerpts, as for any streamed input that
    /// cannot be reopened, such as standard input).
    let rereadablePath: String?
    let isGzip: Bool
    let compressedSize: Int64?
    let totalBytes: Int

    init(spill: FindingSpill, pairs: PairGroups, target: ScanTarget, redact: Bool, maxDecompressionRatio: Int, input: OpenedInput) {
        self.spill = spill
        self.pairs = pairs
        self.target = target
        self.redact = redact
        self.maxDecompressionRatio = maxDecompressionRatio
        self.rereadablePath = input.rereadablePath
        self.isGzip = input.isGzip
        self.compressedSize = input.fileSize
        self.totalBytes = Int(input.totalBytes)
    }

    /// Reads the findings back and hands each to `body` as a `ReportedFinding`, in report order.
    /// Throws when the spill cannot be read back whole, or what `body` throws.
    func deliver(_ body: (ReportedFinding) throws -> Void) throws {
        let secrets = SecretIndex(ranges: spill.ranges, compactValues: spill.values)
        var excerpts = rereadablePath.flatMap { path in
            ExcerptSource(
                path: path, gzip: isGzip, compressedSize: compressedSize, maxDecompressionRatio: maxDecompressionRatio,
                total: totalBytes)
        }
        var applier = pairs.applier()
        let path = PathBytes.displayed(target.path), relativePath = PathBytes.displayed(target.relativePath)
        // Findings come in the engine's order (by position); report order differs only among
        // findings at one line and column (then by rule id and end).
        var samePlace: [ReportedFinding] = []
        func flush() throws {
            samePlace.sort(by: ReportedFinding.reportOrder)
            for finding in samePlace { try body(finding) }
            samePlace.removeAll(keepingCapacity: true)
        }
        try spill.forEach { streamed in
            let finding = applier.apply(streamed)
            if let filter = target.lineFilter, !filter.contains(finding.line) { return }
            let lineText = excerpts?.excerpt(for: finding.secretRange, secrets: secrets, redact: redact)
            let reported = ReportedFinding(
                path: path, relativePath: relativePath, ruleID: finding.ruleID, title: finding.title,
                severity: finding.severity, line: finding.line, column: finding.column, endLine: finding.endLine,
                endColumn: finding.endColumn, secret: finding.secretText,  // spilled in its shown form
                fingerprint: finding.fingerprint, group: finding.group, key: finding.key, encoding: finding.encoding,
                message: finding.message, lineText: lineText, provenance: target.provenance,
                evidence: finding.evidence.map { Evidence(id: $0.id, weight: $0.weight) })
            if let last = samePlace.last, last.line != reported.line || last.column != reported.column { try flush() }
            samePlace.append(reported)
        }
        try flush()
    }
}

/// Reads the bytes around secrets from an input again, for excerpts, in one forward pass: by
/// offset for a plain file, by inflating once more for gzip (keeping only from the current
/// window's start on). Windows must come with non-decreasing starts (findings by position).
struct ExcerptSource {
    private let file: OpenFile
    private let inflater: GzipInflater?
    private let total: Int
    /// Inflated bytes held, starting at `heldStart` (gzip only).
    private var held: [UInt8] = []
    private var heldStart = 0
    private var inflatedEnded = false
    private var block: [UInt8] = []

    init?(path: String, gzip: Bool, compressedSize: Int64?, maxDecompressionRatio: Int, total: Int) {
        guard let file = try? OpenFile(path: path, noFollow: false) else { return nil }
        file.makeBlocking()
        self.file = file
        self.total = total
        if gzip {
            // The same guard as the scan, keeping what inflates before damage: findings from a
            // damaged stream still get their excerpts.
            guard let inflater = try? GzipInflater(
                maxRatio: maxDecompressionRatio, compressedSize: compressedSize, keepsInflatedBytesOnDamage: true,
                source: { try file.read(into: $0) })
            else { return nil }
            self.inflater = inflater
        } else {
            self.inflater = nil
        }
    }

    /// The excerpt for the secret at `secret`, as `FindingPresenter` makes it; nil when none of
    /// the bytes around it can be read again.
    mutating func excerpt(for secret: Range<Int>, secrets: SecretIndex, redact: Bool) -> String? {
        let window = LineExcerpt.readRange(around: secret, size: total)
        let bytes = read(window)
        guard !bytes.isEmpty else { return nil }
        return bytes.withUnsafeBytes { raw in
            LineExcerpt.make(
                window: raw, windowStart: window.lowerBound, windowEndsInput: window.upperBound >= total, secret: secret,
                secrets: secrets, redact: redact)
        }
    }

    private mutating func read(_ window: Range<Int>) -> [UInt8] {
        guard let inflater else { return (try? file.read(at: Int64(window.lowerBound), count: window.count)) ?? [] }
        trim(to: window.lowerBound)
        while !inflatedEnded && heldStart + held.count < window.upperBound {
            if block.isEmpty { block = [UInt8](repeating: 0, count: 256 * 1024) }
            guard let n = try? block.withUnsafeMutableBytes({ try inflater.read(into: $0) }), n > 0 else {
                inflatedEnded = true
                break
            }
            held.append(contentsOf: block[0..<n])
            trim(to: window.lowerBound)
        }
        let lo = max(window.lowerBound, heldStart) - heldStart
        let hi = min(window.upperBound, heldStart + held.count) - heldStart
        return lo < hi ? Array(held[lo..<hi]) : []
    }

    /// Drops held bytes before `start` (`held` always ends where inflation has got to).
    private mutating func trim(to start: Int) {
        let drop = min(held.count, max(0, start - heldStart))
        guard drop > 0 else { return }
        held.removeFirst(drop)
        heldStart += drop
    }
}
