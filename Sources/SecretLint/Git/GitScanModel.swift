import ScanResults
import PCRE2
import SecretRules

/// Where in history a finding comes from.
public struct GitProvenance: Sendable, Hashable {
    /// The commit that introduced the value (full id).
    public var commit: String
    /// `Name <email>` of the commit's author.
    public var author: String
    /// The author date, ISO 8601 with the author's UTC offset.
    public var date: String
    /// History scans: the value is no longer present anywhere in HEAD (it still leaked).
    public var removed: Bool

    public init(commit: String, author: String, date: String, removed: Bool = false) {
        self.commit = commit
        self.author = author
        self.date = date
        self.removed = removed
    }
}

/// A finding from git input: the finding as every report shows it, plus its provenance (nil for
/// staged changes, which have no commit yet). Commit messages are reported with the path
/// `<commit message>`.
public struct GitFinding: Sendable, Hashable {
    public var finding: ReportedFinding
    public var provenance: GitProvenance?

    public init(finding: ReportedFinding, provenance: GitProvenance?) {
        self.finding = finding
        self.provenance = provenance
    }
}

/// What to read from git.
public enum GitScanMode: Sendable, Hashable {
    /// The index: what `git commit` would record, only added or changed lines.
    case staged
    /// The commits in `base..head` (added lines and messages of each; merge commits: messages).
    case range(base: String, head: String)
    /// Every blob and commit message reachable from `refs` (empty: `HEAD`; `["--all"]`: all refs),
    /// each blob scanned once.
    case history(refs: [String])
}

/// The options of one git scan; defaults match the CLI.
public struct GitScanRequest: Sendable {
    public var mode: GitScanMode
    /// A directory inside the work tree (default: the current directory).
    public var directory: String
    public var configPath: String?
    /// Blobs larger than this are skipped (reason `too-large`). Default: config, else 10 MiB.
    public var maxFileSize: Int64?
    /// Scan blobs that look binary (NUL bytes in the first 8 KiB).
    public var scanBinary: Bool
    public var redact: Bool
    public var jit: JITPolicy
    public var reportKnownExamples: Bool
    public var failOn: Severity?
    /// Keep `GIT_DIR`/`GIT_INDEX_FILE` from the environment (inside a git hook).
    public var trustGitEnvironment: Bool
    /// The fingerprint key (`FingerprintKey.resolve`). Nil: a random key for this process.
    public var fingerprintKey: [UInt8]?
    /// Threads scanning blobs in `history` (nil: one per processor). The report is the same for
    /// any number.
    public var jobs: Int?
    /// `history` only: scan just the unique blobs introduced at a path of this shard (`Shard.contains(path:)`),
    /// and the commit messages when the shard holds the path `<commit message>`.
    public var shard: Shard?
    /// Told of the scan's progress and of the engine's findings (`--progress`, `--verify`).
    public var observer: (any GitScanObserver)?

    public init(
        mode: GitScanMode, directory: String = ".", configPath: String? = nil, maxFileSize: Int64? = nil,
        scanBinary: Bool = false, redact: Bool = true, jit: JITPolicy = .ifAvailable, reportKnownExamples: Bool = false,
        failOn: Severity? = nil, trustGitEnvironment: Bool = false, jobs: Int? = nil
    ) {
        self.jobs = jobs
        self.mode = mode
        self.directory = directory
        self.configPath = configPath
        self.maxFileSize = maxFileSize
        self.scanBinary = scanBinary
        self.redact = redact
        self.jit = jit
        self.reportKnownExamples = reportKnownExamples
        self.failOn = failOn
        self.trustGitEnvironment = trustGitEnvironment
    }

    /// The size limit used when neither the request nor the config gives one.
    public static let defaultMaxBlobSize: Int64 = 10 << 20
}

/// The result of a git scan. Findings are sorted by path, line, column, rule id (history: each
/// value once per path, at the earliest commit that introduced it).
public struct GitScanReport: Sendable {
    public var findings: [GitFinding]
    /// Blobs not scanned, with the reason (binary, too-large, submodule, lfs-pointer, symlink).
    public var skipped: [SkippedInput]
    /// Blobs (or commit messages) scanned only in part: a match limit hit on some lines.
    public var incomplete: [IncompleteInput] = []
    public var warnings: [String]
    public var stats: ScanStats
    public var failOn: Severity
    /// Commits whose changes or messages were scanned.
    public var commitsScanned: Int
    /// The mode that produced the report.
    public var mode: GitScanMode = .staged
    /// Set when there was nothing to scan (nothing staged, an empty range); the CLI says so.
    public var nothingToScan: String?
    /// The config's `sirportlyURL` (for `--verify`), unchecked; nil when not set.
    public var sirportlyURL: String?

    public init(
        findings: [GitFinding] = [], skipped: [SkippedInput] = [], warnings: [String] = [], stats: ScanStats = ScanStats(),
        failOn: Severity = .low, commitsScanned: Int = 0, nothingToScan: String? = nil
    ) {
        self.findings = findings
        self.skipped = skipped
        self.warnings = warnings
        self.stats = stats
        self.failOn = failOn
        self.commitsScanned = commitsScanned
        self.nothingToScan = nothingToScan
    }

    /// Whether any finding is at or above `failOn` (exit status 1).
    public var failed: Bool { findings.contains { $0.finding.severity >= failOn } }

    /// Every input that could not be read or fully matched, with why: skips that are coverage
    /// gaps (too large, unreadable; not binary files, submodules or LFS pointers) and inputs
    /// scanned only in part. What `git staged` fails on by default and `--fail-on-skip` otherwise.
    public var coverageGaps: [(path: String, reason: String)] {
        skipped.filter(\.reason.isCoverageGap).map { ($0.path, $0.reason.description) }
            + incomplete.map { ($0.path, $0.reason) }
    }

    /// The report as every reporter reads it: findings with their `provenance` filled in
    /// (`removedFromHead` only for history), counts by severity, the coverage manifest with `roots`.
    public func scanReport(tool: ToolInfo, roots: [String]) -> ScanReport {
        var stats = self.stats
        var reported: [ReportedFinding] = []
        for item in findings {
            var finding = item.finding
            if let p = item.provenance {
                let removed: Bool? = if case .history = mode { p.removed } else { nil }
                finding.provenance = Provenance(commit: p.commit, author: p.author, date: p.date, removedFromHead: removed)
            }
            stats.findingsBySeverity[finding.severity, default: 0] += 1
            reported.append(finding)
        }
        return ScanReport(
            tool: tool, findings: reported,
            summary: ScanSummary(
                coverage: Coverage(roots: roots, skipped: skipped, incomplete: incomplete), warnings: warnings, stats: stats,
                failOn: failOn))
    }
}

/// A git scan that could not run (exit status 2).
public enum GitScanError: Error, Sendable, CustomStringConvertible {
    case git(GitError)
    case scan(ScanError)

    public var description: String {
        switch self {
        case .git(let error): error.description
        case .scan(let error): error.description
        }
    }
}
