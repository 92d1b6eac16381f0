#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ScanResults
import SecretScanner
import TokenFormat

/// The outcome of one target.
enum TargetOutcome: Sendable {
    case scanned(findings: [ReportedFinding], bytes: Int64, warnings: [String])
    case skipped(SkipReason, warnings: [String])
}

/// Settings the scan phase needs for every target.
struct TargetScanSettings: Sendable {
    var maxFileSize: Int64?
    var scanBinary: Bool
    var followSymlinks: Bool
    var maxDecompressionRatio: Int
    var redact: Bool
    /// Inputs up to this size are read whole and scanned in memory; larger ones are streamed.
    var inMemoryLimit: Int
    /// The first block, where NUL bytes mark a file as binary.
    static let sniffLength = 8 * 1024
}

/// Scans one target with one worker's `ContentScanner`: opens it, sniffs it, inflates gzip,
/// reads it whole or streams it, and turns the engine's findings into `ReportedFinding`s with
/// redacted secrets and line excerpts.
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
        let file: OpenFile
        var rereadable = false
        switch target.source {
        case .standardInput:
            file = OpenFile(borrowing: 0)
        case .file(let path):
            do {
                file = try OpenFile(path: path, noFollow: !(settings.followSymlinks || target.isExplicit))
            } catch {
                switch error.code {
                case ENOENT: return .skipped(.vanished, warnings: [])
                case ELOOP: return .skipped(.symlink, warnings: [])
                default: return .skipped(.unreadable(message: error.message), warnings: [])
                }
            }
            let status = try file.status()
            switch status.kind {
            case .regular:
                rereadable = true
            case .fifo where target.isExplicit, .device where target.isExplicit:
                break
            default:
                return .skipped(status.kind.skipReason ?? .device, warnings: [])
            }
            if let limit = settings.maxFileSize, status.size > limit {
                return .skipped(.tooLarge(size: status.size, limit: limit), warnings: [])
            }
            file.makeBlocking()
        }

        // The raw bytes, then (for gzip) the inflated bytes; `head` holds what has been read.
        let rawRead: (UnsafeMutableRawBufferPointer) throws -> Int = { buffer in try file.read(into: buffer) }
        var head: [UInt8] = []
        var ended = try fill(&head, upTo: TargetScanSettings.sniffLength, from: rawRead)
        var inflater: GzipInflater?
        var read = rawRead
        if GzipInflater.isGzip(head) {
            let compressedHead = head
            var offset = 0
            let gz = try GzipInflater(maxRatio: settings.maxDecompressionRatio) { buffer in
                if offset < compressedHead.count {
                    let n = min(buffer.count, compressedHead.count - offset)
                    compressedHead.withUnsafeBytes { src in
                        buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[offset..<(offset + n)]))
                    }
                    offset += n
                    return n
                }
                return try file.read(into: buffer)
            }
            inflater = gz
            read = { buffer in try gz.read(into: buffer) }
            head = []
            ended = try fill(&head, upTo: TargetScanSettings.sniffLength, from: read)
        }
        if !settings.scanBinary && head.prefix(TargetScanSettings.sniffLength).contains(0) {
            return .skipped(.binary, warnings: [])
        }
        if !ended { ended = try fill(&head, upTo: max(settings.inMemoryLimit, TargetScanSettings.sniffLength), from: read) }

        let result: ContentScanResult
        var total = Int64(head.count)
        if ended {
            result = try head.withUnsafeBytes { raw in try scanner.scan(raw, path: target.relativePath) }
        } else {
            var headOffset = 0
            let prefix = head
            result = try scanner.scanStream(path: target.relativePath) { buffer in
                if headOffset < prefix.count {
                    let n = min(buffer.count, prefix.count - headOffset)
                    prefix.withUnsafeBytes { src in
                        buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[headOffset..<(headOffset + n)]))
                    }
                    headOffset += n
                    return n
                }
                let n = try read(buffer)
                total += Int64(n)
                return n
            }
        }

        let findings = result.findings
        var lines: [Int: String] = [:]  // finding index → line excerpt
        if !findings.isEmpty {
            if ended {
                let secrets = SecretIndex(ranges: findings.map(\.secretRange), values: findings.map(\.secret))
                head.withUnsafeBytes { raw in
                    for (i, finding) in findings.enumerated() {
                        lines[i] = LineExcerpt.make(
                            window: raw, windowStart: 0, windowEndsInput: true, secret: finding.secretRange,
                            secrets: secrets, redact: settings.redact)
                    }
                }
            } else if rereadable, case .file(let path) = target.source {
                lines = excerptsByRereading(path: path, gzip: inflater != nil, findings: findings, total: Int(total))
            }
        }
        let reported = findings.enumerated().map { i, finding in
            ReportedFinding(
                path: target.path, relativePath: target.relativePath, ruleID: finding.ruleID, title: finding.title,
                severity: finding.severity, line: finding.line, column: finding.column, endLine: finding.endLine,
                endColumn: finding.endColumn, secret: Redaction.display(finding.secret, redact: settings.redact),
                fingerprint: finding.fingerprint, group: finding.group, key: finding.key, encoding: finding.encoding,
                message: finding.message, lineText: lines[i])
        }
        .sorted(by: ReportedFinding.reportOrder)
        return .scanned(findings: reported, bytes: total, warnings: result.warnings)
    }

    /// Line excerpts for a streamed input, read again from the file: by offset for plain files, by
    /// inflating once more (keeping only the windows around the secrets) for gzip.
    private func excerptsByRereading(path: String, gzip: Bool, findings: [Finding], total: Int) -> [Int: String] {
        guard let file = try? OpenFile(path: path, noFollow: false) else { return [:] }
        file.makeBlocking()
        let secrets = SecretIndex(ranges: findings.map(\.secretRange), values: findings.map(\.secret))
        let windows = findings.map { LineExcerpt.readRange(around: $0.secretRange, size: total) }
        var bytes: [[UInt8]] = Array(repeating: [], count: findings.count)
        if !gzip {
            for (i, window) in windows.enumerated() {
                bytes[i] = (try? file.read(at: Int64(window.lowerBound), count: window.count)) ?? []
            }
        } else {
            guard let gz = try? GzipInflater(maxRatio: settings.maxDecompressionRatio, source: { try file.read(into: $0) })
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
                    secret: finding.secretRange, secrets: secrets, redact: settings.redact)
            }
        }
        return lines
    }
}
