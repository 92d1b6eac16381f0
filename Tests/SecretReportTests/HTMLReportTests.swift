import Foundation
import ScanResults
@testable import SecretReport
import SecretRules
import Testing

/// The HTML audit report: golden files, escaping of everything scanned (parsed back with
/// `HTMLTokenizer`), the Content-Security-Policy hashes, zero and 100,000 findings, and the chart
/// arithmetic. Regenerate the goldens after an intended change with
/// `TOKENAUDIT_UPDATE_GOLDEN=1 swift test --filter SecretReportTests` and review the diff.
@Suite("HTML audit report")
struct HTMLReportTests {
    /// Golden placeholders: the reporter goldens' ones, and the HTML page's durations ("0.25 s").
    static func placeholders(_ html: String, version: String) -> String {
        ReporterGoldenTests.placeholders(html, version: version).replacing(/[0-9]+\.[0-9]{2} s\b/, with: "{{duration}} s")
    }

    @Test(arguments: [false, true])
    func matchesGoldenFile(withGitFinding: Bool) throws {
        let report = withGitFinding ? ReporterGoldenTests.sampleWithGit : ReporterGoldenTests.sample
        let file = withGitFinding ? "git-report.html" : "report.html"
        let actual = Self.placeholders(ReportFormat.html.render(report), version: report.tool.version)
        let url = ReporterGoldenTests.goldenDirectory.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["TOKENAUDIT_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(file) differs from the golden file; TOKENAUDIT_UPDATE_GOLDEN=1 regenerates it")
    }

    // MARK: Escaping

    /// Strings that would open an element, an attribute, leave a raw-text element or a comment,
    /// or end a CDATA section or a JavaScript string if they reached the page unescaped.
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "</style><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "--><img src=x onerror=alert(1)><!--",
        "]]><img src=x onerror=alert(1)>",
        "<!--<script>",
        "\u{2028}\u{2029}</SCRIPT >&lt;&amp;",
    ]

    /// A report with `payload` in every string that comes from a scan: file names, keys, secrets
    /// (as with `--no-redact`), line excerpts, rule ids and titles (user rules), messages, groups,
    /// commit authors and dates, evidence, verification details, skipped paths and reasons,
    /// warnings and roots.
    static func hostileReport(_ payload: String) -> ScanReport {
        let finding = ReportedFinding(
            path: "dir/" + payload + "/f.env", relativePath: "dir/" + payload + "/f.env", ruleID: "user-" + payload,
            title: "Title " + payload, severity: .critical, line: 1, column: 2, endLine: 1, endColumn: 9, secret: payload,
            fingerprint: payload, group: payload, key: payload, encoding: .base64, message: payload, lineText: "KEY=" + payload,
            provenance: Provenance(commit: payload, author: payload, date: "2026-01-02" + payload, removedFromHead: true, blob: payload),
            evidence: [Evidence(id: payload, weight: 0.5)], verification: Verification(status: .unknown, detail: payload))
        var second = finding
        second.line = 2
        return ScanReport(
            tool: ToolInfo(name: "tokenaudit", version: "0.1.0-test"), findings: [finding, second],
            summary: ScanSummary(
                coverage: Coverage(roots: [payload], skipped: [
                    SkippedInput(path: payload, reason: .unreadable(message: payload)),
                    SkippedInput(path: "b/" + payload, reason: .scanFailed(message: payload)),
                ]),
                warnings: [payload], stats: ScanStats(filesScanned: 1, bytesScanned: 10, findingsBySeverity: [.critical: 2])))
    }

    static let allowedElements: Set = [
        "html", "head", "meta", "title", "style", "body", "script", "header", "div", "h1", "h2", "h3", "dl", "dt", "dd",
        "code", "main", "span", "section", "svg", "circle", "text", "g", "rect", "line", "label", "select", "option",
        "input", "noscript", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "button", "br", "footer", "ul", "li",
    ]

    static let allowedAttributes: Set = [
        "lang", "charset", "http-equiv", "content", "name", "class", "id", "type", "viewbox", "role", "aria-label",
        "cx", "cy", "r", "fill", "stroke-width", "stroke-dasharray", "stroke-dashoffset", "transform", "x", "y",
        "x1", "y1", "x2", "y2", "width", "height", "rx", "text-anchor", "value", "placeholder", "autocomplete",
        "scope", "data-sort",
    ]

    @Test(arguments: payloads)
    func scannedStringsComeOutInert(_ payload: String) throws {
        let report = Self.hostileReport(payload)
        let html = ReportFormat.html.render(report)
        let page = HTMLTokenizer(html)

        // Only the page's own elements and attributes; no event handlers, no URLs.
        let names = Set(page.elements.map(\.name))
        #expect(names.isSubset(of: Self.allowedElements), "unexpected elements: \(names.subtracting(Self.allowedElements))")
        for element in page.elements {
            for attribute in element.attributes {
                #expect(Self.allowedAttributes.contains(attribute.name), "<\(element.name) \(attribute.name)=…>")
                #expect(!attribute.value.contains(payload), "scanned text in an attribute of <\(element.name)>")
            }
        }
        #expect(page.comments.isEmpty)

        // Exactly one stylesheet and three scripts: the two JSON islands and the page's code.
        let styles = page.elements.filter { $0.name == "style" }
        #expect(styles.map(\.rawText) == [HTMLStyles.sheet])
        let scripts = page.elements.filter { $0.name == "script" }
        #expect(scripts.map { $0.attribute("type") } == ["application/json", "application/json", nil])
        #expect(scripts.map { $0.attribute("id") } == ["ta-findings", "ta-rules", nil])
        #expect(scripts.last?.rawText == HTMLScript.code)

        // The islands hold the scanned strings exactly, as JSON data.
        let findingsText = try #require(scripts[0].rawText), rulesText = try #require(scripts[1].rawText)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(findingsText.utf8)) as? [[String: Any]])
        #expect(findings.count == 2)
        for key in ["p", "x", "f", "g", "k", "m", "t", "cm", "au"] {
            #expect((findings[0][key] as? String)?.contains(payload) == true, "island key \(key)")
        }
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(rulesText.utf8)) as? [[String]])
        #expect(rules == [["user-" + payload, "Title " + payload]])
        for island in scripts.prefix(2).compactMap(\.rawText) {
            for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}"] { #expect(!island.contains(forbidden)) }
        }

        // Visible text shows the scanned strings as text (charts, coverage manifest, warnings).
        let text = page.texts.joined(separator: "\n")
        for shown in [payload, "user-" + payload, "b/" + payload, "unreadable: " + payload] {
            let visible = TerminalText.neutralised(shown)
            #expect(text.contains(visible), "\(visible.debugDescription) not shown as text")
        }
        // Nothing that ends a raw-text element, a comment or CDATA outside the page's own code.
        #expect(html.components(separatedBy: "</script>").count - 1 == 3)
        #expect(html.components(separatedBy: "</style>").count - 1 == 1)
        #expect(!html.contains("]]>") && !html.contains("<!--") && !html.contains("-->"))
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("<a href=\"x\">'&'</a>", "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"),
        ("evil\u{202E}txt.sh", "evil\\u{202E}txt.sh"),
        ("bell\u{07}", "bell\\u{07}"),
    ])
    func textEscaping(_ input: String, _ expected: String) {
        #expect(HTMLText.text(input) == expected)
    }

    @Test(arguments: [
        ("a\"b\\c", #""a\"b\\c""#),
        ("</script><!--]]>&", #""\u003c/script\u003e\u003c!--]]\u003e\u0026""#),
        ("\u{2028}\u{2029}", #""\u2028\u2029""#),
        ("\u{1B}[2J", #""\\u{1B}[2J""#),
    ])
    func jsonIslandEscaping(_ input: String, _ expected: String) {
        #expect(HTMLText.json(input) == expected)
    }

    // MARK: Content-Security-Policy

    /// The policy allows the stylesheet and the script by the hashes in the source; recomputed here
    /// with OpenSSL (a missing `openssl` fails the test, never passes it). After editing either,
    /// put the value printed here into `HTMLStyles.sha256` / `HTMLScript.sha256`.
    @Test(arguments: [("HTMLStyles", HTMLStyles.sheet, HTMLStyles.sha256), ("HTMLScript", HTMLScript.code, HTMLScript.sha256)])
    func contentSecurityPolicyHashMatchesTheInlineCode(_ name: String, _ code: String, _ hash: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "openssl dgst -sha256 -binary | openssl base64 -A"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(code.utf8))
        try input.fileHandleForWriting.close()
        let digest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(digest.count == 44, "openssl gave no SHA-256")
        #expect(hash == digest, "\(name).sha256 should be \(digest)")
        #expect(HTMLPage.contentSecurityPolicy.contains("'sha256-\(hash)'"))
    }

    @Test func policyAllowsNothingButTheHashedCode() {
        let policy = HTMLPage.contentSecurityPolicy
        #expect(policy.hasPrefix("default-src 'none';"))
        for loose in ["unsafe-inline", "unsafe-eval", "http:", "https:", "data:", "*", "'self'"] {
            #expect(!policy.contains(loose), "policy allows \(loose)")
        }
        let html = ReportFormat.html.render(ReporterGoldenTests.sampleWithGit)
        let page = HTMLTokenizer(html)
        #expect(page.elements.first { $0.attribute("http-equiv") == "Content-Security-Policy" }?.attribute("content") == policy)
        // The script writes no markup and evaluates nothing.
        for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("] {
            #expect(!HTMLScript.code.contains(sink))
        }
    }

    // MARK: Sizes

    @Test func zeroFindingsShowAnEmptyStateAndNoTable() throws {
        let report = ScanReport(
            tool: ToolInfo(name: "tokenaudit", version: "1"), findings: [],
            summary: ScanSummary(coverage: Coverage(roots: ["src"]), stats: ScanStats(filesScanned: 3, bytesScanned: 100)))
        let html = ReportFormat.html.render(report)
        let page = HTMLTokenizer(html)
        #expect(!page.elements.contains { $0.attribute("id") == "ta-table" })
        #expect(!page.elements.contains { $0.name == "svg" })
        let text = page.texts.joined(separator: " ")
        #expect(text.contains("No findings: nothing in the scanned inputs matched an active rule."))
        #expect(text.contains("No findings at or above low severity"))
        let islands = page.elements.filter { $0.attribute("type") == "application/json" }.compactMap(\.rawText)
        #expect(islands.map { $0.filter { !$0.isWhitespace } } == ["[]", "[]"])
    }

    /// 100,000 findings: one write per finding as it arrives (nothing buffered), the island parses
    /// back to every finding, and the page grows linearly (bytes per finding stay bounded).
    @Test func hundredThousandFindingsStreamIntoTheIsland() throws {
        final class Writes: ReportOutput {
            var count = 0
            var largest = 0
            var text = ""
            func write(_ piece: String) {
                count += 1
                largest = max(largest, piece.utf8.count)
                text += piece
            }
        }
        let n = 100_000
        let writes = Writes()
        var reporter = HTMLReporter(output: writes)
        try reporter.begin(tool: ToolInfo(name: "tokenaudit", version: "1"))
        for i in 0..<n {
            let finding = ReportedFinding(
                path: "logs/part-\(i % 500)/app.log", relativePath: "logs/part-\(i % 500)/app.log",
                ruleID: "rule-\(i % 40)", title: "Rule \(i % 40)", severity: Severity.allCases[i % 4], line: i + 1, column: 1,
                endLine: i + 1, endColumn: 36, secret: "ab12\u{2026}", fingerprint: String(i, radix: 16),
                group: i % 10 < 2 ? "g\(i / 10)" : nil, lineText: "token=ab12\u{2026}")
            try reporter.finding(finding)
        }
        let beforeEnd = writes.count
        try reporter.end(ScanSummary(stats: ScanStats(filesScanned: 500, bytesScanned: 1 << 30)))
        #expect(beforeEnd == n + 1)
        #expect(writes.count == n + 2)
        let start = try #require(writes.text.range(of: #"id="ta-findings">"#))
        let end = try #require(writes.text.range(of: "</script>", range: start.upperBound..<writes.text.endIndex))
        let island = try #require(try JSONSerialization.jsonObject(with: Data(writes.text[start.upperBound..<end.lowerBound].utf8)) as? [Any])
        #expect(island.count == n)
        #expect(writes.text.utf8.count / n < 200, "bytes per finding")
        #expect(writes.text.contains("and 30 more rules"))
        #expect(writes.text.contains("10,000 credential pairs"))
    }

    // MARK: Charts

    @Test(arguments: [
        ("src/app/models/user.rb", "src/app"), ("config/.env", "config"), ("README.md", "."), ("./a/b/c", "a/b"),
        ("deep/er/still/file", "deep/er"),
    ])
    func findingsAreCountedUnderTheirFirstTwoDirectories(_ path: String, _ directory: String) {
        #expect(FindingTally.directory(of: path) == directory)
    }

    @Test(arguments: [
        (["2026-03-30", "2026-03-28"], ["2026-03-28", "2026-03-29", "2026-03-30"]),
        (["2025-11-15", "2026-02-01"], ["2025-11", "2025-12", "2026-01", "2026-02"]),
        (["2010-05-01", "2024-01-01"], (2010...2024).map(String.init)),
        (["2024-02-28", "2024-02-29"], ["2024-02-28", "2024-02-29"]),
    ])
    func timelineBucketsSpanFirstToLastWithGaps(_ days: [String], _ labels: [String]) {
        let counts = Dictionary(uniqueKeysWithValues: days.map { ($0, [1, 0, 0, 0]) })
        let buckets = HTMLCharts.timeBuckets(counts)
        #expect(buckets.map(\.label) == labels)
        #expect(buckets.reduce(0) { $0 + $1.counts[0] } == days.count)
    }

    @Test(arguments: ["2026-11-02T09:15:00+00:00", "2026-11-02"])
    func commitDatesAreReadAsDays(_ date: String) {
        #expect(FindingTally.day(date) == "2026-11-02")
    }

    @Test(arguments: ["", "yesterday", "2026-1-02", "<2026-11-02>"])
    func malformedCommitDatesAreLeftOutOfTheTimeline(_ date: String) {
        #expect(FindingTally.day(date) == nil)
    }

    @Test func barsKeepTheLargestAndCountTheRest() {
        let items = (0..<12).map { (label: "rule-\($0)", counts: [$0, 1, 0, 0]) }
        let svg = HTMLCharts.bars(items, limit: 10, noun: "rules", aria: "x")
        let labels = HTMLTokenizer(svg).texts.filter { $0.hasPrefix("rule-") && !$0.contains(":") }
        #expect(labels == (2..<12).reversed().map { "rule-\($0)" })
        #expect(svg.contains("and 2 more rules with 3 findings"))
    }
}
