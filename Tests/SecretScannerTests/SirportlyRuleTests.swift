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

/// A realistic snippet and the Sirportly findings it must produce: (rule id, value). When
/// `paired`, all of them share one group and are critical; otherwise each stands alone (high).
struct SirportlySnippet: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let expected: [(rule: String, value: String)]
    var paired: Bool = true
    var path: String = "snippet.txt"

    var testDescription: String { name }
}

private enum Generated {
    static let token = "cc3fc162-6e53-a130-43b0-26c48bbf33fe"
    static let secret = "q9m2i0hz2uep1enthjxjqi3ogz5kok16zv0mwufxbv932byv7s"
    static let mixedSecret = "fBZ7SMjGVJOUCyMuK5jsKDFjcQRJV6E1KIP6iW7M6ARQPbQHBP"
    static let appToken = "ff9243a8-f506-b409-28b5-b7a767c76fb0"
    static let userToken = "08f86beb-b273-7f6a-6f0f-b23c6f5da2ce"
    static let userSecret = "6ehogfqrclri1qzj865ufrdl1erbfqfoeqh3av90ric7phkqdl"
    /// UUIDv4-looking request ids (generated).
    static let requestIDs = [
        "5ec84d8d-bc74-4547-90f5-8904dba41ecc", "c255404e-4fb4-4003-8d66-08697a8d41be",
        "9d1e2f30-7a44-4c1b-a2f0-5b6c7d8e9f01", "e4b7c2a1-3d5f-4e6a-8b9c-0d1e2f3a4b5c",
    ]
}

let sirportlySnippets: [SirportlySnippet] = [
    SirportlySnippet(
        name: "Ruby initializer",
        text: """
        # config/initializers/sirportly.rb
        require 'sirportly'

        SIRPORTLY = Sirportly::Client.new(
          '\(Generated.token)',
          '\(Generated.secret)'
        )
        """,
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: ".env with application token",
        text: """
        APP_ENV=production
        REQUEST_LOG_ID=\(Generated.requestIDs[0])
        SIRPORTLY_TOKEN=\(Generated.userToken)
        SIRPORTLY_SECRET=\(Generated.userSecret)
        SIRPORTLY_APPLICATION_TOKEN=\(Generated.appToken)
        """,
        expected: [
            ("sirportly-token", Generated.userToken), ("sirportly-secret", Generated.userSecret),
            ("sirportly-application-token", Generated.appToken),
        ]),
    SirportlySnippet(
        name: "curl user authentication transcript",
        text: """
        $ curl -v -H 'X-Auth-Application: \(Generated.appToken)' https://api.sirportly.com/api/v2/users/login
        > GET /api/v2/tickets/all HTTP/1.1
        > X-Request-Id: \(Generated.requestIDs[1])
        > X-Auth-Application: \(Generated.appToken)
        > X-Auth-Token: \(Generated.userToken)
        > X-Auth-Secret: \(Generated.mixedSecret)
        < HTTP/1.1 200 OK
        """,
        expected: [
            ("sirportly-application-token", Generated.appToken), ("sirportly-application-token", Generated.appToken),
            ("sirportly-token", Generated.userToken), ("sirportly-secret", Generated.mixedSecret),
        ]),
    SirportlySnippet(
        name: "Rails log full of request ids",
        text: """
        I, [2026-11-26T18:13:56.101 #599]  INFO -- : [\(Generated.requestIDs[0])] Started GET "/tickets" for 10.0.0.7
        D, [2026-11-26T18:13:56.102 #599] DEBUG -- : [\(Generated.requestIDs[0])] Sirportly request GET /api/v2/tickets/all
        D, [2026-11-26T18:13:56.102 #599] DEBUG -- : [\(Generated.requestIDs[0])]   X-Auth-Token: \(Generated.token)
        D, [2026-11-26T18:13:56.102 #599] DEBUG -- : [\(Generated.requestIDs[0])]   X-Auth-Secret: \(Generated.secret)
        I, [2026-11-26T18:13:56.300 #599]  INFO -- : [\(Generated.requestIDs[0])] Completed 200 OK in 199ms job_id=\(Generated.requestIDs[2])
        I, [2026-11-26T18:13:57.001 #600]  INFO -- : [\(Generated.requestIDs[3])] Started GET "/health" for 10.0.0.8
        """,
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: "YAML section, values far apart",
        text: """
        production:
          sirportly:
            token: \(Generated.token)
            base_url: https://api.sirportly.com
            timeout: 30
            retries: 3
            brand_id: \(Generated.requestIDs[1])
            department: Support
            queue: helpdesk
            open_timeout: 5
            read_timeout: 30
            verify_ssl: true
            secret: \(Generated.secret)
        """,
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: "HAR entry",
        text: """
        {"log": {"entries": [{"request": {"method": "GET", "url": "https://api.sirportly.com/api/v2/tickets/all",
          "headers": [
            {"name": "X-Request-Id", "value": "\(Generated.requestIDs[2])"},
            {"name": "X-Auth-Token", "value": "\(Generated.token)"},
            {"name": "X-Auth-Secret", "value": "\(Generated.mixedSecret)"}
          ]}}]}}
        """,
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.mixedSecret)]),
    SirportlySnippet(
        name: "lone token",
        text: "curl -H 'X-Auth-Token: \(Generated.token)' https://api.sirportly.com/api/v2/tickets/all\n",
        expected: [("sirportly-token", Generated.token)], paired: false),
    SirportlySnippet(
        name: "documentation examples are suppressed",
        text: """
        # From the Sirportly docs:
        X-Auth-Token: d3f269a9-932e-eeb0-05e7-14fdff8696b2
        X-Auth-Secret: us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d
        X-Auth-Application: d3f269a9-932e-eeb0-05e7-14fdff8696b2
        """,
        expected: [], paired: false),
    SirportlySnippet(
        name: "placeholders and references",
        text: """
        # sirportly
        SIRPORTLY_TOKEN=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx
        SIRPORTLY_SECRET=${SIRPORTLY_SECRET}
        X-Auth-Token: 00000000-0000-0000-0000-000000000000
        client = Sirportly::Client.new(ENV['SIRPORTLY_TOKEN'], ENV.fetch('SIRPORTLY_SECRET'))
        const client = new SirportlyClient({ token: process.env.SIRPORTLY_TOKEN });
        sirportly_token: your_token_here
        """,
        expected: [], paired: false),
    SirportlySnippet(
        name: "ids under non-auth keys in a Sirportly file",
        text: """
        {"sirportly": {"ticket_id": "\(Generated.requestIDs[0])", "reference": "\(Generated.requestIDs[1])",
          "id": "\(Generated.requestIDs[2])", "brand": "\(Generated.requestIDs[3])"}}
        INSERT INTO sirportly_tickets (id, reference) VALUES ('\(Generated.requestIDs[0])', 'AB-123');
        """,
        expected: [], paired: false),
]

extension SirportlyRuleTests {
    @Test(arguments: sirportlySnippets)
    func snippet(_ snippet: SirportlySnippet) throws {
        try Self.check(snippet)
    }

    static func check(_ snippet: SirportlySnippet) throws {
        let findings = try Self.sirportlyFindings(snippet.text, path: snippet.path)
        let found = findings.map { "\($0.ruleID) \($0.secretText)" }.sorted()
        #expect(found == snippet.expected.map { "\($0.rule) \($0.value)" }.sorted())
        if snippet.paired {
            #expect(Set(findings.map(\.group)).count == 1, "one group for the whole credential")
            #expect(findings.allSatisfy { $0.group != nil && $0.severity == .critical })
        } else {
            #expect(findings.allSatisfy { $0.group == nil && $0.severity == .high })
        }
    }

    /// A Sirportly-mentioning log full of random UUIDv4s under every non-credential key reports none.
    @Test func bareUUIDsAreNeverReported() throws {
        var rng = SirportlyTestRandom(seed: 2026)
        let keys = ["request_id", "trace_id", "job", "message_id", "ticket", "user_id", "session", "correlation-id", "id"]
        var lines = ["# sirportly sync worker, GET /api/v2/tickets/all"]
        for n in 0..<400 {
            let id = rng.uuidV4()
            switch n % 5 {
            case 0: lines.append("2026-11-26T10:\(n % 60):00Z INFO \(keys[n % keys.count])=\(id) status=200")
            case 1: lines.append("[\(id)] Completed 200 OK in \(n)ms")
            case 2: lines.append(#"{"level":"info","\#(keys[n % keys.count])":"\#(id)","msg":"sirportly sync"}"#)
            case 3: lines.append("INSERT INTO jobs (id, queue) VALUES ('\(id)', 'sirportly');")
            default: lines.append("Processing \(id) for sirportly")
            }
        }
        let findings = try Self.sirportlyFindings(lines.joined(separator: "\n"), path: "worker.log")
        #expect(findings.isEmpty, "\(findings.map { "\($0.line): \($0.ruleID) key=\($0.key ?? "-")" })")
    }

    /// With `reportKnownExamples`, the documentation's values are reported as known examples (low).
    @Test func documentationExamplesAreReportedOnlyWhenAsked() throws {
        var options = EngineOptions()
        options.reportKnownExamples = true
        let text = "X-Auth-Token: d3f269a9-932e-eeb0-05e7-14fdff8696b2\n"
        let findings = try Self.sirportlyFindings(text, options: options)
        #expect(findings.map(\.ruleID) == ["sirportly-token"])
        #expect(findings.allSatisfy { $0.severity == .low && $0.message != nil })
        #expect(try Self.sirportlyFindings(text).isEmpty)
    }

    /// Every positive example of the three rules, scanned by the full built-in rule set, yields its
    /// marked value under that rule: other rules never hide or steal a Sirportly finding.
    @Test func examplesSurviveTheFullRuleSet() throws {
        for rule in try Self.sirportlyRules() {
            for example in rule.examples {
                let (text, spans) = ExampleMarker.strip(example)
                let findings = try Self.sirportlyFindings(text).filter { $0.ruleID == rule.id }
                #expect(findings.map(\.secretRange) == spans, "\(rule.id): \(example)")
            }
        }
    }
}

/// A small deterministic generator for test data (xorshift64*).
struct SirportlyTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed | 1 }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 2_685_821_657_736_338_717
    }

    /// A random RFC 4122 version-4 UUID in lowercase.
    mutating func uuidV4() -> String {
        let hex = Array("0123456789abcdef")
        var digits = (0..<32).map { _ in hex[Int(next() % 16)] }
        digits[12] = "4"
        digits[16] = hex[8 + Int(next() % 4)]
        let s = String(digits)
        let parts = [s.prefix(8), s.dropFirst(8).prefix(4), s.dropFirst(12).prefix(4), s.dropFirst(16).prefix(4), s.dropFirst(20)]
        return parts.joined(separator: "-")
    }
}

/// Forms written after the rules and kept out of their examples: a check that the context
/// alternatives generalise beyond the cases they were written against.
let sirportlyHeldOutSnippets: [SirportlySnippet] = [
    SirportlySnippet(
        name: "Django settings dict",
        text: "SIRPORTLY = {\n    \"TOKEN\": \"\(Generated.token)\",\n    \"SECRET\": \"\(Generated.secret)\",\n}\n",
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: "Terraform variables",
        text: """
        variable "sirportly_token" {
          type    = string
          default = "\(Generated.token)"
        }
        variable "sirportly_secret" {
          type      = string
          sensitive = true
          default   = "\(Generated.secret)"
        }
        """,
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: "appsettings.json",
        text: "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"Sirportly\": {\n    \"ApiToken\": \"\(Generated.token)\",\n    \"ApiSecret\": \"\(Generated.mixedSecret)\"\n  }\n}\n",
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.mixedSecret)]),
    SirportlySnippet(
        name: "Go os.Setenv",
        text: "os.Setenv(\"SIRPORTLY_TOKEN\", \"\(Generated.token)\")\nos.Setenv(\"SIRPORTLY_SECRET\", \"\(Generated.secret)\")\n",
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: "Rust constants",
        text: "const SIRPORTLY_TOKEN: &str = \"\(Generated.token)\";\nconst SIRPORTLY_SECRET: &str = \"\(Generated.secret)\";\n",
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: "Kotlin named arguments",
        text: "val client = SirportlyClient(\n    token = \"\(Generated.token)\",\n    secret = \"\(Generated.secret)\",\n)\n",
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: "PowerShell environment",
        text: "$env:SIRPORTLY_TOKEN = \"\(Generated.token)\"\n$env:SIRPORTLY_SECRET = \"\(Generated.secret)\"\n",
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: "docker run flags",
        text: "docker run -e SIRPORTLY_TOKEN=\(Generated.token) -e SIRPORTLY_SECRET=\(Generated.secret) acme/helpdesk-sync\n",
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: "Helm values",
        text: "sirportly:\n  enabled: true\n  auth:\n    token: \(Generated.token)\n    secret: \(Generated.secret)\n    application: \(Generated.appToken)\n",
        expected: [
            ("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret),
            ("sirportly-application-token", Generated.appToken),
        ]),
    SirportlySnippet(
        name: "Elixir config",
        text: "config :helpdesk, Helpdesk.Sirportly,\n  token: \"\(Generated.token)\",\n  secret: \"\(Generated.secret)\"\n",
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: "Postman environment",
        text: """
        {"name": "Sirportly prod", "values": [
          {"key": "sirportly_token", "value": "\(Generated.token)", "enabled": true},
          {"key": "sirportly_secret", "value": "\(Generated.secret)", "enabled": true}
        ]}
        """,
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: "Python session headers",
        text: "s = requests.Session()\ns.headers[\"X-Auth-Token\"] = \"\(Generated.token)\"\ns.headers[\"X-Auth-Secret\"] = \"\(Generated.secret)\"\n",
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: "Kubernetes manifest ids in a Sirportly deployment",
        text: """
        metadata:
          name: sirportly-sync
          uid: \(Generated.requestIDs[0])
          annotations:
            deployment.kubernetes.io/revision-id: \(Generated.requestIDs[1])
        """,
        expected: [], paired: false),
    SirportlySnippet(
        name: "HTTP transcript ids beside credentials",
        text: """
        > GET /api/v2/tickets/all HTTP/1.1
        > X-Request-Id: \(Generated.requestIDs[2])
        > X-Correlation-Id: \(Generated.requestIDs[3])
        > X-Auth-Token: \(Generated.token)
        > X-Auth-Secret: \(Generated.secret)
        < X-Runtime-Id: \(Generated.requestIDs[0])
        """,
        expected: [("sirportly-token", Generated.token), ("sirportly-secret", Generated.secret)]),
    SirportlySnippet(
        name: "JSON API records in a Sirportly export",
        text: """
        {"source": "sirportly", "data": [
          {"id": "\(Generated.requestIDs[0])", "type": "ticket", "attributes": {"subject": "Printer"}},
          {"id": "\(Generated.requestIDs[1])", "type": "ticket", "brand_id": "\(Generated.requestIDs[2])"}
        ]}
        """,
        expected: [], paired: false),
]

extension SirportlyRuleTests {
    @Test(arguments: sirportlyHeldOutSnippets)
    func heldOutSnippet(_ snippet: SirportlySnippet) throws {
        try Self.check(snippet)
    }
}
