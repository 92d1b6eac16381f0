/// A key expression read back from a separator: its parts (a member chain, subscripts), where it
/// starts, and how it was written. Shared by every reader that names a value by what precedes it.
struct KeyExpression {
    /// How the key on the value's own line was written.
    enum Form {
        /// `key = v`, `key: v`, `"key": "v"`, `key => v`, `X-Auth-Token: v`.
        case separated
        /// `key v` (nginx, Apache, command-line flags).
        case spaced
        /// `<key>v</key>`.
        case xmlElement
        /// `<element key="v">`.
        case xmlAttribute
    }

    /// Member chain parts, outermost first; the last one is the key.
    var parts: [String]
    /// Offset of the first byte of the key expression.
    var start: Int
    var form: Form
}

extension ContextWindow {
    /// Reads a key expression ending at `end` (exclusive): a quoted string, a name, or a member
    /// chain with subscripts (`$config['sirportly']['token']`, `config.sirportly.secret`,
    /// `$this->token`, `Sirportly::TOKEN`). Returns its parts, outermost first, cleaned of sigils.
    func readKey(endingAt end: Int, lineStart ls: Int) -> KeyExpression? {
        var parts: [String] = []
        var p = end
        let limit = max(ls, end - 256)
        while p > limit {
            let b = at(p - 1)
            if ASCII.isQuote(b) {
                // A quoted part: `"X-Auth-Token"`, `'token'`, `\"token\"`.
                var close = p - 1
                let escaped = at(close - 1) == backslash
                if escaped { close -= 1 }
                var open = close - 1
                while open >= limit && !(at(open) == b && (at(open - 1) == backslash) == escaped) { open -= 1 }
                guard open >= limit else { return nil }
                var contentStart = open + 1
                if at(contentStart) == backslash { contentStart += 1 }
                var start = open
                if at(start - 1) == backslash { start -= 1 }
                parts.insert(text(contentStart..<close), at: 0)
                p = start
                if at(p - 1) == openBracket {
                    p -= 1  // `headers['X-Auth-Token']`: continue with the subscripted object
                    continue
                }
                break
            }
            if b == closeBracket {
                var open = p - 2
                while open >= limit && at(open) != openBracket { open -= 1 }
                guard open >= limit else { return nil }
                var inner = text(open + 1..<p - 1).trimmingBlanks()
                if let first = inner.utf8.first, ASCII.isQuote(first), inner.utf8.count >= 2 {
                    inner = String(inner.dropFirst().dropLast())
                }
                parts.insert(inner, at: 0)
                p = open
                continue
            }
            let nameEnd = p
            while p > limit && ASCII.isChainByte(at(p - 1)) { p -= 1 }
            // `?`, `&`, `!`, `*` before a name separate it from what precedes (`all?auth_token`,
            // `a&b`); only at the edges are they sigils (`&str`, `token?`).
            var cut = p
            for j in p..<nameEnd where j > p && j + 1 < nameEnd && ASCII.isNameByte(at(j + 1)) {
                let b = at(j)
                if b == UInt8(ascii: "?") || b == UInt8(ascii: "&") || b == UInt8(ascii: "!") || b == UInt8(ascii: "*") {
                    cut = j + 1
                }
            }
            // A name after a literal escape (`…\r\nX-Auth-Token` in a logged string): the escape's
            // letter is not part of it.
            if cut == p, p + 1 < nameEnd, at(p - 1) == backslash,
               at(p) == UInt8(ascii: "n") || at(p) == UInt8(ascii: "r") || at(p) == UInt8(ascii: "t")
            {
                cut = p + 1
            }
            if cut > p {
                parts.insert(text(cut..<nameEnd), at: 0)
                p = cut
                break
            }
            if p < nameEnd {
                parts.insert(text(p..<nameEnd), at: 0)
            } else if parts.isEmpty {
                return nil
            }
            if at(p - 1) == dot || (at(p - 1) == greater && at(p - 2) == dash) || (at(p - 1) == colon && at(p - 2) == colon) {
                p -= at(p - 1) == dot ? 1 : 2
                if !ASCII.isChainByte(at(p - 1)) && at(p - 1) != closeBracket && !ASCII.isQuote(at(p - 1)) { break }
                continue
            }
            break
        }
        let cleaned = parts.map(Self.cleanPart).filter { !$0.isEmpty && !Self.selfWords.contains($0) }
        guard !cleaned.isEmpty else { return nil }
        return KeyExpression(parts: cleaned, start: p, form: .separated)
    }

    static let selfWords: Set<String> = ["this", "self", "Self", "@"]

    /// Strips sigils and flag dashes: `$token` → `token`, `--secret` → `secret`, `@token` → `token`.
    static func cleanPart(_ part: String) -> String {
        var bytes = Array(part.utf8)
        while let f = bytes.first, f == UInt8(ascii: "$") || f == UInt8(ascii: "@") || f == UInt8(ascii: "&")
            || f == UInt8(ascii: "*") || f == dash || f == UInt8(ascii: ":") || f == UInt8(ascii: "!")
        { bytes.removeFirst() }
        while let l = bytes.last, l == UInt8(ascii: "?") || l == UInt8(ascii: "!") || l == UInt8(ascii: "*") || l == dash {
            bytes.removeLast()
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let bytes = Array(utf8)
        var lo = 0, hi = bytes.count
        while lo < hi && (bytes[lo] == 0x20 || bytes[lo] == 0x09) { lo += 1 }
        while hi > lo && (bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09) { hi -= 1 }
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}
