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
                let end = skipGroup(p, from: i)
                if let word = groupWord(p, group: i..<end) { words.append(word) }
                i = end
            default:
                flush()
                i += 1
            }
        }
        flush()
        return words
    }

    /// The word a required group cannot match without: for a plain or non-capturing group (not
    /// made optional by a quantifier after it), the longest run of at least three letters that is
    /// part of a required word of every alternative of the group. `(?:application|app[._-]?token)`
    /// requires `app`. Nil for lookarounds, flag groups, optional groups and alternatives with no
    /// common word.
    static func groupWord(_ p: [UInt8], group: Range<Int>) -> String? {
        guard group.upperBound <= p.count, group.count >= 2, p[group.upperBound - 1] == UInt8(ascii: ")") else { return nil }
        if group.upperBound < p.count {
            switch p[group.upperBound] {
            case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "{"): return nil
            default: break
            }
        }
        var bodyStart = group.lowerBound + 1
        if bodyStart < p.count && p[bodyStart] == UInt8(ascii: "?") {
            guard bodyStart + 1 < p.count, p[bodyStart + 1] == UInt8(ascii: ":") else { return nil }
            bodyStart += 2
        }
        // Split the body at its top-level `|`.
        var alternatives: [[UInt8]] = []
        var current: [UInt8] = []
        var i = bodyStart
        let bodyEnd = group.upperBound - 1
        while i < bodyEnd {
            let c = p[i]
            if c == UInt8(ascii: "\\") {
                current.append(contentsOf: p[i..<min(i + 2, bodyEnd)])
                i += 2
            } else if c == UInt8(ascii: "[") {
                let end = min(skipClass(p, from: i), bodyEnd)
                current.append(contentsOf: p[i..<end])
                i = end
            } else if c == UInt8(ascii: "(") {
                let end = min(skipGroup(p, from: i), bodyEnd)
                current.append(contentsOf: p[i..<end])
                i = end
            } else if c == UInt8(ascii: "|") {
                alternatives.append(current)
                current = []
                i += 1
            } else {
                current.append(c)
                i += 1
            }
        }
        alternatives.append(current)
        let requiredWords = alternatives.map { Self.required(String(decoding: $0, as: UTF8.self)) }
        guard let first = requiredWords.first, !first.isEmpty else { return nil }
        var best: String?
        for word in first {
            let letters = Array(word.utf8)
            guard letters.count >= 3 else { continue }
            for length in stride(from: letters.count, through: 3, by: -1) where length > (best?.utf8.count ?? 0) {
                for start in 0...(letters.count - length) {
                    let part = String(decoding: letters[start..<(start + length)], as: UTF8.self)
                    if requiredWords.dropFirst().allSatisfy({ $0.contains { $0.contains(part) } }) {
                        best = part
                        break
                    }
                }
                if best?.utf8.count == length { break }
            }
        }
        return best
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
