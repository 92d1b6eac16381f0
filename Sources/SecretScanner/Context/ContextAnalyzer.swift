import SecretRules

/// Context: which name a candidate value is assigned to, and whether a rule's `[[rules.context]]`
/// alternative holds for it.
///
/// ## The interface (what later layers build on)
/// Context reading answers three questions about a value at a byte range of a buffer, and nothing
/// else; the evidence model (issue 10) is meant to be added on top of these answers without
/// touching the readers:
/// 1. **Which key names it, and which record or key path encloses it**: `context(of:in:)` returns
///    a `ValueContext` (key, key path outermost first, callee and argument index).
/// 2. **What is near it**: `lineWindow(around:in:linesBefore:linesAfter:)`, the value's lines
///    clipped to `reach` bytes either side, for literal word tests (`near`, `notNear`).
/// 3. **File-level hints**: the engine's prefilter knows which words occur anywhere in the input;
///    `holds` asks it through `fileMentions(word)`, never by re-reading the file.
/// Key regexes are not matched here: they are ordinary engine patterns (compiled once per engine
/// with its JIT policy and match limits, matched with per-worker scratch); `holds` asks the
/// caller through `keyMatches(subject)`.
///
/// ## Readers
/// One small reader per syntax family, each with its own example table in the tests, combined by
/// a documented priority in `ContextReaders` (the only place that knows the order):
/// `LineKeyReader` (assignments, settings, headers, flags, prose), `XMLReader`, `StructureReader`
/// (brackets and indentation: JSON, YAML, HCL, PHP arrays, call arguments), `BlockLabelReader`
/// (names of blocks), `CallReader`, `SQLRowReader`, `TableReader` (CSV/TSV/Markdown),
/// `RecordReader` (name/value records), `INIReader` (INI/TOML sections). They share the byte and
/// line primitives of `ContextWindow` and the key-expression reader (`KeyExpression.swift`).
///
/// ## Design
/// - Works on bytes and only looks at a bounded neighbourhood of the value (`ContextWindow`): never
///   more than `reach` bytes before or after it; of a long line only `lineReach` bytes either side;
///   the walk over enclosing structure at most `structureReach` bytes and `maxLinesBack` lines up,
///   following unindented comma-continued lines (JSON lines, CSV) at most `maxFlatContinuations`
///   times. The cost per candidate does not depend on the size of the line or the file.
/// - Syntax-aware but forgiving: it recognises the common ways a credential is written (raw and
///   logged headers, curl, HAR/Postman records, header-setting calls in Ruby, PHP, JS/TS, Python,
///   Go, Java/Kotlin, Swift and C#; assignments, `.env`, YAML, JSON, INI/TOML, properties,
///   XML/plist/Android resources, HCL; SQL `INSERT` columns, CSV/TSV/Markdown headers; constructor
///   and call arguments) without parsing any language fully. A comment marker on the value's own
///   line does not hide code after it: commented-out code is where secrets are left.
/// - When the syntax is not recognised, the answer is an empty or partial context, never a guess
///   from far away: rules then fall back to their other alternatives or report nothing.
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
        return ContextReaders(window: ContextWindow(buffer: buffer, value: value)).read()
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
    /// - `key`: `keyMatches` (the requirement's regex, PCRE2, caseless, compiled by the engine)
    ///   answers true for one of the context's names, `keySubjects(of:)`: the `key`; the dotted
    ///   path `keyPath.key` (e.g. "sirportly.token"; the path alone when there is no key); and for
    ///   a call argument `callee(key)` when the value has a key (e.g. "SirportlyClient(token)") or
    ///   `callee(argumentIndex)` when it is positional (e.g. "Sirportly::Client.new(0)"). A value
    ///   with no name at all never satisfies a `key`. The engine reports a key regex that does not
    ///   compile as a `ScanWarning` naming the rule (and the alternative then cannot hold).
    public static func holds(
        _ requirement: ContextRequirement, value: Range<Int>, context: ValueContext,
        in buffer: UnsafeRawBufferPointer, fileMentions: (String) -> Bool, keyMatches: (String) -> Bool
    ) -> Bool {
        if requirement.key != nil {
            guard keySubjects(of: context).contains(where: keyMatches) else { return false }
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
