import TokenFormat

/// How `validate` shows a credential value or a request URL: TokenFormat's `Redaction` policy
/// (the one `scan` uses) unless the user asked for `--no-redact`, and always escaped so that a
/// value from a capture can never inject terminal control sequences.
public enum CredentialDisplay {
    /// The display form of `value`: `(empty)` for an empty value; redacted, the prefix
    /// `Redaction` allows (nothing under 16 characters, at most one in eight and never more than
    /// 4) followed by `…`; with `redact: false`, the whole value. Bytes outside printable ASCII
    /// (and `\`) are shown as `\xNN`, so the result is printable ASCII apart from the `…`.
    public static func string(_ value: some Collection<UInt8>, redact: Bool) -> String {
        if value.isEmpty { return "(empty)" }
        var out: [UInt8] = []
        if redact {
            let shown = Redaction.redact(value).unicodeScalars.dropLast()  // the prefix, without `…`
            for b in String(shown).utf8 { appendEscaped(b, to: &out) }
            out.append(contentsOf: [0xE2, 0x80, 0xA6])
        } else {
            for b in value { appendEscaped(b, to: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A request URL as shown: with `redact`, the query is replaced by `?…` and URL user info
    /// (`user:password@`) by `…@`. Either way the URL is escaped as values are.
    public static func url(_ url: String?, redact: Bool) -> String? {
        guard let url else { return nil }
        var shown = url
        if redact {
            if let q = shown.firstIndex(of: "?") { shown = String(shown[..<q]) + "?…" }
            if let scheme = shown.firstIndex(of: ":"), shown[scheme...].hasPrefix("://") {
                let authorityStart = shown.index(scheme, offsetBy: 3)
                let rest = shown[authorityStart...]
                let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
                if let at = rest[..<authorityEnd].lastIndex(of: "@") {
                    shown = String(shown[..<authorityStart]) + "…@" + String(shown[shown.index(after: at)...])
                }
            }
        }
        var out: [UInt8] = []
        for scalar in shown.unicodeScalars {
            if scalar == "…" { out.append(contentsOf: [0xE2, 0x80, 0xA6]) } else { for b in String(scalar).utf8 { appendEscaped(b, to: &out) } }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func appendEscaped(_ b: UInt8, to out: inout [UInt8]) {
        if b >= 0x20 && b < 0x7F && b != UInt8(ascii: "\\") {
            out.append(b)
        } else {
            let digits = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "x"), digits[Int(b >> 4)], digits[Int(b & 0xF)]])
        }
    }
}
