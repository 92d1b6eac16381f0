import ScanResults
import SecretScanner
import TokenFormat

/// The outcome of one target.
enum TargetOutcome: Sendable {
    /// `gaps`: what of the input could not be read or fully matched (also among `warnings`).
    /// `spilled`: a streamed input's findings, on disk, delivered after `findings` (which is then
    /// empty).
    case scanned(findings: [ReportedFinding], spilled: SpilledFindings?, bytes: Int64, warnings: [String], gaps: [String])
    case skipped(SkipReason, warnings: [String])
}

/// Settings the scan phase needs for every target.
struct TargetScanSettings: Sendable {
    var bytes: ByteSourceSettings
    var redact: Bool
}

/// Scans one target with one worker's `ContentScanner`, joining the layers: the byte source opens
/// and sniffs it, the engine scans the whole buffer (up to `inMemoryLimit`) or a stream, and the
/// finding presenter turns the engine's findings into `ReportedFinding`s.
struct TargetScan {
    let settings: TargetScanSettings
    let scanner: any ContentScanner

    func run(_ target: ScanTarget) -> TargetOutcome {
        do {
            return try scan(target)
        } catch let error as InputError {
            return .skipped(.unreadable(message: error.message), warnings: [])
        } catch let error as GzipError {
            return .skipped(Self.reason(for: error), warnings: [])
        } catch let error as InputLimitExceeded {
            return .skipped(.tooLarge(size: error.read, limit: error.limit), warnings: [])
        } catch {
            return .skipped(.scanFailed(message: "\(error)"), warnings: [])
        }
    }

    static func reason(for error: GzipError) -> SkipReason {
        switch error {
        case .ratioExceeded(let limit): .decompressionRatio(limit: limit)
        case .corrupt(let message): .corruptCompressed(message: message)
        }
    }

    private func scan(_ target: ScanTarget) throws -> TargetOutcome {
        let input: OpenedInput
        switch try ByteSourceReader.open(target, settings: settings.bytes) {
        case .skipped(let reason): return .skipped(reason, warnings: [])
        case .opened(let opened): input = opened
        }
        // The engine sees the path as reports show it (path evidence, allowlists, fingerprints).
        let path = PathBytes.displayed(target.relativePath)
        var findings: [Finding] = []
        var spill: FindingSpill?
        var warnings: [String]
        var gaps: [String]
        var pairs = PairGroups()
        if input.isComplete {
            let result = try input.head.withUnsafeBytes { raw in try scanner.scan(raw, path: path) }
            (findings, warnings, gaps) = (result.findings, result.warnings, result.coverageGaps)
        } else {
            // A stream's findings go to a private temporary file as the engine finalises them, so
            // that memory does not grow with their number.
            let file = try FindingSpill()
            let result = try scanner.scanStream(path: path, read: input.makeReader()) { batch in
                for streamed in batch {
                    try file.append(streamed, shownSecret: Redaction.display(streamed.finding.secret, redact: settings.redact))
                }
            }
            try file.finishWriting()
            (warnings, gaps, pairs, spill) = (result.warnings, result.coverageGaps, result.pairs, file)
        }
        if let damage = input.gzipDamage {
            // Nothing inflated: the input is skipped as before. Otherwise the findings in what was
            // inflated are kept and the damage is a warning and a coverage gap.
            if input.totalBytes == 0 { return .skipped(Self.reason(for: damage.error), warnings: warnings) }
            let message = "\(damage.description) after \(input.totalBytes) inflated bytes; the rest was not scanned"
            warnings.append(message)
            gaps.append(message)
        }
        if let spill {
            let spilled = spill.count == 0 ? nil : SpilledFindings(
                spill: spill, pairs: pairs, target: target, redact: settings.redact,
                maxDecompressionRatio: settings.bytes.maxDecompressionRatio, input: input)
            return .scanned(findings: [], spilled: spilled, bytes: input.totalBytes, warnings: warnings, gaps: gaps)
        }
        let presenter = FindingPresenter(redact: settings.redact, maxDecompressionRatio: settings.bytes.maxDecompressionRatio)
        let reported = presenter.present(findings, of: target, input: input)
        return .scanned(findings: reported, spilled: nil, bytes: input.totalBytes, warnings: warnings, gaps: gaps)
    }
}
