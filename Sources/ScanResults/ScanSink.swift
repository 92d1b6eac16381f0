import SecretRules

/// The tool that produced a report, for the JSON `tool` object and report headers.
public struct ToolInfo: Sendable, Hashable {
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}

/// The end of a run: the coverage manifest, warnings, stats and the failing severity.
public struct ScanSummary: Sendable, Hashable {
    public var coverage: Coverage
    /// Non-fatal problems (a rule that hit its match limit on a file, a config warning).
    public var warnings: [String]
    public var stats: ScanStats
    /// The severity at or above which findings fail the run.
    public var failOn: Severity

    public init(coverage: Coverage = Coverage(), warnings: [String] = [], stats: ScanStats = ScanStats(), failOn: Severity = .low) {
        self.coverage = coverage
        self.warnings = warnings
        self.stats = stats
        self.failOn = failOn
    }

    /// Whether any finding is at or above `failOn`: the run's exit status is 1 exactly then.
    public var failed: Bool { stats.findingsBySeverity.contains { $0.key >= failOn && $0.value > 0 } }
}

/// Receives a run's results as they are found.
///
/// Contract for producers (`Linter`): calls come from one thread at a time (the caller's),
/// `begin` first and `end` last; findings arrive in report order (`ReportedFinding.reportOrder`),
/// whatever the number of worker threads; all findings of one input arrive together. `skipped`
/// and `inputScanned` are progress events in walk order; the sorted manifest comes with `end`.
/// A sink that throws stops the delivery; the producer finishes the run without it and rethrows.
public protocol ScanSink {
    mutating func begin(tool: ToolInfo) throws
    mutating func finding(_ finding: ReportedFinding) throws
    /// The walk is done: `inputs` inputs will be scanned (progress: the total behind an ETA).
    /// Default: nothing.
    mutating func planned(inputs: Int) throws
    /// An input was scanned (`bytes` as the engine saw them). Default: nothing.
    mutating func inputScanned(path: String, bytes: Int64) throws
    /// An input was skipped. Default: nothing (the manifest in `end` lists it).
    mutating func skipped(_ input: SkippedInput) throws
    /// A non-fatal problem, as it happens. Default: nothing (`end` lists every warning).
    mutating func warning(_ message: String) throws
    mutating func end(_ summary: ScanSummary) throws
}

extension ScanSink {
    public mutating func planned(inputs: Int) throws {}
    public mutating func inputScanned(path: String, bytes: Int64) throws {}
    public mutating func skipped(_ input: SkippedInput) throws {}
    public mutating func warning(_ message: String) throws {}
}

/// Everything one scan found, skipped and counted, collected in memory: for tests, report merge,
/// and callers that want the whole result. Findings are in report order.
public struct ScanReport: Sendable, Hashable {
    public var tool: ToolInfo
    public var findings: [ReportedFinding]
    public var summary: ScanSummary

    public init(tool: ToolInfo = ToolInfo(name: "tokenaudit", version: ""), findings: [ReportedFinding] = [], summary: ScanSummary = ScanSummary()) {
        self.tool = tool
        self.findings = findings
        self.summary = summary
    }

    public var skipped: [SkippedInput] { summary.coverage.skipped }
    public var warnings: [String] { summary.warnings }
    public var stats: ScanStats { summary.stats }
    public var failOn: Severity { summary.failOn }
    public var failed: Bool { summary.failed }

    /// Replays the report into `sink`: `begin`, every finding, `end`.
    public func replay(into sink: inout some ScanSink) throws {
        try sink.begin(tool: tool)
        for finding in findings { try sink.finding(finding) }
        try sink.end(summary)
    }
}

/// A sink that collects everything into a `ScanReport`.
public struct CollectingSink: ScanSink {
    public private(set) var report = ScanReport()

    public init() {}

    public mutating func begin(tool: ToolInfo) { report.tool = tool }
    public mutating func finding(_ finding: ReportedFinding) { report.findings.append(finding) }
    public mutating func end(_ summary: ScanSummary) { report.summary = summary }
}
