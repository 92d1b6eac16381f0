import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `tokenaudit scan --format sarif|junit|csv|github|markdown` through the built binary.
@Suite("tokenaudit scan report formats")
struct ScanFormatTests {
    static let formats = ["sarif", "junit", "csv", "github", "markdown"]

    /// The SARIF validator of SecretReportTests (Python `jsonschema` against the committed schema).
    static let validator = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SecretReportTests/Schemas/validate-sarif.py").standardizedFileURL

    static func schemaErrors(_ sarif: String) throws -> String? {
        let tree = try ScanTree()
        let file = try tree.write("log.sarif", sarif)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "python3 \"$0\" < \"$1\"", validator.path, file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : "exit \(process.terminationStatus): \(message)"
    }

    /// A planted pair is reported in every format with exit status 1, and no format shows either
    /// value unless `--no-redact`.
    @Test(arguments: formats)
    func plantedSecretsAreRedactedUnlessAsked(_ format: String) throws {
        let tree = try ScanTree()
        let pair = PlantedPair()
        try tree.write(".env", pair.dotenv)
        try tree.write("app.log", "retrying with X-Auth-Token: \(pair.token) X-Auth-Secret: \(pair.secret)\n")
        let redacted = try tree.scan(["--format", format, "--quiet"])
        #expect(redacted.status == 1, "\(redacted.stderr)")
        #expect(redacted.stdout.contains(String(pair.token.prefix(4)) + "\u{2026}"))
        for value in [pair.token, pair.secret, String(pair.secret.prefix(12))] {
            #expect(!redacted.stdout.contains(value))
        }
        let revealed = try tree.scan(["--format", format, "--quiet", "--no-redact"])
        #expect(revealed.status == 1)
        // Markdown backslash-escapes punctuation (the token's dashes); it renders as the token.
        let shownToken = format == "markdown" ? pair.token.replacingOccurrences(of: "-", with: "\\-") : pair.token
        #expect(revealed.stdout.contains(shownToken))
        #expect(revealed.stdout.contains(pair.secret))
        if format == "sarif" {
            #expect(try Self.schemaErrors(redacted.stdout) == nil)
            #expect(try Self.schemaErrors(revealed.stdout) == nil)
        }
    }

    /// The SARIF of a real scan: valid, paths relative to the scan root as URIs, the pair's regions
    /// and rules as the JSON report has them (endColumn one past the JSON report's inclusive one).
    @Test func sarifOfARealScanMatchesTheJSONReport() throws {
        let tree = try ScanTree()
        try tree.write("conf/prod settings.env", PlantedPair().dotenv)
        try tree.write("blob.bin", Data([0, 1, 2, 0]))
        let key = ["TOKENAUDIT_FINGERPRINT_KEY": "one fingerprint key for both runs of this test"]
        let sarif = try tree.scan(["--format", "sarif", "--quiet"], environment: key)
        let json = try tree.scan(["--format", "json", "--quiet"], environment: key)
        #expect(sarif.status == 1 && json.status == 1)
        #expect(try Self.schemaErrors(sarif.stdout) == nil)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let findings = try json.findings()
        #expect(results.count == findings.count && results.count == 2)
        for (result, finding) in zip(results, findings) {
            #expect(result["ruleId"] as? String == finding["ruleID"] as? String)
            let physical = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((physical["artifactLocation"] as? [String: String])?["uri"] == "conf/prod%20settings.env")
            let region = try #require(physical["region"] as? [String: Int])
            #expect(region["startLine"] == finding["line"] as? Int)
            #expect(region["startColumn"] == finding["column"] as? Int)
            #expect(region["endColumn"] == (finding["endColumn"] as? Int).map { $0 + 1 })
            #expect((result["partialFingerprints"] as? [String: String])?["tokenaudit/v1"] == finding["fingerprint"] as? String)
        }
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(Set(rules.compactMap { $0["id"] as? String }) == ["sirportly-token", "sirportly-secret"])
        #expect(rules.allSatisfy { (($0["fullDescription"] as? [String: String])?["text"]?.count ?? 0) > 40 })
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notes.compactMap { ($0["descriptor"] as? [String: String])?["id"] } == ["skipped/binary"])
    }

    /// A file whose name holds a newline, markup, quotes, a percent-encoded newline and a formula
    /// cannot forge records, commands, cells or markup in any format.
    @Test(arguments: formats)
    func hostileFileNamesStayInert(_ format: String) throws {
        let tree = try ScanTree()
        let name = "=x\n::error::forged <script>alert(1) \"q\" %0A |c| @all.env"
        try tree.write(name, PlantedPair().dotenv)
        let out = try tree.scan(["--format", format, "--quiet"])
        #expect(out.status == 1, "\(out.stderr)")
        let text = out.stdout
        #expect(!text.contains("\n::error::forged"))
        switch format {
        case "sarif":
            #expect(try Self.schemaErrors(text) == nil)
            #expect(text.contains("%3Dx%0A%3A%3Aerror%3A%3Aforged%20%3Cscript%3E"))
        case "junit":
            #expect(!text.contains("<script"))
            #expect(XMLParser(data: Data(text.utf8)).parse())
        case "csv":
            let records = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(records.count == 3)
            #expect(records.dropFirst().allSatisfy { $0.contains(",\"'=x\\u{0A}::error::forged <script>") })
        case "github":
            let lines = text.split(separator: "\n")
            #expect(lines.allSatisfy { $0.hasPrefix("::") })
            #expect(text.contains("file==x%0A%3A%3Aerror%3A%3Aforged <script>"))
        default:
            #expect(!text.contains("<script"))
            #expect(!text.contains(" @all"))
            #expect(text.contains("\\=x\\\\u\\{0A\\}\\:\\:error"))
        }
    }

    /// `--output` writes every format to a private file; stdout stays empty.
    @Test(arguments: formats)
    func reportFileIsPrivate(_ format: String) throws {
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        let out = try tree.scan(["--format", format, "--output", "report.out", ".env"])
        #expect(out.status == 1)
        #expect(out.stdout.isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: tree.url("report.out").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOf: tree.url("report.out"), encoding: .utf8).contains("sirportly"))
    }

    /// A clean scan: exit 0, and each format still says so in its own way.
    @Test(arguments: zip(formats, ["\"results\": []", "no secrets found in 1 file", "severity,rule,title,file",
                                   "::notice title=TokenAudit::0 findings in 1 file", "## TokenAudit: no findings"]))
    func cleanScan(_ format: String, _ marker: String) throws {
        let tree = try ScanTree()
        try tree.write("README.md", "nothing here\n")
        let out = try tree.scan(["--format", format, "--quiet"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains(marker), "\(out.stdout)")
        if format == "sarif" { #expect(try Self.schemaErrors(out.stdout) == nil) }
    }
}
