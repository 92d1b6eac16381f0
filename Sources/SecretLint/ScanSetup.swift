import PCRE2
import SecretRules
import ScanResults
import SecretScanner

/// The configuration and engine of one scan: the config file (if any), the effective rules, and
/// the limits the config contributes.
public struct ScanSetup: Sendable {
    /// The config file used, or nil when there was none.
    public let configPath: String?
    public let rules: [Rule]
    public let engine: Engine
    /// The size limit: the request's, else the config's, else none.
    public let maxFileSize: Int64?
    /// The failing severity: the request's, else the config's, else `low`.
    public let failOn: Severity
    /// The config's `sirportlyURL` (for `--verify`), unchecked; nil when not set.
    public let sirportlyURL: String?

    /// The name of the config file looked for at the scan root.
    public static let configFileName = ".tokenaudit.toml"

    /// Loads the config (`request.configPath`, else `.tokenaudit.toml` in the first directory among
    /// the request's paths, else in the working directory), computes the effective rules and
    /// builds the engine. Throws `ScanError.configuration` with `path:line:column: error: …` for a
    /// bad config, and when an explicitly named config file cannot be read.
    public static func load(_ request: ScanRequest) throws(ScanError) -> ScanSetup {
        var config: ConfigFile?
        var usedPath: String?
        if let explicit = request.configPath {
            let fsPath = DirectoryWalker(useIgnoreFiles: false, followSymlinks: false, workingDirectory: request.workingDirectory)
                .fileSystemPath(explicit)
            guard let text = readTextFile(fsPath, limit: 16 << 20) else {
                throw .configuration(message: "\(explicit): error: cannot read the config file")
            }
            config = try parse(text, path: explicit)
            usedPath = explicit
        } else if let candidate = defaultConfigPath(request) {
            let walker = DirectoryWalker(useIgnoreFiles: false, followSymlinks: false, workingDirectory: request.workingDirectory)
            if case .success(let status) = EntryStatus.of(walker.fileSystemPath(candidate), followingSymlink: true),
               status.kind == .regular,
               let text = readTextFile(walker.fileSystemPath(candidate), limit: 16 << 20) {
                config = try parse(text, path: candidate)
                usedPath = candidate
            }
        }
        let builtins: [Rule]
        do {
            builtins = try BuiltinRules.forScanning()
        } catch {
            throw .configuration(message: error.description)
        }
        let effective: [Rule]
        do {
            effective = try config?.effectiveRules(builtins: builtins) ?? builtins
        } catch {
            throw .configuration(message: error.description)
        }
        let rules: [Rule]
        do {
            rules = try request.ruleSelection.apply(to: effective)
        } catch {
            throw .configuration(message: error.message)
        }
        var options = EngineOptions()
        options.jit = request.jit
        options.reportKnownExamples = request.reportKnownExamples
        options.allowlists = config?.allowlists ?? []
        if let key = request.fingerprintKey { options.fingerprintKey = key }
        let engine: Engine
        do {
            engine = try Engine(rules: rules, options: options)
        } catch {
            throw .engine(message: error.description)
        }
        return ScanSetup(
            configPath: usedPath, rules: rules, engine: engine,
            maxFileSize: request.maxFileSize ?? config?.maxFileSize.map(Int64.init),
            failOn: request.failOn ?? config?.failOn ?? .low, sirportlyURL: config?.sirportlyURL)
    }

    private static func parse(_ text: String, path: String) throws(ScanError) -> ConfigFile {
        do {
            return try ConfigFile.parse(text, path: path)
        } catch {
            throw .configuration(message: error.description)
        }
    }

    /// `.tokenaudit.toml` in the first directory named by the request (the scan root), or in the
    /// working directory when no directory is named.
    static func defaultConfigPath(_ request: ScanRequest) -> String? {
        let walker = DirectoryWalker(useIgnoreFiles: false, followSymlinks: false, workingDirectory: request.workingDirectory)
        let paths = request.paths.isEmpty ? ["."] : request.paths
        for path in paths where path != "-" {
            if case .success(let status) = EntryStatus.of(walker.fileSystemPath(path), followingSymlink: true),
               status.kind == .directory {
                return DirectoryWalker.join(DirectoryWalker.displayRoot(path), configFileName)
            }
        }
        return configFileName
    }
}

/// The engine's `ScanWorker` as a `ContentScanner`.
public struct EngineContentScanner: ContentScanner {
    public let worker: ScanWorker

    public init(worker: ScanWorker) { self.worker = worker }

    public func scan(_ bytes: UnsafeRawBufferPointer, path: String) throws -> ContentScanResult {
        Self.convert(worker.scan(bytes, path: path))
    }

    public func scanStream(path: String, read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> ContentScanResult {
        Self.convert(try worker.scanStream(path: path, read: read))
    }

    public func scanStream(
        path: String, read: (UnsafeMutableRawBufferPointer) throws -> Int, emit: ([StreamedFinding]) throws -> Void
    ) throws -> StreamedContentResult {
        let result = try worker.scanStream(path: path, read: read, emit: emit)
        return StreamedContentResult(
            warnings: result.warnings.map(\.message), coverageGaps: result.warnings.filter(\.isCoverageGap).map(\.message),
            pairs: result.pairs)
    }

    static func convert(_ result: ScanResult) -> ContentScanResult {
        ContentScanResult(
            findings: result.findings,
            // The engine's messages already name the rule.
            warnings: result.warnings.map(\.message),
            coverageGaps: result.warnings.filter(\.isCoverageGap).map(\.message))
    }
}

extension Linter {
    /// Runs a whole scan: loads the config and rules, walks the paths, scans every target in
    /// parallel with the engine, and pushes the results into `sink` as they are found (in report
    /// order). Throws only for problems with the run itself (bad config, a path that does not
    /// exist, stdin named twice, a failing sink); failing files are recorded as skipped.
    public static func run(
        _ request: ScanRequest, tool: ToolInfo = ToolInfo(name: "tokenaudit", version: ""), into sink: inout some ScanSink
    ) throws(ScanError) -> ScanSummary {
        let start = ContinuousClock.now
        let setup = try ScanSetup.load(request)
        let plan = try plan(request)
        let engine = setup.engine
        var stats = ScanStats()
        stats.rules = setup.rules.count
        stats.jit = request.jit == .ifAvailable && PCRE2Library.jitSupported
        stats.durationSeconds = seconds(ContinuousClock.now - start)
        return try execute(
            plan, request: request, maxFileSize: setup.maxFileSize, failOn: setup.failOn, tool: tool, stats: stats,
            into: &sink
        ) {
            EngineContentScanner(worker: engine.makeWorker())
        }
    }

    /// `run` collecting everything into a `ScanReport`.
    public static func run(_ request: ScanRequest) throws(ScanError) -> ScanReport {
        var sink = CollectingSink()
        _ = try run(request, into: &sink)
        return sink.report
    }
}
