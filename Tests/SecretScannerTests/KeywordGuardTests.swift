import PCRE2
import SecretRules
import Testing
@testable import SecretScanner

/// `keywordGuard`: a keyword hit counts for a rule only where the guard matches at the hit's end.
/// Hits the guard drops open no window, so a match that holds only such hits is not found; a match
/// that holds a kept hit is found as without the guard.
@Suite("Engine: keyword guards")
struct KeywordGuardTests {
    /// `pass` counts only where it ends a `_`-joined name (`db_pass`). The regex alone also matches
    /// `bypass: …` and `compass_x = …`, which is what the guard keeps it from trying.
    static func rule(guarded: Bool, anchored: Bool = false) -> Rule {
        Rule(
            id: "demo-guarded", title: "Demo guarded", keywords: ["pass"],
            regex: #"(?i)\b\w*pass\w*[ \t]*[:=][ \t]*(\S{3,})"#,
            kind: .password, anchor: anchored ? .keyword : .window, maxKeywordDistance: anchored ? 32 : nil,
            keywordGuard: guarded ? #"(?i)(?<=_pass)(?!\w)"# : nil)
    }

    @Test(arguments: jitPolicies, [false, true])
    func guardDropsHitsThatDoNotEndAName(jit: JITPolicy, anchored: Bool) throws {
        let text = "bypass: Vb8kQ2zLw5t\ncompass_x = Lk3Jh7Fd2Sa9\n"
        let unguarded = try scan(text, rules: [Self.rule(guarded: false, anchored: anchored)], jit: jit)
        #expect(unguarded.findings.map(\.secretText) == ["Vb8kQ2zLw5t", "Lk3Jh7Fd2Sa9"])
        let guarded = try scan(text, rules: [Self.rule(guarded: true, anchored: anchored)], jit: jit)
        #expect(guarded.findings.isEmpty)
        #expect(guarded.warnings.isEmpty)
    }

    @Test(arguments: jitPolicies, [false, true])
    func keptHitFindsWhatTheUnguardedRuleFinds(jit: JITPolicy, anchored: Bool) throws {
        let text = "bypass compass\ndb_pass = Hn7Jm4Ku1Yt9\nx\nsmtp_pass: Mk8Nj5Bh2Vg6\n"
        let unguarded = try scan(text, rules: [Self.rule(guarded: false, anchored: anchored)], jit: jit)
        let guarded = try scan(text, rules: [Self.rule(guarded: true, anchored: anchored)], jit: jit)
        #expect(guarded.findings.map(\.secretText) == ["Hn7Jm4Ku1Yt9", "Mk8Nj5Bh2Vg6"])
        #expect(guarded.findings.map(\.secretRange) == unguarded.findings.map(\.secretRange))
    }

    /// The guard sees the bytes before the hit (look-behind) and after it, not a copy of the hit.
    /// (The lines are far apart: a dropped hit opens no window, but a kept hit's window spans lines
    /// around it, and a match there is found.)
    @Test func guardLooksBehindAndAhead() throws {
        let rule = Rule(
            id: "demo-camel", title: "Camel", keywords: ["pass"], regex: #"(?i)\b\w*pass[ \t]*=[ \t]*(\S{3,})"#,
            keywordGuard: #"(?-i:(?<=[a-z]Pass))(?=[ \t]*=)"#)
        let filler = String(repeating: "filler line\n", count: 20)
        let result = try scan("dbPass = Zx4Cv7Bn1Mq8\n\(filler)bypass = Ui8Op5Kl2Jh9\n\(filler)DBPASS = Qa1Ws2Ed3Rf4\n", rules: [rule])
        #expect(result.findings.map(\.secretText) == ["Zx4Cv7Bn1Mq8"])
    }

    /// A guard that does not compile costs time, never a finding: every hit is kept, with a warning.
    @Test func brokenGuardKeepsEveryHitAndWarns() throws {
        var rule = Self.rule(guarded: true)
        rule.keywordGuard = "(?<=pass"
        let result = try scan("bypass: Vb8kQ2zLw5t\n", rules: [rule])
        #expect(result.findings.map(\.secretText) == ["Vb8kQ2zLw5t"])
        #expect(result.warnings.contains { $0.ruleID == "demo-guarded" && $0.message.contains("keywordGuard does not compile") })
    }

    /// `rules check`: a guard that drops the keyword hit one of the rule's own examples holds is an
    /// error naming that example; a guard that keeps it is not.
    @Test func ruleCheckReportsAGuardThatDropsAnExamplesKeyword() {
        var rule = Self.rule(guarded: true)
        rule.examples = ["db_pass = «Hn7Jm4Ku1Yt9»", "passcode = «Mk8Nj5Bh2Vg6»"]
        rule.negativeExamples = ["nothing here"]
        let problems = RuleChecker.engineBacked().check([rule]).filter { $0.level == .error }
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.exampleLabel == "example 2" })
        #expect(problems.contains { $0.message.contains("with keywordGuard the regex reports 0 span(s) here but 1 without it") })
        rule.examples = ["db_pass = «Hn7Jm4Ku1Yt9»"]
        #expect(RuleChecker.engineBacked().check([rule]).filter { $0.level == .error }.isEmpty)
    }

    @Test func guardWithoutKeywordsIsRefused() {
        let rule = Rule(id: "demo-bare", title: "Bare", regex: #"x=(\w+)"#, keywordGuard: #"(?=x)"#)
        #expect(throws: EngineError.self) { try Engine(rules: [rule]) }
    }

    /// The built-in guarded rules report the same spans on their examples and negative examples with
    /// and without the guard (`rules check` runs this too).
    @Test(arguments: ((try? BuiltinRules.all()) ?? []).filter { $0.keywordGuard != nil }.map(\.id))
    func builtinGuardedRuleAgreesWithItsUnguardedSelf(ruleID: String) throws {
        var rule = try #require(try BuiltinRules.all().first { $0.id == ruleID })
        rule.path = nil
        var unguarded = rule
        unguarded.keywordGuard = nil
        #expect(!rule.examples.isEmpty)
        for example in rule.examples + rule.negativeExamples {
            let text = ExampleMarker.strip(example).text
            #expect(try Engine.secretSpans(of: rule, in: text, path: "example.txt")
                == Engine.secretSpans(of: unguarded, in: text, path: "example.txt"), "\(text.debugDescription)")
        }
    }

    /// Hits in words where the password word does not end a name (`bypass`, `compass`,
    /// `password_reset_required`, `passThrough`) open no window for the guarded built-in password
    /// rules, while a name that ends in it still does.
    @Test func builtinPasswordGuardsKeepNameEndsOnly() throws {
        let guarded = try BuiltinRules.all().filter { $0.keywordGuard?.contains("(?<=password|passwd|passphrase|passwort|") == true }
        #expect(Set(guarded.map(\.id)).isSuperset(of: ["password-in-config", "password-hardcoded", "password-in-log", "password-persisted-in-app-storage"]))
        // A guard that keeps only whole password words needs each of them as a keyword: a hit of
        // `pass` inside `passphrase` is dropped, so without `passphrase` a `passphrase=` is missed.
        for rule in guarded {
            #expect(Set(rule.keywords).isSuperset(of: ["password", "passwd", "passphrase", "passwort", "pass", "pwd", "pw"]), "\(rule.id)")
        }
        let guards = guarded.compactMap(\.keywordGuard)
        for source in guards {
            let pattern = try Pattern(source, options: [.anchored])
            func kept(_ text: String, end: Int) throws -> Bool {
                try Array(text.utf8).withUnsafeBytes { try pattern.makeMatcher().firstMatch(in: $0, from: end) != nil }
            }
            #expect(try kept("db_pass = x", end: 7))
            #expect(try kept("dbPass = x", end: 6))
            #expect(try kept("\"password\": x", end: 9))
            #expect(try kept("DB_PASSWORD=x", end: 11))
            #expect(try !kept("bypass = x", end: 6))
            #expect(try !kept("compass,", end: 7))
            #expect(try !kept("password_reset_required", end: 8))
            #expect(try !kept("passThrough", end: 4))
        }
    }
}
