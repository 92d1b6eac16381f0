import ScanResults
import SecretScanner

/// The outcome of one target.
enum TargetOutcome: Sendable {
    /// `gaps`: what of the input could not be read or fully matched (also among `warnings`).
    case scanned(findings: [ReportedFinding], bytes: Int64, warnings: [String], gaps: [String])
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
        let result: ContentScanResult
        if input.isComplete {
            result = try input.head.withUnsafeBytes { raw in try scanner.scan(raw, path: path) }
        } else {
            result = try scanner.scanStream(path: path, read: input.makeReader())
        }
        var warnings = result.warnings
        var gaps = result.coverageGaps
        if let damage = input.gzipDamage {
            // Nothing inflated: the input is skipped as before. Otherwise the findings in what was
            // inflated are kept and the damage is a warning and a coverage gap.
            if input.totalBytes == 0 { return .skipped(Self.reason(for: damage.error), warnings: warnings) }
            let message = "\(damage.description) after \(input.totalBytes) inflated bytes; the rest was not scanned"
            warnings.append(message)
            gaps.append(message)
        }
        let presenter = FindingPresenter(redact: settings.redact, maxDecompressionRatio: settings.bytes.maxDecompressionRatio)
        let findings = presenter.present(result.findings, of: target, input: input)
        return .scanned(findings: findings, bytes: input.totalBytes, warnings: warnings, gaps: gaps)
    }
}
