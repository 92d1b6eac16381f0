import ScanResults
import SecretScanner
import TokenFormat

/// The finding presenter: turns the engine's findings for one input into `ReportedFinding`s.
///
/// The secret is shown through `TokenFormat.Redaction` (the one policy for every command); the
/// line excerpt masks the union of every secret span found in the input that touches a shown
/// line. The input's provenance is copied onto each finding; a line filter (git: added lines)
/// drops findings outside it. Findings come out in report order.
struct FindingPresenter {
    var redact: Bool
    var maxDecompressionRatio: Int

    func present(_ findings: [Finding], of target: ScanTarget, input: OpenedInput) -> [ReportedFinding] {
        let kept = target.lineFilter.map { filter in findings.filter { filter.contains($0.line) } } ?? findings
        var lines: [Int: String] = [:]  // finding index → line excerpt
        if !kept.isEmpty {
            if input.isComplete {
                let secrets = SecretIndex(ranges: findings.map(\.secretRange), values: findings.map(\.secret))
                input.head.withUnsafeBytes { raw in
                    for (i, finding) in kept.enumerated() {
                        lines[i] = LineExcerpt.make(
                            window: raw, windowStart: 0, windowEndsInput: true, secret: finding.secretRange,
                            secrets: secrets, redact: redact)
                    }
                }
            } else if let path = input.rereadablePath {
                lines = excerptsByRereading(
                    path: path, gzip: input.isGzip, compressedSize: input.fileSize, findings: kept, allFindings: findings,
                    total: Int(input.totalBytes))
            }
        }
        let path = PathBytes.displayed(target.path), relativePath = PathBytes.displayed(target.relativePath)
        return kept.enumerated().map { i, finding in
            ReportedFinding(
                path: path, relativePath: relativePath, ruleID: finding.ruleID, title: finding.title,
                severity: finding.severity, line: finding.line, column: finding.column, endLine: finding.endLine,
                endColumn: finding.endColumn, secret: Redaction.display(finding.secret, redact: redact),
                fingerprint: finding.fingerprint, group: finding.group, key: finding.key, encoding: finding.encoding,
                message: finding.message, lineText: lines[i], provenance: target.provenance,
                evidence: finding.evidence.map { Evidence(id: $0.id, weight: $0.weight) })
        }
        .sorted(by: ReportedFinding.reportOrder)
    }

    /// Line excerpts for a streamed input, read again from the file: by offset for plain files, by
    /// inflating once more (keeping only the windows around the secrets) for gzip.
    private func excerptsByRereading(
        path: String, gzip: Bool, compressedSize: Int64?, findings: [Finding], allFindings: [Finding], total: Int
    ) -> [Int: String] {
        guard let file = try? OpenFile(path: path, noFollow: false) else { return [:] }
        file.makeBlocking()
        let secrets = SecretIndex(ranges: allFindings.map(\.secretRange), values: allFindings.map(\.secret))
        let windows = findings.map { LineExcerpt.readRange(around: $0.secretRange, size: total) }
        var bytes: [[UInt8]] = Array(repeating: [], count: findings.count)
        if !gzip {
            for (i, window) in windows.enumerated() {
                bytes[i] = (try? file.read(at: Int64(window.lowerBound), count: window.count)) ?? []
            }
        } else {
            // The same guard as the scan, keeping what inflates before damage: findings from a
            // damaged stream still get their excerpts.
            guard let gz = try? GzipInflater(
                maxRatio: maxDecompressionRatio, compressedSize: compressedSize, keepsInflatedBytesOnDamage: true,
                source: { try file.read(into: $0) })
            else { return [:] }
            var block = [UInt8](repeating: 0, count: 256 * 1024)
            var position = 0
            let lastNeeded = windows.map(\.upperBound).max() ?? 0
            while position < lastNeeded {
                guard let n = try? block.withUnsafeMutableBytes({ try gz.read(into: $0) }), n > 0 else { break }
                let blockRange = position..<(position + n)
                for (i, window) in windows.enumerated() where window.overlaps(blockRange) {
                    let lo = max(window.lowerBound, blockRange.lowerBound) - position
                    let hi = min(window.upperBound, blockRange.upperBound) - position
                    bytes[i].append(contentsOf: block[lo..<hi])
                }
                position += n
            }
        }
        var lines: [Int: String] = [:]
        for (i, finding) in findings.enumerated() where !bytes[i].isEmpty {
            lines[i] = bytes[i].withUnsafeBytes { raw in
                LineExcerpt.make(
                    window: raw, windowStart: windows[i].lowerBound, windowEndsInput: windows[i].upperBound >= total,
                    secret: finding.secretRange, secrets: secrets, redact: redact)
            }
        }
        return lines
    }
}
