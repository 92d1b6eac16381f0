import Foundation
import ScanResults
import SecretReport
import SecretRules
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Text from scanned input (file names, lines, rule data) is inert in every format.
@Suite("escaping in the CI and audit formats")
struct ReportFormatEscapingTests {
    static let hostile = ReportFormatFixtures.hostile

    /// No format lets a raw terminal escape, bidi override or HTML tag from scanned input through.
    @Test(arguments: ReportFormatFixtures.formats.indices)
    func noFormatLetsRawMarkupOrControlsThrough(_ index: Int) {
        let format = ReportFormatFixtures.formats[index].format
        let out = format.render(Self.hostile)
        #expect(!out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{07}" })
        // A report printed in a CI log cannot issue workflow commands from scanned text.
        #expect(!out.contains("\n::error::pwned") && !out.contains("\n::warning::injected"))
        if [.junit, .markdown].contains(format) {  // the formats read as markup
            #expect(!out.contains("<script"))
            #expect(!out.contains("<img"))
            #expect(!out.contains("<b>"))
        }
    }

    @Test func sarifKeepsEveryNameAndValidates() throws {
        let sarif = ReportFormat.sarif.render(Self.hostile)
        #expect(try ReportFormatFixtures.schemaErrors(sarif) == nil)
        let run = try SARIFReporterTests.run(sarif)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let uri = try #require((location["artifactLocation"] as? [String: String])?["uri"])
        #expect(ReportFormatFixtures.percentDecoded(uri) == ReportFormatFixtures.hostileFinding.path)
        #expect(uri.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && !"<>\"`|\\ ".unicodeScalars.contains($0) })
    }

    /// JUnit is well-formed XML whose attributes read back as the (neutralised) names.
    @Test func junitIsWellFormedAndNamesReadBack() throws {
        let xml = ReportFormat.junit.render(Self.hostile)
        final class Collector: NSObject, XMLParserDelegate {
            var classnames: [String] = []
            var text = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                if name == "testcase", let c = attributes["classname"] { classnames.append(c) }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let name = TerminalText.neutralised(ReportFormatFixtures.hostileFinding.path)
        #expect(collector.classnames == [name, TerminalText.neutralised("skip/" + ReportFormatFixtures.hostileName)])
        #expect(collector.text.contains("<script>"))  // as text, read back; never as markup
    }

    /// CSV: one line per record (CRLF), the same number of fields in every record, and the cells
    /// a spreadsheet would evaluate start with `'`.
    @Test func csvRecordsAreOneLineAndFormulasAreNeutralised() throws {
        let csv = ReportFormat.csv.render(Self.hostile)
        #expect(csv.hasSuffix("\r\n"))
        let records = csv.split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
        #expect(records.count == 2)
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains { $0 == "\n" || $0 == "\r" })
        let fields = records.map(Self.csvFields)
        #expect(fields.allSatisfy { $0.count == CSVReporter.columns.count })
        let row = Dictionary(uniqueKeysWithValues: zip(CSVReporter.columns, fields[1]))
        #expect(row["file"]?.hasPrefix("'=HYPERLINK(") == true)
        #expect(row["secret"] == "'@SUM(1)\u{2026}")
        #expect(row["key"] == "'-cmd|' /C calc'!A0")
        #expect(row["title"] == "Key <b>bold</b> | \"title\" %0D")
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("=1+2", "'=1+2"),
        ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\tcmd", "\" cmd\""), ("\r\n=x", "\\u{0D}\\u{0A}=x"),
        (" padded ", "\" padded \""), ("=a,\"b\"", "\"'=a,\"\"b\"\"\""),
    ])
    func csvField(_ value: String, _ expected: String) {
        #expect(CSVText.field(value) == expected)
    }

    /// RFC 4180 fields of one record (quoted fields with doubled quotes).
    static func csvFields(_ record: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false, i = record.startIndex
        while i < record.endIndex {
            let c = record[i]
            if quoted {
                if c == "\"" {
                    let next = record.index(after: i)
                    if next < record.endIndex && record[next] == "\"" { field.append("\""); i = next } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { fields.append(field); field = "" } else { field.append(c) }
            i = record.index(after: i)
        }
        return fields + [field]
    }

    /// Annotations: one command per line, the properties split on `,` and `=` exactly as the
    /// runner does, and each value decodes back to the (neutralised) original.
    @Test func annotationsCannotBreakOutOfTheirCommand() throws {
        let text = ReportFormat.github.render(Self.hostile)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)  // the finding, the unreadable input, the warning, the totals
        #expect(lines.allSatisfy { $0.hasPrefix("::") })
        let first = try #require(lines.first)
        #expect(first.hasPrefix("::warning file="))
        let afterName = first.dropFirst("::warning ".count)
        let end = try #require(afterName.range(of: "::"))
        let properties = afterName[..<end.lowerBound].split(separator: ",").map { $0.split(separator: "=", maxSplits: 1) }
        #expect(properties.map { String($0[0]) } == ["file", "line", "col", "endLine", "endColumn", "title"])
        let file = String(properties[0][1])
        // The runner decodes %0A back to the newline of the real file name; other controls stay visible escapes.
        let expected = ReportFormatFixtures.hostileFinding.path.replacingOccurrences(of: "\u{1B}", with: "\\u{1B}")
            .replacingOccurrences(of: "\u{202E}", with: "\\u{202E}")
        #expect(Self.percentDecodedAnnotation(file) == expected)
        let message = afterName[end.upperBound...]
        #expect(!message.contains("::warning::injected") || message.contains("%0D%0A::warning::injected"))
    }

    static func percentDecodedAnnotation(_ s: String) -> String {
        s.replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
            .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%25", with: "%")
    }

    @Test(arguments: [
        ("100% done", "100%25 done", "100%25 done"), ("a\nb\rc", "a%0Ab%0Dc", "a%0Ab%0Dc"),
        ("k:v,w", "k:v,w", "k%3Av%2Cw"), ("%0A", "%250A", "%250A"), ("esc\u{1B}[2J", "esc\\u{1B}[2J", "esc\\u{1B}[2J"),
    ])
    func annotationEscaping(_ input: String, _ data: String, _ property: String) {
        #expect(GitHubAnnotationText.data(input) == data)
        #expect(GitHubAnnotationText.property(input) == property)
    }

    /// Markdown: every table row has exactly its cells (no `|` from input splits one), and no
    /// link, image, mention, reference, code span or HTML tag survives from the input.
    @Test func markdownTableCellsAndInlineSyntaxAreInert() throws {
        let markdown = ReportFormat.markdown.render(Self.hostile)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }
        #expect(rows.count == 4)  // findings header and row, skipped header and row
        for row in rows {
            let unescapedPipes = row.indices.filter { row[$0] == "|" && (row.startIndex == $0 || row[row.index(before: $0)] != "\\") }
            #expect(unescapedPipes.count == (row.hasPrefix("| File") || row.contains("skip") ? 3 : 6), "\(row)")
        }
        for inert in ["](", "![", " @team", " #1", "`b`", "<script", "<img", "<b>"] {
            #expect(!markdown.contains(inert), "\(inert) survived")
        }
    }

    @Test(arguments: [
        ("a|b", "a\\|b"), ("`x`", "\\`x\\`"), ("<b>&", "&lt;b&gt;&amp;"), ("[x](y)", "\\[x\\]\\(y\\)"),
        ("@team #1", "\\@team \\#1"), ("line\nnext", "line\\\\u\\{0A\\}next"), ("_*~", "\\_\\*\\~"), ("日本", "日本"),
    ])
    func markdownEscaping(_ input: String, _ expected: String) {
        #expect(MarkdownText.escaped(input) == expected)
    }

    @Test(arguments: [
        ("a<b>&c", "a&lt;b&gt;&amp;c", "\"a&lt;b&gt;&amp;c\""), ("q\"'", "q\"'", "\"q&quot;&apos;\""),
        ("bell\u{07}", "bell\\u{07}", "\"bell\\u{07}\""), ("two\nlines", "two\nlines", "\"two\\u{0A}lines\""),
    ])
    func xmlEscaping(_ input: String, _ content: String, _ attribute: String) {
        #expect(XMLText.content(input) == content)
        #expect(XMLText.attribute(input) == attribute)
    }
}

@Suite("JUnit, Markdown and annotation behaviour")
struct ReportFormatBehaviourTests {
    /// With a threshold, findings below it pass (their text in `<system-out>`): the JUnit verdict
    /// agrees with the exit status. Without one, every finding is a failure.
    @Test(arguments: [(Severity?.none, 4), (.high, 3), (.critical, 2)])
    func junitFailuresFollowTheThreshold(_ failOn: Severity?, _ failures: Int) {
        let buffer = TextBuffer()
        var reporter = JUnitReporter(output: buffer, failOn: failOn)
        try? ReporterGoldenTests.sample.replay(into: &reporter)
        #expect(buffer.text.components(separatedBy: "<failure ").count - 1 == failures)
        #expect(buffer.text.components(separatedBy: "<testcase ").count - 1 == 4 + 3)
    }

    @Test func junitForACleanRunHasOnePassingTestCase() {
        let xml = ReportFormat.junit.render(ScanReport(summary: ScanSummary(stats: ScanStats(filesScanned: 3))))
        #expect(xml.contains("<testcase classname=\"tokenaudit\" name=\"no secrets found in 3 files\"/>"))
        #expect(!xml.contains("<failure"))
    }

    /// The table stops at its budget and says how many findings it left out; GitHub's 65,536
    /// character comment limit is never reached.
    @Test func markdownStaysUnderGitHubsCommentLimit() {
        let many = (0..<5_000).map { i in
            ReportedFinding(
                path: "src/module\(i)/deeply/nested/configuration-file-\(i).yml", relativePath: "x",
                ruleID: "password-in-config", title: "Password in a config file", severity: .high, line: i + 1,
                column: 10, endLine: i + 1, endColumn: 20, secret: "hunt\u{2026}", fingerprint: "f\(i)")
        }
        let skipped = (0..<2_000).map { SkippedInput(path: "vendor/blob\($0).bin", reason: .binary) }
        let report = ScanReport(
            findings: many,
            summary: ScanSummary(coverage: Coverage(skipped: skipped), stats: ScanStats(findingsBySeverity: [.high: 5_000])))
        let markdown = ReportFormat.markdown.render(report)
        #expect(markdown.count < 65_536)
        #expect(markdown.contains("more findings are not shown here"))
        #expect(markdown.hasPrefix("## TokenAudit: 5000 findings (5000 high)"))
    }

    @Test(arguments: [(Severity.critical, "::error "), (.high, "::error "), (.medium, "::warning "), (.low, "::notice ")])
    func annotationCommandFollowsTheSeverity(_ severity: Severity, _ prefix: String) {
        let finding = ReportedFinding(
            path: "a.txt", relativePath: "a.txt", ruleID: "r", title: "T", severity: severity, line: 2, column: 3,
            endLine: 2, endColumn: 9, secret: "s\u{2026}", fingerprint: "f")
        let text = ReportFormat.github.render(ScanReport(findings: [finding]))
        #expect(text.hasPrefix(prefix + "file=a.txt,line=2,col=3,endLine=2,endColumn=9,title=T (r)::"))
    }
}
