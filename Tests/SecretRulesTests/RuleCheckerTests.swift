import PCRE2
import Testing
@testable import SecretRules

/// A stand-in for the engine: every match of the rule's regex, reporting its secret group. It
/// lets the checker be tested on its own; the built-in rules are checked against the real engine
/// in `BuiltinRulesTests`.
func regexSpans(_ rule: Rule, _ text: String) throws -> [Range<Int>] {
    guard let source = rule.regex else { return [] }
    let pattern = try Pattern(source)
    let group = rule.secretGroup ?? (pattern.captureCount > 0 ? 1 : 0)
    return try pattern.matches(in: text).compactMap { $0.group(group) }
}

struct CheckerCase: Sendable, CustomTestStringConvertible {
    var name: String
    var rule: Rule
    /// Expected problems as "level:fragment".
    var expected: [String]
    var testDescription: String { name }
}

@Suite("Rule checker")
struct RuleCheckerTests {
    static func rule(
        _ id: String = "acme-key", regex: String? = #"key=(ak_[0-9a-f]{8})"#, keywords: [String] = ["ak_"],
        examples: [String] = ["key=«ak_0123abcd»"], negatives: [String] = ["key=ak_0123"],
        configure: (inout Rule) -> Void = { _ in }
    ) -> Rule {
        var r = Rule(id: id, title: id, keywords: keywords, regex: regex, examples: examples, negativeExamples: negatives)
        configure(&r)
        return r
    }

    static let cases: [CheckerCase] = [
        CheckerCase(name: "a good rule has no problems", rule: rule(), expected: []),
        CheckerCase(name: "id not kebab-case", rule: rule("Acme_Key"), expected: ["error:not kebab-case"]),
        CheckerCase(name: "id with double hyphen", rule: rule("acme--key"), expected: ["error:not kebab-case"]),
        CheckerCase(name: "regex does not compile", rule: rule(regex: "key=(ak_"), expected: ["error:regex does not compile: missing closing parenthesis at offset 8"]),
        CheckerCase(name: "decodedRegex does not compile", rule: rule { $0.decode = .base64; $0.decodedRegex = "[" }, expected: ["error:decodedRegex does not compile"]),
        CheckerCase(name: "decodedRegex without decode", rule: rule { $0.decodedRegex = "x" }, expected: ["error:decodedRegex is set but decode is not"]),
        CheckerCase(name: "path does not compile", rule: rule { $0.path = "a)" }, expected: ["error:path regex does not compile"]),
        CheckerCase(name: "context key does not compile", rule: rule { $0.context = [ContextRequirement(key: "+x")] }, expected: ["error:context 1 key regex does not compile"]),
        CheckerCase(name: "allowlist regex does not compile", rule: rule { $0.allowlists = [Allowlist(regexes: ["ok", "(?"])] }, expected: ["error:allowlist 1 regex does not compile"]),
        CheckerCase(name: "allowlist path does not compile", rule: rule { $0.allowlists = [Allowlist(paths: ["\\"])] }, expected: ["error:allowlist 1 path regex does not compile"]),
        CheckerCase(name: "secretGroup beyond the groups", rule: rule { $0.secretGroup = 2 }, expected: ["error:secretGroup is 2 but the regex has 1 capture group"]),
        CheckerCase(name: "pairWith names no rule", rule: rule { $0.pairWith = "nope" }, expected: ["error:pairWith names `nope`"]),
        CheckerCase(name: "neither regex nor shape", rule: rule(regex: nil, examples: [], negatives: []), expected: ["error:neither `regex` nor `shape`", "warning:no examples", "warning:no negative examples"]),
        CheckerCase(name: "example span off by one", rule: rule(examples: ["key=a«k_0123abcd»"]), expected: ["error:example 1: expected 5..<15 \"k_0123abcd\", but the rule reports 4..<15 \"ak_0123abcd\""]),
        CheckerCase(name: "example reports nothing", rule: rule(examples: ["key=«ak_0123»"]), expected: ["error:example 1: the rule reports nothing; expected 4..<11"]),
        CheckerCase(name: "example reports an extra span", rule: rule(examples: ["key=«ak_0123abcd» key=ak_99999999"]), expected: ["error:but the rule reports 4..<15 \"ak_0123abcd\", 20..<31"]),
        CheckerCase(name: "unmarked example must match somewhere", rule: rule(examples: ["key=ak_0123abcd", "nothing here"]), expected: ["error:example 2: the rule reports nothing in the example"]),
        CheckerCase(name: "long secrets are previewed, not printed", rule: rule(regex: #"key=(ak_[0-9a-f]{8,})"#, examples: ["key=a«k_0123abcdef»"]), expected: ["error:expected 5..<17 \"k_0123abcdef\", but the rule reports 4..<17 \"ak_0…cdef\""]),
        CheckerCase(name: "spans are UTF-8 byte offsets", rule: rule(examples: ["🔑 key=«ak_0123abcd»"]), expected: []),
        CheckerCase(name: "negative example matches", rule: rule(negatives: ["key=ak_0123", "key=ak_deadbeef"]), expected: ["error:negative example 2: the rule reports 4..<15"]),
        CheckerCase(name: "negative example with markers", rule: rule(negatives: ["key=«ak_0»"]), expected: ["error:negative example 1: a negative example must not mark a span"]),
        CheckerCase(name: "unclosed marker", rule: rule(examples: ["key=«ak_0123abcd"]), expected: ["error:example 1: a « is never closed"]),
        CheckerCase(name: "stray closing marker", rule: rule(examples: ["key=ak_0123abcd»"]), expected: ["error:example 1: a » closes a span that was never opened"]),
        CheckerCase(name: "nested markers", rule: rule(examples: ["«key=«ak_0123abcd»»"]), expected: ["error:example 1: a « opens a span inside another span"]),
        CheckerCase(name: "no examples", rule: rule(examples: []), expected: ["warning:no examples"]),
        CheckerCase(name: "no negatives", rule: rule(negatives: []), expected: ["warning:no negative examples"]),
        CheckerCase(name: "no keywords", rule: rule(keywords: []), expected: ["warning:runs on every buffer"]),
        CheckerCase(name: "shape rule without keywords is fine", rule: rule(regex: nil, keywords: [], examples: [], negatives: []) { $0.shape = .sirportlyToken }, expected: ["warning:no examples", "warning:no negative examples"]),
        CheckerCase(name: "a secret marked across lines under a line window", rule: rule(regex: #"key=(ak_[0-9a-f]{4}\n[0-9a-f]{4})"#, examples: ["key=«ak_0123\nabcd»"]), expected: ["warning:example 1: the marked secret spans several lines but `window` is \"line\""]),
        CheckerCase(name: "a secret marked across lines under a multiline window", rule: rule(regex: #"key=(ak_[0-9a-f]{4}\n[0-9a-f]{4})"#, examples: ["key=«ak_0123\nabcd»"]) { $0.window = .multiline }, expected: []),
        CheckerCase(name: "password- id without kind password", rule: rule("password-in-acme"), expected: ["warning:starts with `password-` (the stored-password rules' prefix) but `kind` is \"token\"; add `kind = \"password\"`"]),
        CheckerCase(name: "password- id with kind password", rule: rule("password-in-acme") { $0.kind = .password }, expected: []),
        CheckerCase(name: "examples are skipped when a pattern does not compile", rule: rule(regex: "(", examples: ["key=«x»"]), expected: ["error:regex does not compile"]),
    ]

    @Test(arguments: cases)
    func findsProblems(_ c: CheckerCase) {
        let checker = RuleChecker(evaluate: regexSpans)
        let problems = checker.check([c.rule, Self.rule("acme-secret")])
        let mine = problems.filter { $0.ruleID == c.rule.id }
        #expect(mine.count == c.expected.count, "\(mine.map(\.description))")
        for (problem, expected) in zip(mine, c.expected) {
            let parts = expected.split(separator: ":", maxSplits: 1).map(String.init)
            #expect(problem.level.rawValue == parts[0], "\(problem)")
            #expect(problem.description.contains(parts[1]), "\(problem)")
        }
    }

    @Test func problemsNameTheExample() throws {
        let rule = Self.rule(negatives: ["fine", "key=ak_deadbeef"])
        let problem = try #require(RuleChecker(evaluate: regexSpans).check([rule]).first)
        #expect(problem.ruleID == "acme-key")
        #expect(problem.example == "key=ak_deadbeef")
        #expect(problem.exampleLabel == "negative example 2")
        #expect(problem.description.hasPrefix("error: acme-key: negative example 2: "))
    }

    @Test func duplicateIdsAreReportedOnce() {
        let problems = RuleChecker(evaluate: regexSpans).check([Self.rule(), Self.rule(), Self.rule()])
        #expect(problems.filter { $0.message.contains("duplicate rule id") }.count == 1)
    }

    @Test func errorsComeBeforeWarnings() {
        let problems = RuleChecker(evaluate: regexSpans).check([Self.rule("a-rule", keywords: []), Self.rule("B")])
        #expect(problems.map(\.level) == [.error, .warning])
    }

    @Test func evaluateFailureIsAnError() {
        struct Boom: Error, CustomStringConvertible { var description: String { "match limit exceeded" } }
        let checker = RuleChecker(evaluate: { _, _ in throw Boom() })
        let problems = checker.check([Self.rule()])
        #expect(problems.count == 2)  // the example and the negative example
        #expect(problems.allSatisfy { $0.message.contains("evaluating the example failed: match limit exceeded") })
    }

    @Test(arguments: [
        ("sirportly-token", true), ("password-in-url", true), ("a1-b2", true), ("x", true),
        ("Sirportly-token", false), ("-a", false), ("a-", false), ("a--b", false), ("a_b", false), ("a b", false), ("", false),
    ])
    func kebabCase(id: String, valid: Bool) {
        #expect(RuleChecker.isKebabCase(id) == valid)
    }
}
