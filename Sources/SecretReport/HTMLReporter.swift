import ScanResults

/// The self-contained HTML audit report (`--format html`): one file a security team can open
/// offline and hand on: summary cards, charts (inline SVG drawn here), a findings table that sorts
/// and filters in the browser with credential pairs kept together, and the coverage manifest.
///
/// Self-contained and locked down: no external scripts, styles, fonts or images; one stylesheet
/// and one script, both constants allowed by hash in a Content-Security-Policy `<meta>` that
/// allows nothing else (no network, no other inline code, no event-handler attributes, no style
/// attributes).
///
/// Escaping: every string from the scan (paths, keys, excerpts, secrets, rule ids and titles,
/// authors, skip reasons, warnings) is either HTML text escaped by `HTMLText.text`, or a JSON
/// string in a `<script type="application/json">` island escaped by `HTMLText.json` (`<`, `>`,
/// `&`, U+2028, U+2029 as `\u` escapes), which the script reads with `JSON.parse` and shows only
/// as `textContent`. Control characters and bidi overrides are shown as visible escapes.
///
/// Streams: each finding is written to the `ta-findings` island as it arrives (the island comes
/// first in `<body>` and shows nothing), while `FindingTally` counts what the charts need; the
/// visible page, the rule list and the script follow in `end`. Memory is bounded by the number of
/// distinct rules, directories, commits and pairs, not by the number of findings, and the output
/// grows linearly with them.
///
/// Deterministic for a given sequence of results; only the duration and throughput vary between
/// runs (golden files replace them).
public struct HTMLReporter: Reporter {
    private var output: any ReportOutput
    private var tool = ToolInfo(name: "tokenaudit", version: "")
    private var tally = FindingTally()

    public init(output: any ReportOutput) { self.output = output }

    public mutating func begin(tool: ToolInfo) throws {
        self.tool = tool
        try output.write(HTMLPage.head(tool: tool) + #"<script type="application/json" id="\#(HTMLFindingsTable.findingsIsland)">["#)
    }

    public mutating func finding(_ finding: ReportedFinding) throws {
        let first = tally.total == 0
        let rule = tally.add(finding)
        try output.write((first ? "\n" : ",\n") + HTMLFindingsTable.json(finding, rule: rule))
    }

    public mutating func end(_ summary: ScanSummary) throws {
        var page = "]</script>\n"
        page += HTMLFindingsTable.rulesIsland(tally.rules)
        page += HTMLPage.overview(tool: tool, summary: summary, tally: tally)
        page += HTMLFindingsTable.section(tally)
        page += HTMLPage.coverage(summary: summary, tally: tally)
        page += HTMLPage.footer(tool: tool)
        page += "<script>" + HTMLScript.code + "</script>\n</body>\n</html>\n"
        try output.write(page)
    }
}
