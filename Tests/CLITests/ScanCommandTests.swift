import Foundation
import Testing

@Suite("tokenaudit scan")
struct ScanCommandTests {
    // MARK: exit codes

    @Test func cleanTreeExitsZeroAndPlantedPairExitsOne() throws {
        let tree = try ScanTree()
        try tree.write("README.md", "nothing to see\n")
        let clean = try tree.scan([])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stderr.contains("Scanned 1 file"))
        try tree.write(".env", PlantedPair().dotenv)
        let dirty = try tree.scan([])
        #expect(dirty.status == 1)
        #expect(dirty.stdout.contains(".env:1:17  critical  sirportly-token"))
        #expect(dirty.stdout.contains("paired with .env:2:18  critical  sirportly-secret"))
    }

    @Test(arguments: [
        (["--fail-on", "critical"], Int32(1)),
        (["--fail-on", "high"], Int32(1)),
    ])
    func failOnThreshold(_ flags: [String], _ status: Int32) throws {
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        #expect(try tree.scan(flags).status == status)
    }

    @Test func findingsBelowTheThresholdDoNotFail() throws {
        let tree = try ScanTree()
        var generator = CredentialGenerator(seed: 7)
        // A lone token with a Sirportly key is a high finding, not critical.
        try tree.write("app.yml", "sirportly:\n  token: \(generator.token())\n")
        let out = try tree.scan(["--format", "json", "--fail-on", "critical"])
        #expect(try out.findings().isEmpty == false)
        #expect(try out.findings().allSatisfy { ($0["severity"] as? String) != "critical" })
        #expect(out.status == 0)
        #expect(try tree.scan(["--fail-on", "low"]).status == 1)
    }

    @Test(arguments: [
        ["--jobs", "0"],
        ["--stdin-name", "x"],
        ["-", "-"],
        ["--jit", "sometimes"],
        ["--jit", "off", "--no-jit"],
        ["--fail-on", "severe"],
        ["--max-file-size", "ten"],
        ["--format", "xml"],
        ["does-not-exist"],
    ])
    func usageAndRootErrorsExitTwo(_ args: [String]) throws {
        let tree = try ScanTree()
        let out = try tree.scan(args)
        #expect(out.status == 2, "\(args): \(out.stderr)")
        #expect(!out.stderr.isEmpty)
    }

    // MARK: config

    struct ConfigCase: Sendable, CustomTestStringConvertible {
        var toml: String
        var location: String
        var words: String
        var testDescription: String { words }
    }

    @Test(arguments: [
        ConfigCase(toml: "bogus = 1\n", location: "1:1", words: "unknown key"),
        ConfigCase(toml: "title = 1\n", location: "1:9", words: "must be a string"),
        ConfigCase(toml: "[[rules]]\nid = \"x\"\nregex = '(abc'\n", location: "3:14", words: "missing closing parenthesis"),
        ConfigCase(toml: "[[rules]]\nid = \"dup\"\nregex = 'a'\n[[rules]]\nid = \"dup\"\nregex = 'b'\n", location: "5:", words: "duplicate rule id"),
        ConfigCase(toml: "[extend]\ndisabledRules = [\"sirportly-tokn\"]\n", location: "2:", words: "sirportly-token"),
    ])
    func badConfigIsAnErrorWithItsPosition(_ c: ConfigCase) throws {
        let tree = try ScanTree()
        try tree.write(".tokenaudit.toml", c.toml)
        try tree.write("a.txt", "hello\n")
        let out = try tree.scan([])
        #expect(out.status == 2)
        #expect(out.stderr.contains(".tokenaudit.toml:\(c.location)"), "\(out.stderr)")
        #expect(out.stderr.contains(c.words), "\(out.stderr)")
        // The same file named with --config, from elsewhere.
        try FileManager.default.moveItem(at: tree.url(".tokenaudit.toml"), to: tree.url("other.toml"))
        let named = try tree.scan(["--config", "other.toml", "a.txt"])
        #expect(named.status == 2)
        #expect(named.stderr.contains("other.toml:\(c.location)"), "\(named.stderr)")
    }

    @Test func missingConfigFileIsAnError() throws {
        let tree = try ScanTree()
        let out = try tree.scan(["--config", "nope.toml"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("nope.toml"))
    }

    @Test func configDisablesRulesAddsRulesAndAllowlists() throws {
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        try tree.write("fixtures/.env", PlantedPair(seed: 9).dotenv)
        try tree.write("notes.txt", "internal ticket key TKT-ZX81-QQ42-PL09\n")
        try tree.write(".tokenaudit.toml", """
            failOn = "medium"
            [extend]
            disabledRules = ["generic-api-key"]

            [[rules]]
            id = "internal-ticket-key"
            title = "Internal ticket key"
            description = "Keys of the internal ticket system."
            severity = "medium"
            keywords = ["tkt-"]
            regex = '\\b(TKT-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\\b'

            [[allowlists]]
            description = "test fixtures"
            paths = ['^fixtures/']
            """)
        let out = try tree.scan(["--format", "json"])
        #expect(out.status == 1, "\(out.stderr)")
        let findings = try out.findings()
        let rules = findings.map { "\($0["file"] as? String ?? ""):\($0["ruleID"] as? String ?? "")" }
        #expect(rules == [".env:sirportly-token", ".env:sirportly-secret", "notes.txt:internal-ticket-key"])
    }

    @Test(arguments: [
        (["--rules", "sirportly"], [".env:sirportly-token", ".env:sirportly-secret"]),
        (["--exclude-rules", "sirportly-secret"], [".env:sirportly-token", "ci.env:github-pat-classic"]),
        (["--rules", "tag:github"], ["ci.env:github-pat-classic"]),
    ])
    func rulesAndExcludeRulesSelectTheRulesScanned(_ flags: [String], _ expected: [String]) throws {
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        try tree.write("ci.env", "GITHUB_TOKEN=ghp_KJdYZNAJexbUR3Wr0iH1U4YXRzAoEGTh82vO\n")
        let out = try tree.scan(flags + ["--format", "json"])
        #expect(out.status == 1, "\(out.stderr)")
        let rules = try out.findings().map { "\($0["file"] as? String ?? ""):\($0["ruleID"] as? String ?? "")" }
        #expect(rules == expected)
    }

    @Test(arguments: [["--rules", "no-such-rule"], ["--exclude-rules", "sirportlyy"], ["--rules", "a,,b"]])
    func ruleSelectionThatSelectsNothingIsAnError(_ flags: [String]) throws {
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        let out = try tree.scan(flags)
        #expect(out.status == 2)
        #expect(out.stderr.contains(flags[0]), "\(out.stderr)")
    }

    @Test func configMaxFileSizeAndFlagOverride() throws {
        let tree = try ScanTree()
        try tree.write("big.env", String(repeating: "# padding\n", count: 300) + PlantedPair().dotenv)
        try tree.write(".tokenaudit.toml", "maxFileSize = 1000\n")
        let limited = try tree.scan(["--format", "json"])
        #expect(try limited.skipped() == ["big.env": "too-large"])
        #expect(limited.status == 0)
        let raised = try tree.scan(["--format", "json", "--max-file-size", "1M"])
        #expect(try raised.skipped().isEmpty)
        #expect(raised.status == 1)
    }

    // MARK: inputs

    @Test func standardInputWithItsName() throws {
        let tree = try ScanTree()
        let pair = PlantedPair()
        let out = try tree.scan(["-", "--stdin-name", "pasted.env", "--format", "json"], stdin: Data(pair.dotenv.utf8))
        #expect(out.status == 1)
        let files = try out.findings().map { $0["file"] as? String }
        #expect(files.count >= 2)
        #expect(files.allSatisfy { $0 == "pasted.env" })
        let unnamed = try tree.scan(["-"], stdin: Data(pair.dotenv.utf8))
        #expect(unnamed.stdout.contains("<stdin>:1:17"))
    }

    @Test func gzipStdinIsInflatedToo() throws {
        let tree = try ScanTree()
        let data = try gzip(Data(PlantedPair().dotenv.utf8))
        let out = try tree.scan(["-", "--format", "json"], stdin: data)
        #expect(try out.findings().count >= 2)
    }

    @Test func everySkipReasonIsListed() throws {
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        try tree.write("logo.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]))
        try tree.write("old.log.gz", try gzip(Data(repeating: UInt8(ascii: "x"), count: 16 << 20)))
        try tree.write("rotated.log.2.gz", try gzip(Data(("boot ok\n" + PlantedPair(seed: 5).dotenv).utf8)))
        try tree.write("loop/keep.txt", "fine\n")
        try tree.symlink("loop/again", to: "..")
        try tree.symlink("mem", to: "/proc/self/mem")
        #expect(mkfifo(tree.url("pipe").path, 0o600) == 0)

        let plain = try tree.scan(["--format", "json"])
        #expect(try plain.skipped() == [
            "logo.png": "binary", "pipe": "fifo", "loop/again": "symlink", "mem": "symlink",
        ])
        // A bomb is inflated up to the ratio (its findings would be kept) and reported as scanned in part.
        #expect(plain.stderr.contains("old.log.gz: gzip stream inflates more than 200:1"))
        #expect(try plain.findings().contains { ($0["file"] as? String) == "rotated.log.2.gz" && ($0["line"] as? Int) == 2 })

        let followed = try tree.scan(["--format", "json", "--follow-symlinks-anywhere"])
        let skipped = try followed.skipped()
        #expect(skipped["loop/again"] == "symlink-loop")
        #expect(skipped["mem"] == "unreadable")
        #expect(followed.status == 1)
        // The summary names every skipped file with its reason.
        for name in ["logo.png: binary", "pipe: fifo", "loop/again: symlink-loop", "mem: unreadable"] {
            #expect(followed.stderr.contains(name), "summary lacks \(name)")
        }
        let binary = try tree.scan(["--format", "json", "--binary"])
        #expect(try binary.skipped()["logo.png"] == nil)
    }

    @Test func ignoreFilesWithNegationAndNoIgnore() throws {
        let tree = try ScanTree()
        try tree.write(".gitignore", "*.env\n!keep.env\n")
        try tree.write("drop.env", PlantedPair(seed: 1).dotenv)
        try tree.write("keep.env", PlantedPair(seed: 2).dotenv)
        try tree.write("sub/.tokenauditignore", "secret.yml\n")
        try tree.write("sub/secret.yml", "sirportly_token: \(PlantedPair(seed: 3).token)\n")
        let honoured = try tree.scan(["--format", "json"])
        #expect(Set(try honoured.findings().compactMap { $0["file"] as? String }) == ["keep.env"])
        let all = try tree.scan(["--format", "json", "--no-ignore"])
        #expect(Set(try all.findings().compactMap { $0["file"] as? String }) == ["drop.env", "keep.env", "sub/secret.yml"])
    }

    @Test func dotfilesAreScannedAndGitIsSkipped() throws {
        let tree = try ScanTree()
        try tree.write(".npmrc", "//registry.npmjs.org/:_password=\(Data("Pq7wZr4mXt".utf8).base64EncodedString())\n")
        try tree.write(".env", PlantedPair().dotenv)
        try tree.write(".git/config", PlantedPair(seed: 3).dotenv)
        let out = try tree.scan(["--format", "json"])
        let files = Set(try out.findings().compactMap { $0["file"] as? String })
        #expect(files.contains(".env"))
        #expect(!files.contains(".git/config"))
    }

    @Test func documentationExamplesAreReportedOnlyWhenAsked() throws {
        let tree = try ScanTree()
        try tree.write("example.sh", """
            curl -H "X-Auth-Token: d3f269a9-932e-eeb0-05e7-14fdff8696b2" \\
                 -H "X-Auth-Secret: us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d" https://helpdesk.example.com/api/v2/tickets
            """)
        let quiet = try tree.scan(["--format", "json"])
        #expect(try quiet.findings().filter { ($0["ruleID"] as? String)?.hasPrefix("sirportly") == true }.isEmpty)
        let reported = try tree.scan(["--format", "json", "--report-examples"])
        #expect(try reported.findings().contains { ($0["ruleID"] as? String) == "sirportly-token" })
    }

    @Test(arguments: [["--jit", "off"], ["--no-jit"], ["--jit", "auto"]])
    func jitPolicyDoesNotChangeFindings(_ flags: [String]) throws {
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        // Fingerprints compare across runs only under one key (without one, each run draws its own).
        let key = ["TOKENAUDIT_FINGERPRINT_KEY": "one key for both runs of this test"]
        let baseline = try tree.scan(["--format", "json"], environment: key)
        let out = try tree.scan(["--format", "json"] + flags, environment: key)
        #expect(out.status == 1)
        #expect(try out.findings().map { $0["fingerprint"] as? String } == baseline.findings().map { $0["fingerprint"] as? String })
    }

    // MARK: output

    @Test func jsonContract() throws {
        let tree = try ScanTree()
        let pair = PlantedPair()
        try tree.write("conf/.env", pair.dotenv)
        let out = try tree.scan(["conf", "--format", "json"])
        let json = try out.json()
        let tool = try #require(json["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "tokenaudit")
        #expect(tool["version"] is String)
        #expect(json["skipped"] is [Any])
        let stats = try #require(json["stats"] as? [String: Any])
        #expect(stats["filesScanned"] as? Int == 1)
        let findings = try out.findings()
        let token = try #require(findings.first { $0["ruleID"] as? String == "sirportly-token" })
        let secret = try #require(findings.first { $0["ruleID"] as? String == "sirportly-secret" })
        #expect(token["file"] as? String == "conf/.env")
        #expect(token["line"] as? Int == 1 && token["column"] as? Int == 17)
        #expect(token["endLine"] as? Int == 1 && token["endColumn"] as? Int == 52)
        #expect(token["severity"] as? String == "critical")
        #expect(token["secret"] as? String == String(pair.token.prefix(4)) + "\u{2026}")
        #expect(token["key"] as? String == "SIRPORTLY_TOKEN")
        #expect((token["fingerprint"] as? String)?.isEmpty == false)
        #expect(token["group"] as? String != nil && token["group"] as? String == secret["group"] as? String)
    }

    @Test(arguments: [["--format", "text"], ["--format", "json"], ["--format", "json", "--output", "report.json"],
                      ["--format", "text", "--output", "report.txt"]])
    func noOutputContainsThePlantedSecretUnlessAsked(_ flags: [String]) throws {
        let tree = try ScanTree()
        let pair = PlantedPair()
        try tree.write(".env", pair.dotenv)
        try tree.write("app.log", "retrying with X-Auth-Token: \(pair.token) X-Auth-Secret: \(pair.secret)\n")
        func everything(_ out: BinaryRunner.Output) throws -> String {
            var all = out.stdout + out.stderr
            if let i = flags.firstIndex(of: "--output") {
                all += try String(contentsOf: tree.url(flags[i + 1]), encoding: .utf8)
            }
            return all
        }
        let redacted = try tree.scan(flags)
        #expect(redacted.status == 1)
        let text = try everything(redacted)
        #expect(text.contains(String(pair.token.prefix(4)) + "\u{2026}"))
        #expect(!text.contains(pair.token))
        #expect(!text.contains(pair.secret))
        #expect(!text.contains(String(pair.secret.prefix(12))))

        let revealed = try everything(try tree.scan(flags + ["--no-redact"]))
        #expect(revealed.contains(pair.token))
        #expect(revealed.contains(pair.secret))
    }

    @Test func outputFileIsPrivate() throws {
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        try tree.write("report.json", "old contents, world readable")
        #expect(chmod(tree.url("report.json").path, 0o644) == 0)
        let out = try tree.scan(["--format", "json", "--output", "report.json", ".env"])
        #expect(out.status == 1)
        #expect(out.stdout.isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: tree.url("report.json").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: tree.url("report.json"))) as? [String: Any]
        #expect((report?["findings"] as? [Any])?.count ?? 0 >= 2)
    }

    /// A run that fails (here: a bad config) leaves the previous report as it was and no temporary
    /// file behind; the report is written beside it and renamed only on success.
    @Test func failedRunKeepsThePreviousReportFile() throws {
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        try tree.write("report.json", "previous report")
        try tree.write("bad.toml", "[[rules]\n")
        let out = try tree.scan(["--format", "json", "--output", "report.json", "--config", "bad.toml", ".env"])
        #expect(out.status == 2)
        #expect(try String(contentsOf: tree.url("report.json"), encoding: .utf8) == "previous report")
        let names = try FileManager.default.contentsOfDirectory(atPath: tree.path)
        #expect(names.sorted() == [".env", "bad.toml", "report.json"])
    }

    @Test func terminalEscapesFromFilesAndNamesAreNeutralised() throws {
        let tree = try ScanTree()
        let pair = PlantedPair()
        try tree.write("evil\u{1B}[2J.env", "SIRPORTLY_TOKEN=\(pair.token) \u{1B}]0;pwned\u{07}\u{1B}[31m\nSIRPORTLY_SECRET=\(pair.secret)\n")
        let out = try tree.scan([])
        #expect(out.status == 1)
        #expect(!out.stdout.contains("\u{1B}"))
        #expect(!out.stderr.contains("\u{1B}"))
        #expect(out.stdout.contains("evil\\u{1B}[2J.env:1:17"))
        #expect(out.stdout.contains("\\u{1B}]0;pwned\\u{07}"))
    }

    @Test func orderIsTheSameWithOneJobAndEight() throws {
        let tree = try ScanTree()
        for i in 0..<24 {
            try tree.write("svc\(i % 5)/conf\(i).env", PlantedPair(seed: UInt64(i)).dotenv)
        }
        let one = try tree.scan(["--jobs", "1", "--format", "json"])
        let eight = try tree.scan(["--jobs", "8", "--format", "json"])
        let keys = { (out: BinaryRunner.Output) in
            try out.findings().map { "\($0["file"] as? String ?? ""):\($0["line"] as? Int ?? 0):\($0["ruleID"] as? String ?? "")" }
        }
        #expect(try keys(one).count >= 48)
        #expect(try keys(one) == keys(eight))
        let textOne = try tree.scan(["--jobs", "1"]).stdout
        let textEight = try tree.scan(["--jobs", "8"]).stdout
        #expect(textOne == textEight)
        let files = try keys(one).map { String($0.split(separator: ":")[0]) }
        #expect(files == files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func noColorWhenPipedOrAsked() throws {
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        for environment in [["NO_COLOR": "1"], ["NO_COLOR": ""]] {
            let out = try tree.scan([], environment: environment)
            #expect(!out.stdout.contains("\u{1B}["), "stdout is a pipe: no colour")
        }
    }
}

/// Gzip-compresses `data` (TestSupport).
func gzip(_ data: Data) throws -> Data { try Gzip.compress(data) }
