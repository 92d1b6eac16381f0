import Foundation
import ScanResults
import SecretReport
import SecretRules
import Testing

/// Compares the reporters' output for a fixed report with the committed files in `Golden/`.
///
/// What varies between runs of a real scan (the tool version, durations, throughput) is replaced by
/// `{{version}}`, `{{duration}}` and `{{rate}}` before comparing. To regenerate after an intended
/// change: `TOKENAUDIT_UPDATE_GOLDEN=1 swift test --filter SecretReportTests`, then review the diff.
@Suite("reporter golden files")
struct ReporterGoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let sample = ScanReport(
        tool: ToolInfo(name: "tokenaudit", version: "0.1.0-test"),
        findings: [
            ReportedFinding(
                path: "config/helpdesk.yml", relativePath: "config/helpdesk.yml", ruleID: "sirportly-token",
                title: "Sirportly API token", severity: .critical, line: 4, column: 10, endLine: 4, endColumn: 45,
                secret: "3f6c\u{2026}", fingerprint: "a1b2c3d4e5f60718", group: "g-7f3a", key: "token",
                lineText: "  token: 3f6c\u{2026}"),
            ReportedFinding(
                path: "config/helpdesk.yml", relativePath: "config/helpdesk.yml", ruleID: "sirportly-secret",
                title: "Sirportly API secret", severity: .critical, line: 5, column: 11, endLine: 5, endColumn: 60,
                secret: "Qm7T\u{2026}", fingerprint: "0718a1b2c3d4e5f6", group: "g-7f3a", key: "secret",
                lineText: "  secret: Qm7T\u{2026}"),
            ReportedFinding(
                path: "logs/app.log", relativePath: "logs/app.log", ruleID: "password-in-url", title: "Password in a URL",
                severity: .high, line: 12, column: 31, endLine: 12, endColumn: 42, secret: "hunt\u{2026}",
                fingerprint: "ffee00112233", encoding: .url, message: "Rotate the password and remove it from the log.",
                lineText: "\u{1B}[31mGET https://admin:hunt\u{2026}@db.internal/\u{1B}[0m"),
            ReportedFinding(
                path: "notes/\u{202E}txt.sh", relativePath: "notes/\u{202E}txt.sh", ruleID: "generic-api-key",
                title: "Generic API key", severity: .low, line: 1, column: 5, endLine: 1, endColumn: 24,
                secret: "k9Xw\u{2026}", fingerprint: "0011"),
        ],
        summary: ScanSummary(
            coverage: Coverage(roots: ["."], skipped: [
                SkippedInput(path: "assets/logo.png", reason: .binary),
                SkippedInput(path: "logs/old.log.gz", reason: .decompressionRatio(limit: 200)),
                SkippedInput(path: "run/pipe", reason: .fifo),
            ]),
            warnings: ["logs/app.log: rule password-in-log: match limit exceeded"],
            stats: ScanStats(
                filesScanned: 42, bytesScanned: 3_456_789, filesIgnored: 7, durationSeconds: 0.25, jobs: 2, jit: true,
                rules: 64, findingsBySeverity: [.critical: 2, .high: 1, .low: 1])))

    /// A finding from a git history scan with every optional layer filled: provenance, evidence,
    /// verification. Only the fields are added to the output; nothing else changes.
    static let gitFinding = ReportedFinding(
        path: "deploy/.env", relativePath: "deploy/.env", ruleID: "sirportly-secret", title: "Sirportly API secret",
        severity: .critical, line: 2, column: 18, endLine: 2, endColumn: 67, secret: "Zr4p\u{2026}",
        fingerprint: "77aa", group: "g-01", key: "SIRPORTLY_SECRET", lineText: "SIRPORTLY_SECRET=Zr4p\u{2026}",
        provenance: Provenance(
            commit: "0123456789abcdef0123456789abcdef01234567", author: "Dev <dev@example.com>",
            date: "2026-11-02T09:15:00+00:00", removedFromHead: true, blob: "89abcdef0123456789abcdef0123456789abcdef"),
        evidence: [Evidence(id: "key-name", weight: 0.6), Evidence(id: "paired-token", weight: 0.3)],
        verification: Verification(status: .rejected, detail: "HTTP 401"))

    static var sampleWithGit: ScanReport {
        var report = sample
        report.findings.insert(gitFinding, at: 2)
        report.summary.stats.findingsBySeverity[.critical, default: 0] += 1
        return report
    }

    static func placeholders(_ text: String, version: String) -> String {
        var out = text.replacingOccurrences(of: version, with: "{{version}}")
        out = out.replacing(/"durationSeconds": [0-9.]+/, with: "\"durationSeconds\": {{duration}}")
        out = out.replacing(/"bytesPerSecond": [0-9.]+/, with: "\"bytesPerSecond\": {{rate}}")
        out = out.replacing(/in [0-9.]+ s \([0-9.]+ MB\/s/, with: "in {{duration}} s ({{rate}} MB/s")
        return out
    }

    static let outputs: [(file: String, render: @Sendable (ScanReport) -> String)] = [
        ("text.txt", { ReportFormat.text.render($0) }),
        ("text-color.txt", { ReportFormat.text.render($0, options: ReporterOptions(color: true)) }),
        ("summary.txt", { SummaryReporter(color: false).format($0.summary) }),
        ("report.json", { ReportFormat.json.render($0) }),
    ]

    @Test(arguments: outputs.indices, [false, true])
    func matchesGoldenFile(_ index: Int, withGitFinding: Bool) throws {
        let (name, render) = Self.outputs[index]
        let report = withGitFinding ? Self.sampleWithGit : Self.sample
        let file = withGitFinding ? "git-" + name : name
        let actual = Self.placeholders(render(report), version: report.tool.version)
        let url = Self.goldenDirectory.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["TOKENAUDIT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(file) differs from the golden file; TOKENAUDIT_UPDATE_GOLDEN=1 regenerates it")
    }

    @Test func jsonIsValidAndKeepsTheContractFields() throws {
        let text = ReportFormat.json.render(Self.sample)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["tool", "findings", "skipped", "warnings", "stats"])
        let tool = try #require(object["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "tokenaudit")
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 4)
        for finding in findings {
            for key in ["ruleID", "title", "severity", "file", "line", "column", "endLine", "endColumn", "secret", "fingerprint"] {
                #expect(finding[key] != nil, "finding lacks \(key)")
            }
        }
        #expect(findings[0]["group"] as? String == "g-7f3a")
        #expect(findings[0]["key"] as? String == "token")
        #expect(findings[3]["group"] == nil)
        let skipped = try #require(object["skipped"] as? [[String: Any]])
        #expect(skipped.map { $0["reason"] as? String } == ["binary", "gzip-bomb", "fifo"])
        let stats = try #require(object["stats"] as? [String: Any])
        #expect(stats["filesScanned"] as? Int == 42)
        #expect(stats["filesSkipped"] as? Int == 3)
    }

    @Test func pairedFindingsArePrintedTogetherEvenWhenApart() throws {
        var report = Self.sample
        // An unrelated finding of the same input between the two members of the pair (pairs never
        // span inputs, and all findings of one input arrive together).
        report.findings.insert(
            ReportedFinding(
                path: "config/helpdesk.yml", relativePath: "config/helpdesk.yml", ruleID: "generic-api-key",
                title: "Generic API key", severity: .low, line: 4, column: 60, endLine: 4, endColumn: 80,
                secret: "zzzz\u{2026}", fingerprint: "0022"),
            at: 1)
        let text = ReportFormat.text.render(report)
        let token = try #require(text.range(of: "sirportly-token"))
        let secret = try #require(text.range(of: "paired with config/helpdesk.yml:5:11"))
        let generic = try #require(text.range(of: "config/helpdesk.yml:4:60"))
        #expect(token.lowerBound < secret.lowerBound && secret.lowerBound < generic.lowerBound)
    }
}

@Suite("terminal neutralisation")
struct TerminalTextTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("\u{1B}[2J\u{1B}]0;title\u{07}", "\\u{1B}[2J\\u{1B}]0;title\\u{07}"),
        ("a\rb\u{08}c", "a\\u{0D}b\\u{08}c"),
        ("csi\u{9B}31m", "csi\\u{9B}31m"),
        ("del\u{7F}", "del\\u{7F}"),
        ("evil\u{202E}txt.exe", "evil\\u{202E}txt.exe"),
        ("isolate\u{2066}x\u{2069}", "isolate\\u{2066}x\\u{2069}"),
        ("tab\there", "tab here"),
        ("naïve ✓ 日本", "naïve ✓ 日本"),
    ])
    func controlCharactersBecomeVisibleEscapes(_ input: String, _ expected: String) {
        #expect(TerminalText.neutralised(input) == expected)
    }

    @Test func noReporterLetsAnEscapeThrough() {
        let report = ReporterGoldenTests.sample
        for output in [ReportFormat.text.render(report), SummaryReporter().format(report.summary), ReportFormat.json.render(report)] {
            #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{9B}" })
        }
    }
}

@Suite("JSON writer")
struct JSONWriterTests {
    @Test func compactStyleWritesJSONLines() {
        var writer = JSONWriter(style: .compact)
        var lines = ""
        for (name, valid) in [("a\"b", true), ("\u{1B}[2J", false)] {
            writer.object { w in
                w.field("value", name)
                w.field("valid", valid)
                w.key("reasons")
                w.array(["x", "y"]) { w, r in w.string(r) }
            }
            lines += writer.take() + "\n"
        }
        #expect(lines == """
            {"value":"a\\"b","valid":true,"reasons":["x","y"]}
            {"value":"\\u001b[2J","valid":false,"reasons":["x","y"]}

            """)
    }

    @Test func streamedReportEqualsTheReportWrittenAtOnce() throws {
        // Written piece by piece to an output that records each write: the JSON head comes before
        // the first finding is known, and each finding is its own write.
        final class Writes: ReportOutput {
            var pieces: [String] = []
            func write(_ text: String) { pieces.append(text) }
        }
        let writes = Writes()
        var reporter = JSONReporter(output: writes)
        try ReporterGoldenTests.sample.replay(into: &reporter)
        #expect(writes.pieces.count == 2 + ReporterGoldenTests.sample.findings.count)
        #expect(writes.pieces.joined() == ReportFormat.json.render(ReporterGoldenTests.sample))
        _ = try JSONSerialization.jsonObject(with: Data(writes.pieces.joined().utf8))
    }
}
