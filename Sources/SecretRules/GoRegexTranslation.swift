import PCRE2

/// Go RE2 regular expressions (gitleaks' dialect) rewritten as PCRE2 patterns with the same meaning
/// on bytes, for `tokenaudit rules import`.
///
/// PCRE2 accepts almost every RE2 pattern unchanged: RE2 has no backreferences or lookaround, and
/// the flag groups (`(?i)`, `(?s)`, `(?m)`, `(?U)`, `(?i:…)`), classes, `\Q…\E`, `\A`, `\z` and
/// `\b` mean the same in both (a flag group set in the middle of a group applies to the rest of
/// that group, in both). What differs, and what `translate(_:)` does:
///
/// | RE2 | PCRE2 | translation |
/// | --- | --- | --- |
/// | `(?P<name>…)` | also accepted, `(?<name>…)` is the usual spelling | rewritten to `(?<name>…)` |
/// | `x{,n}`: the literal text `{,n}` | PCRE2 10.43 and later read it as `{0,n}` | the brace is escaped: `\{,n}` |
/// | `\x{HHHH}` above `FF`: a Unicode character | an error without UTF mode (patterns run on bytes) | outside a class: its UTF-8 bytes (`\xE2\x80\x8B`); inside a class: not converted |
/// | `\C`: any byte | not allowed in a pattern compiled for bytes only in all builds | not converted |
/// | `\pL`, `\p{Greek}`: Unicode classes | ASCII and Latin-1 only on bytes | kept, with a note |
/// | a non-ASCII character inside `[…]` | each of its UTF-8 bytes is a member on its own | kept, with a note |
///
/// The result is compiled with PCRE2 (`Pattern`, no JIT) before it is used, so a pattern that
/// still does not compile is reported with PCRE2's message and offset.
public enum GoRegexTranslation {
    /// A translated pattern, or why it could not be translated.
    public struct Result: Sendable, Hashable {
        /// The PCRE2 pattern; nil when the pattern could not be converted.
        public var pattern: String?
        /// What was rewritten, what may behave differently, or why it was not converted.
        public var notes: [String]
        /// Byte offset (in the RE2 source) of the construct that stopped the conversion.
        public var failureOffset: Int?
    }

    /// Translates one RE2 pattern and compiles the result with PCRE2.
    public static func translate(_ source: String) -> Result {
        let bytes = Array(source.utf8)
        var out: [UInt8] = []
        var notes: [String] = []
        var inClass = false
        var classStart = 0
        var noted = Set<String>()
        func note(_ s: String) { if noted.insert(s).inserted { notes.append(s) } }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\\"), i + 1 < bytes.count {
                let e = bytes[i + 1]
                switch e {
                case UInt8(ascii: "C"):
                    return Result(pattern: nil, notes: ["`\\C` (any byte) at offset \(i) has no PCRE2 equivalent here; write `[\\x00-\\xff]`"], failureOffset: i)
                case UInt8(ascii: "Q"):
                    // \Q…\E: copy verbatim up to \E (or the end).
                    var j = i + 2
                    while j < bytes.count, !(bytes[j] == UInt8(ascii: "\\") && j + 1 < bytes.count && bytes[j + 1] == UInt8(ascii: "E")) { j += 1 }
                    let end = min(bytes.count, j + 2)
                    out += bytes[i..<end]
                    i = end
                    continue
                case UInt8(ascii: "x") where i + 2 < bytes.count && bytes[i + 2] == UInt8(ascii: "{"):
                    guard let close = bytes[(i + 3)...].firstIndex(of: UInt8(ascii: "}")),
                          let value = UInt32(String(decoding: bytes[(i + 3)..<close], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(value)
                    else {
                        return Result(pattern: nil, notes: ["`\\x{…}` at offset \(i) is not a valid character code"], failureOffset: i)
                    }
                    if value <= 0xFF {
                        out += Array(String(format2Hex: value).utf8)
                    } else if inClass {
                        return Result(
                            pattern: nil,
                            notes: ["the Unicode character `\\x{\(String(value, radix: 16))}` inside a character class at offset \(i) cannot be matched on bytes; list the alternatives outside a class, e.g. `(?:\\xE2\\x80\\x8B|…)`"],
                            failureOffset: i)
                    } else {
                        out += Array("(?:".utf8)
                        for unit in String(scalar).utf8 { out += Array(String(format2Hex: UInt32(unit)).utf8) }
                        out += Array(")".utf8)
                        note("`\\x{\(String(value, radix: 16))}` became its UTF-8 bytes (patterns run on bytes)")
                    }
                    i = close + 1
                    continue
                case UInt8(ascii: "p"), UInt8(ascii: "P"):
                    note("Unicode classes (`\\p…`) match ASCII and Latin-1 characters only here (patterns run on bytes)")
                default: break
                }
                out.append(b)
                out.append(e)
                i += 2
                continue
            }
            if inClass {
                if b == UInt8(ascii: "["), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ":"),
                   let close = findPOSIXClassEnd(bytes, from: i + 2) {
                    out += bytes[i...close]
                    i = close + 1
                    continue
                }
                if b == UInt8(ascii: "]"), i > classStart {
                    inClass = false
                } else if b >= 0x80 {
                    note("a non-ASCII character inside a character class matches each of its UTF-8 bytes on its own")
                }
                out.append(b)
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "["):
                inClass = true
                out.append(b)
                i += 1
                // `]` right after `[` or `[^` is a literal member in both dialects.
                if i < bytes.count, bytes[i] == UInt8(ascii: "^") { out.append(bytes[i]); i += 1 }
                classStart = i
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { out.append(bytes[i]); i += 1 }
                continue
            case UInt8(ascii: "("):
                if i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "?"), bytes[i + 2] == UInt8(ascii: "P"), bytes[i + 3] == UInt8(ascii: "<") {
                    out += Array("(?<".utf8)
                    i += 4
                    note("named groups `(?P<name>…)` are written `(?<name>…)`")
                    continue
                }
            case UInt8(ascii: "{"):
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ",") {
                    out += Array("\\{".utf8)
                    i += 1
                    note("`{,n}` is literal text in RE2; its brace is escaped so PCRE2 reads it the same way")
                    continue
                }
            default: break
            }
            out.append(b)
            i += 1
        }
        let pattern = String(decoding: out, as: UTF8.self)
        do {
            _ = try Pattern(pattern, options: [], jit: .never)
        } catch {
            return Result(pattern: nil, notes: notes + ["does not compile with PCRE2: \(error.message) (at offset \(error.offset) of the converted pattern)"], failureOffset: min(error.offset, bytes.count))
        }
        return Result(pattern: pattern, notes: notes, failureOffset: nil)
    }

    /// The index of the `]` closing a POSIX class `[:name:]` whose name starts at `from`.
    private static func findPOSIXClassEnd(_ bytes: [UInt8], from: Int) -> Int? {
        var j = from
        if j < bytes.count, bytes[j] == UInt8(ascii: "^") { j += 1 }
        while j + 1 < bytes.count, (bytes[j] >= UInt8(ascii: "a") && bytes[j] <= UInt8(ascii: "z")) { j += 1 }
        guard j + 1 < bytes.count, bytes[j] == UInt8(ascii: ":"), bytes[j + 1] == UInt8(ascii: "]") else { return nil }
        return j + 1
    }
}

extension String {
    /// `\xHH` for a byte value.
    fileprivate init(format2Hex value: UInt32) {
        let digits = Array("0123456789ABCDEF".utf8)
        self = "\\x" + String(decoding: [digits[Int(value >> 4) & 0xF], digits[Int(value) & 0xF]], as: UTF8.self)
    }
}
