/// The names that label a block: `"sirportly": {`, `'sirportly' => [`, `$config = [`, HCL
/// `variable "sirportly_token" {`, Go `sirportly.Config{`, YAML `sirportly:`, Python
/// `class SirportlyConfig:`, Ruby `Sirportly.configure do |config|`.
struct BlockLabelReader: ContextReading {
    let window: ContextWindow

    static let blockKeywords: Set<String> = ["else", "try", "finally", "except", "default", "do", "then"]

    /// The name labelling a `{`/`[` (or a container call) at `opener`: `"sirportly": {`,
    /// `sirportly: {`, `'sirportly' => [`, `$config = [`, `SIRPORTLY = {`, `sirportly.Config{`.
    func label(before opener: Int) -> [String]? {
        let ls = lineStart(of: opener)
        var p = skipBlanksBack(opener, ls)
        guard p > ls else { return nil }
        let c = at(p - 1)
        if c == greater && at(p - 2) == equals {
            p -= 2
        } else if c == colon && at(p - 2) != colon {
            p -= 1
        } else if c == equals {
            p -= 1
            while p > ls && (at(p - 1) == colon || at(p - 1) == UInt8(ascii: "|") || at(p - 1) == UInt8(ascii: "?")) { p -= 1 }
        } else if ASCII.isQuote(c) && at(opener) == openBrace {
            // HCL blocks: `variable "sirportly_token" {`, `provider "sirportly" {`
            guard let key = readKey(endingAt: p, lineStart: ls), let last = key.parts.last else { return nil }
            return [last]
        } else if ASCII.isChainByte(c) && at(opener) == openBrace {
            // `sirportly.Config{`, `Sirportly.configure {`, `class Sirportly {`
            guard let key = readKey(endingAt: p, lineStart: ls) else { return nil }
            let name = key.parts.joined(separator: ".")
            return CallReader.notCallees.contains(name.lowercased()) || Self.blockKeywords.contains(name.lowercased()) ? nil : [name]
        } else {
            return nil
        }
        p = skipBlanksBack(p, ls)
        guard p > ls, var key = readKey(endingAt: p, lineStart: ls) else { return nil }
        if key.parts.count == 1, LineKeyReader.typeNames.contains(key.parts[0].lowercased()) {
            var q = skipBlanksBack(key.start, ls)
            if at(q - 1) == colon { q = skipBlanksBack(q - 1, ls) }
            if let named = readKey(endingAt: q, lineStart: ls) { key = named }
        }
        return key.parts
    }

    /// The name a lower-indented line gives to what follows it: `sirportly:` (YAML),
    /// `"sirportly":` , `class SirportlyConfig:` (Python), `Sirportly.configure do |config|` (Ruby).
    func indentationParent(_ ls: Int, _ le: Int) -> String? {
        var e = skipBlanksBack(le, ls)
        // Drop a trailing YAML comment, anchor or block indicator.
        var i = ls
        var quote: UInt8 = 0
        while i < e {
            let b = at(i)
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == quoteDouble || b == quoteSingle {
                quote = b
            } else if b == hash && i > ls && ASCII.isBlank(at(i - 1)) {
                e = skipBlanksBack(i, ls)
                break
            }
            i += 1
        }
        if let d = endsWithDo(ls, e) {
            let end = skipBlanksBack(d, ls)
            return CallReader(window: window).calleeName(before: end, allowEmptyArgs: true)
        }
        var tail = e
        while tail > ls && (at(tail - 1) == UInt8(ascii: "|") || at(tail - 1) == greater || at(tail - 1) == dash
            || at(tail - 1) == UInt8(ascii: "+"))
        { tail = skipBlanksBack(tail - 1, ls) }
        if tail < e {
            e = tail
        } else {
            // `key: &anchor` / `key: !!tag`
            var w = e
            while w > ls && !ASCII.isBlank(at(w - 1)) { w -= 1 }
            if w > ls, at(w) == UInt8(ascii: "&") || at(w) == UInt8(ascii: "!") {
                e = skipBlanksBack(w, ls)
            }
        }
        guard e > ls, at(e - 1) == colon, at(e - 2) != colon else { return nil }
        var keyEnd = skipBlanksBack(e - 1, ls)
        // `class SirportlyConfig(Base):` / `def sirportly_client():`
        if at(keyEnd - 1) == closeParen {
            var depth = 0
            var j = keyEnd - 1
            while j >= ls {
                if at(j) == closeParen { depth += 1 } else if at(j) == openParen {
                    depth -= 1
                    if depth == 0 { break }
                }
                j -= 1
            }
            guard j >= ls else { return nil }
            keyEnd = skipBlanksBack(j, ls)
        }
        guard let key = readKey(endingAt: keyEnd, lineStart: ls) else { return nil }
        let name = key.parts.joined(separator: ".")
        if Self.blockKeywords.contains(name.lowercased()) { return nil }
        return name
    }

    /// For a line ending in `do` or `do |x|`: the offset of `do`.
    func endsWithDo(_ ls: Int, _ e: Int) -> Int? {
        var i = e
        if at(i - 1) == UInt8(ascii: "|") {
            i -= 1
            while i > ls && at(i - 1) != UInt8(ascii: "|") { i -= 1 }
            guard i > ls else { return nil }
            i = skipBlanksBack(i - 1, ls)
        }
        guard i - 2 >= ls, at(i - 2) == UInt8(ascii: "d"), at(i - 1) == UInt8(ascii: "o"),
              i - 2 == ls || ASCII.isBlank(at(i - 3))
        else { return nil }
        return i - 2
    }
}
