/// The human report: one block per finding, the findings of a credential pair shown together.
///
/// Each finding is a header line `path:line:column  severity  rule-id  title`, then the line
/// holding the secret (already redacted) indented by four spaces, then `note: message` when the
/// rule has one. The other members of a pair follow their first member, introduced by
/// `paired with`. Everything from scanned files passes through `TerminalText.neutralised`.
/// Colour (ANSI) only when `color` is set; the caller decides (TTY, `--no-color`, `NO_COLOR`).
public struct TextReporter: Sendable {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    /// The findings as text; empty when there are none.
    public func format(_ report: Report) -> String {
        let style = Styler(enabled: color)
        var out = ""
        var printedGroups = Set<String>()
        var membersByGroup: [String: [Int]] = [:]
        for (i, finding) in report.findings.enumerated() {
            if let group = finding.group { membersByGroup[group, default: []].append(i) }
        }
        for (i, finding) in report.findings.enumerated() {
            if let group = finding.group {
                guard printedGroups.insert(group).inserted else { continue }
                for (n, member) in (membersByGroup[group] ?? [i]).enumerated() {
                    out += block(report.findings[member], pairedLead: n > 0, style: style)
                }
            } else {
                out += block(finding, pairedLead: false, style: style)
            }
        }
        return out
    }

    private func block(_ f: Report.Finding, pairedLead: Bool, style: Styler) -> String {
        let location = TerminalText.neutralised("\(f.file):\(f.line):\(f.column)")
        var header = "\(style.bold(location))  \(style.severity(f.severity.rawValue, f.severity.rawValue))  "
            + "\(TerminalText.neutralised(f.ruleID))  \(TerminalText.neutralised(f.title))"
        if pairedLead { header = "  " + style.dim("paired with") + " " + header }
        var text = header + "\n"
        if let line = f.lineText {
            text += "    " + TerminalText.neutralised(line) + "\n"
        } else {
            text += "    " + style.dim("secret: ") + TerminalText.neutralised(f.secret) + "\n"
        }
        if let message = f.message {
            text += "    " + style.dim("note: ") + TerminalText.neutralised(message) + "\n"
        }
        return text
    }
}

/// The end-of-run summary for standard error: files and bytes scanned, every skipped file with its
/// reason, counts by severity, duration and throughput.
public struct SummaryReporter: Sendable {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func format(_ report: Report) -> String {
        let style = Styler(enabled: color)
        let stats = report.stats
        let files = stats.filesScanned == 1 ? "1 file" : "\(stats.filesScanned) files"
        var out = "Scanned \(files), \(NumberText.size(stats.bytesScanned)) in "
            + "\(NumberText.fixed(stats.durationSeconds, 2)) s (\(NumberText.fixed(stats.bytesPerSecond / 1e6, 1)) MB/s, "
            + "\(stats.jobs) \(stats.jobs == 1 ? "job" : "jobs"))\n"
        if stats.filesIgnored > 0 {
            out += "Ignored \(stats.filesIgnored) by ignore files\n"
        }
        if !report.skipped.isEmpty {
            let byReason = report.skippedByReason.map { "\($0.reason) \($0.count)" }.joined(separator: ", ")
            out += style.bold("Skipped \(report.skipped.count) (\(byReason)):") + "\n"
            for skipped in report.skipped {
                out += "  \(TerminalText.neutralised(skipped.file)): \(skipped.reason): \(TerminalText.neutralised(skipped.detail))\n"
            }
        }
        let total = report.findings.count
        let bySeverity = report.findingsBySeverity.map { "\($0.severity.rawValue) \($0.count)" }.joined(separator: ", ")
        out += style.bold("\(total) \(total == 1 ? "finding" : "findings")") + " (\(bySeverity))\n"
        return out
    }
}
