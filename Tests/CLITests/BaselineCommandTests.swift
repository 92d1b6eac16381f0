import Crypto
import Foundation
import Testing

/// `tokenaudit baseline create|update|prune` and `scan --baseline`, through the binary.
@Suite("baseline")
struct BaselineCommandTests {
    static let pair = PlantedPair(seed: 7)

    /// A tree with a credential pair in `app/.env` and some unrelated code.
    func makeTree() throws -> TemporaryTree {
        let tree = try TemporaryTree()
        try tree.write("app/.env", "# settings\n" + Self.pair.dotenv)
        try tree.write("src/main.c", "int main(void) { return 0; }\n")
        return tree
    }

    func baselineText(_ tree: TemporaryTree) throws -> String {
        try String(contentsOf: tree.url(".tokenaudit-baseline.json"), encoding: .utf8)
    }

    @Test func createWritesSortedEntriesWithoutSecretsOrLinesAndAKeyFile() throws {
        let tree = try makeTree()
        let out = try BinaryRunner.run(["baseline", "create"], in: tree.root)
        #expect(out.status == 0, "\(out.stderr)")
        let text = try baselineText(tree)
        #expect(!text.contains(Self.pair.token) && !text.contains(Self.pair.secret))
        #expect(!text.contains("\"line\""))
        #expect(text.contains("\"file\": \"app/.env\""))
        let key = try FileManager.default.attributesOfItem(atPath: tree.url(".tokenaudit-key").path)
        #expect((key[.posixPermissions] as? Int) == 0o600)
        #expect(out.stderr.contains("created the fingerprint key"))
        // A scan with the baseline reports nothing new and says what it suppressed.
        let scan = try tree.scan(["--baseline", ".tokenaudit-baseline.json", "--format", "json"])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(try scan.findings().isEmpty)
        #expect(scan.stderr.contains("2 known findings suppressed by the baseline"))
        #expect((try scan.json()["stats"] as? [String: Any])?["suppressedByBaseline"] as? Int == 2)
    }

    /// Edits that must leave the baseline byte-identical when it is created again.
    enum NeutralEdit: String, CaseIterable {
        case secretMovedToAnotherLine, unrelatedCodeAdded, newUnrelatedFile
    }

    @Test(arguments: NeutralEdit.allCases)
    func baselineIsByteIdenticalAfter(_ edit: NeutralEdit) throws {
        let tree = try makeTree()
        #expect(try BinaryRunner.run(["baseline", "create"], in: tree.root).status == 0)
        let before = try baselineText(tree)
        switch edit {
        case .secretMovedToAnotherLine:
            try tree.write("app/.env", "# settings\n\n\nDEBUG=1\n\nSIRPORTLY_SECRET=\(Self.pair.secret)\nX=1\nSIRPORTLY_TOKEN=\(Self.pair.token)\n")
        case .unrelatedCodeAdded:
            try tree.write("src/main.c", "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n")
        case .newUnrelatedFile:
            try tree.write("README.md", "# A project\n\nNothing secret here.\n")
        }
        #expect(try BinaryRunner.run(["baseline", "create"], in: tree.root).status == 0)
        #expect(try baselineText(tree) == before)
    }

    /// Changes that must make a finding new for `scan --baseline`.
    enum NewFinding: String, CaseIterable {
        case sameSecretPastedIntoANewFile, secretChanged
    }

    @Test(arguments: NewFinding.allCases)
    func scanWithBaselineReportsOnly(_ change: NewFinding) throws {
        let tree = try makeTree()
        #expect(try BinaryRunner.run(["baseline", "create"], in: tree.root).status == 0)
        var generator = CredentialGenerator(seed: 99)
        switch change {
        case .sameSecretPastedIntoANewFile:
            try tree.write("deploy/.env", Self.pair.dotenv)
        case .secretChanged:
            try tree.write("app/.env", "# settings\nSIRPORTLY_TOKEN=\(Self.pair.token)\nSIRPORTLY_SECRET=\(generator.secret())\n")
        }
        let scan = try tree.scan(["--baseline", ".tokenaudit-baseline.json", "--format", "json"])
        #expect(scan.status == 1, "\(scan.stderr)")
        let files = try scan.findings().compactMap { $0["file"] as? String }
        switch change {
        case .sameSecretPastedIntoANewFile:
            #expect(files == ["deploy/.env", "deploy/.env"])
        case .secretChanged:
            // The changed secret is new (and pairs with the known token, whose finding is known).
            #expect(try scan.findings().compactMap { $0["ruleID"] as? String } == ["sirportly-secret"])
        }
    }

    @Test func updateAddsNewFindingsAndPruneDropsAndListsGoneOnes() throws {
        let tree = try makeTree()
        #expect(try BinaryRunner.run(["baseline", "create"], in: tree.root).status == 0)
        try tree.write("deploy/.env", Self.pair.dotenv)
        let update = try BinaryRunner.run(["baseline", "update"], in: tree.root)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stderr.contains("2 findings added"))
        #expect(try baselineText(tree).components(separatedBy: "\"fingerprint\"").count - 1 == 4)
        try FileManager.default.removeItem(at: tree.url("app/.env"))
        let prune = try BinaryRunner.run(["baseline", "prune"], in: tree.root)
        #expect(prune.status == 0, "\(prune.stderr)")
        #expect(prune.stdout.split(separator: "\n").count == 2)
        #expect(prune.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("app/.env: sirportly-") })
        let text = try baselineText(tree)
        #expect(!text.contains("app/.env") && text.contains("deploy/.env"))
    }

    @Test(arguments: [
        ("{ \"tool\": \"tokenaudit\",\n  \"findings\": [ oops ] }", 2, 17),
        ("not json at all", 1, 1),
        ("{\"tool\": \"tokenaudit\", \"version\": 1, \"findings\": [", 1, 51),
    ])
    func baselineThatIsNotJSONIsAnErrorWithPosition(text: String, line: Int, column: Int) throws {
        let tree = try makeTree()
        _ = try tree.write("bad-baseline.json", text)
        #expect(try BinaryRunner.run(["baseline", "create", "-o", "unused.json"], in: tree.root).status == 0)
        let scan = try tree.scan(["--baseline", "bad-baseline.json"])
        #expect(scan.status == 2)
        #expect(scan.stderr.contains("bad-baseline.json:\(line):\(column): error:"), "\(scan.stderr)")
        #expect(scan.stdout.isEmpty)
    }

    @Test func baselineWithoutAKeyIsRefused() throws {
        let tree = try makeTree()
        _ = try tree.write("b.json", "{\"tool\": \"tokenaudit\", \"version\": 1, \"findings\": []}\n")
        let scan = try tree.scan(["--baseline", "b.json"])
        #expect(scan.status == 2)
        #expect(scan.stderr.contains("needs the fingerprint key"))
    }
}

/// A report alone must not confirm a guessed secret (issue 14; docs/THREAT-MODEL.md).
@Suite("fingerprint oracle")
struct FingerprintOracleTests {
    static let password = "Tr0ub4dor&3"

    func hmac(_ key: [UInt8], _ message: [UInt8]) -> String {
        HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)).map { String(format: "%02x", $0) }.joined()
    }

    /// Every string a JSON value holds (keys and values).
    func strings(in value: Any) -> [String] {
        switch value {
        case let s as String: [s]
        case let n as NSNumber: [n.stringValue]
        case let a as [Any]: a.flatMap(strings(in:))
        case let d as [String: Any]: d.keys.map { $0 } + d.values.flatMap(strings(in:))
        default: []
        }
    }

    @Test(arguments: [false, true])
    func reportAloneDoesNotConfirmAGuessedPassword(withKeyFile: Bool) throws {
        let tree = try TemporaryTree()
        try tree.write("config/database.yml", "production:\n  adapter: postgresql\n  password: \(Self.password)\n")
        if withKeyFile { #expect(try BinaryRunner.run(["baseline", "create", "-o", "b.json"], in: tree.root).status == 0) }
        let scan = try tree.scan(["--format", "json"])
        let findings = try scan.findings()
        let finding = try #require(findings.first { ($0["ruleID"] as? String ?? "").hasPrefix("password-") }, "\(scan.stdout)")
        let fingerprint = try #require(finding["fingerprint"] as? String)
        let ruleID = try #require(finding["ruleID"] as? String)
        let path = try #require(finding["file"] as? String)
        #expect(!scan.stdout.contains(Self.password))

        // Every key the report could imply: its strings, the old public constant, the empty key.
        var keys = Set(strings(in: try scan.json()))
        keys.formUnion(["tokenaudit-fingerprint-v1", "", "tokenaudit", "tokenaudit-fingerprint"])
        let guess = Array(Self.password.utf8)
        let messages: [[UInt8]] = [
            Array(ruleID.utf8) + [0] + guess + [0] + Array(path.utf8),
            Array(ruleID.utf8) + guess + Array(path.utf8),
            guess,
        ]
        for key in keys {
            for message in messages {
                #expect(hmac(Array(key.utf8), message) != fingerprint, "key \(key) confirms the guess")
            }
        }
        for message in messages {
            let digest = SHA256.hash(data: message).map { String(format: "%02x", $0) }.joined()
            #expect(digest != fingerprint)
        }

        // Control: whoever holds the key can confirm it, so the construction above is the real one.
        if withKeyFile {
            let hex = try String(contentsOf: tree.url(".tokenaudit-key"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            var key: [UInt8] = []
            var index = hex.startIndex
            while index < hex.endIndex {
                let next = hex.index(index, offsetBy: 2)
                key.append(UInt8(hex[index..<next], radix: 16)!)
                index = next
            }
            #expect(hmac(key, messages[0]) == fingerprint)
            #expect(!keys.contains(hex))
        }
    }

    @Test func fingerprintsAreStableUnderOneKeyAndDifferUnderAnother() throws {
        let tree = try TemporaryTree()
        try tree.write("config/database.yml", "production:\n  password: \(Self.password)\n")
        func fingerprints(_ key: String) throws -> [String] {
            try tree.scan(["--format", "json"], environment: ["TOKENAUDIT_FINGERPRINT_KEY": key]).findings()
                .compactMap { $0["fingerprint"] as? String }
        }
        let a = try fingerprints("first key, long enough")
        #expect(!a.isEmpty)
        #expect(try fingerprints("first key, long enough") == a)
        #expect(try fingerprints("second key, long enough") != a)
        let short = try tree.scan([], environment: ["TOKENAUDIT_FINGERPRINT_KEY": "short"])
        #expect(short.status == 2)
    }
}
