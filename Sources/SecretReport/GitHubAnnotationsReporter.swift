import ScanResults
import SecretRules

/// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
/// diff and the run's summary.
///
/// One line per finding: `::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=TITLE::MESSAGE`
/// (critical and high: `error`, medium: `warning`, low: `notice`; columns as in the JSON report,
/// `endColumn` inclusive). The message names the rule and the secret in display form (redacted
/// unless `--no-redact`), the key, pair and commit when known. Every input that could not be read
/// or fully scanned (a coverage gap) is a `::warning file=PATH::` line; skips by design are
/// counted in the closing `::notice` line, which gives the totals.
///
/// Escaping (`GitHubAnnotationText`) follows the runner's rules: in the message `%`, CR and LF
/// are `%25`, `%0D`, `%0A`; in property values `:` and `,` are `%3A` and `%2C` too. Other control
/// characters and bidi overrides become visible `\u{…}` escapes, so a file name can neither end
/// the command nor start another one.
///
/// Streams: each finding is written as it arrives.
public struct GitHubAnnotationsReporter: Reporter {
    private var output: any ReportOutput

    public init(output: any ReportOutput) { self.output = output }

    public mutating func begin(tool: ToolInfo) throws {}

    public mutating func finding(_ f: ReportedFinding) throws {
        let properties = [
            ("file", f.path), ("line", String(f.line)), ("col", String(f.column)), ("endLine", String(f.endLine)),
            ("endColumn", String(f.endColumn)), ("title", "\(f.title) (\(f.ruleID))"),
        ]
        try output.write(GitHubAnnotationText.command(Self.command(f.severity), properties: properties, message: Self.message(f)))
    }

    public mutating func end(_ summary: ScanSummary) throws {
        var out = ""
        for input in summary.coverage.skipped where input.reason.isCoverageGap {
            out += GitHubAnnotationText.command(
                "warning", properties: [("file", input.path), ("title", "TokenAudit: not scanned")],
                message: "\(input.path) was not scanned: \(input.reason.description)")
        }
        for warning in summary.warnings {
            out += GitHubAnnotationText.command("warning", properties: [("title", "TokenAudit warning")], message: warning)
        }
        let stats = summary.stats
        var totals = "\(stats.findings) \(stats.findings == 1 ? "finding" : "findings")"
        let counts = stats.findingsBySeverityDescending.filter { $0.count > 0 }
        if !counts.isEmpty { totals += " (" + counts.map { "\($0.count) \($0.severity.rawValue)" }.joined(separator: ", ") + ")" }
        totals += " in \(stats.filesScanned) \(stats.filesScanned == 1 ? "file" : "files")"
        let skipped = summary.coverage.skipped
        if !skipped.isEmpty {
            totals += "; skipped \(skipped.count) ("
                + summary.coverage.skippedByReason.map { "\($0.reason) \($0.count)" }.joined(separator: ", ") + ")"
        }
        out += GitHubAnnotationText.command("notice", properties: [("title", "TokenAudit")], message: totals)
        try output.write(out)
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low: "notice"
        }
    }

    static func message(_ f: ReportedFinding) -> String {
        var text = "\(f.severity.rawValue) \(f.ruleID): \(f.title): \(f.secret)"
        if let key = f.key { text += " (in \(key))" }
        if f.group != nil { text += "; part of a credential pair" }
        if let p = f.provenance {
            text += "; introduced in commit \(p.commit.prefix(12)) by \(p.author) on \(p.date)"
            if p.removedFromHead == true { text += ", removed from HEAD, still in history" }
        }
        if let message = f.message { text += ". " + message }
        return text
    }
}

/// Escaping for GitHub Actions workflow commands (`::command key=value,…::message`).
public enum GitHubAnnotationText {
    /// One command line, ending in `\n`. Properties keep their order.
    public static func command(_ name: String, properties: [(String, String)], message: String) -> String {
        var line = "::" + name
        if !properties.isEmpty {
            line += " " + properties.map { "\($0.0)=\(property($0.1))" }.joined(separator: ",")
        }
        return line + "::" + data(message) + "\n"
    }

    /// A message: `%`, CR and LF percent-encoded; other control characters and bidi overrides as
    /// visible escapes.
    public static func data(_ text: String) -> String {
        encode(text, extra: [:])
    }

    /// A property value: as `data`, and `:` and `,` percent-encoded.
    public static func property(_ text: String) -> String {
        encode(text, extra: [":": "%3A", ",": "%2C"])
    }

    private static func encode(_ text: String, extra: [Unicode.Scalar: String]) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                if let replacement = extra[scalar] {
                    out += replacement
                } else if TerminalText.needsEscape(scalar) {
                    out += TerminalText.neutralised(String(scalar))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
