import ScanResults
import SecretRules

/// JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure Pipelines, …).
///
/// `<testsuites name="tokenaudit">` holds one `<testsuite>` per input with findings (named by its
/// path) and one `<testcase>` per finding (`classname` the path, `name` the rule id and position).
/// A finding at or above `--fail-on` is a `<failure>` (type the rule id; the body gives the title,
/// the secret in display form, the line, key, pair and commit); one below it passes and carries
/// the same text in `<system-out>`, so the JUnit verdict agrees with the exit status. Skipped
/// inputs form a last suite `skipped inputs` with `<skipped>` test cases (a coverage gap reads
/// "not scanned (coverage gap)"). A run without findings has a suite `tokenaudit` with one passing
/// test case, so no consumer sees an empty report.
///
/// Everything is escaped by `XMLText`: no markup from scanned input, and no character XML 1.0
/// forbids (control characters become visible `\u{…}` escapes).
///
/// Streams: a suite's counts come first, so the test cases of the current input are kept as text
/// (`TextSpill`: in memory up to 1 MiB, then in a private temporary file) and written after its
/// `<testsuite>` line when the next input starts or the run ends.
public struct JUnitReporter: Reporter {
    private var output: any ReportOutput
    private var pending = TextSpill()
    private var pendingPath: String?
    private var tests = 0
    private var failures = 0
    private var failOn: Severity?
    private var suites = 0

    /// - Parameter failOn: the severity at or above which a finding is a failure. Nil: every
    ///   finding fails until the summary says otherwise (findings stream before the summary, so
    ///   the CLI passes the run's threshold here).
    public init(output: any ReportOutput, failOn: Severity? = nil) {
        self.output = output
        self.failOn = failOn
    }

    public mutating func begin(tool: ToolInfo) throws {
        try output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tokenaudit\">\n")
    }

    public mutating func finding(_ f: ReportedFinding) throws {
        if let path = pendingPath, path != f.path { try flush() }
        pendingPath = f.path
        let threshold = failOn ?? .low
        let name = "\(f.ruleID) at \(f.line):\(f.column)"
        var out = "    <testcase classname=\(XMLText.attribute(f.path)) name=\(XMLText.attribute(name))>\n"
        let details = XMLText.content(Self.details(f))
        if f.severity >= threshold {
            out += "      <failure type=\(XMLText.attribute(f.ruleID)) message=\(XMLText.attribute("\(f.severity.rawValue): \(f.title)"))>"
            out += details + "</failure>\n"
            failures += 1
        } else {
            out += "      <system-out>" + details + "</system-out>\n"
        }
        out += "    </testcase>\n"
        tests += 1
        try pending.append(out)
    }

    public mutating func end(_ summary: ScanSummary) throws {
        try flush()
        var out = ""
        if suites == 0 {
            let files = summary.stats.filesScanned
            out += "  <testsuite name=\"tokenaudit\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
            out += "    <testcase classname=\"tokenaudit\" name=\"no secrets found in \(files) \(files == 1 ? "file" : "files")\"/>\n"
            out += "  </testsuite>\n"
        }
        let skipped = summary.coverage.skipped
        if !skipped.isEmpty {
            out += "  <testsuite name=\"skipped inputs\" tests=\"\(skipped.count)\" failures=\"0\" errors=\"0\" skipped=\"\(skipped.count)\">\n"
            for input in skipped {
                let gap = input.reason.isCoverageGap ? "not scanned (coverage gap)" : "not scanned"
                out += "    <testcase classname=\(XMLText.attribute(input.path)) name=\(XMLText.attribute(input.reason.id))>\n"
                out += "      <skipped message=\(XMLText.attribute("\(gap): \(input.reason.description)"))/>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        if !summary.warnings.isEmpty {
            out += "  <system-err>" + XMLText.content(summary.warnings.map(TerminalText.neutralised).joined(separator: "\n")) + "</system-err>\n"
        }
        try output.write(out + "</testsuites>\n")
    }

    private mutating func flush() throws {
        guard let path = pendingPath else { return }
        try output.write("  <testsuite name=\(XMLText.attribute(path)) tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n")
        try pending.drain { try self.output.write($0) }
        try output.write("  </testsuite>\n")
        pendingPath = nil
        tests = 0
        failures = 0
        suites += 1
    }

    /// The body of a finding's test case, one fact per line. Each value is neutralised on its own,
    /// so a line break in a file name cannot start a line of its own (a JUnit file printed in a CI
    /// log must not issue workflow commands).
    static func details(_ f: ReportedFinding) -> String {
        let n = TerminalText.neutralised
        var lines = ["\(f.severity.rawValue) \(n(f.ruleID)): \(n(f.title))", "\(n(f.path)):\(f.line):\(f.column)", "secret: \(n(f.secret))"]
        if let line = f.lineText { lines.append("line: \(n(line))") }
        if let key = f.key { lines.append("key: \(n(key))") }
        if let group = f.group { lines.append("pair: \(n(group))") }
        if let p = f.provenance { lines.append("commit: \(n(p.commit)) by \(n(p.author)) on \(n(p.date))") }
        if let message = f.message { lines.append("note: \(n(message))") }
        return lines.joined(separator: "\n")
    }
}

/// Escaping untrusted text for XML 1.0.
public enum XMLText {
    /// `text` as element content: `&`, `<`, `>` as entities; control characters (other than line
    /// feeds), DEL, C1 controls and bidi overrides as visible `\u{…}` escapes (XML 1.0 forbids most
    /// C0 controls outright, and a reader's terminal must not act on them).
    public static func content(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { escape(TerminalText.neutralised(String($0)), quotes: false) }.joined(separator: "\n")
    }

    /// `text` as a double-quoted attribute value, quotes included. Line breaks and every other
    /// control character are visible escapes too (attribute values normalise whitespace).
    public static func attribute(_ text: String) -> String {
        "\"" + escape(TerminalText.neutralised(text), quotes: true) + "\""
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&apos;"
            case "\u{FFFE}", "\u{FFFF}": out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
