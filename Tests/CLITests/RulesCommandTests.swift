import Foundation
import Testing

/// `tokenaudit rules list` and `tokenaudit rules check`, run as a user runs them.
@Suite("tokenaudit rules")
struct RulesCommandTests {
    /// Writes `config` (mode 0600) into a fresh directory and returns the directory and file path.
    static func writeConfig(_ config: String, name: String = ".tokenaudit.toml") throws -> (dir: URL, file: String) {
        let dir = try BinaryRunner.makeTemporaryDirectory()
        let file = dir.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: file, contents: Data(config.utf8), attributes: [.posixPermissions: 0o600]))
        return (dir, file)
    }

    static let goodRule = #"""
        [[rules]]
        id = "acme-api-key"
        title = "Acme API key"
        severity = "critical"
        keywords = ["acme_"]
        regex = '''\b(acme_[a-z0-9]{24})\b'''
        examples = ['ACME_KEY=«acme_q7w2e9r4t1y8u3i6o0p5a2s7»']
        negativeExamples = ['ACME_KEY=acme_0123']
        """#

    @Test func listPrintsAlignedColumns() throws {
        let out = try BinaryRunner.run(["rules", "list"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ID ") == true)
        let severityColumn = try #require(lines.first?.range(of: "SEVERITY")).lowerBound.utf16Offset(in: lines[0])
        for line in lines.dropFirst() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(fields.count >= 3, "\(line)")
            let severity = String(fields[1])
            #expect(["low", "medium", "high", "critical"].contains(severity), "\(line)")
            #expect(line.range(of: " \(severity) ")?.lowerBound.utf16Offset(in: line) == severityColumn - 1, "\(line)")
        }
        for id in ["sirportly-token", "sirportly-secret", "sirportly-application-token"] {
            #expect(lines.contains { $0.hasPrefix(id + " ") }, "\(id) is listed")
        }
    }

    @Test func listAsJSONHasTheSameRules() throws {
        let text = try BinaryRunner.run(["rules", "list"])
        let json = try BinaryRunner.run(["rules", "list", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let rules = try #require(object?["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        let textIDs = text.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: " ")[0]) }
        #expect(ids == textIDs)
        #expect(rules.allSatisfy { $0["severity"] is String && $0["title"] is String && $0["keywords"] is [String] })
    }

    @Test func verboseListShowsDetailsUnderEachRow() throws {
        let (dir, file) = try Self.writeConfig("[extend]\nuseDefault = false\n" + Self.goodRule.replacingOccurrences(
            of: "severity = \"critical\"", with: "severity = \"critical\"\ndescription = \"Full tenant access.\"\nreferences = [\"https://acme.example/keys\"]"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try BinaryRunner.run(["rules", "list", "--verbose", "--config", file])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("acme-api-key  critical  Acme API key\n    Full tenant access.\n    keywords: acme_\n    see: https://acme.example/keys\n"), "\(out.stdout)")
        let both = try BinaryRunner.run(["rules", "list", "--verbose", "--format", "json"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--verbose applies to the text format"))
    }

    @Test func listWithConfigReplacesAndAddsRules() throws {
        let (dir, file) = try Self.writeConfig("""
            [extend]
            disabledRules = ["sirportly-application-token"]

            [[rules]]
            id = "sirportly-secret"
            title = "Sirportly secret, our stricter rule"
            shape = "sirportly-secret"
            """ + "\n" + Self.goodRule)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try BinaryRunner.run(["rules", "list", "--config", file])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Sirportly secret, our stricter rule"))
        #expect(!out.stdout.contains("sirportly-application-token"))
        #expect(out.stdout.split(separator: "\n").last?.hasPrefix("acme-api-key ") == true)
    }

    struct BadConfig: Sendable, CustomTestStringConvertible {
        var name: String
        var toml: String
        var expected: String
        var testDescription: String { name }
    }

    static let badConfigs = [
        BadConfig(name: "unknown key", toml: "[[rules]]\nid = 'a'\nregexp = 'x'", expected: ":3:1: error: unknown key `regexp`"),
        BadConfig(name: "pattern does not compile", toml: "[[rules]]\nid = 'a'\nregex = '''a(b'''", expected: ":3:15: error: regex does not compile: missing closing parenthesis"),
        BadConfig(name: "unknown disabled rule", toml: "[extend]\ndisabledRules = ['sirportly-tokn']", expected: ":2:18: error: `disabledRules` names `sirportly-tokn`"),
        BadConfig(name: "TOML syntax", toml: "title = 'x", expected: ":1:9: error: unterminated literal string"),
    ]

    @Test(arguments: ["list", "check"], badConfigs)
    func badConfigExitsTwoWithPosition(subcommand: String, config: BadConfig) throws {
        let (dir, file) = try Self.writeConfig(config.toml)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try BinaryRunner.run(["rules", subcommand, "--config", file])
        #expect(out.status == 2)
        #expect(out.stderr.contains(file + config.expected), "\(out.stderr)")
        #expect(out.stdout.isEmpty)
    }

    @Test func missingConfigFileExitsTwo() throws {
        let out = try BinaryRunner.run(["rules", "list", "--config", "/nonexistent/.tokenaudit.toml"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("/nonexistent/.tokenaudit.toml: error: cannot read the config file"))
    }

    @Test func checkPassesOnGoodRules() throws {
        let (dir, file) = try Self.writeConfig("[extend]\nuseDefault = false\n" + Self.goodRule)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try BinaryRunner.run(["rules", "check", "--config", file, "--warnings-as-errors"])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("checked 1 rule: 0 errors, 0 warnings"))
    }

    @Test func checkReportsAnExampleThatMissesItsSpan() throws {
        let config = "[extend]\nuseDefault = false\n" + Self.goodRule.replacingOccurrences(
            of: "ACME_KEY=«acme_q7w2e9r4t1y8u3i6o0p5a2s7»", with: "ACME_KEY=acme_«q7w2e9r4t1y8u3i6o0p5a2s7»")
        let (dir, file) = try Self.writeConfig(config)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try BinaryRunner.run(["rules", "check", "--config", file])
        #expect(out.status == 1)
        // The failing example is named by its file, line and column in the config.
        #expect(out.stdout.contains("\(file):9:13: error: acme-api-key: example 1: expected 14..<38"), "\(out.stdout)")
        #expect(out.stdout.contains("but the rule reports 9..<38"), "\(out.stdout)")
        #expect(out.stdout.contains("    in: ACME_KEY=acme_«q7w2e9r4t1y8u3i6o0p5a2s7»"), "\(out.stdout)")
        #expect(out.stdout.contains("checked 1 rule: 1 error, 0 warnings"))
    }

    @Test func checkReportsAMatchingNegative() throws {
        let config = "[extend]\nuseDefault = false\n" + Self.goodRule.replacingOccurrences(
            of: "negativeExamples = ['ACME_KEY=acme_0123']", with: "negativeExamples = ['ACME_KEY=acme_m3n8b1v6c4x9z2l7k5j0h8g3']")
        let (dir, file) = try Self.writeConfig(config)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try BinaryRunner.run(["rules", "check", "--config", file])
        #expect(out.status == 1)
        #expect(out.stdout.contains("error: acme-api-key: negative example 1: the rule reports"), "\(out.stdout)")
    }

    @Test(arguments: [false, true])
    func warningsFailOnlyWithWarningsAsErrors(strict: Bool) throws {
        let config = "[extend]\nuseDefault = false\n[[rules]]\nid = 'bare'\nregex = 'bare_[0-9]{8}'\nexamples = ['«bare_58203947»']\n"
        let (dir, file) = try Self.writeConfig(config)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try BinaryRunner.run(["rules", "check", "--config", file] + (strict ? ["--warnings-as-errors"] : []))
        #expect(out.status == (strict ? 1 : 0), "\(out.stdout)")
        #expect(out.stdout.contains("warning: bare: the rule has no negative examples"))
        #expect(out.stdout.contains("warning: bare: the regex rule has no keywords"))
        #expect(out.stdout.contains("checked 1 rule: 0 errors, 2 warnings"))
    }

    @Test(arguments: [
        (["--rules", "sirportly"], ["sirportly-token", "sirportly-secret", "sirportly-application-token"]),
        (["--rules", "sirportly", "--exclude-rules", "sirportly-secret"], ["sirportly-token", "sirportly-application-token"]),
        (["--rules", "password-in-url,tag:helpdesk"], ["sirportly-token", "sirportly-secret", "sirportly-application-token", "password-in-url"]),
    ])
    func listSelectsRules(arguments: [String], expected: [String]) throws {
        let out = try BinaryRunner.run(["rules", "list"] + arguments)
        #expect(out.status == 0, "\(out.stderr)")
        let ids = out.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: " ")[0]) }
        #expect(ids == expected)
    }

    @Test func listRejectsAnEntryThatSelectsNothing() throws {
        let out = try BinaryRunner.run(["rules", "list", "--rules", "sirportly-tokn"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("`sirportly-tokn` selects no rule; did you mean `sirportly-token`?"), "\(out.stderr)")
        #expect(out.stdout.isEmpty)
    }

    @Test func listAsJSONHasTheTypedFields() throws {
        let out = try BinaryRunner.run(["rules", "list", "--format", "json", "--rules", "generic-api-key,password-persisted-by-app,private-key"])
        #expect(out.status == 0, "\(out.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let rules = try #require(object?["rules"] as? [[String: Any]])
        let fields = rules.map { r in ["kind", "yields", "value", "window"].map { r[$0] as? String ?? "?" } }
        #expect(rules.map { $0["id"] as? String } == ["password-persisted-by-app", "private-key", "generic-api-key"])
        #expect(fields == [
            ["password", "never", "expression", "line"],
            ["token", "never", "literal", "multiline"],
            ["token", "any-other-rule", "literal", "line"],
        ])
        let verbose = try BinaryRunner.run(["rules", "list", "--verbose", "--rules", "password-persisted-by-app,private-key"])
        #expect(verbose.stdout.contains("\n    kind = password; value = expression; anchor = keyword (64 bytes); keywordGuard = (?i)"), "\(verbose.stdout)")
        #expect(verbose.stdout.contains("\n    window = multiline\n"), "\(verbose.stdout)")
    }

    /// Regression (issue 14): a rule title with an ESC sequence from a config was printed raw by
    /// `rules list` (and its id by `rules check`).
    @Test(arguments: [["list"], ["list", "--verbose"], ["list", "--format", "json"], ["check"]])
    func escapeSequencesInUserRulesAreNeutralised(command: [String]) throws {
        let config = "[extend]\nuseDefault = false\n[[rules]]\nid = \"evil\\u001b]0;owned\\u0007\"\ntitle = \"Evil \\u001b[2J\\u009b31m title\"\nregex = 'evil_[0-9]{8}'\n"
        let (dir, file) = try Self.writeConfig(config)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try BinaryRunner.run(["rules"] + command + ["--config", file])
        #expect(out.status == (command == ["check"] ? 1 : 0), "\(out.stdout)\(out.stderr)")
        #expect(!out.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "\(out.stdout)")
        #expect(out.stdout.contains("evil"))
    }
}
