import PCRE2

/// One problem `RuleChecker` found in a rule.
/// A file and a position in it: `path:line:column`.
public struct FileLocation: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var position: SourcePosition

    public init(path: String, position: SourcePosition) {
        self.path = path
        self.position = position
    }

    public var description: String { "\(path):\(position.line):\(position.column)" }
}

public struct RuleProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Level: String, Sendable, Hashable, Comparable {
        /// The rule is wrong: it does not compile, or it misses or over-reports its own examples.
        case error
        /// The rule works but is weaker than it should be (no examples, no keywords).
        case warning

        public static func < (a: Level, b: Level) -> Bool { a == .error && b == .warning }
    }

    public var level: Level
    /// The rule's id.
    public var ruleID: String
    /// The example (positive or negative) the problem is about, as written (with its markers).
    public var example: String?
    /// "example 2", "negative example 1", or nil.
    public var exampleLabel: String?
    /// Where the example is written (`path`, line, column), when the checker knows
    /// (`RuleChecker.locations`).
    public var location: FileLocation?
    public var message: String

    public init(level: Level, ruleID: String, example: String? = nil, exampleLabel: String? = nil, message: String) {
        self.level = level
        self.ruleID = ruleID
        self.example = example
        self.exampleLabel = exampleLabel
        self.message = message
    }

    /// `error: <rule-id>: example 2: message` (one line; the example text is in `example`), or with
    /// a location `passwords.toml:120:3: error: <rule-id>: example 2: message`.
    public var description: String {
        var s = ""
        if let location { s += "\(location): " }
        s += "\(level.rawValue): \(ruleID): "
        if let exampleLabel { s += "\(exampleLabel): " }
        return s + message
    }
}

/// Checks rules the way `tokenaudit rules check` and the test suite do.
///
/// Errors: duplicate ids; ids that are not kebab-case; a rule with neither `regex` nor `shape`;
/// patterns (`regex`, `decodedRegex`, `path`, context `key`, allowlist `regexes` and `paths`) that
/// do not compile (PCRE2's message and offset); a `secretGroup` the regex does not have; a
/// `pairWith` naming no rule in the set; unbalanced `«»` markers; an example whose reported secret
/// spans differ from its marked spans (exact UTF-8 byte ranges, as `ExampleMarker.strip` returns
/// them), or that reports nothing when it has no markers; a negative example that reports anything;
/// an `evaluate` that throws. Warnings: a rule without examples or without negative examples; a
/// regex rule without keywords (it runs on every buffer); an example whose marked secret spans
/// lines under `window = "line"`; an id starting with `password-` whose `kind` is not `"password"`.
/// (Whether a regex can cross lines is not something `pcre2_pattern_info` can answer:
/// `PCRE2_INFO_HASCRORLF` is set by `[^\r\n]`, which keeps a match on one line, and an inline
/// `(?s)` does not show in `PCRE2_INFO_ALLOPTIONS`; so the window is declared, and checked
/// against the examples.)
///
/// `evaluate(rule, text)` returns the secret spans the rule reports in `text` — the engine's
/// `Engine.secretSpans(of:in:path:)`. Examples are evaluated only for rules whose patterns compile.
public struct RuleChecker {
    public let evaluate: (Rule, String) throws -> [Range<Int>]
    /// Where each rule's examples are written, by rule id (`ConfigFile.exampleLocations`,
    /// `BuiltinRules.exampleLocations()`): a problem with an example then names its file and line.
    public var locations: [String: ExampleLocations]

    public init(evaluate: @escaping (Rule, String) throws -> [Range<Int>], locations: [String: ExampleLocations] = [:]) {
        self.evaluate = evaluate
        self.locations = locations
    }

    /// Every problem in `rules`, errors before warnings, otherwise in rule order.
    public func check(_ rules: [Rule]) -> [RuleProblem] {
        var problems: [RuleProblem] = []
        var seen: Set<String> = []
        var reportedDuplicates: Set<String> = []
        let ids = Set(rules.map(\.id))
        for rule in rules {
            if seen.contains(rule.id) {
                if reportedDuplicates.insert(rule.id).inserted {
                    problems.append(RuleProblem(level: .error, ruleID: rule.id, message: "duplicate rule id: more than one rule is called `\(rule.id)`"))
                }
            }
            seen.insert(rule.id)
            problems += check(rule, knownIDs: ids)
        }
        return problems.enumerated().sorted { a, b in
            a.element.level != b.element.level ? a.element.level < b.element.level : a.offset < b.offset
        }.map(\.element)
    }

    /// The problems of one rule; `knownIDs` are the ids `pairWith` may name.
    public func check(_ rule: Rule, knownIDs: Set<String>) -> [RuleProblem] {
        var problems: [RuleProblem] = []
        func error(_ message: String) { problems.append(RuleProblem(level: .error, ruleID: rule.id, message: message)) }
        func warning(_ message: String) { problems.append(RuleProblem(level: .warning, ruleID: rule.id, message: message)) }

        if !RuleChecker.isKebabCase(rule.id) {
            error("id `\(rule.id)` is not kebab-case (lowercase letters and digits, words joined by single hyphens, e.g. `acme-api-key`)")
        }
        if rule.regex == nil && rule.shape == nil {
            error("the rule has neither `regex` nor `shape`, so it can never match")
        }

        // Patterns.
        var compiles = true
        func compile(_ source: String, _ what: String, caseless: Bool = false) -> Pattern? {
            do {
                return try Pattern(source, options: caseless ? .caseless : [], jit: .never)
            } catch {
                compiles = false
                problems.append(RuleProblem(
                    level: .error, ruleID: rule.id,
                    message: "\(what) does not compile: \(error.message) at offset \(error.offset) in \(quoted(source))"))
                return nil
            }
        }
        if let keywordGuard = rule.keywordGuard { _ = compile(keywordGuard, "keywordGuard") }
        if let regex = rule.regex, let pattern = compile(regex, "regex") {
            if let group = rule.secretGroup, group > pattern.captureCount {
                compiles = false
                error("secretGroup is \(group) but the regex has \(pattern.captureCount) capture group\(pattern.captureCount == 1 ? "" : "s")")
            }
        }
        if rule.id.hasPrefix("password-") && rule.kind != .password {
            warning("the id starts with `password-` (the stored-password rules' prefix) but `kind` is \"\(rule.kind.rawValue)\"; add `kind = \"password\"` for the password filters, or rename the rule")
        }
        if let decoded = rule.decodedRegex {
            _ = compile(decoded, "decodedRegex")
            if rule.decode == nil { error("decodedRegex is set but decode is not, so it is never used") }
        }
        if let path = rule.path { _ = compile(path, "path regex") }
        for (k, c) in rule.context.enumerated() {
            if let key = c.key { _ = compile(key, "context \(k + 1) key regex", caseless: true) }
        }
        for (k, a) in rule.allowlists.enumerated() {
            for r in a.regexes { _ = compile(r, "allowlist \(k + 1) regex") }
            for p in a.paths { _ = compile(p, "allowlist \(k + 1) path regex") }
        }
        if let partner = rule.pairWith, !knownIDs.contains(partner) {
            error("pairWith names `\(partner)`, which is not a rule here")
        }

        // Examples.
        if compiles {
            let where_ = locations[rule.id]
            func locate(_ list: [SourcePosition]?, _ k: Int) -> FileLocation? {
                guard let where_, let list, k < list.count else { return nil }
                return FileLocation(path: where_.path, position: list[k])
            }
            for (k, example) in rule.examples.enumerated() {
                problems += checkExample(example, label: "example \(k + 1)", rule: rule, positive: true)
                    .map { var p = $0; p.location = locate(where_?.examples, k); return p }
                if rule.window == .line, ExampleMarker.strip(example).spans.isEmpty == false,
                   Self.marksSpanAcrossLines(example) {
                    var problem = RuleProblem(
                        level: .warning, ruleID: rule.id, example: example, exampleLabel: "example \(k + 1)",
                        message: "the marked secret spans several lines but `window` is \"line\"; add `window = \"multiline\"`")
                    problem.location = locate(where_?.examples, k)
                    problems.append(problem)
                }
            }
            for (k, example) in rule.negativeExamples.enumerated() {
                problems += checkExample(example, label: "negative example \(k + 1)", rule: rule, positive: false)
                    .map { var p = $0; p.location = locate(where_?.negativeExamples, k); return p }
            }
        }

        problems += checkAnchor(rule, examplesChecked: compiles)

        if rule.examples.isEmpty { warning("the rule has no examples; add `examples` with the secret marked «like this»") }
        if rule.negativeExamples.isEmpty { warning("the rule has no negative examples; add near misses to `negativeExamples`") }
        if rule.regex != nil && rule.shape == nil && rule.keywords.isEmpty {
            warning("the regex rule has no keywords, so it runs on every buffer; add `keywords` (literals that always occur near the secret)")
        }
        return problems
    }

    /// `anchor = "keyword"`: the fields it needs, and every example (positive and negative)
    /// reporting the same spans with the anchor as without it, so a `maxKeywordDistance` too short
    /// for the rule's own examples is an error rather than a silent miss.
    private func checkAnchor(_ rule: Rule, examplesChecked: Bool) -> [RuleProblem] {
        var problems: [RuleProblem] = []
        func error(_ message: String, example: String? = nil, label: String? = nil) {
            problems.append(RuleProblem(level: .error, ruleID: rule.id, example: example, exampleLabel: label, message: message))
        }
        problems += checkKeywordGuard(rule, examplesChecked: examplesChecked)
        guard rule.anchor == .keyword else {
            if rule.maxKeywordDistance != nil { error("maxKeywordDistance is set but anchor is not \"keyword\", so it is never used") }
            return problems
        }
        guard !rule.keywords.isEmpty, rule.regex != nil, rule.shape == nil else {
            error("anchor = \"keyword\" needs keywords and a regex (and no shape)")
            return problems
        }
        guard let distance = rule.maxKeywordDistance, distance >= 0 else {
            error("anchor = \"keyword\" needs maxKeywordDistance (bytes from a match's start to its keyword)")
            return problems
        }
        guard examplesChecked else { return problems }
        var unanchored = rule
        unanchored.anchor = .window
        unanchored.maxKeywordDistance = nil
        for (label, example, anchored, everywhere) in Self.compareOnExamples(rule, with: unanchored, evaluate) {
            error("with anchor = \"keyword\" the regex reports \(anchored.count) span(s) here but \(everywhere.count) without it: a match starts more than maxKeywordDistance (\(distance)) bytes before its keyword; raise the distance or drop the anchor", example: example, label: label)
        }
        return problems
    }

    /// `keywordGuard` (compiled with the other patterns): it has keywords and a regex to filter, and every example
    /// (positive and negative) reports the same spans with the guard as without it, so a guard that
    /// drops the keyword of one of the rule's own matches is an error rather than a silent miss.
    private func checkKeywordGuard(_ rule: Rule, examplesChecked: Bool) -> [RuleProblem] {
        guard rule.keywordGuard != nil else { return [] }
        var problems: [RuleProblem] = []
        func error(_ message: String, example: String? = nil, label: String? = nil) {
            problems.append(RuleProblem(level: .error, ruleID: rule.id, example: example, exampleLabel: label, message: message))
        }
        guard !rule.keywords.isEmpty, rule.regex != nil, rule.shape == nil else {
            error("keywordGuard filters keyword hits: it needs keywords and a regex (and no shape)")
            return problems
        }
        guard examplesChecked else { return problems }
        var unguarded = rule
        unguarded.keywordGuard = nil
        for (label, example, guarded, everywhere) in Self.compareOnExamples(rule, with: unguarded, evaluate) {
            error("with keywordGuard the regex reports \(guarded.count) span(s) here but \(everywhere.count) without it: the guard drops the keyword hit a match holds; widen the guard", example: example, label: label)
        }
        return problems
    }

    /// The examples (positive and negative) where `rule` and `other` report different spans:
    /// label, example, the spans of each.
    private static func compareOnExamples(
        _ rule: Rule, with other: Rule, _ evaluate: (Rule, String) throws -> [Range<Int>]
    ) -> [(String, String, [Range<Int>], [Range<Int>])] {
        let labelled = rule.examples.enumerated().map { ("example \($0.offset + 1)", $0.element) }
            + rule.negativeExamples.enumerated().map { ("negative example \($0.offset + 1)", $0.element) }
        var differing: [(String, String, [Range<Int>], [Range<Int>])] = []
        for (label, example) in labelled where RuleChecker.markerProblem(example) == nil {
            let text = ExampleMarker.strip(example).text
            guard let mine = try? evaluate(rule, text), let theirs = try? evaluate(other, text) else { continue }
            if mine != theirs { differing.append((label, example, mine, theirs)) }
        }
        return differing
    }

    private func checkExample(_ example: String, label: String, rule: Rule, positive: Bool) -> [RuleProblem] {
        func problem(_ message: String) -> [RuleProblem] {
            [RuleProblem(level: .error, ruleID: rule.id, example: example, exampleLabel: label, message: message)]
        }
        if let markerProblem = RuleChecker.markerProblem(example) { return problem(markerProblem) }
        let (text, expected) = ExampleMarker.strip(example)
        if !positive && !expected.isEmpty {
            return problem("a negative example must not mark a span")
        }
        let reported: [Range<Int>]
        do {
            reported = try evaluate(rule, text)
        } catch {
            return problem("evaluating the example failed: \(error)")
        }
        let got = reported.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        if !positive {
            if got.isEmpty { return [] }
            return problem("the rule reports \(describe(got, in: text)) in a negative example")
        }
        if expected.isEmpty {
            if got.isEmpty { return problem("the rule reports nothing in the example") }
            return []
        }
        if got == expected { return [] }
        if got.isEmpty {
            return problem("the rule reports nothing; expected \(describe(expected, in: text))")
        }
        return problem("expected \(describe(expected, in: text)), but the rule reports \(describe(got, in: text))")
    }

    /// Byte ranges with a short preview of their text: `12..<48 "d3f2…96b2"`.
    private func describe(_ spans: [Range<Int>], in text: String) -> String {
        let bytes = Array(text.utf8)
        return spans.map { span in
            let lo = max(0, min(span.lowerBound, bytes.count)), hi = max(lo, min(span.upperBound, bytes.count))
            let s = String(decoding: bytes[lo..<hi], as: UTF8.self)
            let preview = s.count <= 12 ? s : String(s.prefix(4)) + "…" + String(s.suffix(4))
            return "\(span.lowerBound)..<\(span.upperBound) \(quoted(preview))"
        }.joined(separator: ", ")
    }

    private func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Whether a marked span of `example` contains a line break.
    static func marksSpanAcrossLines(_ example: String) -> Bool {
        let (text, spans) = ExampleMarker.strip(example)
        let bytes = Array(text.utf8)
        return spans.contains { span in bytes[span].contains(0x0A) }
    }

    /// Why the `«»` markers in `example` are unbalanced, or nil when they pair up.
    static func markerProblem(_ example: String) -> String? {
        var open = false
        for scalar in example.unicodeScalars {
            if scalar == "\u{00AB}" {
                if open { return "a « opens a span inside another span" }
                open = true
            } else if scalar == "\u{00BB}" {
                if !open { return "a » closes a span that was never opened" }
                open = false
            }
        }
        return open ? "a « is never closed with »" : nil
    }

    /// Lowercase ASCII letters and digits in words joined by single hyphens: `sirportly-token`.
    public static func isKebabCase(_ id: String) -> Bool {
        let u = Array(id.utf8)
        guard let first = u.first, let last = u.last, first != 0x2D, last != 0x2D else { return false }
        var previousHyphen = false
        for b in u {
            if b == 0x2D {
                if previousHyphen { return false }
                previousHyphen = true
            } else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                previousHyphen = false
            } else {
                return false
            }
        }
        return true
    }
}
