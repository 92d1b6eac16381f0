import Foundation
import Testing

/// `tokenaudit rules import`, run as a user runs it.
@Suite("tokenaudit rules import")
struct RulesImportCommandTests {
    static let gitleaksConfig = #"""
        [extend]
        useDefault = true

        [[rules]]
        id = "acme-api-key"
        description = "Acme API key"
        regex = '''(?P<k>acme_[a-z0-9]{24})'''
        keywords = ["acme_"]

        [[rules]]
        id = "acme-key-files"
        path = '''\.acmekey$'''
        """#

    @Test func writesAPrivateConfigAndReportsWhatWasLeftOut() throws {
        let (dir, file) = try RulesCommandTests.writeConfig(Self.gitleaksConfig, name: "gitleaks.toml")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("converted.toml").path
        let run = try BinaryRunner.run(["rules", "import", file, "-o", out])
        #expect(run.status == 1, "a path-only rule is not converted: \(run.stderr)")
        #expect(run.stderr.contains("gitleaks.toml:12:1: not converted: rule `acme-key-files`"), "\(run.stderr)")
        #expect(run.stderr.contains("converted 1 of 2 rules"), "\(run.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let check = try BinaryRunner.run(["rules", "list", "--config", out, "--rules", "acme-api-key"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("acme-api-key"))
    }

    @Test func convertedRuleFindsTheSecret() throws {
        let (dir, file) = try RulesCommandTests.writeConfig(Self.gitleaksConfig, name: "gitleaks.toml")
        defer { try? FileManager.default.removeItem(at: dir) }
        let converted = try BinaryRunner.run(["rules", "import", file])
        let config = dir.appendingPathComponent(".tokenaudit.toml").path
        #expect(FileManager.default.createFile(atPath: config, contents: Data(converted.stdout.utf8)))
        let scanned = dir.appendingPathComponent("settings.env").path
        #expect(FileManager.default.createFile(atPath: scanned, contents: Data("ACME_KEY=acme_q7w2e9r4t1y8u3i6o0p5a2s7\n".utf8)))
        let scan = try BinaryRunner.run(["scan", "--config", config, "--format", "json", scanned])
        #expect(scan.status == 1, "\(scan.stderr)")
        #expect(try scan.findings().compactMap { $0["ruleID"] as? String } == ["acme-api-key"], "\(scan.stdout)")
    }

    @Test(arguments: [("[[rules]\nid = 1", 2), ("", 0)])
    func exitStatusFollowsTheInput(text: String, status: Int32) throws {
        let (dir, file) = try RulesCommandTests.writeConfig(text, name: "gitleaks.toml")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try BinaryRunner.run(["rules", "import", file])
        #expect(run.status == status, "\(run.stderr)")
    }
}
