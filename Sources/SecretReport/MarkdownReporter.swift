import ScanResults
import SecretRules

/// A Markdown summary for pull-request comments and `$GITHUB_STEP_SUMMARY`.
///
/// A heading with the number of findings by severity, one line of coverage (files and bytes
/// scanned, skipped inputs, with a note when a skip is a coverage gap), a table of findings
/// (severity, rule, location, secret in display form, commit when known), then the skipped inputs
/// and warnings in collapsed `<details>` blocks.
///
/// Everything from scanned input goes through `MarkdownText.escaped`: no file name or line can
/// open a link or an image, mention a user, reference an issue, inject HTML or break a table.
///
/// Size: GitHub cuts comments at 65,536 characters; the findings table stops at `tableBudget`
/// characters and the skipped list at `skippedBudget`, each followed by how many were left out
/// (the JSON report lists them all). So memory is bounded too: only the rows shown are kept, and
/// the report is written at the end (the heading needs the totals).
public struct MarkdownReporter: Reporter {
    public static let tableBudget = 45_000
    public static let skippedBudget = 12_000

    private var output: any ReportOutput
    private var rows: [String] = []
    private var rowCharacters = 0
    private var rowsLeftOut = 0
    private var showsCommits = false

    public init(output: any ReportOutput) { self.output = output }

    public mutating func begin(tool: ToolInfo) throws {}

    public mutating func finding(_ f: ReportedFinding) throws {
        let location = MarkdownText.escaped("\(f.path):\(f.line):\(f.column)")
        var commit = ""
        if let p = f.provenance {
            showsCommits = true
            commit = MarkdownText.escaped(String(p.commit.prefix(12)))
            if p.removedFromHead == true { commit += " (removed from HEAD)" }
        }
        var secret = MarkdownText.escaped(f.secret)
        if f.group != nil { secret += " (pair)" }
        let row = "| \(f.severity.rawValue) | \(MarkdownText.escaped(f.ruleID)) | \(location) | \(secret) | \(commit) |\n"
        guard rowCharacters + row.count <= Self.tableBudget else {
            rowsLeftOut += 1
            return
        }
        rowCharacters += row.count
        rows.append(row)
    }

    public mutating func end(_ summary: ScanSummary) throws {
        let stats = summary.stats
        var out = "## TokenAudit: "
        out += stats.findings == 0 ? "no findings" : "\(stats.findings) \(stats.findings == 1 ? "finding" : "findings")"
        if stats.findings > 0 {
            let counts = stats.findingsBySeverityDescending.filter { $0.count > 0 }
            out += " (" + counts.map { "\($0.count) \($0.severity.rawValue)" }.joined(separator: ", ") + ")"
        }
        out += "\n\n"
        let skipped = summary.coverage.skipped
        let gaps = skipped.count(where: \.reason.isCoverageGap)
        out += "Scanned \(stats.filesScanned) \(stats.filesScanned == 1 ? "file" : "files") (\(NumberText.size(stats.bytesScanned)))"
        if !skipped.isEmpty {
            out += "; skipped \(skipped.count)"
            if gaps > 0 { out += ", of which **\(gaps) could not be read or fully scanned**" }
        }
        out += ". Fails on \(summary.failOn.rawValue) and above: **\(summary.failed ? "failed" : "passed")**.\n"
        if !rows.isEmpty {
            out += "\n| Severity | Rule | Location | Secret | \(showsCommits ? "Commit" : "") |\n|---|---|---|---|---|\n"
            out += rows.joined()
        }
        if rowsLeftOut > 0 {
            out += "\n_\(rowsLeftOut) more \(rowsLeftOut == 1 ? "finding is" : "findings are") not shown here; "
                + "the JSON report (`--format json`) lists every finding._\n"
        }
        if !skipped.isEmpty {
            out += "\n<details><summary>Skipped inputs (\(skipped.count))</summary>\n\n| File | Reason |\n|---|---|\n"
            var used = 0
            var left = 0
            for input in skipped {
                let row = "| \(MarkdownText.escaped(input.path)) | \(MarkdownText.escaped(input.reason.id)): "
                    + "\(MarkdownText.escaped(input.reason.description)) |\n"
                if used + row.count > Self.skippedBudget {
                    left += 1
                    continue
                }
                used += row.count
                out += row
            }
            if left > 0 { out += "\n_\(left) more not shown._\n" }
            out += "\n</details>\n"
        }
        if !summary.warnings.isEmpty {
            out += "\n<details><summary>Warnings (\(summary.warnings.count))</summary>\n\n"
            var used = 0
            for warning in summary.warnings {
                let line = "- " + MarkdownText.escaped(warning) + "\n"
                used += line.count
                if used > Self.skippedBudget { break }
                out += line
            }
            out += "\n</details>\n"
        }
        rows.removeAll()
        try output.write(out)
    }
}

/// Making untrusted text inert in Markdown (GitHub Flavored Markdown), inside or outside tables.
public enum MarkdownText {
    /// `text` as literal Markdown text: `&`, `<` and `>` become entities (no HTML); every other
    /// ASCII punctuation character is backslash-escaped (no emphasis, code spans, links, images,
    /// autolinks, `@` mentions, `#` references or `|` cell breaks); line breaks and other control
    /// characters, bidi overrides included, become visible escapes (`TerminalText.neutralised`).
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in TerminalText.neutralised(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "!", "\"", "#", "$", "%", "'", "(", ")", "*", "+", ",", "-", ".", "/", ":", ";", "=", "?", "@",
                "[", "\\", "]", "^", "_", "`", "{", "|", "}", "~":
                out.unicodeScalars.append("\\")
                out.unicodeScalars.append(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
