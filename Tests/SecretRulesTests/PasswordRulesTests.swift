import SecretScanner
import Testing
@testable import SecretRules

/// One positive example of one `password-*` rule.
struct PasswordExample: Sendable, Hashable, CustomTestStringConvertible {
    var ruleID: String
    var index: Int
    var text: String

    var testDescription: String { "\(ruleID) — example \(index + 1)" }
}

/// What a scan with every `password-*` rule reported: rule id and secret text, in order.
struct ReportedPassword: Sendable, Hashable, CustomStringConvertible {
    var ruleID: String
    var secret: String

    var description: String { "\(ruleID): \(secret)" }
}

/// The built-in stored-password rules together, beyond each rule's own examples (which
/// `BuiltinRuleExampleTests` checks rule by rule): the rules divide the work so that one password
/// is reported once, by the rule whose category it belongs to, and realistic files yield exactly
/// the expected findings.
@Suite("Password rules")
struct PasswordRulesTests {
    static let passwordRules: [Rule] = ((try? BuiltinRules.all()) ?? []).filter { $0.id.hasPrefix("password-") }

    static let examples: [PasswordExample] = passwordRules.flatMap { rule in
        rule.examples.enumerated().map { PasswordExample(ruleID: rule.id, index: $0.offset, text: $0.element) }
    }

    /// Scans `text` with every password rule (documentation example values reported, not suppressed).
    static func scan(_ text: String, path: String = "example.txt") throws -> [Finding] {
        var options = EngineOptions()
        options.reportKnownExamples = true
        let engine = try Engine(rules: passwordRules, options: options)
        let result = engine.makeWorker().scan(Array(text.utf8), path: path)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        return result.findings
    }

    @Test func everyPasswordRuleIdIsInThePasswordNamespace() throws {
        let all = try BuiltinRules.all()
        let pack = try ConfigFile.parse(
            try #require(BuiltinRules.sources.first { $0.name == "passwords" }?.toml), path: "passwords", compilePatterns: false)
        #expect(pack.rules.allSatisfy { $0.id.hasPrefix("password-") })
        let required = ["password-in-config", "password-in-url", "password-basic-auth", "password-in-log",
                        "password-persisted-by-app", "password-hardcoded"]
        #expect(required.allSatisfy { id in all.contains { $0.id == id } })
    }

    /// With all password rules running at once, an example is reported by its own rule only, at
    /// exactly its marked spans: no second rule reports the same password under another category.
    @Test(arguments: examples)
    func exampleIsReportedOnceByItsOwnRule(_ example: PasswordExample) throws {
        let (text, spans) = ExampleMarker.strip(example.text)
        // The CSV rule applies to exported tables only (its `path` filter).
        let findings = try Self.scan(text, path: example.ruleID == "password-in-csv-export" ? "export.csv" : "example.txt")
        #expect(findings.map(\.ruleID) == Array(repeating: example.ruleID, count: spans.count))
        #expect(findings.map(\.secretRange) == spans)
    }

    /// A Sirportly mobile login: the password is sent once and the returned token/secret are kept in
    /// the Keychain (allowed), but the password is also cached (forbidden) and a test password is
    /// hard-coded.
    @Test func sirportlyLoginViewModel() throws {
        let source = """
            final class LoginViewModel {
                private let testPassword = "Qz7Rw2Tx9Vb4"
                func signIn(username: String, enteredPassword: String) async throws {
                    var request = URLRequest(url: URL(string: "https://helpdesk.example.com/api/v2/users/authenticate")!)
                    request.httpBody = "username=\\(username)&password=\\(enteredPassword)".data(using: .utf8)
                    let (data, _) = try await URLSession.shared.data(for: request)
                    let session = try JSONDecoder().decode(SessionResponse.self, from: data)
                    try Keychain.save(session.token, account: "sirportly.token")
                    try Keychain.save(session.secret, account: "sirportly.secret")
                    UserDefaults.standard.set(enteredPassword, forKey: "sirportlyPassword")
                    if password == confirmation { submit() }
                }
            }
            """
        let reported = try Self.scan(source, path: "LoginViewModel.swift").map { ReportedPassword(ruleID: $0.ruleID, secret: $0.secretText) }
        #expect(reported == [
            ReportedPassword(ruleID: "password-hardcoded", secret: "Qz7Rw2Tx9Vb4"),
            ReportedPassword(ruleID: "password-persisted-by-app", secret: "enteredPassword"),
        ])
    }

    /// A Rails production log: a filtered login, an unfiltered one, and a password reset request.
    @Test func railsLog() throws {
        let log = """
            I, [2026-11-28T10:12:01.000001 #4242]  INFO -- : Started POST "/session" for 10.0.4.17 at 2026-11-28 10:12:01 +0000
            I, [2026-11-28T10:12:01.000200 #4242]  INFO -- :   Parameters: {"session"=>{"username"=>"m.okafor", "password"=>"[FILTERED]"}}
            I, [2026-11-28T10:12:05.000001 #4242]  INFO -- : Started POST "/api/v2/users/authenticate" for 10.0.4.18 at 2026-11-28 10:12:05 +0000
            I, [2026-11-28T10:12:05.000200 #4242]  INFO -- :   Parameters: {"username"=>"jdoe", "password"=>"Mp4!Ka8#Ly2q"}
            I, [2026-11-28T10:12:09.000001 #4242]  INFO -- : Started GET "/users/password/edit?reset_password_token=Hw8Lk2Pq5Zx1" for 10.0.4.19
            """
        let reported = try Self.scan(log, path: "log/production.log").map { ReportedPassword(ruleID: $0.ruleID, secret: $0.secretText) }
        #expect(reported == [ReportedPassword(ruleID: "password-in-log", secret: "Mp4!Ka8#Ly2q")])
    }

    /// A compose file mixing literal passwords with references to the environment and secrets.
    @Test func composeFile() throws {
        let compose = """
            services:
              db:
                image: postgres:16
                environment:
                  POSTGRES_PASSWORD: "Vt6Yh3Nq8Wd1"
                  POSTGRES_USER: app
              app:
                environment:
                  - DATABASE_URL=postgres://app:Vt6Yh3Nq8Wd1@db:5432/app
                  - SMTP_PASSWORD=${SMTP_PASSWORD}
                  - REDIS_PASSWORD_FILE=/run/secrets/redis
                command: ["redis-server", "--requirepass", "Lf2Gj7Ks4Pd9"]
            """
        let reported = try Self.scan(compose, path: "docker-compose.yml").map { ReportedPassword(ruleID: $0.ruleID, secret: $0.secretText) }
        #expect(reported == [
            ReportedPassword(ruleID: "password-in-config", secret: "Vt6Yh3Nq8Wd1"),
            ReportedPassword(ruleID: "password-in-url", secret: "Vt6Yh3Nq8Wd1"),
            ReportedPassword(ruleID: "password-in-command", secret: "Lf2Gj7Ks4Pd9"),
        ])
    }

    /// Shell history: passwords on command lines next to commands that prompt or read them safely.
    @Test func shellHistory() throws {
        let history = """
            mysql -u root -p app
            mysql -u root -pNd5Wq8Lz3Xv app
            echo "$REGISTRY_TOKEN" | docker login -u ci --password-stdin registry.example.com
            curl -u deploy:Rk9Tb2Mv6Yc3 https://ci.example.com/api/json
            PGPASSWORD="$DB_PASSWORD" psql -h db.internal app
            mkdir -p /var/backups
            """
        let reported = try Self.scan(history, path: ".bash_history").map { ReportedPassword(ruleID: $0.ruleID, secret: $0.secretText) }
        #expect(reported == [
            ReportedPassword(ruleID: "password-in-command", secret: "Nd5Wq8Lz3Xv"),
            ReportedPassword(ruleID: "password-in-command", secret: "Rk9Tb2Mv6Yc3"),
        ])
    }

    /// The persisted-password rule reports the stored expression, and the commonest expression is
    /// a variable called `password`. Regression: the engine's placeholder filter used to drop a
    /// secret that is the word `password`; rules tagged `runtime-value` are now exempt.
    @Test func persistedVariableNamedPassword() throws {
        let source = """
            prefs.edit().putString("password", password).apply()
            UserDefaults.standard.set(password, forKey: "sirportlyPassword")
            """
        let findings = try Self.scan(source, path: "LoginActivity.kt")
        #expect(findings.map(\.ruleID) == ["password-persisted-by-app", "password-persisted-by-app"])
        #expect(findings.map(\.secretText) == ["password", "password"])
    }
}
