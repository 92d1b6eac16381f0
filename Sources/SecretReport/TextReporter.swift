import ScanResults
import SecretRules

/// The human report: one block per finding, the findings of a credential pair shown together.
///
/// Each finding is a header line `path:line:column  severity  rule-id  title`, then the line
/// holding the secret (already redacted) indented by four spaces, then, when known, `commit:` (git
/// provenance), `evidence:`, `verified:` and `note:` lines. The other members of a pair follow
/// their first member, introduced by `paired with`. Everything from scanned files passes through
/// `TerminalText.neutralised`. Colour (ANSI) only when `color` is set.
///
/// Streams: each finding is written as soon as everything before it is. A pair's later members
/// are printed under its first one, so a block is held (as text) only while a credential pair
/// before it can still get members: until the findings have moved `CredentialPairReach.lines`
/// lines past that pair's last member (pairs never span inputs). Findings of one path whose
/// lines go backwards (several inputs under one path) are held until the path changes.
public struct TextReporter: Reporter {
    public var color: Bool
    private var output: any ReportOutput
    /// Text not yet written: a finding's block, or a pair's blocks so far.
    private struct Slot {
        var text: String
        var group: String?
        /// For a pair: the last line of its last member so far.
        var lastLine: Int
        var complete: Bool
    }
    private var slots: [Slot] = []
    private var written = 0
    /// Open pairs → their slot (an index into `slots`, counting written ones).
    private var openGroups: [String: Int] = [:]
    private var path: String?
    private var line = 0
    private var linesAscend = true
    private var text = ""

    public init(output: any ReportOutput, color: Bool = false) {
        self.output = output
        self.color = color
    }

    public mutating func begin(tool: ToolInfo) throws {}

    public mutating func finding(_ f: ReportedFinding) throws {
        if f.path != path {
            try finishPath()
            path = f.path
            line = f.line
            linesAscend = true
        }
        if f.line < line { linesAscend = false }
        line = f.line
        let style = Styler(enabled: color)
        if linesAscend {
            // Pairs that no later finding can join are complete.
            for (group, index) in openGroups where group != f.group && f.line - slots[index - written].lastLine > CredentialPairReach.lines {
                slots[index - written].complete = true
                openGroups[group] = nil
            }
        }
        if let group = f.group, let index = openGroups[group] {
            slots[index - written].text += Self.block(f, pairedLead: true, style: style)
            slots[index - written].lastLine = max(slots[index - written].lastLine, f.endLine)
        } else if let group = f.group {
            openGroups[group] = written + slots.count
            slots.append(Slot(text: Self.block(f, pairedLead: false, style: style), group: group, lastLine: f.endLine, complete: false))
        } else {
            slots.append(Slot(text: Self.block(f, pairedLead: false, style: style), group: nil, lastLine: f.endLine, complete: true))
        }
        try drain()
    }

    public mutating func end(_ summary: ScanSummary) throws {
        try finishPath()
        if !text.isEmpty { try output.write(text) }
        text = ""
    }

    /// Every slot of the path is complete: written.
    private mutating func finishPath() throws {
        for i in slots.indices { slots[i].complete = true }
        openGroups = [:]
        try drain()
    }

    /// Writes the slots at the front: complete ones whole, the first incomplete one's text so far
    /// (its later members are appended behind it). Output goes out in pieces of about 64 KB.
    private mutating func drain() throws {
        var done = 0
        while done < slots.count {
            text += slots[done].text
            slots[done].text = ""
            guard slots[done].complete else { break }
            done += 1
        }
        if done > 0 {
            slots.removeFirst(done)
            written += done
        }
        if text.utf8.count >= 64 * 1024 {
            try output.write(text)
            text = ""
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
