import PCRE2
import SecretRules
import Synchronization

/// Context analysis: which name a candidate value is assigned to, and whether a rule's
/// `[[rules.context]]` alternative holds for it.
///
/// Design:
/// - Works on bytes and only looks at a bounded neighbourhood of the value: never more than
///   `reach` bytes before or after it; of a long line only `lineReach` bytes either side; the walk
///   over enclosing structure at most `structureReach` bytes and `maxLinesBack` lines up, following
///   unindented comma-continued lines (JSON lines, CSV) at most `maxFlatContinuations` times. The
///   cost per candidate does not depend on the size of the file, and a file of one-line records
///   costs a few lines per candidate.
/// - `context(of:in:)` is syntax-aware but forgiving: it recognises the common ways a credential
///   is written (raw and logged headers, curl, HAR/Postman records, header-setting calls in Ruby,
///   PHP, JS/TS, Python, Go, Java/Kotlin, Swift and C#; assignments, `.env`, YAML, JSON, INI/TOML,
///   properties, XML/plist/Android resources, HCL; SQL `INSERT` columns, CSV/TSV/Markdown headers;
///   constructor and call arguments) without parsing any language fully. A comment marker on the
///   value's own line does not hide code after it: commented-out code is where secrets are left.
/// - When the syntax is not recognised, the answer is an empty or partial context, never a guess
///   from far away: rules then fall back to their other alternatives or report nothing.
/// - `holds` compiles each `key` regex once (shared, thread-safe cache) and memoises
///   regex × name results, since the same few names recur on every line of a log.
public enum ContextAnalyzer {
    /// How far (in bytes) before and after the value the analysis may look.
    public static let reach = 4096
    /// How many lines above the value's line the structure walk may visit.
    public static let maxLinesBack = 48
    /// How far (in bytes) before the value the walk over enclosing structure may go.
    public static let structureReach = 2048
    /// How much of the value's own line, before it, is read for structure.
    public static let lineReach = 1024
    /// How many unindented lines ending in `,` the walk follows upwards.
    public static let maxFlatContinuations = 6

    /// Where the value at `value` (a byte range of `buffer`) sits: its key, the keys enclosing it,
    /// and the call it is an argument of. Returns an empty context when the value is glued to a
    /// longer word (an adjacent letter, digit, `_`, `-`, `+` or `/`, or a following `=`): such a
    /// value is part of something else (a longer id, a base64 blob) and is assigned to nothing.
    public static func context(of value: Range<Int>, in buffer: UnsafeRawBufferPointer) -> ValueContext {
        guard value.lowerBound >= 0, value.upperBound <= buffer.count, !value.isEmpty else { return ValueContext() }
        return ContextScanner(buffer: buffer, value: value).analyze()
    }

    /// Whether one `[[rules.context]]` alternative holds for the candidate. `fileMentions(word)`
    /// answers whether a (lowercased) word occurs anywhere in the file; the engine computes it from
    /// its prefilter, so every `fileMentions` word is added to the prefilter keywords.
    ///
    /// Every non-empty condition must hold:
    /// - `near`: one of the words occurs (ASCII case-insensitive, as a literal) in the window made
    ///   of the value's line, `linesBefore` lines above and `linesAfter` lines below (clipped to
    ///   `reach` bytes either side of the value);
    /// - `notNear`: none of the words occurs in that window;
    /// - `fileMentions`: `fileMentions` answers true for one of the (lowercased) words;
    /// - `key`: the regex (PCRE2, caseless) matches one of the context's names:
    ///   the `key`; the dotted path `keyPath.key` (e.g. "sirportly.token"; the path alone when
    ///   there is no key); and for a call argument `callee(key)` when the value has a key
    ///   (e.g. "SirportlyClient(token)") or `callee(argumentIndex)` when it is positional
    ///   (e.g. "Sirportly::Client.new(0)"). A key regex that does not compile never holds.
    public static func holds(
        _ requirement: ContextRequirement, value: Range<Int>, context: ValueContext,
        in buffer: UnsafeRawBufferPointer, fileMentions: (String) -> Bool
    ) -> Bool {
        if let key = requirement.key {
            guard keyMatches(key, context: context) else { return false }
        }
        if !requirement.fileMentions.isEmpty {
            guard requirement.fileMentions.contains(where: { fileMentions(lowercasedASCII($0)) }) else { return false }
        }
        if !requirement.near.isEmpty || !requirement.notNear.isEmpty {
            let window = lineWindow(
                around: value, in: buffer, linesBefore: requirement.linesBefore, linesAfter: requirement.linesAfter)
            if !requirement.near.isEmpty {
                guard requirement.near.contains(where: { containsCaseless($0, in: buffer, range: window) }) else {
                    return false
                }
            }
            if requirement.notNear.contains(where: { containsCaseless($0, in: buffer, range: window) }) {
                return false
            }
        }
        return true
    }

    /// The names a `key` regex is matched against, in the order `holds` tries them.
    public static func keySubjects(of context: ValueContext) -> [String] {
        var subjects: [String] = []
        if let key = context.key { subjects.append(key) }
        if !context.keyPath.isEmpty {
            subjects.append((context.keyPath + (context.key.map { [$0] } ?? [])).joined(separator: "."))
        }
        if let callee = context.callee {
            if let key = context.key {
                subjects.append("\(callee)(\(key))")
            } else {
                subjects.append("\(callee)(\(context.argumentIndex ?? 0))")
            }
        }
        return subjects
    }

    // MARK: - Key regexes

    /// Whether the caseless regex `source` matches one of the context's key subjects.
    static func keyMatches(_ source: String, context: ValueContext) -> Bool {
        let subjects = keySubjects(of: context)
        if subjects.isEmpty { return false }
        return subjects.contains { KeyRegexCache.shared.matches(source, subject: $0) }
    }

    /// Compiled key regexes (compiled once, shared by all threads) and a bounded memo of
    /// (regex, subject) → matched.
    final class KeyRegexCache: Sendable {
        static let shared = KeyRegexCache()

        struct MemoKey: Hashable, Sendable {
            let source: String
            let subject: String
        }

        /// Above this many remembered results the memo is emptied and starts again.
        static let memoCapacity = 8192

        private let patterns = Mutex<[String: Pattern?]>([:])
        private let memo = Mutex<[MemoKey: Bool]>([:])

        func matches(_ source: String, subject: String) -> Bool {
            let memoKey = MemoKey(source: source, subject: subject)
            if let known = memo.withLock({ $0[memoKey] }) { return known }
            guard let pattern = pattern(source) else { return false }
            let matched = ((try? pattern.matches(in: subject)) ?? []).isEmpty == false
            memo.withLock { table in
                if table.count >= Self.memoCapacity { table.removeAll(keepingCapacity: true) }
                table[memoKey] = matched
            }
            return matched
        }

        /// The compiled caseless pattern, or nil when `source` does not compile.
        func pattern(_ source: String) -> Pattern? {
            if let cached = patterns.withLock({ $0[source] }) { return cached }
            // Subjects are short names: the interpreter is fast enough and needs no JIT stack.
            let compiled = try? Pattern(source, options: [.caseless], jit: .never)
            return patterns.withLock { table in
                if let stored = table[source] { return stored }
                table[source] = compiled
                return compiled
            }
        }
    }

    // MARK: - Windows and literal search

    /// The byte range made of the value's line(s) plus `linesBefore` lines above and `linesAfter`
    /// lines below, clipped to `reach` bytes either side of the value.
    static func lineWindow(
        around value: Range<Int>, in buffer: UnsafeRawBufferPointer, linesBefore: Int, linesAfter: Int
    ) -> Range<Int> {
        let floor = max(0, value.lowerBound - reach)
        let ceiling = min(buffer.count, value.upperBound + reach)
        var start = value.lowerBound
        var newlines = 0
        while start > floor {
            if buffer[start - 1] == 0x0A {
                if newlines == max(0, linesBefore) { break }
                newlines += 1
            }
            start -= 1
        }
        var end = value.upperBound
        newlines = 0
        while end < ceiling {
            if buffer[end] == 0x0A {
                if newlines == max(0, linesAfter) { break }
                newlines += 1
            }
            end += 1
        }
        return start..<end
    }

    /// Whether `word` occurs in `buffer[range]`, ASCII letters compared case-insensitively.
    static func containsCaseless(_ word: String, in buffer: UnsafeRawBufferPointer, range: Range<Int>) -> Bool {
        let needle = Array(lowercasedASCII(word).utf8)
        guard let first = needle.first else { return true }
        guard needle.count <= range.count else { return false }
        var i = range.lowerBound
        let last = range.upperBound - needle.count
        while i <= last {
            if ASCII.lower(buffer[i]) == first {
                var j = 1
                while j < needle.count, ASCII.lower(buffer[i + j]) == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    static func lowercasedASCII(_ text: String) -> String {
        String(decoding: text.utf8.map(ASCII.lower), as: UTF8.self)
    }
}
