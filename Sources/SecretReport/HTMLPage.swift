import ScanResults

/// The static parts of the HTML report: the document head with its Content-Security-Policy, the
/// masthead, the verdict, the summary cards, the charts, the coverage manifest and the footer.
/// Every string from the scan passes through `HTMLText.text`.
enum HTMLPage {
    /// The policy allows the page's one stylesheet and one script by hash, and nothing else: no
    /// other script or style, no network, no images, no forms, no frames, no `<base>`.
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'sha256-\(HTMLStyles.sha256)'; script-src 'sha256-\(HTMLScript.sha256)'; "
            + "img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    }

    /// From the doctype to the opening `<body>`.
    static func head(tool: ToolInfo) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <meta name="generator" content="\(HTMLText.text(tool.name + " " + tool.version))">
        <title>Secret scan audit report \u{2014} \(HTMLText.text(tool.name))</title>
        <style>\(HTMLStyles.sheet)</style>
        </head>
        <body>

        """
    }

    /// The visible page above the findings table: masthead, verdict, cards and charts.
    static func overview(tool: ToolInfo, summary: ScanSummary, tally: FindingTally) -> String {
        let stats = summary.stats
        let roots = summary.coverage.roots
        var html = """
            <header class="masthead"><div class="wrap">
            <div class="kicker">Secret scan \u{b7} audit report</div>
            <h1>Leaked credentials and stored passwords</h1>
            <dl>
            """
        html += "<div><dt>Scanned</dt><dd>" + (roots.isEmpty ? "(standard input)" : roots.map { "<code>" + HTMLText.text($0) + "</code>" }.joined(separator: ", ")) + "</dd></div>"
        html += "<div><dt>Tool</dt><dd>" + HTMLText.text(tool.name + " " + tool.version) + "</dd></div>"
        html += "<div><dt>Rules</dt><dd>" + HTMLText.count(stats.rules) + " active</dd></div>"
        html += "<div><dt>Fails on</dt><dd>" + summary.failOn.rawValue + " and above</dd></div>"
        html += "</dl>\n</div></header>\n<main>\n"

        let failing = tally.bySeverity[0...FindingTally.index(of: summary.failOn.rawValue)].reduce(0, +)
        if failing > 0 {
            html += #"<div class="verdict fail"><span class="mark"></span>Action required<span class="detail">\#(HTMLText.count(failing)) "#
                + "\(failing == 1 ? "finding" : "findings") at or above \(summary.failOn.rawValue) severity: rotate each credential, then remove it from the code and its history.</span></div>\n"
        } else {
            html += #"<div class="verdict pass"><span class="mark"></span>No findings at or above \#(summary.failOn.rawValue) severity"#
                + #"<span class="detail">\#(tally.total == 0 ? "nothing was found in the scanned inputs." : "\(HTMLText.count(tally.total)) below the threshold are listed for review.")</span></div>"# + "\n"
        }
        html += cards(summary: summary, tally: tally)
        html += charts(tally)
        return html
    }

    static func cards(summary: ScanSummary, tally: FindingTally) -> String {
        let stats = summary.stats
        func card(_ label: String, _ value: String, _ note: String, _ cls: String = "") -> String {
            #"<div class="card\#(cls.isEmpty ? "" : " " + cls)"><div class="label">\#(label)</div><div class="value">\#(value)</div><div class="note">\#(note)</div></div>"#
        }
        let pairs = tally.pairs
        var html = #"<div class="cards">"#
        html += card("Findings", HTMLText.count(tally.total), pairs == 0 ? "no credential pairs" : "\(HTMLText.count(pairs)) credential \(pairs == 1 ? "pair" : "pairs")", "total")
        for (i, severity) in FindingTally.severities.enumerated() {
            html += card(severity.capitalizedWord, HTMLText.count(tally.bySeverity[i]), i == 0 ? "rotate now" : "severity", "sev-" + severity)
        }
        html += card("Files scanned", HTMLText.count(stats.filesScanned), "\(HTMLText.count(stats.filesIgnored)) ignored")
        html += card("Data scanned", NumberText.size(stats.bytesScanned),
                     "in \(NumberText.fixed(stats.durationSeconds, 2)) s \u{b7} \(stats.jobs) \(stats.jobs == 1 ? "job" : "jobs")")
        let skipped = summary.coverage.skipped
        let gaps = skipped.filter(\.reason.isCoverageGap).count
        html += card("Skipped", HTMLText.count(skipped.count), gaps == 0 ? "no coverage gaps" : "\(HTMLText.count(gaps)) coverage \(gaps == 1 ? "gap" : "gaps")")
        return html + "</div>\n"
    }

    static func charts(_ tally: FindingTally) -> String {
        guard tally.total > 0 else { return "" }
        var html = #"<section id="charts"><h2>Where the findings are</h2><div class="charts">"#
        html += #"<div class="chart"><h3>By severity</h3>\#(HTMLCharts.severityDonut(tally.bySeverity))</div>"#
        html += #"<div class="chart"><h3>By rule</h3>"#
            + HTMLCharts.bars(tally.rules.map { ($0.id, $0.counts) }, noun: "rules", aria: "Findings by rule") + legend + "</div>"
        html += #"<div class="chart"><h3>By directory</h3>"#
            + HTMLCharts.bars(tally.directories.map { ($0.key, $0.value) }, noun: "directories", aria: "Findings by directory") + legend + "</div>"
        if !tally.days.isEmpty {
            html += #"<div class="chart"><h3>By commit date</h3>\#(HTMLCharts.timeline(tally.days))\#(legend)</div>"#
        }
        return html + "</div></section>\n"
    }

    static var legend: String {
        #"<div class="legend">"# + FindingTally.severities.map { #"<span class="\#($0)">\#($0.capitalizedWord)</span>"# }.joined() + "</div>"
    }

    /// The coverage manifest: what was scanned (roots or refs, counts, engine), commits that
    /// introduced findings, every skipped input with its reason, and the run's warnings.
    static func coverage(summary: ScanSummary, tally: FindingTally) -> String {
        let stats = summary.stats
        let skipped = summary.coverage.skipped
        var html = #"<section id="coverage"><h2>Coverage manifest<span class="aside">what was scanned, what was not, and why</span></h2><div class="manifest">"#
        html += #"<div class="panel"><h3>Scanned</h3><dl class="facts-list">"#
        html += "<dt>Roots and refs</dt><dd>" + (summary.coverage.roots.isEmpty ? "(standard input)" : summary.coverage.roots.map { "<code>" + HTMLText.text($0) + "</code>" }.joined(separator: "<br>")) + "</dd>"
        html += "<dt>Files</dt><dd>\(HTMLText.count(stats.filesScanned)) scanned, \(HTMLText.count(stats.filesIgnored)) ignored, \(HTMLText.count(skipped.count)) skipped</dd>"
        html += "<dt>Data</dt><dd>\(NumberText.size(stats.bytesScanned)) (\(HTMLText.count(Int(stats.bytesScanned))) bytes)</dd>"
        html += "<dt>Rules</dt><dd>\(HTMLText.count(stats.rules)) active; PCRE2 JIT \(stats.jit ? "on" : "off")</dd>"
        html += "<dt>Run</dt><dd>\(NumberText.fixed(stats.durationSeconds, 2)) s on \(stats.jobs) \(stats.jobs == 1 ? "job" : "jobs")</dd>"
        if !tally.commits.isEmpty {
            html += "<dt>Commits</dt><dd>\(HTMLText.count(tally.commits.count)) \(tally.commits.count == 1 ? "commit" : "commits") introduced findings</dd>"
        }
        html += "</dl></div>"
        html += #"<div class="panel"><h3>Skipped by reason</h3><dl class="facts-list">"#
        if skipped.isEmpty { html += "<dt>None</dt><dd>every input found was scanned</dd>" }
        var gapByReason: [String: Bool] = [:]
        for input in skipped { gapByReason[input.reason.id] = input.reason.isCoverageGap }
        for (reason, count) in summary.coverage.skippedByReason {
            let kind = gapByReason[reason] == true ? #"<span class="gap">coverage gap</span>"# : #"<span class="bydesign">by design</span>"#
            html += "<dt><code>\(HTMLText.text(reason))</code></dt><dd>\(HTMLText.count(count)) \u{b7} \(kind)</dd>"
        }
        html += "</dl></div></div>\n"
        if !tally.commits.isEmpty { html += commitsTable(tally.commits) }
        if !skipped.isEmpty {
            html += #"<div class="panel wide"><table><thead><tr><th scope="col">Skipped input</th><th scope="col">Reason</th><th scope="col">Detail</th></tr></thead><tbody>"# + "\n"
            for input in skipped {
                let cls = input.reason.isCoverageGap ? "gap" : "bydesign"
                html += #"<tr><td><code>\#(HTMLText.text(input.path))</code></td><td class="\#(cls)">\#(HTMLText.text(input.reason.id))</td><td>\#(HTMLText.text(input.reason.description))</td></tr>"# + "\n"
            }
            html += "</tbody></table></div>\n"
        }
        if !summary.warnings.isEmpty {
            html += #"<div class="panel wide"><h3>Warnings</h3><ul class="warnings">"#
            for warning in summary.warnings { html += "<li>" + HTMLText.text(warning) + "</li>" }
            html += "</ul></div>\n"
        }
        return html + "</section>\n"
    }

    /// Commits that introduced findings, newest first (ties by id).
    static func commitsTable(_ commits: [String: FindingTally.Commit]) -> String {
        let sorted = commits.sorted { $0.value.date != $1.value.date ? $0.value.date > $1.value.date : $0.key < $1.key }
        var html = #"<div class="panel wide"><table><thead><tr><th scope="col">Commit</th><th scope="col">Author</th><th scope="col">Date</th><th scope="col">Findings</th><th scope="col">Removed from HEAD</th></tr></thead><tbody>"# + "\n"
        for (commit, c) in sorted {
            html += #"<tr><td><code>\#(HTMLText.text(String(commit.prefix(12))))</code></td><td>\#(HTMLText.text(c.author))</td><td>\#(HTMLText.text(c.date))</td><td>\#(HTMLText.count(c.findings))</td><td>\#(c.removed > 0 ? #"<span class="removed">\#(HTMLText.count(c.removed))</span>"# : "0")</td></tr>"# + "\n"
        }
        return html + "</tbody></table></div>\n"
    }

    static func footer(tool: ToolInfo) -> String {
        #"<footer>Generated by \#(HTMLText.text(tool.name + " " + tool.version)). Secrets are shown as the scan displayed them: "#
            + "redacted (a few leading characters at most) unless the scan ran with <code>--no-redact</code>. "
            + "Fingerprints are keyed hashes: they identify a finding across runs without revealing the value. "
            + "This file is self-contained and makes no network requests.</footer>\n</main>\n"
    }
}
