import PCRE2
import SecretRules
import Testing
@testable import SecretScanner

/// Both PCRE2 code paths: every matching test runs with JIT on and off.
let jitPolicies: [JITPolicy] = [.ifAvailable, .never]

func makeEngine(_ rules: [Rule], jit: JITPolicy = .ifAvailable, configure: (inout EngineOptions) -> Void = { _ in }) throws -> Engine {
    var options = EngineOptions()
    options.jit = jit
    configure(&options)
    return try Engine(rules: rules, options: options)
}

func scan(_ text: String, rules: [Rule], jit: JITPolicy = .ifAvailable, path: String = "file.txt",
          configure: (inout EngineOptions) -> Void = { _ in }) throws -> ScanResult {
    try makeEngine(rules, jit: jit, configure: configure).makeWorker().scan(Array(text.utf8), path: path)
}

/// The secrets found, as text.
func secrets(_ result: ScanResult) -> [String] { result.findings.map(\.secretText) }

let demoKeyRule = Rule(
    id: "demo-key", title: "Demo key", keywords: ["dmk_"], regex: #"\b(dmk_[A-Za-z0-9]{20})\b"#)

@Suite("Engine: regex rules")
struct EngineRegexTests {
    @Test(arguments: jitPolicies)
    func findsSecretGroupWithExactRange(jit: JITPolicy) throws {
        let text = "config:\n  key = dmk_A1b2C3d4E5f6G7h8I9j0\n"
        let result = try scan(text, rules: [demoKeyRule], jit: jit)
        #expect(result.warnings.isEmpty)
        #expect(result.findings.count == 1)
        let finding = try #require(result.findings.first)
        let start = Array(text.utf8).firstIndex(of: UInt8(ascii: "d"))!
        #expect(finding.secretRange == start..<(start + 24))
        #expect(finding.secretText == "dmk_A1b2C3d4E5f6G7h8I9j0")
        #expect(finding.ruleID == "demo-key")
        #expect(finding.line == 2 && finding.column == 9)
    }

    @Test(arguments: jitPolicies)
    func explicitSecretGroupAndWholeMatch(jit: JITPolicy) throws {
        let grouped = Rule(id: "grouped", title: "g", keywords: ["token"], regex: #"(token)\s*=\s*"([a-z0-9]{16})""#, secretGroup: 2)
        let whole = Rule(id: "whole", title: "w", keywords: ["zzk-"], regex: #"zzk-[0-9]{12}"#)
        let result = try scan("token = \"ab12cd34ef56gh78\" zzk-582039174625", rules: [grouped, whole], jit: jit)
        #expect(secrets(result) == ["ab12cd34ef56gh78", "zzk-582039174625"])
    }

    @Test(arguments: jitPolicies)
    func keywordsAreCaseInsensitive(jit: JITPolicy) throws {
        let rule = Rule(id: "upper", title: "u", keywords: ["apikey"], regex: #"(?i)apikey:\s*([A-Z0-9]{20})"#)
        let result = try scan("APIKEY: QWERTYUIOP5820394716", rules: [rule], jit: jit)
        #expect(secrets(result) == ["QWERTYUIOP5820394716"])
    }

    @Test(arguments: jitPolicies)
    func ruleWithoutKeywordRunsOnWholeBuffer(jit: JITPolicy) throws {
        let rule = Rule(id: "nokw", title: "n", regex: #"\bqq([0-9]{10})\b"#)
        let text = String(repeating: "filler line\n", count: 200) + "x qq8172635490 y\n"
        #expect(secrets(try scan(text, rules: [rule], jit: jit)) == ["8172635490"])
    }

    @Test(arguments: jitPolicies)
    func regexOutsideKeywordWindowIsNotMatched(jit: JITPolicy) throws {
        // The keyword is 10 lines away from a value the regex alone would match; one line away (the
        // default `windowLines`) it is in the window.
        let rule = Rule(id: "far", title: "f", keywords: ["marker"], regex: #"\b([0-9a-z]{24})\b"#)
        let value = "k3j4h5g6f7d8s9a0p1o2i3u4"
        let text = "marker\n" + String(repeating: "\n", count: 10) + value + "\n"
        #expect(try scan(text, rules: [rule], jit: jit).findings.isEmpty)
        #expect(secrets(try scan("marker\n" + value, rules: [rule], jit: jit)) == [value])
    }

    @Test(arguments: [(3.0, 1), (4.5, 0)])
    func entropyMinimum(minimum: Double, expected: Int) throws {
        // "aabbccddeeffgghh" has 3 bits per byte.
        let rule = Rule(id: "ent", title: "e", keywords: ["ent="], regex: #"ent=([a-z]+)"#, entropy: minimum)
        #expect(try scan("ent=aabbccddeeffgghh", rules: [rule]).findings.count == expected)
    }

    @Test func secretSpansForRuleChecker() throws {
        let spans = try Engine.secretSpans(of: demoKeyRule, in: "a dmk_A1b2C3d4E5f6G7h8I9j0 b dmk_Z1b2C3d4E5f6G7h8I9j9", path: "x")
        #expect(spans == [2..<26, 29..<53])
        let broken = Rule(id: "broken", title: "b", keywords: ["x"], regex: "(unclosed")
        #expect(throws: PatternError.self) { try Engine.secretSpans(of: broken, in: "x", path: "x") }
    }

    @Test(arguments: [
        [Rule(id: "a", title: "a", regex: "x"), Rule(id: "a", title: "a2", regex: "y")],
        [Rule(id: "noregex", title: "n")],
        [Rule(id: "neg", title: "n", regex: "x", secretGroup: -1)],
        [Rule(id: "dec", title: "d", regex: "x", decodedRegex: "y")],
    ])
    func invalidRuleSetsAreRejected(rules: [Rule]) {
        #expect(throws: EngineError.self) { try Engine(rules: rules) }
    }

    @Test func patternThatDoesNotCompileWarnsAndOtherRulesGoOn() throws {
        let broken = Rule(id: "broken", title: "b", keywords: ["dmk_"], regex: "([a-z")
        let result = try scan("dmk_A1b2C3d4E5f6G7h8I9j0", rules: [broken, demoKeyRule])
        #expect(secrets(result) == ["dmk_A1b2C3d4E5f6G7h8I9j0"])
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.ruleID == "broken")
    }

    @Test func secretGroupBeyondCaptureCountWarns() throws {
        let rule = Rule(id: "g3", title: "g", keywords: ["k"], regex: "k(a)", secretGroup: 3)
        let result = try scan("ka", rules: [rule])
        #expect(result.findings.isEmpty)
        #expect(result.warnings.map(\.ruleID) == ["g3"])
    }

    @Test(arguments: jitPolicies)
    func matchLimitBecomesWarningNamingRuleAndPath(jit: JITPolicy) throws {
        let catastrophic = Rule(id: "catastrophic", title: "c", keywords: ["aaaa"], regex: #"(a+)+$"#, secretGroup: 0)
        let text = String(repeating: "a", count: 40) + "!\n" + "dmk_A1b2C3d4E5f6G7h8I9j0"
        let result = try scan(text, rules: [catastrophic, demoKeyRule], jit: jit, path: "logs/slow.log") {
            $0.matchLimits = MatchLimits(match: 10_000, depth: 1_000, heapKiB: 1_000)
        }
        #expect(secrets(result) == ["dmk_A1b2C3d4E5f6G7h8I9j0"])
        let warning = try #require(result.warnings.first)
        #expect(warning.ruleID == "catastrophic")
        #expect(warning.message.contains("catastrophic") && warning.message.contains("logs/slow.log"))
    }

    @Test func patternsCompileLazilyOnlyWhenTheirKeywordOccurs() throws {
        let rules = [
            demoKeyRule,
            Rule(id: "other", title: "o", keywords: ["otherkw"], regex: "otherkw=(\\w+)"),
            Rule(id: "third", title: "t", keywords: ["thirdkw"], regex: "thirdkw=(\\w+)"),
        ]
        let engine = try makeEngine(rules)
        #expect(engine.compiledPatternCount == 0)
        let worker = engine.makeWorker()
        _ = worker.scan(Array("nothing here".utf8), path: "a")
        #expect(engine.compiledPatternCount == 0)
        _ = worker.scan(Array("dmk_A1b2C3d4E5f6G7h8I9j0".utf8), path: "a")
        #expect(engine.compiledPatternCount == 1)
        // A second worker shares the compiled pattern.
        _ = engine.makeWorker().scan(Array("otherkw=value dmk_A1b2C3d4E5f6G7h8I9j0".utf8), path: "a")
        #expect(engine.compiledPatternCount == 2)
    }

    @Test func rulePathFilter() throws {
        let rule = Rule(id: "envonly", title: "e", keywords: ["dmk_"], regex: #"(dmk_[A-Za-z0-9]{20})"#, path: #"\.env$"#)
        let text = "dmk_A1b2C3d4E5f6G7h8I9j0"
        #expect(try scan(text, rules: [rule], path: "app/.env").findings.count == 1)
        #expect(try scan(text, rules: [rule], path: "app/readme.md").findings.isEmpty)
    }
}
