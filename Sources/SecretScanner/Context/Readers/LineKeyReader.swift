/// Assignments, settings, headers, flags and prose: the key written left of the value on its own
/// line. `key = v`, `key: v`, `"key": "v"`, `key => v`, `X-Auth-Token: v`, `export KEY=v`,
/// `let token: String = v`, `--token v`, `proxy_set_header X-Auth-Token v`, `the token is v`,
/// `Authorization: Bearer v`; an element or attribute when the separator belongs to XML.
struct LineKeyReader: ContextReading {
    let window: ContextWindow

    /// The key written left of the value on its line, if any.
    func leftKey(lineStart ls: Int) -> KeyExpression? {
        var p = value.lowerBound
        var quoted = false
        if p > ls && ASCII.isQuote(at(p - 1)) {
            p -= 1
            quoted = true
            while p > ls && at(p - 1) == backslash { p -= 1 }
        }
        let beforeBlanks = p
        p = skipBlanksBack(p, ls)
        let sawBlank = p < beforeBlanks
        guard p > ls else { return nil }
        let c = at(p - 1)
        switch c {
        case greater:
            if at(p - 2) == equals || at(p - 2) == dash {
                return separatedKey(endingBefore: p - 2, lineStart: ls, quotedValue: quoted)
            }
            return XMLReader(window: window).xmlElementKey(closingAt: p - 1, lineStart: ls)
        case equals:
            var q = p - 1
            while q > ls && (at(q - 1) == colon || at(q - 1) == UInt8(ascii: "+") || at(q - 1) == UInt8(ascii: "?")
                || at(q - 1) == UInt8(ascii: "|") || at(q - 1) == UInt8(ascii: "!") || at(q - 1) == equals)
            { q -= 1 }
            return separatedKey(endingBefore: q, lineStart: ls, quotedValue: quoted)
        case colon:
            if at(p - 2) == colon { return nil }
            return separatedKey(endingBefore: p - 1, lineStart: ls, quotedValue: quoted)
        default:
            guard sawBlank, ASCII.isChainByte(c) || ASCII.isQuote(c) else { return nil }
            guard var key = readKey(endingAt: p, lineStart: ls) else { return nil }
            // Prose: "the staging token is `v`".
            if key.parts.count == 1, Self.copulas.contains(key.parts[0].lowercased()) {
                let q = skipBlanksBack(key.start, ls)
                guard q > ls, var named = readKey(endingAt: q, lineStart: ls) else { return nil }
                named.form = .spaced
                return named
            }
            // `Authorization: Bearer v`: the scheme word is not the key.
            if key.parts.count == 1, Self.schemeWords.contains(key.parts[0].lowercased()) {
                let q = skipBlanksBack(key.start, ls)
                if at(q - 1) == colon || at(q - 1) == equals {
                    return separatedKey(endingBefore: q - 1, lineStart: ls, quotedValue: quoted)
                }
            }
            // A spaced key must start a line or a quoted/parenthesised phrase, or follow a blank.
            let before = at(key.start - 1)
            guard key.start == ls || ASCII.isBlank(before) || ASCII.isQuote(before) || before == openParen else {
                return nil
            }
            key.form = .spaced
            return key
        }
    }

    static let schemeWords: Set<String> = ["bearer", "token", "basic"]

    static let copulas: Set<String> = ["is", "was", "are", "be", "to"]

    /// Type names that can stand between a variable and `=` (`let token: String = …`).
    static let typeNames: Set<String> = ["string", "str", "text", "charsequence", "nsstring", "uuid"]

    /// The key before a separator ending at `end` (exclusive): `key =`, `"key":`, `key =>`.
    func separatedKey(endingBefore end: Int, lineStart ls: Int, quotedValue: Bool) -> KeyExpression? {
        let p = skipBlanksBack(end, ls)
        guard p > ls, var key = readKey(endingAt: p, lineStart: ls) else { return nil }
        // `let token: String = v`, `var token string = v`, `const TOKEN: &str = v`.
        if key.parts.count == 1, Self.typeNames.contains(key.parts[0].lowercased()) {
            var q = skipBlanksBack(key.start, ls)
            if at(q - 1) == colon && at(q - 2) != colon { q = skipBlanksBack(q - 1, ls) }
            if q > ls, let named = readKey(endingAt: q, lineStart: ls) { key = named }
        }
        key.form = .separated
        // `<sirportly token="v">`: an attribute of an element.
        if quotedValue && at(end) == equals {
            var i = key.start - 1
            while i >= ls {
                let b = at(i)
                if b == greater { break }
                if b == less {
                    if ASCII.isLetter(at(i + 1)) { key.form = .xmlAttribute }
                    break
                }
                i -= 1
            }
        }
        return key
    }

    /// Whether the key at `start` follows only `export`, `set`, `setenv`, `SetEnv` or `env` on its line.
    func isAfterExportKeyword(_ start: Int, _ ls: Int) -> Bool {
        let first = skipBlanks(ls, start)
        var i = first
        while i < start && ASCII.isLetter(at(i)) { i += 1 }
        guard i > first, skipBlanks(i, start) == start else { return false }
        return ["export", "set", "setenv", "env", "declare"].contains(text(first..<i).lowercased())
    }
}
