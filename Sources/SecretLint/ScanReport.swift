import SecretRules
import SecretScanner

/// Why a file was not scanned. Every skipped file carries one; `id` is the stable name used in
/// the JSON report and the summary.
public enum SkipReason: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// NUL bytes in the first block (`--binary` scans such files).
    case binary
    /// Larger than the size limit (`--max-file-size` or the config's `maxFileSize`).
    case tooLarge(size: Int64, limit: Int64)
    /// A symbolic link, not followed (`--follow-symlinks` follows links).
    case symlink
    /// A followed symbolic link that leads back to a directory already on the walk's path.
    case symlinkLoop
    /// A symbolic link whose target does not exist.
    case brokenSymlink
    /// A named pipe found during a directory walk (reading it could block forever).
    case fifo
    /// A Unix domain socket.
    case socket
    /// A character or block device.
    case device
    /// The file (or directory) could not be opened or read; `message` is the system's reason.
    case unreadable(message: String)
    /// The file existed when the walk listed it and was gone when it was opened.
    case vanished
    /// A gzip stream that inflates more than the allowed ratio: treated as a decompression bomb.
    case decompressionRatio(limit: Int)
    /// A gzip stream that is corrupt or truncated; `message` is zlib's reason.
    case corruptCompressed(message: String)
    /// The engine failed on this file; `message` says why.
    case scanFailed(message: String)

    /// Stable kebab-case name, e.g. `binary`, `too-large`, `symlink-loop`.
    public var id: String {
        switch self {
        case .binary: "binary"
        case .tooLarge: "too-large"
        case .symlink: "symlink"
        case .symlinkLoop: "symlink-loop"
        case .brokenSymlink: "broken-symlink"
        case .fifo: "fifo"
        case .socket: "socket"
        case .device: "device"
        case .unreadable: "unreadable"
        case .vanished: "vanished"
        case .decompressionRatio: "gzip-bomb"
        case .corruptCompressed: "gzip-corrupt"
        case .scanFailed: "scan-error"
        }
    }

    /// One-line human explanation.
    public var description: String {
        switch self {
        case .binary: "binary file (NUL bytes in the first block; --binary scans it)"
        case .tooLarge(let size, let limit): "\(size) bytes, over the \(limit)-byte limit"
        case .symlink: "symbolic link not followed (--follow-symlinks follows it)"
        case .symlinkLoop: "symbolic link loop"
        case .brokenSymlink: "symbolic link to nothing"
        case .fifo: "named pipe"
        case .socket: "socket"
        case .device: "device file"
        case .unreadable(let message): "unreadable: \(message)"
        case .vanished: "vanished before it could be read"
        case .decompressionRatio(let limit): "gzip stream inflates more than \(limit):1 (decompression bomb?)"
        case .corruptCompressed(let message): "corrupt gzip stream: \(message)"
        case .scanFailed(let message): "scan failed: \(message)"
        }
    }

    public static func < (a: SkipReason, b: SkipReason) -> Bool { a.id < b.id }
}

/// A file that was not scanned, and why.
public struct SkippedFile: Sendable, Hashable {
    /// The path as the user named it (the scan root joined with the path below it).
    public var path: String
    public var reason: SkipReason

    public init(path: String, reason: SkipReason) {
        self.path = path
        self.reason = reason
    }
}

/// One finding as reports show it: where it is, what rule found it, and the secret in display
/// form (redacted unless the request asked for `redact = false`). Never holds the plaintext of a
/// redacted secret.
public struct ReportedFinding: Sendable, Hashable {
    /// The path as the user named it (scan root joined with the path below it; stdin: the
    /// `stdinName`).
    public var path: String
    /// The path relative to the scan root (what path allowlists and fingerprints see).
    public var relativePath: String
    public var ruleID: String
    public var title: String
    public var severity: Severity
    /// 1-based; columns count Unicode scalars. `endColumn` is the last character, inclusive.
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The secret as shown: its first characters and `…`, or in full with redaction off.
    public var secret: String
    public var fingerprint: String
    /// Shared by the findings of one credential pair.
    public var group: String?
    /// The key, header or variable the value was assigned to, when known.
    public var key: String?
    /// The encoding the secret was found inside (`base64`, `url`), if any.
    public var encoding: Encoding?
    /// Extra explanation from the rule.
    public var message: String?
    /// The line holding the secret, with every secret on it redacted (unless redaction is off),
    /// shortened around the secret when long. Raw text: terminal reporters must neutralise
    /// control characters. Nil when the input cannot be read again (large stdin).
    public var lineText: String?

    public init(
        path: String, relativePath: String, ruleID: String, title: String, severity: Severity, line: Int,
        column: Int, endLine: Int, endColumn: Int, secret: String, fingerprint: String, group: String? = nil,
        key: String? = nil, encoding: Encoding? = nil, message: String? = nil, lineText: String? = nil
    ) {
        self.path = path
        self.relativePath = relativePath
        self.ruleID = ruleID
        self.title = title
        self.severity = severity
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.secret = secret
        self.fingerprint = fingerprint
        self.group = group
        self.key = key
        self.encoding = encoding
        self.message = message
        self.lineText = lineText
    }
}

/// Counts and timings of one scan.
public struct ScanStats: Sendable, Hashable {
    /// Files (and stdin) whose content reached the engine.
    public var filesScanned: Int = 0
    /// Bytes the engine saw (inflated bytes for gzip input).
    public var bytesScanned: Int64 = 0
    /// Files left out by an ignore file (`.gitignore`, `.ignore`, `.tokenauditignore`); these are
    /// deliberate exclusions, not failures, so they are counted but not listed.
    public var filesIgnored: Int = 0
    /// Wall-clock duration of the whole run, in seconds.
    public var durationSeconds: Double = 0
    /// Worker threads used.
    public var jobs: Int = 1
    /// Whether the engine used PCRE2 JIT code.
    public var jit: Bool = false
    /// Number of active rules.
    public var rules: Int = 0

    public init() {}

    /// Bytes scanned per second of wall-clock time (0 for an instant run).
    public var bytesPerSecond: Double { durationSeconds > 0 ? Double(bytesScanned) / durationSeconds : 0 }
}

/// Everything one scan found, skipped and counted. Findings are sorted by path, line, column and
/// rule id; skipped files by path: the order does not depend on scheduling.
public struct ScanReport: Sendable {
    public var findings: [ReportedFinding]
    public var skipped: [SkippedFile]
    /// Non-fatal problems (a rule that hit its match limit on a file, a config warning).
    public var warnings: [String]
    public var stats: ScanStats
    /// The severity at or above which findings fail the run (request, else config, else `low`).
    public var failOn: Severity

    public init(
        findings: [ReportedFinding] = [], skipped: [SkippedFile] = [], warnings: [String] = [],
        stats: ScanStats = ScanStats(), failOn: Severity = .low
    ) {
        self.findings = findings
        self.skipped = skipped
        self.warnings = warnings
        self.stats = stats
        self.failOn = failOn
    }

    /// Whether any finding is at or above `failOn`: the run's exit status is 1 exactly then.
    public var failed: Bool { findings.contains { $0.severity >= failOn } }

    /// Skipped files counted by reason id, in id order.
    public var skippedByReason: [(reason: String, count: Int)] {
        var counts: [String: Int] = [:]
        for file in skipped { counts[file.reason.id, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Findings counted by severity, most severe first, including zero counts.
    public var findingsBySeverity: [(severity: Severity, count: Int)] {
        Severity.allCases.sorted(by: >).map { severity in (severity, findings.count { $0.severity == severity }) }
    }
}
