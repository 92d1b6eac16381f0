import SecretRules

/// A rule example re-rendered in another setting: the text, the secret spans the rule must
/// report in it (UTF-8 byte ranges), and the file path it is scanned under.
struct RenderedExample: Sendable, Hashable {
    var text: String
    var spans: [Range<Int>]
    var path: String
}

/// The altered copies every positive example is re-checked in (ARCHITECTURE.md, "Tests").
///
/// Two families:
/// - value re-renderings, for examples of the form `key <sep> value` (one line; `=` or `: ` as
///   separator; the key bare or double-quoted; the value bare or quoted; every marked span inside
///   the value): single- and double-quoted value, and the key and value as JSON, YAML, .env and
///   INI. A rendering that would need to escape the value (a quote inside it, a key that is not
///   an environment variable name for .env) does not exist for that example — it is left out by
///   construction, so nothing is ignored by name.
/// - structure-independent copies, for every example: CRLF line ends, after multi-byte characters,
///   at the very start and the very end of the buffer, surrounded by unrelated lines. Chunk
///   boundaries are handled by the stream test itself (see `ChunkSplit`).
enum ExampleVariant: String, Sendable, CaseIterable, CustomStringConvertible {
    case doubleQuoted = "double-quoted value"
    case singleQuoted = "single-quoted value"
    case json = "JSON value"
    case yaml = "YAML value"
    case dotenv = ".env value"
    case ini = "INI value"
    case crlf = "CRLF line ends"
    case afterEmoji = "after an emoji"
    case atStart = "at buffer start"
    case atEnd = "at buffer end"
    case surrounded = "among unrelated lines"

    var description: String { rawValue }

    /// Lines that contain nothing a rule looks for (no keywords, no secret-shaped values, none of
    /// the words context rules use such as "example" or "test").
    static let unrelatedLines = [
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
        "",
        "Sed ut perspiciatis unde omnis iste natus error sit voluptatem.",
        "Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit.",
    ]

    /// The copy of `text` (markers already stripped, secret at `spans`) in this variant, or nil when
    /// the variant does not apply to this example.
    func render(_ text: String, spans: [Range<Int>]) -> RenderedExample? {
        switch self {
        case .crlf:
            let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
            // Each LF before an offset becomes CRLF: shift by the number of LFs before it.
            let bytes = Array(text.utf8)
            func shifted(_ offset: Int) -> Int { offset + bytes[..<offset].filter { $0 == 0x0A }.count }
            let header = Array("Lorem ipsum\r\n".utf8)
            var out = header
            for (k, line) in lines.enumerated() {
                if k > 0 { out += [0x0D, 0x0A] }
                out += line
            }
            out += Array("\r\nSed ut perspiciatis\r\n".utf8)
            return RenderedExample(
                text: String(decoding: out, as: UTF8.self),
                spans: spans.map { (shifted($0.lowerBound) + header.count)..<(shifted($0.upperBound) + header.count) },
                path: "example.txt")
        case .afterEmoji:
            return Self.wrap(text, spans: spans, before: "🚀✨ déjà vu — naïve café 👩‍💻\n", after: "")
        case .atStart:
            return Self.wrap(text, spans: spans, before: "", after: "\n" + Self.unrelatedLines.joined(separator: "\n") + "\n")
        case .atEnd:
            return Self.wrap(text, spans: spans, before: Self.unrelatedLines.joined(separator: "\n") + "\n", after: "")
        case .surrounded:
            let block = Self.unrelatedLines.joined(separator: "\n")
            return Self.wrap(text, spans: spans, before: block + "\n\n" + block + "\n", after: "\n" + block + "\n\n" + block + "\n")
        case .doubleQuoted, .singleQuoted, .json, .yaml, .dotenv, .ini:
            guard let kv = KeyValueExample(text, spans: spans) else { return nil }
            return kv.render(self)
        }
    }

    static func wrap(_ text: String, spans: [Range<Int>], before: String, after: String) -> RenderedExample {
        let shift = before.utf8.count
        return RenderedExample(text: before + text + after, spans: spans.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }, path: "example.txt")
    }
}

/// An example of the form `key <sep> value`, taken apart so that it can be written in other syntaxes.
///
/// The form, deliberately narrow so that a re-rendering means the same as the original:
/// - one line; optional leading spaces and `export `;
/// - a bare key (`[A-Za-z_][A-Za-z0-9_-]*`: no `self.x`, `$x`, `@x`, which are code) or a
///   double-quoted key (a JSON member: it is re-rendered as JSON only);
/// - `=` or `:` followed by a space (so `https://` is no key; `:=`, `=>` are code);
/// - a value that is double- or single-quoted (then nothing but spaces may follow; after a quoted
///   key a trailing comma is allowed), or bare up to a ` #` comment. A bare value with spaces is
///   allowed only after `: ` (a header such as `Authorization: Bearer x`); `K=v cmd` is a shell
///   command, not an assignment;
/// - every marked span inside the value, and nothing between the value's start and the first span
///   that would start another assignment or structure (`= : & , ; " ' ( ) [ ] { }`): in
///   `user=alice&password=«x»` or `Parameters: {"password"=>"«x»"}` the key is not the secret's.
struct KeyValueExample {
    var key: String
    /// The value as written between its quotes (or bare).
    var value: String
    /// The quote the value was written in (`"` or `'`), nil for a bare value.
    var originalQuote: UInt8?
    /// Whether the key was double-quoted (a JSON member).
    var quotedKey: Bool
    /// The secret spans relative to the start of `value`.
    var spansInValue: [Range<Int>]

    init?(_ text: String, spans: [Range<Int>]) {
        let b = Array(text.utf8)
        guard !spans.isEmpty, !b.contains(0x0A), !b.contains(0x0D) else { return nil }
        var i = 0
        func skipSpaces() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 } }
        skipSpaces()
        if b[i...].starts(with: Array("export ".utf8)) { i += 7; skipSpaces() }
        let keyStart: Int, keyEnd: Int
        if i < b.count, b[i] == 0x22 {
            guard let close = b[(i + 1)...].firstIndex(of: 0x22) else { return nil }
            keyStart = i + 1
            keyEnd = close
            i = close + 1
            quotedKey = true
        } else {
            keyStart = i
            while i < b.count, Self.isKeyByte(b[i]) { i += 1 }
            keyEnd = i
            quotedKey = false
        }
        guard keyEnd > keyStart, Self.isLetter(b[keyStart]) || b[keyStart] == 0x5F else { return nil }
        if quotedKey, !b[keyStart..<keyEnd].allSatisfy(Self.isKeyByte) { return nil }
        skipSpaces()
        guard i < b.count else { return nil }
        let colon: Bool
        if b[i] == 0x3D, !(i + 1 < b.count && (b[i + 1] == 0x3D || b[i + 1] == 0x3E)) {
            colon = false
            i += 1
        } else if b[i] == 0x3A, i + 1 < b.count, b[i + 1] == 0x20 || b[i + 1] == 0x09 {
            colon = true
            i += 1
        } else {
            return nil
        }
        skipSpaces()
        guard i < b.count else { return nil }
        var valueStart = i, valueEnd = b.count
        if b[i] == 0x22 || b[i] == 0x27 {
            let quote = b[i]
            guard let close = b[(i + 1)...].firstIndex(of: quote) else { return nil }
            originalQuote = quote
            valueStart = i + 1
            valueEnd = close
            var rest = b[(close + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
            if quotedKey, rest.first == 0x2C { rest = rest.dropFirst().drop { $0 == 0x20 || $0 == 0x09 } }
            guard rest.isEmpty else { return nil }
        } else {
            originalQuote = nil
            // A ` #` comment ends a bare value.
            var k = valueStart
            while k < b.count {
                if b[k] == 0x23, k > valueStart, b[k - 1] == 0x20 || b[k - 1] == 0x09 { valueEnd = k; break }
                k += 1
            }
            while valueEnd > valueStart, b[valueEnd - 1] == 0x20 || b[valueEnd - 1] == 0x09 { valueEnd -= 1 }
            let hasSpace = b[valueStart..<valueEnd].contains { $0 == 0x20 || $0 == 0x09 }
            if hasSpace && !colon { return nil }
        }
        guard valueEnd > valueStart, spans.allSatisfy({ $0.lowerBound >= valueStart && $0.upperBound <= valueEnd }) else { return nil }
        let firstSpan = spans.map(\.lowerBound).min()!
        let structural: Set<UInt8> = [0x3D, 0x3A, 0x26, 0x2C, 0x3B, 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D]
        guard !b[valueStart..<firstSpan].contains(where: structural.contains) else { return nil }
        key = String(decoding: b[keyStart..<keyEnd], as: UTF8.self)
        value = String(decoding: b[valueStart..<valueEnd], as: UTF8.self)
        spansInValue = spans.map { ($0.lowerBound - valueStart)..<($0.upperBound - valueStart) }
    }

    static func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
    static func isKeyByte(_ c: UInt8) -> Bool {
        isLetter(c) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D
    }

    /// A backslash in a value written in double quotes is an escape: the value means the same only
    /// inside double quotes again. Elsewhere a backslash is literal and would need escaping there.
    var hasBackslash: Bool { value.utf8.contains(0x5C) }
    var escapedText: Bool { hasBackslash && originalQuote == 0x22 }
    var fitsDoubleQuotes: Bool { !value.utf8.contains(0x22) && !value.utf8.contains { $0 < 0x20 } && (!hasBackslash || escapedText) }
    var fitsRaw: Bool { !escapedText }

    /// The rendering, or nil when this example cannot be written that way without changing it.
    func render(_ variant: ExampleVariant) -> RenderedExample? {
        if quotedKey && variant != .json { return nil }
        let prefix: String, suffix: String, path: String
        switch variant {
        case .doubleQuoted:
            guard fitsDoubleQuotes else { return nil }
            (prefix, suffix, path) = ("\(key) = \"", "\"\n", "example.txt")
        case .singleQuoted:
            guard fitsRaw, !value.utf8.contains(0x27) else { return nil }
            (prefix, suffix, path) = ("\(key) = '", "'\n", "example.txt")
        case .json:
            guard fitsDoubleQuotes else { return nil }
            (prefix, suffix, path) = ("{\n  \"name\": \"service\",\n  \"\(key)\": \"", "\"\n}\n", "config.json")
        case .yaml:
            if fitsRaw && Self.isPlainYAMLScalar(value) {
                (prefix, suffix, path) = ("service:\n  name: web\n  \(key): ", "\n", "config.yml")
            } else {
                guard fitsDoubleQuotes else { return nil }
                (prefix, suffix, path) = ("service:\n  name: web\n  \(key): \"", "\"\n", "config.yml")
            }
        case .dotenv:
            // Only keys that are environment variable names; a header name is not one.
            guard key.utf8.allSatisfy({ Self.isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) else { return nil }
            if fitsRaw && !value.utf8.contains(where: { $0 == 0x20 || $0 == 0x23 || $0 == 0x22 || $0 == 0x27 }) {
                (prefix, suffix, path) = ("NODE_ENV=production\n\(key)=", "\n", ".env")
            } else {
                guard fitsDoubleQuotes else { return nil }
                (prefix, suffix, path) = ("NODE_ENV=production\n\(key)=\"", "\"\n", ".env")
            }
        case .ini:
            guard fitsRaw else { return nil }
            (prefix, suffix, path) = ("[service]\nname = web\n\(key) = ", "\n", "settings.ini")
        default:
            return nil
        }
        let shift = prefix.utf8.count
        return RenderedExample(
            text: prefix + value + suffix,
            spans: spansInValue.map { ($0.lowerBound + shift)..<($0.upperBound + shift) },
            path: path)
    }

    /// Whether `value` can be written as a plain (unquoted) YAML scalar and read back unchanged.
    static func isPlainYAMLScalar(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, !"-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) else { return false }
        if value.contains(": ") || value.contains(" #") || value.hasSuffix(":") || value.hasSuffix(" ") { return false }
        return true
    }
}

/// Where a chunk boundary falls relative to the first marked span of an example.
enum ChunkSplit: String, Sendable, CaseIterable, CustomStringConvertible {
    case beforeSecret = "boundary just before the secret"
    case afterFirstByte = "boundary after the secret's first byte"
    case midSecret = "boundary in the middle of the secret"
    case beforeLastByte = "boundary before the secret's last byte"
    case afterSecret = "boundary just after the secret"

    var description: String { rawValue }

    /// The boundary's offset within the example text for a secret at `span`.
    func offset(in span: Range<Int>) -> Int {
        switch self {
        case .beforeSecret: span.lowerBound
        case .afterFirstByte: span.lowerBound + 1
        case .midSecret: span.lowerBound + span.count / 2
        case .beforeLastByte: span.upperBound - 1
        case .afterSecret: span.upperBound
        }
    }
}
