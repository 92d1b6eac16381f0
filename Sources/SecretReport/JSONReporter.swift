/// The JSON report, the contract other tools rely on (ARCHITECTURE.md):
/// `{"tool":{"name","version"},"findings":[…],"skipped":[…],"stats":{…}}`.
///
/// Keys come in a fixed order; optional finding fields (`group`, `key`, `encoding`, `message`,
/// `lineText`) are present only when known. Strings are escaped per RFC 8259, and C1 controls,
/// DEL and bidi overrides are escaped too, so a terminal showing the raw JSON cannot be driven by
/// a scanned file. Pretty-printed with two-space indentation and a final newline.
public struct JSONReporter: Sendable {
    public init() {}

    public func format(_ report: Report) -> String {
        var w = JSONWriter()
        w.object { w in
            w.key("tool")
            w.object { w in
                w.field("name", report.tool.name)
                w.field("version", report.tool.version)
            }
            w.key("findings")
            w.array(report.findings) { w, f in
                w.object { w in
                    w.field("ruleID", f.ruleID)
                    w.field("title", f.title)
                    w.field("severity", f.severity.rawValue)
                    w.field("file", f.file)
                    w.field("line", f.line)
                    w.field("column", f.column)
                    w.field("endLine", f.endLine)
                    w.field("endColumn", f.endColumn)
                    w.field("secret", f.secret)
                    w.field("fingerprint", f.fingerprint)
                    if let group = f.group { w.field("group", group) }
                    if let key = f.key { w.field("key", key) }
                    if let encoding = f.encoding { w.field("encoding", encoding) }
                    if let message = f.message { w.field("message", message) }
                    if let line = f.lineText { w.field("lineText", line) }
                }
            }
            w.key("skipped")
            w.array(report.skipped) { w, s in
                w.object { w in
                    w.field("file", s.file)
                    w.field("reason", s.reason)
                    w.field("detail", s.detail)
                }
            }
            w.key("warnings")
            w.array(report.warnings) { w, warning in w.string(warning) }
            w.key("stats")
            let stats = report.stats
            w.object { w in
                w.field("filesScanned", stats.filesScanned)
                w.field("bytesScanned", Int(stats.bytesScanned))
                w.field("filesSkipped", report.skipped.count)
                w.field("filesIgnored", stats.filesIgnored)
                w.field("findings", report.findings.count)
                w.key("findingsBySeverity")
                w.object { w in
                    for (severity, count) in report.findingsBySeverity { w.field(severity.rawValue, count) }
                }
                w.key("skippedByReason")
                w.object { w in
                    for (reason, count) in report.skippedByReason { w.field(reason, count) }
                }
                w.key("durationSeconds")
                w.raw(NumberText.fixed(stats.durationSeconds, 3))
                w.key("bytesPerSecond")
                w.raw(NumberText.fixed(stats.bytesPerSecond, 0))
                w.field("jobs", stats.jobs)
                w.field("jit", stats.jit)
                w.field("rules", stats.rules)
            }
        }
        return w.output + "\n"
    }
}

/// A small pretty-printing JSON writer with keys in insertion order.
struct JSONWriter {
    private(set) var output = ""
    private var depth = 0
    private var needsComma = [false]
    private var afterKey = false

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        if needsComma[needsComma.count - 1] { output += "," }
        if depth > 0 { output += "\n" + String(repeating: "  ", count: depth) }
        needsComma[needsComma.count - 1] = true
    }

    mutating func key(_ name: String) {
        beginValue()
        output += JSONString.quoted(name) + ": "
        afterKey = true
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        container("{", "}", body)
    }

    mutating func array<T>(_ items: [T], _ element: (inout JSONWriter, T) -> Void) {
        container("[", "]") { w in
            for item in items { element(&w, item) }
        }
    }

    private mutating func container(_ open: String, _ close: String, _ body: (inout JSONWriter) -> Void) {
        beginValue()
        output += open
        depth += 1
        needsComma.append(false)
        body(&self)
        let hadItems = needsComma.removeLast()
        depth -= 1
        if hadItems { output += "\n" + String(repeating: "  ", count: depth) }
        output += close
    }

    mutating func string(_ value: String) {
        beginValue()
        output += JSONString.quoted(value)
    }

    mutating func raw(_ literal: String) {
        beginValue()
        output += literal
    }

    mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ value: Int) {
        key(name)
        raw(String(value))
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        raw(value ? "true" : "false")
    }

}

/// JSON string literals, for every JSON TokenAudit writes (reports, `validate --format json`).
public enum JSONString {
    /// `s` as a JSON string literal: quotes, backslashes and control characters escaped, and the
    /// scalars a terminal would act on (`TerminalText.needsEscape`) written as `\u` escapes, so
    /// that JSON printed to a terminal is as safe as text output.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if TerminalText.needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
