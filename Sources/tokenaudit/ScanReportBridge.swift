import SecretLint
import SecretReport

extension Report {
    /// The reporters' view of a scan: the same findings (secrets already in display form), skipped
    /// files with reason ids and explanations, warnings and stats. SecretReport does not depend on
    /// SecretLint, so the command joins the two here.
    init(_ scan: ScanReport, tool: Tool) {
        self.init(
            tool: tool,
            findings: scan.findings.map { f in
                Report.Finding(
                    file: f.path, ruleID: f.ruleID, title: f.title, severity: f.severity, line: f.line,
                    column: f.column, endLine: f.endLine, endColumn: f.endColumn, secret: f.secret,
                    fingerprint: f.fingerprint, group: f.group, key: f.key, encoding: f.encoding?.rawValue,
                    message: f.message, lineText: f.lineText)
            },
            skipped: scan.skipped.map { Report.Skipped(file: $0.path, reason: $0.reason.id, detail: $0.reason.description) },
            warnings: scan.warnings,
            stats: Report.Stats(
                filesScanned: scan.stats.filesScanned, bytesScanned: scan.stats.bytesScanned,
                filesIgnored: scan.stats.filesIgnored, durationSeconds: scan.stats.durationSeconds,
                jobs: scan.stats.jobs, jit: scan.stats.jit, rules: scan.stats.rules))
    }
}
