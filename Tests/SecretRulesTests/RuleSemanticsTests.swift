import SecretScanner
import Testing
@testable import SecretRules

/// The typed fields that change what the engine does (`kind`, `yields`, `value`, `window`), and
/// the promise that tags are labels only.
@Suite("Rule semantics")
struct RuleSemanticsTests {
    static let builtinIDs = (try? BuiltinRules.all().map(\.id)) ?? []

    /// Every example and negative example of `rule`, as the engine reports them (`path` lifted).
    static func spans(_ rule: Rule) throws -> [[Range<Int>]] {
        var anywhere = rule
        anywhere.path = nil
        return try (rule.examples + rule.negativeExamples).map { example in
            try Engine.secretSpans(of: anywhere, in: ExampleMarker.strip(example).text, path: "example.txt")
        }
    }

    /// Regression: the tags `fallback` and `runtime-value` and the id prefix `password-` used to
    /// change what the engine did. Now a rule's findings on its own examples are the same with no
    /// tags and with those once-meaningful tags.
    @Test(arguments: builtinIDs)
    func changingTagsNeverChangesFindings(ruleID: String) throws {
        let rule = try #require(try BuiltinRules.all().first { $0.id == ruleID })
        let reference = try Self.spans(rule)
        for tags in [[], ["fallback", "runtime-value", "password", "generic"]] {
            var relabelled = rule
            relabelled.tags = tags
            #expect(try Self.spans(relabelled) == reference, "tags \(tags)")
        }
    }

    /// Tags do not make a rule yield: only `yields = "any-other-rule"` does (with the built-in
    /// rules together, as a scan runs them).
    @Test func onlyYieldsMakesARuleGiveWay() throws {
        let specific = Rule(id: "acme-token", title: "ACME", keywords: ["acme_"], regex: #"(acme_[A-Za-z0-9]{20})"#)
        var generic = Rule(id: "generic-demo", title: "Generic", keywords: ["token"], regex: #"token\s*=\s*"([^"]+)""#, tags: ["fallback"])
        let text = Array(#"token = "acme_Q2hX9vLm4TzR8wKp1NcY""#.utf8)
        let tagged = try Engine(rules: [specific, generic]).makeWorker().scan(text, path: "a.txt")
        #expect(tagged.findings.map(\.ruleID).sorted() == ["acme-token", "generic-demo"])
        generic.yields = .anyOtherRule
        let yielding = try Engine(rules: [specific, generic]).makeWorker().scan(text, path: "a.txt")
        #expect(yielding.findings.map(\.ruleID) == ["acme-token"])
    }

    /// `kind = "password"` (not the id) turns on the password filters: a bcrypt hash is not a
    /// stored password, but it is a token-shaped value to a token rule.
    @Test(arguments: [RuleKind.token, .password])
    func kindDecidesThePasswordFilters(kind: RuleKind) throws {
        let rule = Rule(id: "password-demo", title: "p", keywords: ["pass"], regex: #"pass=(\S+)"#, kind: kind)
        let text = Array("pass=$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW".utf8)
        let findings = try Engine(rules: [rule]).makeWorker().scan(text, path: "a.txt").findings
        #expect(findings.count == (kind == .password ? 0 : 1))
    }

    /// Regression: `kind: Secret` was an engine keyword; now short base64 values of a Kubernetes
    /// Secret are decoded only when a rule declares the marker in `base64Documents`.
    @Test(arguments: [[], ["kind: Secret"]])
    func base64DocumentMarkersAreRuleData(markers: [String]) throws {
        let rule = Rule(
            id: "password-demo", title: "p", keywords: ["password"], regex: #"password:\s*(\S+)"#, kind: .password,
            base64Documents: markers)
        // "hunter2Hunter" in base64: 18 characters before the padding, below the general minimum.
        let yaml = "apiVersion: v1\nkind: Secret\ndata:\n  password: aHVudGVyMkh1bnRlcg==\n"
        let findings = try Engine(rules: [rule]).makeWorker().scan(Array(yaml.utf8), path: "secret.yaml").findings
        let decoded = findings.filter { $0.encoding == .base64 }.map { String(decoding: $0.secret, as: UTF8.self) }
        #expect(decoded == (markers.isEmpty ? [] : ["hunter2Hunter"]))
    }

    /// The stored-password contract (every `password-*` rule reports passwords) now holds by
    /// declaration, and every built-in rule's `window` agrees with what PCRE2 says of its regex.
    @Test func builtinRulesDeclareTheirSemantics() throws {
        let rules = try BuiltinRules.all()
        for rule in rules where rule.id.hasPrefix("password-") {
            #expect(rule.kind == .password, "\(rule.id)")
        }
        #expect(rules.filter { $0.yields == .anyOtherRule }.map(\.id) == ["generic-api-key", "generic-named-key", "generic-keyword-value", "authorization-bearer-token", "http-header-api-key", "kubernetes-secret-data"])
        #expect(rules.filter { $0.value == .expression }.map(\.id) == ["password-persisted-by-app", "password-persisted-in-app-storage"])
        #expect(rules.filter { $0.value == .verbatim }.map(\.id).sorted() == [
            "password-basic-auth", "password-in-command", "password-in-netrc", "password-in-pgpass", "password-in-url",
        ])
        #expect(rules.filter { $0.window == .multiline }.map(\.id).sorted() == [
            "aws-secret-access-key", "heroku-api-key", "kubernetes-secret-data", "password-in-command", "password-in-csv-export",
            "password-in-dotnet-credential", "password-in-netrc", "password-in-parameter-store", "password-in-terraform", "private-key",
            "truenas-api-key",
        ])
        let problems = RuleChecker(evaluate: { _, _ in [] }).check(rules)
        #expect(!problems.contains { $0.message.contains("`window`") || $0.message.contains("`kind`") }, "\(problems)")
    }
}
