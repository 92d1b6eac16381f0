import Foundation
import ScanResults
import SecretReport
import SecretRules
import Testing

@Suite("SARIF reporter")
struct SARIFReporterTests {
    static func render(_ report: ScanReport, rules: [Rule] = [], maxResults: Int = SARIFReporter.gitHubResultLimit) -> String {
        let buffer = TextBuffer()
        var reporter = SARIFReporter(output: buffer, rules: rules, maxResults: maxResults)
        try? report.replay(into: &reporter)
        return buffer.text
    }

    static func parse(_ sarif: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
    }

    static func run(_ sarif: String) throws -> [String: Any] {
        let runs = try #require(try parse(sarif)["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    /// Every SARIF log this suite produces, named.
    static let logs: [(name: String, sarif: @Sendable () -> String)] = [
        ("sample", { render(ReporterGoldenTests.sample) }),
        ("sample with git provenance", { render(ReporterGoldenTests.sampleWithGit) }),
        ("hostile names", { render(ReportFormatFixtures.hostile) }),
        ("empty", { render(ScanReport(tool: ToolInfo(name: "tokenaudit", version: "0.1.0"))) }),
        ("results left out", { render(ReporterGoldenTests.sample, maxResults: 2) }),
        ("user rule", {
            render(ReporterGoldenTests.sample, rules: [Rule(
                id: "generic-api-key", title: "Our API key", description: String(repeating: "long ", count: 400),
                severity: .high, references: ["https://example.com/rotate?x=1", "internal wiki"],
                tags: ["security", "team:payments"] + (0..<30).map { "t\($0)" })])
        }),
    ]

    @Test(arguments: logs.indices)
    func everyLogIsValidAgainstTheSchema(_ index: Int) throws {
        let (name, sarif) = Self.logs[index]
        let errors = try ReportFormatFixtures.schemaErrors(sarif())
        #expect(errors == nil, "\(name): \(errors ?? "")")
    }

    /// The validator is real: a log that breaks the schema (a region starting at line 0, a level
    /// SARIF does not know) is rejected.
    @Test func theValidatorRejectsAnInvalidLog() throws {
        var sarif = Self.render(ReporterGoldenTests.sample)
        sarif = sarif.replacingOccurrences(of: "\"startLine\": 4", with: "\"startLine\": 0")
        sarif = sarif.replacingOccurrences(of: "\"level\": \"note\"", with: "\"level\": \"fatal\"")
        let errors = try #require(try ReportFormatFixtures.schemaErrors(sarif))
        #expect(errors.contains("startLine"))
        #expect(errors.contains("fatal"))
    }

    /// SARIF's `endColumn` is the column after the region; ours is the last column, inclusive.
    @Test func regionsAreOneBasedWithAnExclusiveEndColumn() throws {
        let results = try #require(try Self.run(Self.render(ReporterGoldenTests.sample))["results"] as? [[String: Any]])
        #expect(results.count == 4)
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        let region = try #require(physical["region"] as? [String: Int])
        #expect(region == ["startLine": 4, "startColumn": 10, "endLine": 4, "endColumn": 46])
        let artifact = try #require(physical["artifactLocation"] as? [String: String])
        #expect(artifact == ["uri": "config/helpdesk.yml", "uriBaseId": "%SRCROOT%"])
        #expect(try Self.run(Self.render(ReporterGoldenTests.sample))["columnKind"] as? String == "unicodeCodePoints")
    }

    @Test(arguments: [(Severity.critical, "error", "9.5"), (.high, "error", "8.0"), (.medium, "warning", "5.5"), (.low, "note", "2.0")])
    func levelAndSecuritySeverityFollowTheSeverity(_ severity: Severity, _ level: String, _ score: String) throws {
        let finding = ReportedFinding(
            path: "a.txt", relativePath: "a.txt", ruleID: "custom-\(severity.rawValue)", title: "Custom",
            severity: severity, line: 1, column: 1, endLine: 1, endColumn: 4, secret: "x\u{2026}", fingerprint: "f")
        let run = try Self.run(Self.render(ScanReport(findings: [finding])))
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(result["level"] as? String == level)
        let rule = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let properties = try #require(rule.first?["properties"] as? [String: Any])
        #expect(properties["security-severity"] as? String == score)
        #expect((properties["tags"] as? [String])?.contains("security") == true)
        #expect((rule.first?["defaultConfiguration"] as? [String: String])?["level"] == level)
    }

    /// Built-in rules are described from their pack (title, description, references); the result
    /// points at its rule by index and carries our fingerprint.
    @Test func builtinRulesAreDescribedFromTheirPack() throws {
        let builtin = try #require(try BuiltinRules.all().first { $0.id == "sirportly-token" })
        let run = try Self.run(Self.render(ReporterGoldenTests.sample))
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["sirportly-token", "sirportly-secret", "password-in-url", "generic-api-key"])
        #expect((rules[0]["shortDescription"] as? [String: String])?["text"] == builtin.title)
        #expect((rules[0]["fullDescription"] as? [String: String])?["text"] == builtin.description)
        let help = try #require((rules[0]["help"] as? [String: String])?["text"])
        #expect(help.hasPrefix(builtin.description))
        for reference in builtin.references { #expect(help.contains(reference)) }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleIndex"] as? Int } == [0, 1, 2, 3])
        #expect((results[1]["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey] == "0718a1b2c3d4e5f6")
    }

    /// GitHub's limits: descriptions cut to 1,024 characters, at most 20 tags (unique), and a
    /// `helpUri` only from a web reference.
    @Test func userRulesAreCutToGitHubsLimits() throws {
        let run = try Self.run(Self.logs[5].sarif())
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let rule = try #require(rules.first { $0["id"] as? String == "generic-api-key" })
        let full = try #require((rule["fullDescription"] as? [String: String])?["text"])
        #expect(full.count == 1024 && full.hasSuffix("\u{2026}"))
        let tags = try #require((rule["properties"] as? [String: Any])?["tags"] as? [String])
        #expect(tags.count == 20 && Set(tags).count == 20)
        #expect(rule["helpUri"] as? String == "https://example.com/rotate?x=1")
    }

    /// Past `maxResults` (GitHub rejects runs over 25,000), results are counted, never dropped
    /// silently: an error notification says how many were left out.
    @Test func resultsOverTheLimitAreCountedInANotification() throws {
        let run = try Self.run(Self.render(ReporterGoldenTests.sample, maxResults: 2))
        #expect((run["results"] as? [Any])?.count == 2)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        let leftOut = try #require(notes.first { ($0["descriptor"] as? [String: String])?["id"] == "results-left-out" })
        #expect(leftOut["level"] as? String == "error")
        #expect(((leftOut["message"] as? [String: String])?["text"])?.hasPrefix("2 more findings were left out") == true)
        #expect((invocation["properties"] as? [String: Any])?["resultsLeftOut"] as? Int == 2)
    }

    /// Skipped inputs are notifications with their location and reason id (coverage gaps are
    /// errors); warnings are warning notifications.
    @Test func skippedInputsAndWarningsAreNotifications() throws {
        let run = try Self.run(Self.render(ReporterGoldenTests.sample))
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notes.map { ($0["descriptor"] as? [String: String])?["id"] } == ["skipped/binary", "skipped/gzip-bomb", "skipped/fifo", nil])
        #expect(notes.map { $0["level"] as? String } == ["note", "error", "note", "warning"])
    }

    /// Git provenance, evidence and verification travel in the result's properties.
    @Test func gitProvenanceIsInTheResultProperties() throws {
        let results = try #require(try Self.run(Self.render(ReporterGoldenTests.sampleWithGit))["results"] as? [[String: Any]])
        let git = try #require(results.first { ($0["properties"] as? [String: Any])?["commit"] != nil })
        let properties = try #require(git["properties"] as? [String: Any])
        #expect(properties["commit"] as? String == ReporterGoldenTests.gitFinding.provenance?.commit)
        #expect(properties["author"] as? String == "Dev <dev@example.com>")
        #expect(properties["removedFromHead"] as? Bool == true)
        #expect((properties["verification"] as? [String: String])?["status"] == "rejected")
        #expect(((git["message"] as? [String: String])?["text"])?.contains("0123456789ab") == true)
    }

    /// A path is a URI reference that decodes back to the path: spaces, `%`, `#`, `?`, `:`,
    /// newlines and non-ASCII are percent-encoded; absolute paths are `file://` URIs.
    @Test(arguments: [
        ("a b/c%d#e?f:g.txt", "a%20b/c%25d%23e%3Ff%3Ag.txt"),
        ("./x/./y.env", "x/./y.env"),
        ("naïve\n.env", "na%C3%AFve%0A.env"),
        ("/abs/p q", "file:///abs/p%20q"),
    ])
    func pathsAreEncodedURIReferences(_ path: String, _ uri: String) throws {
        let finding = ReportedFinding(
            path: path, relativePath: path, ruleID: "r", title: "T", severity: .low, line: 1, column: 1, endLine: 1,
            endColumn: 1, secret: "s", fingerprint: "f")
        let sarif = Self.render(ScanReport(findings: [finding]))
        #expect(sarif.contains("\"uri\": \"\(uri)\""))
        #expect(try ReportFormatFixtures.schemaErrors(sarif) == nil)
        if !path.hasPrefix("/") && !path.hasPrefix("./") { #expect(ReportFormatFixtures.percentDecoded(uri) == path) }
    }
}
