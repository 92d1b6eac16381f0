/// Words a context `key` regex cannot match without: the runs of at least three ASCII letters that
/// stand at the top level of the pattern (outside groups, classes and alternations, and not made
/// optional by a quantifier). `^(?:http_)?x[-_]auth[-_]token$` requires `auth` and `token`.
///
/// The analysis is conservative: a pattern with a top-level `|`, `(?x)` or `\Q` requires nothing.
/// The engine uses the words to skip `ContextAnalyzer` for candidates with none of them nearby.
enum KeyRegexLiterals {
    static func required(_ pattern: String) -> [String] {
        let p = Array(pattern.utf8)
        if pattern.contains("(?x") || pattern.contains("\\Q") { return [] }
        var words: [String] = []
        var run: [UInt8] = []
        func flush() {
            if run.count >= 3 { words.append(String(decoding: run.map(KeywordAutomaton.fold), as: UTF8.self)) }
            run = []
        }
        var i = 0
        while i < p.count {
            let c = p[i]
            switch c {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                run.append(c)
                i += 1
            case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "{"):
                // The previous atom is optional: a letter run loses its last letter.
                if !run.isEmpty { run.removeLast() }
                flush()
                if c == UInt8(ascii: "{") {
                    while i < p.count && p[i] != UInt8(ascii: "}") { i += 1 }
                }
                i += 1
            case UInt8(ascii: "|"):
                return []
            case UInt8(ascii: "\\"):
                flush()
                i += 2
            case UInt8(ascii: "["):
                flush()
                i = skipClass(p, from: i)
            case UInt8(ascii: "("):
                flush()
                i = skipGroup(p, from: i)
            default:
                flush()
                i += 1
            }
        }
        flush()
        return words
    }

    /// Index just past the character class starting at `start` (`[`).
    static func skipClass(_ p: [UInt8], from start: Int) -> Int {
        var i = start + 1
        if i < p.count && p[i] == UInt8(ascii: "^") { i += 1 }
        if i < p.count && p[i] == UInt8(ascii: "]") { i += 1 }
        while i < p.count {
            if p[i] == UInt8(ascii: "\\") { i += 2; continue }
            if p[i] == UInt8(ascii: "[") && i + 1 < p.count && p[i + 1] == UInt8(ascii: ":") {
                // POSIX class [:alpha:]
                while i < p.count && p[i] != UInt8(ascii: "]") { i += 1 }
                i += 1
                continue
            }
            if p[i] == UInt8(ascii: "]") { return i + 1 }
            i += 1
        }
        return i
    }

    /// Index just past the group starting at `start` (`(`), skipping nested groups and classes.
    static func skipGroup(_ p: [UInt8], from start: Int) -> Int {
        var depth = 0
        var i = start
        while i < p.count {
            switch p[i] {
            case UInt8(ascii: "\\"): i += 2; continue
            case UInt8(ascii: "["): i = skipClass(p, from: i); continue
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return i
    }
}
