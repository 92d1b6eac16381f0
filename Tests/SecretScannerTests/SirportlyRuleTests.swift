import PCRE2
import SecretRules
import Testing

@testable import SecretScanner

/// The built-in Sirportly rules, end to end: parsed from their TOML, checked by `RuleChecker`, and
/// run through `Engine(rules: BuiltinRules.all())` on realistic snippets. Every value is generated.
@Suite("Sirportly rules")
struct SirportlyRuleTests {
    static let ruleIDs = ["sirportly-token", "sirportly-secret", "sirportly-application-token"]

    static func sirportlyRules() throws -> [Rule] {
        try BuiltinRules.all().filter { ruleIDs.contains($0.id) }
    }

    /// One engine over every built-in rule, as the product runs it.
    static let engine: Result<Engine, any Error> = Result { try Engine(rules: try BuiltinRules.all()) }

    /// The Sirportly findings `Engine(rules: BuiltinRules.all())` reports in `text`.
    static func sirportlyFindings(_ text: String, path: String = "snippet.txt", options: EngineOptions? = nil) throws -> [Finding] {
        let engine = try options.map { try Engine(rules: try BuiltinRules.all(), options: $0) } ?? Self.engine.get()
        let result = engine.makeWorker().scan(Array(text.utf8), path: path)
        return result.findings.filter { $0.ruleID.hasPrefix("sirportly-") }
    }

    @Test func rulesAreShapeRulesThatPair() throws {
        let rules = try Self.sirportlyRules()
        #expect(rules.map(\.id) == Self.ruleIDs)
        let byID = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0) })
        #expect(byID["sirportly-token"]?.shape == .sirportlyToken)
        #expect(byID["sirportly-secret"]?.shape == .sirportlySecret)
        #expect(byID["sirportly-application-token"]?.shape == .sirportlyToken)
        #expect(byID["sirportly-token"]?.pairWith == "sirportly-secret")
        #expect(byID["sirportly-secret"]?.pairWith == "sirportly-token")
        #expect(byID["sirportly-application-token"]?.pairWith == "sirportly-token")
        for rule in rules {
            #expect(rule.severity == .high)
            #expect(rule.context.count >= 3, "\(rule.id) needs several context alternatives")
            #expect(rule.examples.count >= 15)
            #expect(rule.negativeExamples.count >= 7)
        }
    }

    /// Every example reports exactly its marked span, and no negative example reports anything.
    @Test func ruleCheckerFindsNoProblems() throws {
        let checker = RuleChecker { rule, text in try Engine.secretSpans(of: rule, in: text, path: "example.txt") }
        let problems = checker.check(try Self.sirportlyRules())
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }
}
