import SecretRules
import Testing
import TokenFormat
@testable import SecretScanner

// The evidence model (issue 10): what a path says (PathRole), what a stored password's value is
// (PasswordValue), and the syntax-agnostic Sirportly evidence (ShapeEvidence), each through its
// own table and through the engine with the built-in rules. Every credential is generated.

enum EvidenceFixtures {
    static let engine: Result<Engine, any Error> = Result { try Engine(rules: try BuiltinRules.all()) }

    static func findings(_ text: String, path: String) throws -> [Finding] {
        try engine.get().makeWorker().scan(Array(text.utf8), path: path).findings
    }
}

struct PathRoleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var path: String
        var test: Bool
        var docs: Bool
        var source: Bool
        var testDescription: String { path }
    }

    @Test(arguments: [
        Case(path: "lib/python3.11/test/test_ssl.py", test: true, docs: false, source: true),
        Case(path: "pkg/server_test.go", test: true, docs: false, source: true),
        Case(path: "web/src/login.spec.ts", test: true, docs: false, source: true),
        Case(path: "app/src/test/java/LoginTest.java", test: true, docs: false, source: true),
        Case(path: "spec/fixtures/users.yml", test: true, docs: false, source: false),
        Case(path: "/usr/share/doc/curl/changelog.gz", test: false, docs: true, source: false),
        Case(path: "awscli/examples/iam/change-password.rst", test: false, docs: true, source: false),
        Case(path: "orjson-3.8.3.dist-info/METADATA", test: false, docs: true, source: false),
        Case(path: "config/.env.example", test: false, docs: true, source: false),
        Case(path: "typeshed/stubs/ldap3/connection.pyi", test: false, docs: false, source: true),
        Case(path: "src/vbnet/Settings.vb", test: false, docs: false, source: true),
        Case(path: "config/app/.env", test: false, docs: false, source: false),
        Case(path: "transcripts/curl-session.txt", test: false, docs: false, source: false),
        Case(path: "deploy/latest.sh", test: false, docs: false, source: false),
        Case(path: "contest/attestation.yml", test: false, docs: false, source: false),
    ])
    func classifies(_ c: Case) {
        let role = PathRole(path: c.path)
        #expect(role.isTestFixture == c.test)
        #expect(role.isDocumentation == c.docs)
        #expect(role.isProgramSource == c.source)
    }
}

struct PasswordValueTests {
    struct Case: Sendable, CustomTestStringConvertible {
        /// The line, with the value between « and ».
        var marked: String
        var key: String?
        var path: String
        var rejection: PasswordValue.Rejection?
        var testDescription: String { marked }
    }

    @Test(arguments: [
        // Expressions and types in program source.
        Case(marked: "    password: «Incomplete»", key: "password", path: "stubs/ldap3/connection.pyi", rejection: .expression),
        Case(marked: "LONG_PASSWORD: «int»", key: "LONG_PASSWORD", path: "constants/CLIENT.pyi", rejection: .expression),
        Case(marked: "util._assertion_pass = «call_assertion_pass_hook»", key: "_assertion_pass", path: "pytest/assertion.py", rejection: .expression),
        Case(marked: "pwd = «os.path.dirname(os.path.abspath(__file__))»", key: "pwd", path: "tools/run.sh", rejection: .expression),
        Case(marked: "pw = «-pw»", key: "pw", path: "notes.cfg", rejection: .expression),
        Case(marked: #"PWD = "«'`pwd`'»""#, key: "PWD", path: "contrib/ari.sh", rejection: .expression),
        // Comparisons are tests, not assignments.
        Case(marked: #"    return password == "«changeme»""#, key: "password", path: "app/auth.py", rejection: .comparison),
        Case(marked: #"if (pass != '«hunter22»') {"#, key: "pass", path: "app/auth.js", rejection: .comparison),
        // Prose and markup.
        Case(marked: " * the new --password «options.»", key: nil, path: "notes/CHANGES", rejection: .prose),
        Case(marked: "--remove-password «(-r),» --restrict (-R)", key: nil, path: "notes/CHANGES", rejection: .prose),
        Case(marked: "JPOOL_PASS = «one processing pass, was originally planned»", key: "JPOOL_PASS", path: "structure.cfg", rejection: .prose),
        Case(marked: "-passout pass:«sample</code>»", key: nil, path: "api/https.htm", rejection: .prose),
        // Placeholders and references to elsewhere.
        Case(marked: "USERNAME=testuser,PASSWORD=«[Password]»", key: "PASSWORD", path: "cli/auth.cfg", rejection: .placeholder),
        Case(marked: #""IAMUserChangePassword": "«arn:aws:iam::aws:policy/IAMUserChangePassword»","#, key: "IAMUserChangePassword", path: "data/policies.json", rejection: .reference),
        Case(marked: "db_password: «/run/secrets/db_password»", key: "db_password", path: "compose.yml", rejection: .reference),
        // A short key with a word value is evidence of nothing.
        Case(marked: #"    'pass': '«bandpass»',"#, key: "pass", path: "signal/filters.py", rejection: .weakKeyWordValue),
        Case(marked: "lowpass=«butterworth»", key: "lowpass", path: "dsp/filters.cfg", rejection: .weakKeyWordValue),
        Case(marked: "FIRST_pass=«forward»", key: "FIRST_pass", path: "build/passes.cfg", rejection: .weakKeyWordValue),
        // An upper-case environment name ending in _PASS is a password variable, whatever its value.
        Case(marked: "REACT_APP_AUTH_PASS=«whiteduke»", key: "REACT_APP_AUTH_PASS", path: "web/.env", rejection: nil),
        // One or two characters are a flag or a count.
        Case(marked: "PuttyPassword=«0»", key: "PuttyPassword", path: "tools/session.reg", rejection: .tooShort),
        // Literals stay.
        Case(marked: #"KEY_PASSWORD = "«Qv7rT2mZ9k»""#, key: "KEY_PASSWORD", path: "app/settings.py", rejection: nil),
        Case(marked: "password: «Hq4Wz8Nc2Tp»", key: "password", path: "config/app.yml", rejection: nil),
        Case(marked: #"o.UseSqlServer("Server=sql01;User Id=web;Password=«Thunder%Marble8554»;");"#, key: "Password", path: "src/Program.cs", rejection: nil),
        Case(marked: "passphrase: «correct horse battery staple»", key: "passphrase", path: "config/app.yml", rejection: nil),
        Case(marked: "db_pass=«Lk3Jh7Fd2Sa9»", key: "db_pass", path: "deploy/.env", rejection: nil),
        Case(marked: "password = '«`7Rw2QxZb9Lm»'", key: "password", path: "deploy/hosts.cfg", rejection: nil),
    ])
    func judges(_ c: Case) throws {
        let marked = Array(c.marked.utf8)
        let open: [UInt8] = [0xC2, 0xAB], close: [UInt8] = [0xC2, 0xBB]  // « »
        let lower = try #require((0..<(marked.count - 1)).first { Array(marked[$0...($0 + 1)]) == open })
        let closeAt = try #require((0..<(marked.count - 1)).first { Array(marked[$0...($0 + 1)]) == close })
        let upper = closeAt - 2
        let text = c.marked.replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: "")
        let bytes = Array(text.utf8)
        let verdict = bytes.withUnsafeBytes { raw in
            PasswordValue.judge(Array(bytes[lower..<upper]), at: lower..<upper, in: raw, key: c.key, role: PathRole(path: c.path))
        }
        if let rejection = c.rejection {
            #expect(verdict == .rejected(rejection))
        } else if case .rejected(let why) = verdict {
            Issue.record("rejected as \(why)")
        }
    }

    /// Regression (Python 3.11 library tree): type annotations in typing stubs were reported as
    /// passwords at high severity.
    @Test func typingStubAnnotationsAreNotPasswords() throws {
        let stub = "class Connection:\n    password: Incomplete\n    LONG_PASSWORD: int\n    key_password: _PasswordType | None\n"
        #expect(try EvidenceFixtures.findings(stub, path: "stubs/ldap3/connection.pyi").isEmpty)
    }

    /// Regression (/usr/share/doc): the word after `--password` in a changelog was a password.
    @Test func proseAfterAFlagIsNotAPassword() throws {
        let changelog = "\t* the new --password options.\n\t  --http-password and --proxy-password respectively, and\n"
        #expect(try EvidenceFixtures.findings(changelog, path: "notes/CHANGES").isEmpty)
    }

    /// A bare hex value is a digest under a password key in configuration, but the password itself
    /// where the syntax sends it as written (`value = "verbatim"`: a .netrc or .pgpass entry).
    @Test func hexPasswordIsADigestInConfigurationButThePasswordInANetrc() throws {
        let hex = String((0..<40).map { _ in "0123456789abcdef".randomElement()! })
        let netrc = try EvidenceFixtures.findings("machine api.wandb.ai\n  login user\n  password \(hex)\n", path: "home/.netrc")
        #expect(netrc.map(\.ruleID) == ["password-in-netrc"])
        let config = try EvidenceFixtures.findings("[account]\npassword = \(hex)\n", path: "etc/app.ini")
        #expect(config.filter { $0.ruleID.hasPrefix("password-") }.isEmpty)
    }

    /// Test fixtures and documentation are findings of lower severity, with the evidence saying why.
    @Test(arguments: ["lib/test/test_smtp.py", "docs/setup.md"])
    func exampleMaterialIsLowSeverity(_ path: String) throws {
        let found = try EvidenceFixtures.findings("smtp.password = 'Qv7rT2mZ9k'\n", path: path)
        let finding = try #require(found.first)
        #expect(finding.severity == .low)
        #expect(finding.evidence.contains { $0.id == "test-fixture" || $0.id == "documentation" })
    }
}

struct ShapeEvidenceTests {
    static let token = "4b9e0c7a-81d2-e3f5-27a6-90cd1e4b5f38"
    static let secret = "k3v9q2m8x7w1p4n6z5r0t2y8u3i7o1a9s4d6f2g8h5j3l0c7b9"
    static let uuid4 = "0f8fad5b-d9cb-469f-a165-70867728950e"

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var path: String
        /// The values that must be reported (Sirportly rules), as text.
        var reported: [String]
        var testDescription: String { "\(path): \(text.prefix(50))" }
    }

    @Test(arguments: [
        // Syntaxes no context reader knows; the evidence decides.
        Case(text: "1\tsirportly\tapi_token\t\(token)\n2\tsirportly\tapi_secret\t\(secret)\n", path: "dump.sql", reported: [token, secret]),
        Case(text: "Public Const ApiToken As String = \"\(token)\"\nPublic Const ApiSecret As String = \"\(secret)\"\n", path: "src/SirportlySettings.vb", reported: [token, secret]),
        Case(text: "<h2>Sirportly</h2>\n<tr><td>API token</td><td>\(token)</td></tr>\n<tr><td>API secret</td><td>\(secret)</td></tr>\n", path: "admin.html", reported: [token, secret]),
        Case(text: "2026-11-29 03:00:01 auth tok=\(token) sec=\(secret)\n", path: "logs/sirportly-sync.log", reported: [token, secret]),
        Case(text: "Sirportly\nAPI token:\n    \(token)\n", path: "handover.txt", reported: [token]),
        // Negative evidence wins.
        Case(text: "3\tsirportly\twebhook_request_id\t\(uuid4)\n4\tsirportly\tapi_secret\t\(secret)\n", path: "dump.sql", reported: [secret]),
        Case(text: "2026-11-29 03:00:01 run=\(token) auth sec=\(secret)\n", path: "logs/sirportly-sync.log", reported: [secret]),
        Case(text: "<td>Last request</td><td>\(uuid4)</td>\n<td>Sirportly API secret</td><td>\(secret)</td>\n", path: "admin.html", reported: [secret]),
        // A mention of Sirportly alone does not make a random id a credential.
        Case(text: "Sirportly sync finished, cursor \(uuid4)\n", path: "sync.log", reported: []),
        Case(text: "Sirportly sync: \(token)\n", path: "sync.log", reported: []),
    ])
    func decides(_ c: Case) throws {
        let found = try EvidenceFixtures.findings(c.text, path: c.path).filter { $0.ruleID.hasPrefix("sirportly-") }
        #expect(Set(found.map(\.secretText)) == Set(c.reported))
    }

    /// Findings carry the evidence that fired, strongest first: a pair in a settings dump names its
    /// key, the Sirportly mention and its partner.
    @Test func evidenceIsRecordedOnTheFinding() throws {
        let text = "1\tsirportly\tapi_token\t\(Self.token)\n2\tsirportly\tapi_secret\t\(Self.secret)\n"
        let found = try EvidenceFixtures.findings(text, path: "dump.sql")
        let token = try #require(found.first { $0.ruleID == "sirportly-token" })
        let ids = token.evidence.map(\.id)
        #expect(ids.contains("key-name"))
        #expect(ids.contains("sirportly-mention"))
        #expect(ids.contains("paired-secret"))
        #expect(token.evidence.map { abs($0.weight) } == token.evidence.map { abs($0.weight) }.sorted(by: >))
    }
}
