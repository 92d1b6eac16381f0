import ScanResults
import SecretRules
import Testing
@testable import SecretReport

/// The text report streams: a pair's members are printed together under its first member, blocks
/// after an open pair wait only until no later finding can join it (`CredentialPairReach`).
@Suite("Text report streaming")
struct TextReporterStreamingTests {
    static func finding(_ path: String, line: Int, rule: String, group: String? = nil) -> ReportedFinding {
        ReportedFinding(
            path: path, relativePath: path, ruleID: rule, title: "Title", severity: group == nil ? .high : .critical,
            line: line, column: 1, endLine: line, endColumn: 20, secret: "abcd\u{2026}", fingerprint: "f", group: group)
    }

    /// The rule ids of the blocks in the order written, with `+` for a pair's later member.
    static func order(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("  paired with ") { return "+" + String(line.split(separator: " ")[4]) }
            if line.hasPrefix(" ") { return nil }
            return String(line.split(separator: " ", omittingEmptySubsequences: true)[2])
        }
    }

    final class Recorder: ReportOutput {
        var writes: [String] = []
        func write(_ text: String) { writes.append(text) }
        var text: String { writes.joined() }
    }

    @Test func pairMembersAreWrittenUnderTheFirstAndTheRestFollowInOrder() throws {
        let reach = CredentialPairReach.lines
        let findings = [
            Self.finding("a.log", line: 1, rule: "p1", group: "pair-1"),
            Self.finding("a.log", line: 2, rule: "x1"),
            Self.finding("a.log", line: 3, rule: "p2", group: "pair-1"),
            Self.finding("a.log", line: 4, rule: "q1", group: "pair-2"),
            Self.finding("a.log", line: 4 + reach, rule: "q2", group: "pair-2"),
            Self.finding("a.log", line: 10 + 2 * reach, rule: "x2"),
            Self.finding("b.log", line: 1, rule: "y1", group: "pair-3"),
            Self.finding("b.log", line: 2, rule: "y2", group: "pair-3"),
        ]
        let output = Recorder()
        var reporter = TextReporter(output: output)
        try reporter.begin(tool: ToolInfo(name: "tokenaudit", version: "test"))
        for finding in findings { try reporter.finding(finding) }
        try reporter.end(ScanSummary())
        #expect(Self.order(output.text) == ["p1", "+p2", "x1", "q1", "+q2", "x2", "y1", "+y2"])
        // The same text as a report written in one piece.
        let buffer = TextBuffer()
        var whole = TextReporter(output: buffer)
        try ScanReport(findings: findings).replay(into: &whole)
        #expect(buffer.text == output.text)
    }

    /// Nothing waits for the end of an input when no pair is open: with pairs closed by distance,
    /// a block is written (to the 64 KB piece buffer) before the input ends.
    @Test func blocksAfterAClosedPairAreNotHeldToTheEnd() throws {
        let reach = CredentialPairReach.lines
        var findings = [Self.finding("a.log", line: 1, rule: "p1", group: "pair-1"), Self.finding("a.log", line: 2, rule: "p2", group: "pair-1")]
        // Enough lone findings after the pair to fill more than one 64 KB piece.
        for i in 0..<2_000 { findings.append(Self.finding("a.log", line: 3 + reach + i, rule: "lone-\(i)")) }
        let output = Recorder()
        var reporter = TextReporter(output: output)
        try reporter.begin(tool: ToolInfo(name: "tokenaudit", version: "test"))
        for finding in findings { try reporter.finding(finding) }
        #expect(!output.writes.isEmpty, "written before the input ended")
        #expect(Self.order(output.writes.joined()).prefix(3) == ["p1", "+p2", "lone-0"])
        try reporter.end(ScanSummary())
        #expect(Self.order(output.text).count == findings.count)
    }
}
