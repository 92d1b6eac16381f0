import ScanResults
import SecretRules

/// CSV (RFC 4180), one row per finding, for spreadsheets and audit trackers.
///
/// A header row, then the columns `severity, rule, title, file, line, column, endLine, endColumn,
/// secret, fingerprint, group, key, encoding, commit, author, date, removedFromHead, message` (empty
/// when unknown). Records end with CRLF; a field is quoted when it holds a comma, a quote or a
/// space at either end, quotes doubled. Cells go through `CSVText.field`: control characters
/// (line breaks included) become visible `\u{…}` escapes, so each record is one line, and a cell
/// starting with `=`, `+`, `-` or `@` is prefixed with `'` so that no spreadsheet evaluates it as a
/// formula. Skipped inputs and stats are not part of the table (see the JSON report).
///
/// Streams: each finding is written as it arrives.
public struct CSVReporter: Reporter {
    public static let columns = [
        "severity", "rule", "title", "file", "line", "column", "endLine", "endColumn", "secret", "fingerprint",
        "group", "key", "encoding", "commit", "author", "date", "removedFromHead", "message",
    ]

    private var output: any ReportOutput

    public init(output: any ReportOutput) { self.output = output }

    public mutating func begin(tool: ToolInfo) throws {
        try output.write(CSVText.record(Self.columns))
    }

    public mutating func finding(_ f: ReportedFinding) throws {
        let p = f.provenance
        try output.write(CSVText.record([
            f.severity.rawValue, f.ruleID, f.title, f.path, String(f.line), String(f.column), String(f.endLine),
            String(f.endColumn), f.secret, f.fingerprint, f.group ?? "", f.key ?? "", f.encoding?.rawValue ?? "",
            p?.commit ?? "", p?.author ?? "", p?.date ?? "", p?.removedFromHead.map { $0 ? "true" : "false" } ?? "",
            f.message ?? "",
        ]))
    }

    public mutating func end(_ summary: ScanSummary) throws {}
}

/// RFC 4180 fields and records, safe to open in a spreadsheet.
public enum CSVText {
    /// One record: the fields, each made safe by `field`, separated by commas, ending in CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field: control characters as visible escapes; a leading `=`, `+`, `-` or `@` (a formula
    /// in Excel, LibreOffice and Google Sheets) prefixed with `'`; quoted (quotes doubled) when it
    /// holds a comma, a quote, or leading or trailing spaces.
    public static func field(_ value: String) -> String {
        var text = TerminalText.neutralised(value)
        if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) {
            text = "'" + text
        }
        let needsQuotes = text.contains(",") || text.contains("\"") || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        return "\"" + text.replacingQuotes() + "\""
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
