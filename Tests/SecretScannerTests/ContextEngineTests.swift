import PCRE2
import SecretRules
import Testing

@testable import SecretScanner

/// Context as the engine runs it: key regexes are engine patterns (JIT policy, match limits,
/// per-worker scratch), a broken one is a warning, and per-candidate cost is bounded by a window.
@Suite("Engine: context")
struct ContextEngineTests {
    static let token = SirportlyTestValues.token
    static let secret = SirportlyTestValues.secret

    static func tokenRule(key: String) -> Rule {
        Rule(id: "demo-keyed-token", title: "Demo keyed token", severity: .high, shape: .sirportlyToken,
             context: [ContextRequirement(key: key)])
    }

    @Test(arguments: jitPolicies)
    func keyRegexMatchesTheDottedPath(jit: JITPolicy) throws {
        let rule = Self.tokenRule(key: #"^sirportly\.token$"#)
        let hit = try scan("SIRPORTLY:\n  token: \(Self.token)\n", rules: [rule], jit: jit)
        #expect(hit.warnings.isEmpty)
        #expect(secrets(hit) == [Self.token])
        let miss = try scan("other:\n  token: \(Self.token)\n", rules: [rule], jit: jit)
        #expect(miss.findings.isEmpty && miss.warnings.isEmpty)
    }

    /// Regression: a key regex that did not compile silently never held.
    @Test(arguments: jitPolicies)
    func keyRegexThatDoesNotCompileIsAWarningNamingTheRule(jit: JITPolicy) throws {
        let rule = Rule(
            id: "demo-keyed-token", title: "Demo keyed token", shape: .sirportlyToken,
            context: [ContextRequirement(key: "(token"), ContextRequirement(key: "^secret$")])
        let result = try scan("token: \(Self.token)\nsecret: \(SirportlyTestValues.token2)\n", rules: [rule], jit: jit)
        #expect(secrets(result) == [SirportlyTestValues.token2])
        let warning = try #require(result.warnings.first)
        #expect(result.warnings.count == 1)
        #expect(warning.ruleID == "demo-keyed-token")
        #expect(warning.message.contains("context key regex does not compile"))
        #expect(throws: PatternError.self) { try Engine.secretSpans(of: rule, in: "token: \(Self.token)", path: "x") }
    }

    @Test(arguments: jitPolicies)
    func keyRegexHittingTheMatchLimitIsAWarning(jit: JITPolicy) throws {
        let rule = Self.tokenRule(key: "^(a|aa)+$")
        let name = String(repeating: "a", count: 40) + "b"
        let result = try scan("\(name): \(Self.token)\n", rules: [rule], jit: jit) { $0.matchLimits = MatchLimits(match: 200) }
        #expect(result.findings.isEmpty)
        #expect(result.warnings.map(\.ruleID) == ["demo-keyed-token"])
    }

    /// Issue 14: a one-line export cost time proportional to line × candidates. A 2 MB single line
    /// of records full of UUIDs, with one credential pair in the middle, is scanned and the pair
    /// found (the time belongs in Benchmarks/, not here).
    @Test func twoMegabyteSingleLineFindsThePlantedCredential() throws {
        var rng = SirportlyTestRandom(seed: 14)
        var records: [String] = []
        var size = 0
        var planted = false
        while size < 2_000_000 {
            if !planted && size >= 1_000_000 {
                records.append(#"{"sirportly":{"token":"\#(Self.token)","secret":"\#(Self.secret)"}}"#)
                planted = true
            }
            let record = #"{"id":"\#(rng.uuidV4())","request_id":"\#(rng.uuidV4())","n":\#(records.count),"note":"lorem ipsum"}"#
            size += record.utf8.count + 1
            records.append(record)
        }
        let line = "[" + records.joined(separator: ",") + "]"
        #expect(!line.contains("\n"))
        let engine = try Engine(rules: try BuiltinRules.all())
        let result = engine.makeWorker().scan(Array(line.utf8), path: "export.json")
        let found = result.findings.map { "\($0.ruleID)=\($0.secretText)" }.sorted()
        #expect(found == ["sirportly-secret=\(Self.secret)", "sirportly-token=\(Self.token)"])
        #expect(result.findings.allSatisfy { $0.line == 1 })
    }
}
