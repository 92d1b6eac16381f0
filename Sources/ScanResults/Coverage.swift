import SecretRules

/// Why an input was not scanned. Every skipped input carries one; `id` is the stable name used in
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
    /// A followed symbolic link that leads outside every scan root (to `/`, to an ancestor of a
    /// root, elsewhere on the host): not walked, so a link cannot make the scan read the host.
    case symlinkOutsideRoots
    /// A followed symbolic link to a directory that was already walked (under its own path or
    /// through another link): not walked again, so links cannot multiply the walk.
    case symlinkDuplicate
    /// A directory nested deeper than the walk's depth limit (`levels` below the scan root).
    case depthLimit(levels: Int)
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
    /// The engine failed on this input; `message` says why.
    case scanFailed(message: String)
    /// Git input: a submodule (gitlink); its content lives in another repository.
    case submodule
    /// Git input: a Git LFS pointer; the content lives on the LFS server, not in git.
    case lfsPointer
    /// Left out by a pattern in an ignore file; `file` is that file's path relative to the scan
    /// root (e.g. `.gitignore`, `sub/.tokenauditignore`). Files git tracks ignore `.gitignore`.
    case ignored(file: String)

    /// Stable kebab-case name, e.g. `binary`, `too-large`, `symlink-loop`.
    public var id: String {
        switch self {
        case .binary: "binary"
        case .tooLarge: "too-large"
        case .symlink: "symlink"
        case .symlinkLoop: "symlink-loop"
        case .symlinkOutsideRoots: "symlink-outside-roots"
        case .symlinkDuplicate: "symlink-duplicate"
        case .depthLimit: "depth-limit"
        case .brokenSymlink: "broken-symlink"
        case .fifo: "fifo"
        case .socket: "socket"
        case .device: "device"
        case .unreadable: "unreadable"
        case .vanished: "vanished"
        case .decompressionRatio: "gzip-bomb"
        case .corruptCompressed: "gzip-corrupt"
        case .scanFailed: "scan-error"
        case .submodule: "submodule"
        case .lfsPointer: "lfs-pointer"
        case .ignored: "ignored"
        }
    }

    /// One-line human explanation.
    public var description: String {
        switch self {
        case .binary: "binary file (NUL bytes in the first block; --binary scans it)"
        case .tooLarge(let size, let limit): "\(size) bytes, over the \(limit)-byte limit"
        case .symlink: "symbolic link not followed (--follow-symlinks follows it)"
        case .symlinkLoop: "symbolic link loop"
        case .symlinkOutsideRoots: "symbolic link leads outside the scan roots (not followed)"
        case .symlinkDuplicate: "symbolic link to a directory already scanned (not walked twice)"
        case .depthLimit(let levels): "nested more than \(levels) directory levels deep (not walked)"
        case .brokenSymlink: "symbolic link to nothing"
        case .fifo: "named pipe"
        case .socket: "socket"
        case .device: "device file"
        case .unreadable(let message): "unreadable: \(message)"
        case .vanished: "vanished before it could be read"
        case .decompressionRatio(let limit): "gzip stream inflates more than \(limit):1 (decompression bomb?)"
        case .corruptCompressed(let message): "corrupt gzip stream: \(message)"
        case .scanFailed(let message): "scan failed: \(message)"
        case .submodule: "submodule (scan its repository separately)"
        case .lfsPointer: "Git LFS pointer (the content is on the LFS server, not in git)"
        case .ignored(let file): "matched by \(file) (--no-ignore scans it)"
        }
    }

    /// Whether the skip is a gap in coverage (the input could not be read or fully matched) rather
    /// than a skip by design (binary, a symlink not followed, a special file found by a walk).
    public var isCoverageGap: Bool {
        switch self {
        case .binary, .symlink, .symlinkLoop, .symlinkOutsideRoots, .symlinkDuplicate, .brokenSymlink, .fifo, .socket, .device,
             .submodule, .lfsPointer, .ignored: false
        case .tooLarge, .unreadable, .vanished, .decompressionRatio, .corruptCompressed, .scanFailed, .depthLimit: true
        }
    }

    public static func < (a: SkipReason, b: SkipReason) -> Bool { a.id < b.id }
}

/// An input that was not scanned, and why.
public struct SkippedInput: Sendable, Hashable {
    /// The path as the user named it (the scan root joined with the path below it).
    public var path: String
    public var reason: SkipReason

    public init(path: String, reason: SkipReason) {
        self.path = path
        self.reason = reason
    }

    /// Order of the coverage manifest: path (UTF-8 bytes), then reason id.
    public static func reportOrder(_ a: SkippedInput, _ b: SkippedInput) -> Bool {
        if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
        return a.reason.id < b.reason.id
    }
}

/// An input that was scanned, but not all of it could be read or matched: a match limit hit on
/// some lines, a damaged or oversized gzip stream. Its findings are reported; `reason` says what was
/// not covered (path, lines and cause).
public struct IncompleteInput: Sendable, Hashable {
    /// The path as the user named it.
    public var path: String
    /// What was not covered, e.g. `rule x: match limit exceeded … on line 12 of a.log; …`.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// The coverage manifest of one run: what the user asked to scan, every input that was not
/// scanned with its reason, and every input scanned only in part.
public struct Coverage: Sendable, Hashable {
    /// The paths (or, for git, refs) the user named, as named.
    public var roots: [String]
    /// Every skipped input, in report order (path, then reason).
    public var skipped: [SkippedInput]
    /// Inputs scanned only in part (one entry per gap), in scan order.
    public var incomplete: [IncompleteInput]

    public init(roots: [String] = [], skipped: [SkippedInput] = [], incomplete: [IncompleteInput] = []) {
        self.roots = roots
        self.skipped = skipped
        self.incomplete = incomplete
    }

    /// Inputs that could not be read or fully matched: skips that are coverage gaps (not binary
    /// files or symlinks skipped by design) plus inputs scanned only in part. What `--fail-on-skip`
    /// fails on.
    public var gapCount: Int {
        skipped.count(where: \.reason.isCoverageGap) + Set(incomplete.map(\.path)).count
    }

    /// Whether every input that should have been read was read and fully matched.
    public var isComplete: Bool { gapCount == 0 }

    /// Skipped inputs counted by reason id, in id order.
    public var skippedByReason: [(reason: String, count: Int)] {
        var counts: [String: Int] = [:]
        for input in skipped { counts[input.reason.id, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
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
    /// Findings counted by severity.
    public var findingsBySeverity: [Severity: Int] = [:]
    /// Findings left out because a baseline (`--baseline`) already records them; not counted in
    /// `findingsBySeverity`.
    public var suppressedByBaseline: Int = 0
    /// With `--verify`: unique credential pairs by verification status (every status present,
    /// zeros included); nil when nothing was asked to verify.
    public var verifiedPairs: [Verification.Status: Int]?

    public init(
        filesScanned: Int = 0, bytesScanned: Int64 = 0, filesIgnored: Int = 0, durationSeconds: Double = 0,
        jobs: Int = 1, jit: Bool = false, rules: Int = 0, findingsBySeverity: [Severity: Int] = [:]
    ) {
        self.filesScanned = filesScanned
        self.bytesScanned = bytesScanned
        self.filesIgnored = filesIgnored
        self.durationSeconds = durationSeconds
        self.jobs = jobs
        self.jit = jit
        self.rules = rules
        self.findingsBySeverity = findingsBySeverity
    }

    /// Bytes scanned per second of wall-clock time (0 for an instant run).
    public var bytesPerSecond: Double { durationSeconds > 0 ? Double(bytesScanned) / durationSeconds : 0 }

    /// Total findings.
    public var findings: Int { findingsBySeverity.values.reduce(0, +) }

    /// Findings counted by severity, most severe first, including zero counts.
    public var findingsBySeverityDescending: [(severity: Severity, count: Int)] {
        Severity.allCases.sorted(by: >).map { ($0, findingsBySeverity[$0] ?? 0) }
    }
}
