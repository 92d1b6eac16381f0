import Foundation
import Testing
import TestSupport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// One input with tens of thousands of findings, scanned into every report format through the
/// binary: each report is complete and well-formed. The input is larger than the in-memory limit
/// (8 MiB), so it is scanned as a stream and its findings reach the reporter through the spill
/// file. Memory is measured by `Benchmarks/findings/measure.sh`, not here.
@Suite("tokenaudit scan with many findings")
struct ScanManyFindingsTests {
    static let lines = 22_000
    /// Lines with a Sirportly token+secret pair (every 8th, so each pair is a group of its own).
    static let pairLines = 2_750
    /// Every other line has one GitHub-shaped token. A few generated tokens read as placeholders
    /// (`XXXX`, `fake`) and are rightly not reported, so the JSON report's count is the reference
    /// for the other formats. Below SARIF's 25,000-result limit, so every format lists them all.
    static let plantedFindings = (lines - pairLines) + 2 * pairLines

    /// Generated values (random letters and digits from a fixed seed), padded so that the file
    /// exceeds 8 MiB.
    static func log() -> (text: String, firstToken: String) {
        var generated = SeededLetters(seed: 0x14)
        func letters(_ count: Int, _ alphabet: [Character]) -> String { generated.letters(count, alphabet) }
        let alnum = SeededLetters.alphanumeric, hex = SeededLetters.hex
        let padding = String(repeating: "-", count: 160)
        var out = ""
        var first = ""
        for i in 0..<lines {
            if i % 8 == 0 {
                let token = [8, 4, 4, 4, 12].map { letters($0, hex) }.joined(separator: "-")
                out += "2026-12-05 worker=\(i % 7) request=\(i) X-Auth-Token: \(token) X-Auth-Secret: \(letters(50, alnum)) \(padding)\n"
            } else {
                let token = "ghp_" + letters(36, alnum)
                if first.isEmpty { first = token }
                out += "2026-12-05 worker=\(i % 7) request=\(i) GITHUB_TOKEN=\(token) \(padding)\(padding)\n"
            }
        }
        return (out, first)
    }

    @Test func everyFormatIsCompleteAndWellFormed() throws {
        let tree = try ScanTree()
        let (text, firstToken) = Self.log()
        #expect(text.utf8.count > 8 << 20)
        try tree.write("app.log", text)
        func report(_ format: String) throws -> String {
            let run = try tree.scan([
                "app.log", "--format", format, "-o", "report.\(format)", "--rules", "github-pat-classic,sirportly", "--quiet",
            ])
            #expect(run.status == 1, "\(format): \(run.stderr)")
            let written = try String(contentsOf: tree.root.appendingPathComponent("report.\(format)"), encoding: .utf8)
            #expect(!written.contains(firstToken), "\(format) shows a secret in full")
            return written
        }
        let json = try #require(JSONSerialization.jsonObject(with: Data(try report("json").utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let n = findings.count
        #expect(n <= Self.plantedFindings && n >= Self.plantedFindings - 20)
        #expect(n < 25_000)
        #expect(findings.allSatisfy { $0["lineText"] is String })
        #expect(Set(findings.compactMap { $0["group"] as? String }).count == Self.pairLines)
        #expect(findings.map { $0["line"] as? Int ?? 0 } == findings.map { $0["line"] as? Int ?? 0 }.sorted())

        let sarif = try report("sarif")
        let log = try #require(JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect((runs.first?["results"] as? [Any])?.count == n)
        #expect(try ScanFormatTests.schemaErrors(sarif) == nil)

        let textReport = try report("text").split(separator: "\n", omittingEmptySubsequences: false)
        let headers = textReport.count { $0.hasPrefix("app.log:") || $0.hasPrefix("  paired with") }
        #expect(headers == n)
        #expect(textReport.count { $0.hasPrefix("  paired with") } == Self.pairLines)

        let junit = try XMLDocument(xmlString: try report("junit"))
        #expect(try junit.nodes(forXPath: "//testcase").count == n)
        #expect(try junit.nodes(forXPath: "//testsuite[@name='app.log']/@tests").first?.stringValue == String(n))

        // RFC 4180 rows end in CRLF; no excerpt holds a line break.
        #expect(try report("csv").utf8.count { $0 == UInt8(ascii: "\n") } == n + 1)

        let github = try report("github").split(separator: "\n")
        #expect(github.count { $0.hasPrefix("::error ") } == n)
        #expect(github.last?.hasPrefix("::notice title=TokenAudit::\(n) findings") == true)

        let markdown = try report("markdown")
        #expect(markdown.hasPrefix("## TokenAudit: \(n) findings"))

        let html = try report("html")
        let island = try #require(html.range(of: #"id="ta-findings">"#))
        let end = try #require(html.range(of: "</script>", range: island.upperBound..<html.endIndex))
        let rows = try JSONSerialization.jsonObject(with: Data(html[island.upperBound..<end.lowerBound].utf8)) as? [Any]
        #expect(rows?.count == n)
    }

    /// Findings that cannot be kept in a temporary file are never silently dropped: the input is
    /// listed as not scanned (a coverage gap, exit 2 with --fail-on-skip).
    @Test func anUnusableTemporaryDirectoryIsACoverageGap() throws {
        let tree = try ScanTree()
        try tree.write("big.log", String(repeating: "request handled in 12 ms, nothing to see\n", count: 220_000))
        let run = try tree.scan(
            ["big.log", "--format", "json", "--fail-on-skip"], environment: ["TMPDIR": tree.root.appendingPathComponent("missing").path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(try run.skipped()["big.log"] == "scan-error")
        #expect(run.stderr.contains("cannot keep findings in a temporary file"))
    }
}
