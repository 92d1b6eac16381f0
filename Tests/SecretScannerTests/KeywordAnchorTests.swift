import PCRE2
import SecretRules
import Testing
@testable import SecretScanner

/// `anchor = "keyword"`: the regex is tried only at the start of each keyword hit's line and up to
/// `maxKeywordDistance` bytes before each hit, and finds what a search of the whole window finds.
@Suite("Engine: keyword-anchored rules")
struct KeywordAnchorTests {
    /// A rule shaped like the password rules: line-start alternatives, an opener some bytes before
    /// the keyword, and a key whose prefix is free.
    static func rule(anchored: Bool, distance: Int = 32) -> Rule {
        Rule(
            id: "demo-password", title: "Demo password", keywords: ["pass", "pwd"],
            regex: #"(?i)(?|^[ \t]*[\w.]*(?:pass|pwd)\w*[ \t]*[:=][ \t]*(\S{3,})|<[\w:]+[ \t][^<>\n]*?\b\w*pass\w*="([^"]+)"|\b\w*pass\w*=([^&\s]{3,})(?=&))"#,
            kind: .password, anchor: anchored ? .keyword : .window, maxKeywordDistance: anchored ? distance : nil)
    }

    static let texts: [String] = [
        "db_password = Vb8kQ2zLw5t\n",
        "x\n  spring.datasource.password: Lk3Jh7Fd2Sa9\ny\n",
        "<dataSource url=\"jdbc\" user=\"sa\" password=\"Hn7Jm4Ku1Yt9\"/>\n",
        "GET /login?user=a&password=Mk8Nj5Bh2Vg6&next=/ HTTP/1.1\n",
        "pwd: Qa1Ws2Ed3Rf4\r\npass=Zx4Cv7Bn1Mq8\r\n",
        String(repeating: "var compass,bypass;", count: 400) + "a.password=Tz6Ye3Rn8Wq1&b=1;" + String(repeating: "x", count: 3000),
        "no keyword on this line\nsecret_pass: Ui8Op5Kl2Jh9\n\npasswords everywhere: pass pass pass pass\n",
    ]

    /// The anchored rule reports exactly what the unanchored one does, JIT on and off.
    @Test(arguments: texts, jitPolicies)
    func anchoredRuleFindsWhatTheWindowFinds(text: String, jit: JITPolicy) throws {
        let everywhere = try scan(text, rules: [Self.rule(anchored: false)], jit: jit)
        let anchored = try scan(text, rules: [Self.rule(anchored: true)], jit: jit)
        #expect(!everywhere.findings.isEmpty)
        #expect(anchored.findings.map(\.secretRange) == everywhere.findings.map(\.secretRange))
        #expect(anchored.warnings.isEmpty)
    }

    /// The distance is a real bound: a match that starts farther before its keyword (and not at a
    /// line start) is not found, one within it is.
    @Test(arguments: [(8, false), (64, true)])
    func distanceBoundsWhereAMatchMayStart(distance: Int, found: Bool) throws {
        // The element does not start the line: a line start is always a permitted match start.
        let text = "x <dataSource url=\"jdbc\" user=\"sa\" password=\"Hn7Jm4Ku1Yt9\"/>\n"
        let result = try scan(text, rules: [Self.rule(anchored: true, distance: distance)])
        #expect(result.findings.isEmpty == !found)
    }

    /// Start ranges: one per hit, from `distance` bytes before it to its last byte, plus its line
    /// start, merged.
    @Test func startRangesCoverEachHitAndItsLineStart() {
        let text = Array("aaaa\nbbbbbbbbbb pass cc pwd\nzz".utf8)
        let hits = [16, 20, 24, 27]
        text.withUnsafeBytes { raw in
            let starts = KeywordAnchor.starts(hits: hits, windows: [0..<raw.count], distance: 3, in: raw)
            #expect(starts == [[5...5, 13...19, 21...26]])
        }
    }

    /// Regression: a hit's recorded start is where the longest keyword ending there starts, which
    /// may be another rule's (`_password` ends where `password` does). Starts up to the hit's last
    /// byte are tried, so a match starting at this rule's own keyword is still found.
    @Test(arguments: jitPolicies)
    func matchAtOwnKeywordInsideAnotherRulesLongerKeyword(jit: JITPolicy) throws {
        let anchored = Rule(
            id: "demo-anchored", title: "Anchored", keywords: ["password"], regex: #"password=(\w{6,})"#,
            anchor: .keyword, maxKeywordDistance: 0)
        let longer = Rule(id: "demo-longer", title: "Longer keyword", keywords: ["_password"], regex: #"_password:(\w+)"#)
        let result = try scan("x_password=Qx7Lm2Tk9\n", rules: [anchored, longer], jit: jit)
        #expect(result.findings.map(\.secretText) == ["Qx7Lm2Tk9"])
    }

    /// Regression guard for the built-in rules: each anchored one reports the same spans on its
    /// examples and negative examples with and without the anchor (`rules check` runs this too).
    @Test(arguments: ((try? BuiltinRules.all()) ?? []).filter { $0.anchor == .keyword }.map(\.id))
    func builtinAnchoredRuleAgreesWithItsUnanchoredSelf(ruleID: String) throws {
        var rule = try #require(try BuiltinRules.all().first { $0.id == ruleID })
        rule.path = nil
        var unanchored = rule
        unanchored.anchor = .window
        unanchored.maxKeywordDistance = nil
        for example in rule.examples + rule.negativeExamples {
            let text = ExampleMarker.strip(example).text
            #expect(try Engine.secretSpans(of: rule, in: text, path: "example.txt")
                == Engine.secretSpans(of: unanchored, in: text, path: "example.txt"), "\(text.debugDescription)")
        }
    }
}
