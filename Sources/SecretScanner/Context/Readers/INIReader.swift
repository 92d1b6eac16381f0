/// INI, TOML and git config: the `[section]` above a `key = v` line.
struct INIReader: ContextReading {
    let window: ContextWindow

    /// The `[section]` (INI, TOML, git config) above a `key = v` line, split into parts:
    /// `[sirportly]` → ["sirportly"], `[services.sirportly]` → ["services", "sirportly"],
    /// `[remote "sirportly"]` → ["remote", "sirportly"]. Walks back only over lines that look
    /// like settings, comments or blanks.
    func iniSection(above valueLineStart: Int) -> [String] {
        var ls = valueLineStart
        for _ in 0..<ContextAnalyzer.maxLinesBack {
            guard ls > floor else { return [] }
            var le = ls - 1
            if at(le - 1) == carriageReturn { le -= 1 }
            ls = lineStart(of: le)
            if isBlankOrComment(ls, le) { continue }
            let first = skipBlanks(ls, le)
            let last = skipBlanksBack(le, first)
            if at(first) == openBracket && at(last - 1) == closeBracket {
                var lo = first, hi = last
                while at(lo) == openBracket && lo < hi { lo += 1 }
                while at(hi - 1) == closeBracket && hi > lo { hi -= 1 }
                var parts: [String] = []
                var current: [UInt8] = []
                for i in lo..<hi {
                    let b = buffer[i]
                    if b == dot || ASCII.isBlank(b) {
                        if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
                        current.removeAll()
                    } else if !ASCII.isQuote(b) {
                        current.append(b)
                    }
                }
                if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
                return parts
            }
            // A setting line: `name = …`, `name: …`, `name=…`.
            var i = first
            while i < le && (ASCII.isNameByte(at(i)) || at(i) == dot) { i += 1 }
            guard i > first else { return [] }
            i = skipBlanks(i, le)
            guard at(i) == equals || at(i) == colon else { return [] }
        }
        return []
    }
}
