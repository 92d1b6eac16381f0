import PCRE2
import SecretRules
import Testing
@testable import SecretScanner

let valueRule = Rule(id: "demo-value", title: "Demo value", keywords: ["api_key"], regex: #"api_key\s*[:=]\s*["']?([^\s"',;]+)"#)
let passwordRule = Rule(
    id: "password-demo", title: "Password", keywords: ["password"], regex: #"password\s*[:=]\s*["']?([^\s"',;]*)"#,
    kind: .password)

@Suite("Candidate filters, allowlists, inline ignores")
struct FilterTests {
    @Test(arguments: [
        "${API_KEY}", "$API_KEY", "ENV['API_KEY']", "ENV.fetch(\"API_KEY\")", "process.env.API_KEY",
        "os.environ[\"API_KEY\"]", "os.Getenv(\"API_KEY\")", "${{secrets.API_KEY}}", "{{api_key}}", "%(api_key)s",
        "<your-api-key>", "vault:secret/data/app#key", "op://vault/item/field",
    ])
    func referencesAreNotSecrets(reference: String) throws {
        #expect(try scan("api_key = \(reference)", rules: [valueRule]).findings.isEmpty)
    }

    @Test(arguments: ["***", "********", "[FILTERED]", "<redacted>", "[REDACTED]", "xxxxxxxxxxxx", "abc***def"])
    func maskedValuesAreNotSecrets(masked: String) throws {
        #expect(try scan("api_key = \(masked)", rules: [valueRule]).findings.isEmpty)
    }

    @Test(arguments: ["your_api_key_here", "changeme", "EXAMPLE_KEY_VALUE", "00000000000000000000"])
    func placeholdersAreNotSecrets(placeholder: String) throws {
        #expect(try scan("api_key = \(placeholder)", rules: [valueRule]).findings.isEmpty)
    }

    /// Regression: a rule that reports a run-time expression (the variable an app persists) lost
    /// every finding whose expression was the word `password`, to the placeholder filter.
    @Test func runtimeValueRulesSkipLiteralFilters() throws {
        let expressionRule = Rule(
            id: "password-stored", title: "Stored", keywords: ["store("], regex: #"store\((\w+)\)"#,
            kind: .password, value: .expression)
        let literalRule = Rule(
            id: "password-literal", title: "Literal", keywords: ["store("], regex: #"store\((\w+)\)"#, kind: .password)
        #expect(secrets(try scan("store(password)", rules: [expressionRule])) == ["password"])
        #expect(try scan("store(password)", rules: [literalRule]).findings.isEmpty)
    }

    /// Regression: `generic-api-key` reported a second finding on a value that a user's own rule
    /// (or a provider rule) already reported. A rule with `yields = "any-other-rule"` gives way on
    /// overlapping values.
    @Test func fallbackRuleYieldsToSpecificRule() throws {
        let specific = Rule(id: "acme-token", title: "ACME", keywords: ["acme_"], regex: #"(acme_[A-Za-z0-9]{20})"#)
        let fallback = Rule(
            id: "generic-demo", title: "Generic", keywords: ["token"], regex: #"token\s*=\s*"([^"]+)""#,
            yields: .anyOtherRule)
        let both = try scan(#"token = "acme_Q2hX9vLm4TzR8wKp1NcY""#, rules: [specific, fallback])
        #expect(both.findings.map(\.ruleID) == ["acme-token"])
        let alone = try scan(#"token = "Q2hX9vLm4TzR8wKp1NcYx7""#, rules: [specific, fallback])
        #expect(alone.findings.map(\.ruleID) == ["generic-demo"])
    }

    @Test func realValueSurvivesFilters() throws {
        #expect(secrets(try scan("api_key = Zk8rT2mQ9vX4bN7cW1pL", rules: [valueRule])) == ["Zk8rT2mQ9vX4bN7cW1pL"])
    }

    @Test(arguments: [
        "", "null", "None", "nil", "''",
        "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
        "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
        "{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", "{SHA}fDYHuOYbzxlE6ehQOmYPIfS28/E=",
        "$6$rounds=5000$saltsalt$hash", "$1$saltsalt$hash",
        "5f4dcc3b5aa765d61d8327deb882cf99",
        "5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8",
        "ef92b778bafe771e89245b89ecbc08a44a4e166c06659911881f383d4473e94f",
    ])
    func passwordRulesSkipEmptyValuesAndHashes(value: String) throws {
        #expect(try scan("password = \(value)", rules: [passwordRule]).findings.isEmpty)
    }

    @Test(arguments: ["Tr0ub4dor&3x", "hunter2hunter", "123456"])
    func passwordRulesReportStoredPasswords(value: String) throws {
        #expect(secrets(try scan("password = \(value)", rules: [passwordRule])) == [value])
    }

    @Test(arguments: [(false, 0), (true, 1)])
    func documentationExamplesAreSuppressedOrReportedLow(report: Bool, expected: Int) throws {
        let rule = Rule(id: "doc", title: "d", severity: .high, keywords: ["token"], regex: #"token:\s*([0-9a-f-]{36})"#)
        let result = try scan("token: d3f269a9-932e-eeb0-05e7-14fdff8696b2", rules: [rule]) { $0.reportKnownExamples = report }
        #expect(result.findings.count == expected)
        if let finding = result.findings.first {
            #expect(finding.severity == .low)
            #expect(finding.message?.contains("documentation") == true)
        }
    }

    @Test(arguments: [
        "api_key = Zk8rT2mQ9vX4bN7cW1pL # tokenaudit:allow",
        "api_key = Zk8rT2mQ9vX4bN7cW1pL // gitleaks:allow",
        "api_key = Zk8rT2mQ9vX4bN7cW1pL  # pragma: allowlist secret",
    ])
    func inlineIgnoreOnTheLineSuppresses(line: String) throws {
        #expect(try scan(line, rules: [valueRule]).findings.isEmpty)
        // Only that line: the same value on the next line is still found.
        #expect(try scan(line + "\napi_key = Zk8rT2mQ9vX4bN7cW1pL", rules: [valueRule]).findings.count == 1)
    }

    static let allowlistCases: [(Allowlist, String, Bool)] = [
        (Allowlist(regexes: ["^Zk8r"]), "file.txt", true),
        (Allowlist(regexes: ["^nomatch"]), "file.txt", false),
        (Allowlist(regexes: [#"api_key\s*="#], regexTarget: .match), "file.txt", true),
        (Allowlist(regexes: ["fixture"], regexTarget: .line), "file.txt", true),
        (Allowlist(regexes: ["fixture"], regexTarget: .secret), "file.txt", false),
        (Allowlist(paths: [#"^test/"#]), "test/a.txt", true),
        (Allowlist(paths: [#"^test/"#]), "src/a.txt", false),
        (Allowlist(stopwords: ["T2MQ9V"]), "file.txt", true),
        (Allowlist(regexes: ["^Zk8r"], paths: [#"^test/"#], matchAll: true), "src/a.txt", false),
        (Allowlist(regexes: ["^Zk8r"], paths: [#"^test/"#], matchAll: true), "test/a.txt", true),
        (Allowlist(regexes: ["^nomatch"], paths: [#"^test/"#]), "test/a.txt", true),
    ]

    @Test(arguments: allowlistCases)
    func ruleAndGlobalAllowlists(allowlist: Allowlist, path: String, allowed: Bool) throws {
        let text = "api_key = Zk8rT2mQ9vX4bN7cW1pL # fixture"
        var ruled = valueRule
        ruled.allowlists = [allowlist]
        #expect(try scan(text, rules: [ruled], path: path).findings.isEmpty == allowed)
        #expect(try scan(text, rules: [valueRule], path: path) { $0.allowlists = [allowlist] }.findings.isEmpty == allowed)
    }

    @Test func fingerprintAllowlist() throws {
        let text = "api_key = Zk8rT2mQ9vX4bN7cW1pL\napi_key = Hq3sV8nR2wY6cJ5kD0tM"
        let all = try scan(text, rules: [valueRule])
        #expect(all.findings.count == 2)
        let first = all.findings[0].fingerprint
        let filtered = try scan(text, rules: [valueRule]) { $0.allowlists = [Allowlist(fingerprints: [first])] }
        #expect(secrets(filtered) == ["Hq3sV8nR2wY6cJ5kD0tM"])
    }
}
