import PCRE2
import SecretRules

/// Everything a scan needs to know, as one value: the CLI fills it from flags, tests and other
/// tools fill it directly. Defaults are those of `tokenaudit scan` with no flags.
public struct ScanRequest: Sendable {
    /// Files and directories to scan; `-` means standard input. Empty means `.`.
    public var paths: [String]
    /// The path shown for findings in standard input.
    public var stdinName: String
    /// A config file to use instead of `.tokenaudit.toml` at the scan root. Nil: look for
    /// `.tokenaudit.toml` in the first directory among `paths` (or the working directory).
    public var configPath: String?
    /// Honour `.gitignore`, `.ignore` and `.tokenauditignore` files during directory walks.
    public var useIgnoreFiles: Bool
    /// Scan files that look binary (NUL bytes in the first block) instead of skipping them.
    public var scanBinary: Bool
    /// Follow symbolic links found during a walk. A followed link never leads outside the scan
    /// roots, around a loop, or into a directory already walked (each is listed as skipped; see
    /// `DirectoryWalker`). Links named explicitly in `paths` are always followed.
    public var followSymlinks: Bool
    /// With `followSymlinks`, also follow links whose target is outside every scan root (loops and
    /// directories already walked are still skipped).
    public var followSymlinksOutsideRoots: Bool = false
    /// Files larger than this many bytes are skipped. Nil: the config's `maxFileSize`, else no limit.
    public var maxFileSize: Int64?
    /// A gzip stream inflating to more than this many times its compressed size is abandoned as a
    /// decompression bomb.
    public var maxDecompressionRatio: Int
    /// Worker threads. Nil or 0: one per active processor.
    public var jobs: Int?
    /// Show secrets as their first characters and `…` (the default) rather than in full.
    public var redact: Bool
    /// PCRE2 JIT policy for the engine.
    public var jit: JITPolicy
    /// Report the Sirportly documentation's example values instead of suppressing them.
    public var reportKnownExamples: Bool
    /// Minimum severity that fails the run. Nil: the config's `failOn`, else `low`.
    public var failOn: Severity?
    /// Which of the effective rules (built-in plus config) the scan uses: `--rules` and
    /// `--exclude-rules`. An entry that selects no rule makes the run fail with a configuration error.
    public var ruleSelection: RuleSelection = RuleSelection()
    /// The directory relative paths are resolved against. Nil: the process's working directory.
    public var workingDirectory: String?
    /// Inputs up to this many bytes are read whole and scanned in memory; larger ones are streamed
    /// to the engine in blocks (memory stays bounded whatever their size).
    public var inMemoryLimit: Int = 8 << 20
    /// The fingerprint key (`FingerprintKey.resolve`). Nil: a random key for this process.
    public var fingerprintKey: [UInt8]?
    /// Scan only this shard of the inputs (`--shard I/N`). Nil: everything.
    public var shard: Shard?

    public init(
        paths: [String] = ["."], stdinName: String = "<stdin>", configPath: String? = nil,
        useIgnoreFiles: Bool = true, scanBinary: Bool = false, followSymlinks: Bool = false,
        maxFileSize: Int64? = nil, maxDecompressionRatio: Int = 200, jobs: Int? = nil, redact: Bool = true,
        jit: JITPolicy = .ifAvailable, reportKnownExamples: Bool = false, failOn: Severity? = nil,
        workingDirectory: String? = nil
    ) {
        self.paths = paths
        self.stdinName = stdinName
        self.configPath = configPath
        self.useIgnoreFiles = useIgnoreFiles
        self.scanBinary = scanBinary
        self.followSymlinks = followSymlinks
        self.maxFileSize = maxFileSize
        self.maxDecompressionRatio = maxDecompressionRatio
        self.jobs = jobs
        self.redact = redact
        self.jit = jit
        self.reportKnownExamples = reportKnownExamples
        self.failOn = failOn
        self.workingDirectory = workingDirectory
    }
}

/// A problem with the run as a whole (not with one file): the CLI exits with status 2.
public enum ScanError: Error, Sendable, CustomStringConvertible {
    /// The config file is invalid; `message` reads `path:line:column: error: what is wrong`.
    case configuration(message: String)
    /// A path named in the request cannot be scanned at all.
    case unreadableRoot(path: String, message: String)
    /// Standard input was named more than once.
    case stdinTwice
    /// The rules could not be compiled into an engine.
    case engine(message: String)
    /// The sink (a reporter writing to its output) failed; `message` is its error.
    case output(message: String)

    public var description: String {
        switch self {
        case .configuration(let message): message
        case .unreadableRoot(let path, let message): "\(path): \(message)"
        case .stdinTwice: "standard input (-) can be scanned only once"
        case .engine(let message): "cannot build the scanner: \(message)"
        case .output(let message): "cannot write the report: \(message)"
        }
    }
}
