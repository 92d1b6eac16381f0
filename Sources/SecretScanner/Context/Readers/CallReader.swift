/// Call syntax: the function or constructor a value is an argument of, its argument position, a
/// key given by the previous argument (`.header("X-Auth-Token", v)`), and Swift's value-first
/// labelled calls (`setValue(v, forHTTPHeaderField: "X-Auth-Token")`).
struct CallReader: ContextReading {
    let window: ContextWindow

    /// Calls whose "arguments" are really a key → value container (`'sirportly' => array(…)`).
    static let containerCalls: Set<String> = [
        "array", "dict", "hash", "map.of", "mapof", "hashmapof", "mutablemapof", "ordereddict", "hash[]",
    ]

    /// Words before `(` that are not calls.
    static let notCallees: Set<String> = [
        "if", "for", "while", "switch", "catch", "return", "and", "or", "not", "in", "elif", "when",
        "function", "fn", "func", "fun", "lambda", "foreach", "with", "assert", "until", "unless", "match",
        "values",
    ]

    /// Offset where the callee name before `(` at `paren` starts.
    func nameStart(before paren: Int) -> Int {
        var p = skipBlanksBack(paren, lineStart(of: paren))
        while p > floor && (ASCII.isChainByte(at(p - 1)) || at(p - 1) == dot || at(p - 1) == colon || at(p - 1) == greater) {
            p -= 1
        }
        return p
    }

    /// The function or constructor called by the `(` at `paren`, as written (`Sirportly::Client.new`,
    /// `req.Header.Set`, `SirportlyClient` for `new SirportlyClient(`), or nil for a grouping
    /// parenthesis or a control-flow keyword.
    func calleeName(before paren: Int, allowEmptyArgs: Bool = false) -> String? {
        let ls = lineStart(of: paren)
        var end = skipBlanksBack(paren, ls)
        // `Sirportly.configure() do |c|`
        if allowEmptyArgs && at(end - 1) == closeParen {
            var j = end - 1
            while j > ls && at(j) != openParen { j -= 1 }
            end = skipBlanksBack(j, ls)
        }
        var p = end
        while p > ls {
            let b = at(p - 1)
            if ASCII.isChainByte(b) || b == dot || b == backslash {
                p -= 1
            } else if b == colon && at(p - 2) == colon {
                p -= 2
            } else if b == greater && at(p - 2) == dash {
                p -= 2
            } else {
                break
            }
        }
        var bytes = Array(UnsafeRawBufferPointer(rebasing: buffer[max(p, floor)..<max(end, max(p, floor))]))
        while let f = bytes.first, f == dot || f == UInt8(ascii: "$") || f == UInt8(ascii: "@") || f == UInt8(ascii: "&")
            || f == UInt8(ascii: "!") || f == dash || f == UInt8(ascii: "*")
        { bytes.removeFirst() }
        while let l = bytes.last, l == UInt8(ascii: "?") || l == UInt8(ascii: "!") || l == dot { bytes.removeLast() }
        guard let first = bytes.first, ASCII.isLetter(first) || first == UInt8(ascii: "_") else { return nil }
        let name = String(decoding: bytes, as: UTF8.self)
        if Self.notCallees.contains(name.lowercased()) { return nil }
        return name
    }

    /// Counts the top-level commas between `start` (just after an opener) and the value: the
    /// value's argument index. Also returns the previous argument when it is a quoted name
    /// (`"X-Auth-Token"`), which then names the value.
    func scanArguments(from start: Int) -> (index: Int, previousNameLiteral: String?) {
        var depth = 0
        var commas = 0
        var argStart = start
        var previous: Range<Int>?
        var quote: UInt8 = 0
        var i = start
        while i < value.lowerBound {
            let b = buffer[i]
            if quote != 0 {
                if b == backslash { i += 2; continue }
                if b == quote || b == newline { quote = 0 }
            } else {
                switch b {
                case quoteDouble, quoteSingle, UInt8(ascii: "`"):
                    quote = b
                case openParen, openBracket, openBrace:
                    depth += 1
                case closeParen, closeBracket, closeBrace:
                    depth -= 1
                case comma where depth == 0:
                    commas += 1
                    previous = argStart..<i
                    argStart = i + 1
                default:
                    break
                }
            }
            i += 1
        }
        guard let previous else { return (commas, nil) }
        return (commas, nameLiteral(previous))
    }

    /// The content of a quoted literal spanning `range` (blanks and newlines trimmed) when it
    /// looks like a name: starts with a letter or `_`, only name bytes and dots, at most 64
    /// bytes, and not all hex digits and dashes (so a token is never the key of the next token).
    func nameLiteral(_ range: Range<Int>) -> String? {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && (ASCII.isBlank(buffer[lo]) || ASCII.isNewline(buffer[lo])) { lo += 1 }
        while hi > lo && (ASCII.isBlank(buffer[hi - 1]) || ASCII.isNewline(buffer[hi - 1])) { hi -= 1 }
        // Ruby symbols and bare constants are not names of the value: only quoted literals.
        guard hi - lo >= 3, ASCII.isQuote(buffer[lo]), buffer[hi - 1] == buffer[lo] else { return nil }
        lo += 1
        hi -= 1
        guard hi - lo <= 64, ASCII.isLetter(buffer[lo]) || buffer[lo] == UInt8(ascii: "_") else { return nil }
        var allHex = true
        for i in lo..<hi {
            let b = buffer[i]
            guard ASCII.isNameByte(b) || b == dot else { return nil }
            if !(ASCII.isDigit(b) || b == dash || (ASCII.lower(b) >= 0x61 && ASCII.lower(b) <= 0x66)) { allHex = false }
        }
        return allHex ? nil : text(lo..<hi)
    }

    /// `setValue(v, forHTTPHeaderField: "X-Auth-Token")`, `set(v, forKey: "sirportlyToken")`:
    /// the quoted name after a `for…:` label following the value.
    func labelledNameAfterValue() -> String? {
        var i = value.upperBound
        if ASCII.isQuote(at(i)) { i += 1 }
        i = skipBlanks(i, ceiling)
        guard at(i) == comma else { return nil }
        i += 1
        while i < ceiling && (ASCII.isBlank(at(i)) || ASCII.isNewline(at(i))) { i += 1 }
        guard at(i) == UInt8(ascii: "f"), at(i + 1) == UInt8(ascii: "o"), at(i + 2) == UInt8(ascii: "r") else { return nil }
        while i < ceiling && ASCII.isNameByte(at(i)) { i += 1 }
        guard at(i) == colon else { return nil }
        i = skipBlanks(i + 1, ceiling)
        let q = at(i)
        guard ASCII.isQuote(q) else { return nil }
        var j = i + 1
        while j < ceiling && at(j) != q && !ASCII.isNewline(at(j)) { j += 1 }
        guard at(j) == q, j > i + 1 else { return nil }
        return text(i + 1..<j)
    }
}
