import ScanResults

/// The findings table of the HTML report: the data the table script reads, and the static
/// markup it fills.
///
/// Data: one compact JSON object per finding in the island `ta-findings`, written as the finding
/// arrives, with short keys (100,000 findings stay a few tens of megabytes): `s` severity index
/// (0 critical … 3 low), `r` rule index into `ta-rules` (`[[id, title], …]`, written at the end),
/// `p` path, `l` line, `c` column, `x` secret (display form), `f` fingerprint, and when known `g`
/// group, `k` key, `en` encoding, `m` message, `t` line excerpt, `cm`/`au`/`d`/`rm` commit, author,
/// date and removed-from-HEAD, `ev` evidence, `v` verification. Every string goes through
/// `HTMLText.json`.
enum HTMLFindingsTable {
    static let findingsIsland = "ta-findings"
    static let rulesIsland = "ta-rules"

    /// One finding as a JSON object of the `ta-findings` island.
    static func json(_ f: ReportedFinding, rule: Int) -> String {
        var out = #"{"s":\#(FindingTally.index(of: f.severity.rawValue)),"r":\#(rule),"p":\#(HTMLText.json(f.path)),"#
            + #""l":\#(f.line),"c":\#(f.column),"x":\#(HTMLText.json(f.secret)),"f":\#(HTMLText.json(f.fingerprint))"#
        func field(_ key: String, _ value: String?) {
            if let value { out += #","\#(key)":"# + HTMLText.json(value) }
        }
        field("g", f.group)
        field("k", f.key)
        field("en", f.encoding?.rawValue)
        field("m", f.message)
        field("t", f.lineText)
        if let p = f.provenance {
            field("cm", p.commit)
            field("au", p.author)
            field("d", p.date)
            if p.removedFromHead == true { out += #","rm":true"# }
        }
        if !f.evidence.isEmpty {
            field("ev", f.evidence.map { "\($0.id) \(NumberText.fixed($0.weight, 2))" }.joined(separator: ", "))
        }
        if let v = f.verification { field("v", v.status.rawValue + (v.detail.map { " (\($0))" } ?? "")) }
        return out + "}"
    }

    /// The `ta-rules` island: `[[id, title], …]` in the order of `FindingTally.rules`.
    static func rulesIsland(_ rules: [FindingTally.Rule]) -> String {
        var out = #"<script type="application/json" id="\#(rulesIsland)">["#
        for (i, rule) in rules.enumerated() {
            out += (i == 0 ? "" : ",") + "[" + HTMLText.json(rule.id) + "," + HTMLText.json(rule.title) + "]"
        }
        return out + "]</script>\n"
    }

    /// The findings section: filters, the table the script fills, paging; an empty state when
    /// there is nothing to show.
    static func section(_ tally: FindingTally) -> String {
        var html = #"<section id="findings"><h2>Findings"#
        let pairs = tally.pairs
        html += #"<span class="aside">\#(HTMLText.count(tally.total)) \#(tally.total == 1 ? "finding" : "findings")"#
        if pairs > 0 { html += " \u{b7} \(HTMLText.count(pairs)) credential \(pairs == 1 ? "pair" : "pairs") shown together" }
        html += "</span></h2>\n"
        guard tally.total > 0 else {
            return html + #"<div class="panel"><div class="empty">No findings: nothing in the scanned inputs matched an active rule.</div></div></section>"# + "\n"
        }
        html += """
            <div class="panel">
            <div class="controls">
            <label>Severity <select id="ta-severity"><option value="">All</option>
            """
        for (i, severity) in FindingTally.severities.enumerated() where tally.bySeverity[i] > 0 {
            html += #"<option value="\#(i)">\#(severity.capitalizedWord) (\#(HTMLText.count(tally.bySeverity[i])))</option>"#
        }
        html += """
            </select></label>
            <label>Rule <select id="ta-rule"><option value="">All rules</option></select></label>
            <label>Path <input id="ta-search" type="search" placeholder="Filter by path" autocomplete="off"></label>
            <span class="status" id="ta-status"></span>
            </div>
            <noscript><div class="empty">The findings table needs JavaScript; the JSON report (--format json) holds the same findings.</div></noscript>
            <table id="ta-table" class="findings">
            <colgroup><col class="c-sev"><col class="c-rule"><col class="c-loc"><col class="c-secret"><col></colgroup>
            <thead><tr><th scope="col"><button type="button" data-sort="severity">Severity</button></th>\
            <th scope="col"><button type="button" data-sort="rule">Rule</button></th>\
            <th scope="col"><button type="button" data-sort="location">Location</button></th>\
            <th scope="col">Secret</th><th scope="col">Context</th></tr></thead>
            <tbody></tbody>
            </table>
            <div class="pager"><span id="ta-page"></span>\
            <button type="button" id="ta-prev">Previous</button><button type="button" id="ta-next">Next</button></div>
            </div>
            </section>

            """
        return html
    }
}
