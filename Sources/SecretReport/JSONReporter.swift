import ScanResults

/// The JSON report, the contract other tools rely on (ARCHITECTURE.md):
/// `{"tool":{"name","version"},"findings":[…],"skipped":[…],"warnings":[…],"stats":{…}}`.
///
/// Keys come in a fixed order; optional finding fields (`group`, `key`, `encoding`, `message`,
/// `lineText`, and `commit`/`author`/`date`/`removed`/`blob`, `evidence`, `verification` when
/// another layer filled them) are present only when known. Strings are escaped by `JSONString`.
/// Pretty-printed with two-space indentation and a final newline.
///
/// Streams: the head and each finding are written as they arrive; `skipped`, `warnings` and
/// `stats` at the end.
public struct JSONReporter: Reporter {
    private var output: any ReportOutput
    private var writer = JSONWriter()

    public init(output: any ReportOutput) { self.output = output }

    public mutating func begin(tool: ToolInfo) throws {
        writer.beginObject()
        writer.key("tool")
        writer.object { w in
            w.field("name", tool.name)
            w.field("version", tool.version)
        }
        writer.key("findings")
        writer.beginArray()
        try output.write(writer.take())
    }

    public mutating func finding(_ f: ReportedFinding) throws {
        writer.object { w in
            w.field("ruleID", f.ruleID)
            w.field("title", f.title)
            w.field("severity", f.severity.rawValue)
            w.field("file", f.path)
            w.field("line", f.line)
            w.field("column", f.column)
            w.field("endLine", f.endLine)
            w.field("endColumn", f.endColumn)
            w.field("secret", f.secret)
            w.field("fingerprint", f.fingerprint)
            if let group = f.group { w.field("group", group) }
            if let key = f.key { w.field("key", key) }
            if let encoding = f.encoding { w.field("encoding", encoding.rawValue) }
            if let message = f.message { w.field("message", message) }
            if let line = f.lineText { w.field("lineText", line) }
            if let p = f.provenance {
                w.field("commit", p.commit)
                w.field("author", p.author)
                w.field("date", p.date)
                if let removed = p.removedFromHead { w.field("removed", removed) }
                if let blob = p.blob { w.field("blob", blob) }
            }
            if !f.evidence.isEmpty {
                w.key("evidence")
                w.array(f.evidence) { w, e in
                    w.object { w in
                        w.field("id", e.id)
                        w.field("weight", e.weight, digits: 3)
                    }
                }
            }
            if let v = f.verification {
                w.key("verification")
                w.object { w in
                    w.field("status", v.status.rawValue)
                    if let detail = v.detail { w.field("detail", detail) }
                    if let host = v.host { w.field("host", host) }
                    if let checkedAt = v.checkedAt { w.field("checkedAt", checkedAt) }
                }
            }
        }
        try output.write(writer.take())
    }

    public mutating func end(_ summary: ScanSummary) throws {
        writer.endContainer()
        let skipped = summary.coverage.skipped
        writer.key("skipped")
        writer.array(skipped) { w, s in
            w.object { w in
                w.field("file", s.path)
                w.field("reason", s.reason.id)
                w.field("detail", s.reason.description)
            }
        }
        writer.key("warnings")
        writer.array(summary.warnings) { w, warning in w.string(warning) }
        if !summary.coverage.incomplete.isEmpty {
            // Inputs scanned only in part (match limit, damaged gzip): present only when there are some.
            writer.key("incomplete")
            writer.array(summary.coverage.incomplete) { w, input in
                w.object { w in
                    w.field("file", input.path)
                    w.field("detail", input.reason)
                }
            }
        }
        writer.key("stats")
        let stats = summary.stats
        writer.object { w in
            w.field("filesScanned", stats.filesScanned)
            w.field("bytesScanned", Int(stats.bytesScanned))
            w.field("filesSkipped", skipped.count)
            w.field("filesIgnored", stats.filesIgnored)
            w.field("findings", stats.findings)
            if stats.suppressedByBaseline > 0 { w.field("suppressedByBaseline", stats.suppressedByBaseline) }
            if let pairs = stats.verifiedPairs {
                // Live first: the pairs to revoke now.
                w.key("verifiedPairs")
                w.object { w in
                    for status in [Verification.Status.live, .restricted, .rejected, .unknown] { w.field(status.rawValue, pairs[status] ?? 0) }
                    if let errors = pairs[.error], errors > 0 { w.field(Verification.Status.error.rawValue, errors) }
                }
            }
            w.key("findingsBySeverity")
            w.object { w in
                for (severity, count) in stats.findingsBySeverityDescending { w.field(severity.rawValue, count) }
            }
            w.key("skippedByReason")
            w.object { w in
                for (reason, count) in summary.coverage.skippedByReason { w.field(reason, count) }
            }
            w.field("durationSeconds", stats.durationSeconds, digits: 3)
            w.field("bytesPerSecond", stats.bytesPerSecond, digits: 0)
            w.field("jobs", stats.jobs)
            w.field("jit", stats.jit)
            w.field("rules", stats.rules)
            // Inputs not read or not fully matched (what --fail-on-skip fails on), when any.
            if !summary.coverage.isComplete { w.field("coverageGaps", summary.coverage.gapCount) }
        }
        writer.endContainer()
        try output.write(writer.take() + "\n")
    }
}

/// The one JSON writer: keys in insertion order, strings escaped by `JSONString.quoted`.
///
/// `.pretty` indents by two spaces (reports); `.compact` writes a value on one line, for JSON
/// Lines: write one value, `take()` it and add `"\n"`. Containers are written either with the
/// closure forms (`object`, `array`) or, for streaming, with `beginObject`/`beginArray` and
/// `endContainer`; `take()` hands over what was written so far.
public struct JSONWriter: Sendable {
    public enum Style: Sendable { case pretty, compact }

    public let style: Style
    private var output = ""
    private var depth = 0
    private var needsComma = [false]
    private var afterKey = false
    private var closers: [String] = []

    public init(style: Style = .pretty) { self.style = style }

    /// The text written since the last `take()`. Taken between top-level values, it starts a new
    /// document (JSON Lines: one value per `take()`).
    public mutating func take() -> String {
        if depth == 0 { needsComma[0] = false }
        defer { output = "" }
        return output
    }

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        if needsComma[needsComma.count - 1] { output += "," }
        if depth > 0 && style == .pretty { output += "\n" + String(repeating: "  ", count: depth) }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func key(_ name: String) {
        beginValue()
        output += JSONString.quoted(name) + (style == .pretty ? ": " : ":")
        afterKey = true
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        beginObject()
        body(&self)
        endContainer()
    }

    public mutating func array<T>(_ items: some Sequence<T>, _ element: (inout JSONWriter, T) -> Void) {
        beginArray()
        for item in items { element(&self, item) }
        endContainer()
    }

    public mutating func beginObject() { open("{") }
    public mutating func beginArray() { open("[") }

    private mutating func open(_ bracket: String) {
        beginValue()
        output += bracket
        depth += 1
        needsComma.append(false)
        closers.append(bracket == "{" ? "}" : "]")
    }

    /// Closes the innermost open object or array.
    public mutating func endContainer() {
        let hadItems = needsComma.removeLast()
        depth -= 1
        if hadItems && style == .pretty { output += "\n" + String(repeating: "  ", count: depth) }
        output += closers.removeLast()
    }

    public mutating func string(_ value: String) {
        beginValue()
        output += JSONString.quoted(value)
    }

    public mutating func null() {
        beginValue()
        output += "null"
    }

    /// A literal written as is (numbers formatted by the caller).
    public mutating func raw(_ literal: String) {
        beginValue()
        output += literal
    }

    public mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: String, _ value: Int) {
        key(name)
        raw(String(value))
    }

    public mutating func field(_ name: String, _ value: Bool) {
        key(name)
        raw(value ? "true" : "false")
    }

    /// A number with a fixed count of decimals (`digits` 0: an integer).
    public mutating func field(_ name: String, _ value: Double, digits: Int) {
        key(name)
        raw(NumberText.fixed(value, digits))
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
