/// Writes rules and allowlists as TOML in the `.tokenaudit.toml` schema (docs/RULES.md), for
/// `rules import`. Strings are literal strings (`'…'`, `'''…'''`) when they can be — regexes then
/// need no escaping — and basic strings with escapes otherwise; `TOMLDocument` reads every string
/// back exactly.
struct TOMLWriter {
    enum Value {
        case string(String)
        case strings([String])
        case integer(Int)
        case number(Double)
        case boolean(Bool)
    }

    private(set) var text = ""

    mutating func line(_ s: String) { text += s + "\n" }
    mutating func blank() { text += "\n" }
    mutating func header(_ h: String) { line(h) }

    mutating func assign(_ key: String, _ value: Value, indent: String = "") {
        line(indent + key + " = " + Self.encode(value))
    }

    /// A rule's fields (not its allowlists), defaults left out.
    mutating func rule(_ r: Rule) {
        assign("id", .string(r.id))
        if r.title != r.id && r.title != r.description { assign("title", .string(r.title)) }
        if !r.description.isEmpty { assign("description", .string(r.description)) }
        if r.severity != .medium { assign("severity", .string(r.severity.rawValue)) }
        if !r.keywords.isEmpty { assign("keywords", .strings(r.keywords)) }
        if let regex = r.regex { assign("regex", .string(regex)) }
        if let g = r.secretGroup { assign("secretGroup", .integer(g)) }
        if let e = r.entropy { assign("entropy", .number(e)) }
        if let p = r.path { assign("path", .string(p)) }
        if !r.tags.isEmpty { assign("tags", .strings(r.tags)) }
    }

    mutating func allowlist(_ a: Allowlist, indent: String) {
        if let d = a.description { assign("description", .string(d), indent: indent) }
        if a.matchAll { assign("condition", .string("AND"), indent: indent) }
        if a.regexTarget != .secret { assign("regexTarget", .string(a.regexTarget.rawValue), indent: indent) }
        if !a.regexes.isEmpty { assign("regexes", .strings(a.regexes), indent: indent) }
        if !a.paths.isEmpty { assign("paths", .strings(a.paths), indent: indent) }
        if !a.stopwords.isEmpty { assign("stopwords", .strings(a.stopwords), indent: indent) }
    }

    static func encode(_ value: Value) -> String {
        switch value {
        case .string(let s): return string(s)
        case .strings(let a): return "[" + a.map(string).joined(separator: ", ") + "]"
        case .integer(let i): return String(i)
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) + ".0" : String(d)
        case .boolean(let b): return b ? "true" : "false"
        }
    }

    /// A TOML string that reads back as exactly `s`.
    static func string(_ s: String) -> String {
        let hasControl = s.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        if !hasControl {
            if !s.contains("'") { return "'" + s + "'" }
            if !s.contains("'''") && !s.hasSuffix("'") { return "'''" + s + "'''" }
        }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
