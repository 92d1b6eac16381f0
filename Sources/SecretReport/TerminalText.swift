/// Making untrusted text (from scanned files and file names) safe to show on a terminal.
public enum TerminalText {
    /// `text` with every character a terminal could act on replaced by a visible escape: C0
    /// controls (ESC, BEL, CR, backspace, …; a tab becomes a space), DEL, C1 controls (including
    /// the one-byte CSI U+009B), and the bidirectional overrides and isolates that can reorder what
    /// is shown (U+202A–U+202E, U+2066–U+2069). Escapes read `\u{1B}`. Other text is unchanged.
    public static func neutralised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                out.append(" ")
            } else if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(hex(scalar.value))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}

/// ANSI styling, applied only when colour is on.
struct Styler {
    var enabled: Bool

    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }

    func severity(_ s: String, _ severity: String) -> String {
        switch severity {
        case "critical": wrap(s, "1;31")
        case "high": wrap(s, "31")
        case "medium": wrap(s, "33")
        default: wrap(s, "36")
        }
    }

    private func wrap(_ s: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}

/// Fixed-point and size formatting without Foundation, so that output is identical everywhere.
public enum NumberText {
    /// `value` rounded to `digits` decimals, e.g. `fixed(2.345, 2)` is "2.35" (rounded half up).
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int64(scaled / scale)
        let frac = Int64(scaled) - whole * Int64(scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        var fracText = String(frac)
        while fracText.count < digits { fracText = "0" + fracText }
        return "\(sign)\(whole).\(fracText)"
    }

    /// Decimal megabytes with one decimal, e.g. "3.4 MB"; bytes below 1 MB as "812 B" / "12.0 kB".
    public static func size(_ bytes: Int64) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        if bytes < 1_000_000 { return fixed(Double(bytes) / 1e3, 1) + " kB" }
        if bytes < 1_000_000_000 { return fixed(Double(bytes) / 1e6, 1) + " MB" }
        return fixed(Double(bytes) / 1e9, 2) + " GB"
    }
}
