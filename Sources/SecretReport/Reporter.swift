import ScanResults

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

    public init(color: Bool = false) { self.color = color }
}

/// The report formats of `--format`. The CLI parses this type directly.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// Human-readable findings (`TextReporter`).
    case text
    /// The JSON report contract (`JSONReporter`).
    case json
    /// The self-contained HTML audit report (`HTMLReporter`).
    case html

    /// A reporter of this format writing to `output`.
    public func makeReporter(output: any ReportOutput, options: ReporterOptions = ReporterOptions()) -> any Reporter {
        switch self {
        case .text: TextReporter(output: output, color: options.color)
        case .json: JSONReporter(output: output)
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
