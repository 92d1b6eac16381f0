import ScanResults

/// The human report: one block per finding, the findings of a credential pair shown together.
///
/// Each finding is a header line `path:line:column  severity  rule-id  title`, then the line
/// holding the secret (already redacted) indented by four spaces, then, when known, `commit:` (git
/// provenance), `evidence:`, `verified:` and `note:` lines. The other members of a pair follow
/// their first member, introduced by `paired with`. Everything from scanned files passes through
/// `TerminalText.neutralised`. Colour (ANSI) only when `color` is set.
///
/// Streams: findings are buffered only while they belong to the same input (pairs never span
/// inputs) and written when the next input starts or the run ends.
public struct TextReporter: Reporter {
    public var color: Bool
    private var output: any ReportOutput
    private var pending: [ReportedFinding] = []

    public init(output: any ReportOutput, color: Bool = false) {
        self.output = output
        self.color = color
    }

    public mutating func begin(tool: ToolInfo) throws {}

    public mutating func finding(_ finding: ReportedFinding) throws {
        if let last = pending.last, last.path != finding.path { try flush() }
        pending.append(finding)
    }

    public mutating func end(_ summary: ScanSummary) throws { try flush() }

    private mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let findings = pending
        pending = []
        // Written in pieces of about 64 KB: an input with hundreds of thousands of findings never
        // becomes one string.
        var text = ""
        try Self.blocks(findings, style: Styler(enabled: color)) { block in
            text += block
            if text.utf8.count >= 64 * 1024 {
                try output.write(text)
                text = ""
            }
        }
        if !text.isEmpty { try output.write(text) }
    }

    /// Hands the blocks of one input's findings to `emit` in order, pairs together.
    static func blocks(_ findings: [ReportedFinding], style: Styler, emit: (String) throws -> Void) rethrows {
        var printedGroups = Set<String>()
        var membersByGroup: [String: [Int]] = [:]
        for (i, finding) in findings.enumerated() {
            if let group = finding.group { membersByGroup[group, default: []].append(i) }
        }
        for (i, finding) in findings.enumerated() {
            if let group = finding.group {
                guard printedGroups.insert(group).inserted else { continue }
                for (n, member) in (membersByGroup[group] ?? [i]).enumerated() {
                    try emit(block(findings[member], pairedLead: n > 0, style: style))
                }
            } else {
                try emit(block(finding, pairedLead: false, style: style))
            }
        }
    }

    private static func block(_ f: ReportedFinding, pairedLead: Bool, style: Styler) -> String {
        let location = TerminalText.neutralised("\(f.path):\(f.line):\(f.column)")
        var header = "\(style.bold(location))  \(style.severity(f.severity.rawValue, f.severity.rawValue))  "
            + "\(TerminalText.neutralised(f.ruleID))  \(TerminalText.neutralised(f.title))"
        if pairedLead { header = "  " + style.dim("paired with") + " " + header }
        var text = header + "\n"
        if let line = f.lineText {
            text += "    " + TerminalText.neutralised(line) + "\n"
        } else {
            text += "    " + style.dim("secret: ") + TerminalText.neutralised(f.secret) + "\n"
        }
        if let p = f.provenance {
            var line = "\(p.commit.prefix(12)) by \(p.author) on \(p.date)"
            if p.removedFromHead == true { line += " (removed from HEAD, still in history)" }
            text += "    " + style.dim("commit: ") + TerminalText.neutralised(line) + "\n"
        }
        if !f.evidence.isEmpty {
            let list = f.evidence.map { "\($0.id) \(NumberText.fixed($0.weight, 2))" }.joined(separator: ", ")
            text += "    " + style.dim("evidence: ") + TerminalText.neutralised(list) + "\n"
        }
        if let v = f.verification {
            var line = (v.status == .live ? "LIVE" : v.status.rawValue) + (v.detail.map { " (\($0))" } ?? "")
            if let host = v.host { line += " against \(host)" }
            if let checkedAt = v.checkedAt { line += " at \(checkedAt)" }
            text += "    " + style.dim("verified: ") + TerminalText.neutralised(line) + "\n"
        }
        if let message = f.message {
            text += "    " + style.dim("note: ") + TerminalText.neutralised(message) + "\n"
        }
        return text
    }
}

/// The end-of-run summary for standard error: files and bytes scanned, every skipped input with
/// its reason, counts by severity, duration and throughput.
public struct SummaryReporter: Sendable {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func format(_ summary: ScanSummary) -> String {
        let style = Styler(enabled: color)
        let stats = summary.stats
        let skipped = summary.coverage.skipped
        let files = stats.filesScanned == 1 ? "1 file" : "\(stats.filesScanned) files"
        var out = "Scanned \(files), \(NumberText.size(stats.bytesScanned)) in "
            + "\(NumberText.fixed(stats.durationSeconds, 2)) s (\(NumberText.fixed(stats.bytesPerSecond / 1e6, 1)) MB/s, "
            + "\(stats.jobs) \(stats.jobs == 1 ? "job" : "jobs"))\n"
        if stats.filesIgnored > 0 {
            out += "Ignored \(stats.filesIgnored) by ignore files\n"
        }
        if !skipped.isEmpty {
            let byReason = summary.coverage.skippedByReason.map { "\($0.reason) \($0.count)" }.joined(separator: ", ")
            out += style.bold("Skipped \(skipped.count) (\(byReason)):") + "\n"
            for input in skipped {
                out += "  \(TerminalText.neutralised(input.path)): \(input.reason.id): \(TerminalText.neutralised(input.reason.description))\n"
            }
        }
        let incomplete = summary.coverage.incomplete
        if !incomplete.isEmpty {
            out += style.bold("Scanned in part \(Set(incomplete.map(\.path)).count):") + "\n"
            for input in incomplete {
                out += "  \(TerminalText.neutralised(input.path)): \(TerminalText.neutralised(input.reason))\n"
            }
        }
        if !summary.coverage.isComplete {
            let gaps = summary.coverage.gapCount
            out += style.bold("Coverage incomplete: \(gaps) \(gaps == 1 ? "input" : "inputs") not read or not fully matched")
                + " (--fail-on-skip makes this exit 2)\n"
        }
        let total = stats.findings
        let bySeverity = stats.findingsBySeverityDescending.map { "\($0.severity.rawValue) \($0.count)" }.joined(separator: ", ")
        out += style.bold("\(total) \(total == 1 ? "finding" : "findings")") + " (\(bySeverity))\n"
        if stats.suppressedByBaseline > 0 {
            out += "\(stats.suppressedByBaseline) known \(stats.suppressedByBaseline == 1 ? "finding" : "findings") suppressed by the baseline\n"
        }
        return out
    }
}
