/// Escaping for the HTML report: every string from a scan (file names, keys, excerpts, rule ids
/// and titles of user rules, commit authors, skip messages) passes through one of these before it
/// reaches the page.
///
/// - `text(_:)` for element content and double-quoted attribute values: `&`, `<`, `>`, `"`, `'`
///   become character references, so no scanned string can open or close an element or an
///   attribute.
/// - `json(_:)` for the JSON islands (`<script type="application/json">`) the table script reads:
///   a JSON string literal in which `<`, `>`, `&`, U+2028 and U+2029 are `\u` escapes as well, so
///   that no `</script`, `<!--` or `]]>` can appear inside the island and the literal is also valid
///   JavaScript source.
///
/// Both first make invisible characters visible (`TerminalText.neutralised`: control characters,
/// and the bidirectional overrides that could make `evil\u{202E}txt.sh` read as `evil hs.txt`), so
/// the page shows what the file really contains.
enum HTMLText {
    /// `s` escaped for HTML element content or a double-quoted attribute value.
    static func text(_ s: String) -> String {
        let visible = TerminalText.neutralised(s)
        guard visible.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return visible }
        var out = ""
        out.reserveCapacity(visible.utf8.count + 16)
        for scalar in visible.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `s` as a JSON string literal that is safe inside `<script type="application/json">`.
    static func json(_ s: String) -> String {
        let visible = TerminalText.neutralised(s)
        var out = "\""
        out.reserveCapacity(visible.utf8.count + 2)
        for scalar in visible.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                // neutralised() left no control characters; keep the check as the last line of defence.
                if scalar.value < 0x20 {
                    out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `n` with thousands separators: `12345` is "12,345".
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    /// `label` shortened to at most `limit` characters, keeping its end (a path's file name is
    /// its most telling part): "…/deep/path/file.yml".
    static func shortened(_ label: String, limit: Int) -> String {
        guard label.count > limit else { return label }
        return "\u{2026}" + label.suffix(limit - 1)
    }
}

extension String {
    /// The first character uppercased ("critical" is "Critical"), for fixed English labels.
    var capitalizedWord: String { prefix(1).uppercased() + dropFirst() }
}
