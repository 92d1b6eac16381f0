import ScanResults
import SecretRules

/// Where a reporter writes: standard output, a report file, or a string in tests.
public protocol ReportOutput {
    mutating func write(_ text: String) throws
}

/// Collects written text in memory (tests, rendering a collected `ScanReport`).
public final class TextBuffer: ReportOutput {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) { self.text += text }
}

/// A report format: a `ScanSink` that writes what it receives to its output as it arrives.
public protocol Reporter: ScanSink {}

/// What a reporter may need besides the results.
public struct ReporterOptions: Sendable, Hashable {
    /// ANSI colour (text formats only); the caller decides (TTY, `--no-color`, `NO_COLOR`).
    public var color: Bool
    /// The active rules, for formats that describe rules (SARIF). Empty: rules are described from
    /// the built-in packs, and a rule found in neither by its findings' title.
    public var rules: [Rule]

    public init(color: Bool = false, rules: [Rule] = []) {
        self.color = color
        self.rules = rules
    }
}

/// The report formats of `--format`. The CLI parses this type directly.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// Human-readable findings (`TextReporter`).
    case text
    /// The JSON report contract (`JSONReporter`).
    case json
    /// SARIF 2.1.0 for GitHub code scanning and security dashboards (`SARIFReporter`).
    case sarif
    /// JUnit XML for CI test-result views (`JUnitReporter`).
    case junit
    /// RFC 4180 CSV, one row per finding (`CSVReporter`).
    case csv
    /// GitHub Actions workflow-command annotations (`GitHubAnnotationsReporter`).
    case github
    /// A Markdown summary for pull-request comments and `$GITHUB_STEP_SUMMARY` (`MarkdownReporter`).
    case markdown
    /// The self-contained HTML audit report (`HTMLReporter`).
    case html

    /// A reporter of this format writing to `output`.
    public func makeReporter(output: any ReportOutput, options: ReporterOptions = ReporterOptions()) -> any Reporter {
        switch self {
        case .text: TextReporter(output: output, color: options.color)
        case .json: JSONReporter(output: output)
        case .sarif: SARIFReporter(output: output, rules: options.rules)
        case .junit: JUnitReporter(output: output)
        case .csv: CSVReporter(output: output)
        case .github: GitHubAnnotationsReporter(output: output)
        case .markdown: MarkdownReporter(output: output)
        case .html: HTMLReporter(output: output)
        }
    }

    /// The whole report in this format, as a string.
    public func render(_ report: ScanReport, options: ReporterOptions = ReporterOptions()) -> String {
        let buffer = TextBuffer()
        var reporter = makeReporter(output: buffer, options: options)
        // A TextBuffer never throws.
        try? report.replay(into: &reporter)
        return buffer.text
    }
}
