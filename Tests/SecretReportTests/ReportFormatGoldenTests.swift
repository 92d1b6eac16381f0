import Foundation
import ScanResults
import SecretReport
import SecretRules
import Testing

/// The CI and audit formats against their committed golden files, for the same sample reports as
/// the text and JSON goldens (`ReporterGoldenTests.sample`, with and without a git finding). SARIF
/// describes the rules of `ReportFormatFixtures.goldenRules` (not the built-in packs, whose wording
/// may change).
/// Placeholders as there (`{{version}}`, `{{duration}}`); regenerate after an intended change with
/// `TOKENAUDIT_UPDATE_GOLDEN=1 swift test --filter SecretReportTests` and review the diff.
@Suite("CI and audit format golden files")
struct ReportFormatGoldenTests {
    @Test(arguments: ReportFormatFixtures.formats.indices, [false, true])
    func matchesGoldenFile(_ index: Int, withGitFinding: Bool) throws {
        let (format, name) = ReportFormatFixtures.formats[index]
        let report = withGitFinding ? ReporterGoldenTests.sampleWithGit : ReporterGoldenTests.sample
        let file = withGitFinding ? "git-" + name : name
        let actual = ReporterGoldenTests.placeholders(format.render(report, options: ReporterOptions(rules: ReportFormatFixtures.goldenRules)), version: report.tool.version)
        let url = ReporterGoldenTests.goldenDirectory.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["TOKENAUDIT_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(file) differs from the golden file; TOKENAUDIT_UPDATE_GOLDEN=1 regenerates it")
    }

    /// Every format streams: written piece by piece, the output equals the report rendered at
    /// once, and the formats that write per finding have written something before the run ends.
    @Test(arguments: ReportFormatFixtures.formats.indices)
    func streamedOutputEqualsTheRenderedReport(_ index: Int) throws {
        final class Writes: ReportOutput {
            var pieces: [String] = []
            func write(_ text: String) { pieces.append(text) }
        }
        let format = ReportFormatFixtures.formats[index].format
        let report = ReporterGoldenTests.sampleWithGit
        let writes = Writes()
        var reporter = format.makeReporter(output: writes)
        try reporter.begin(tool: report.tool)
        for finding in report.findings { try reporter.finding(finding) }
        let beforeEnd = writes.pieces.joined()
        try reporter.end(report.summary)
        #expect(writes.pieces.joined() == format.render(report))
        if [.sarif, .junit, .csv, .github].contains(format) {
            #expect(beforeEnd.contains("deploy/.env"), "\(format) should write findings as they arrive")
        }
    }
}
