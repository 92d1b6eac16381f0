// SecretReport: reporters. They only format: they never walk, scan, or decide the exit status.
//
// Design decisions:
// - One `Reporter` per format, listed in `ReportFormat`. A reporter is a `ScanSink`: it receives
//   `ReportedFinding`s (ScanResults) in report order as the scan finds them and writes text to a
//   `ReportOutput` as it goes, so a run with millions of findings streams instead of building one
//   string. A new format is one new file and one `ReportFormat` case.
// - Findings arrive with secrets and lines already in display form (redacted unless the user asked
//   for `--no-redact`): a reporter never sees a plaintext secret that the user did not ask to see.
// - Output is deterministic for a given sequence of results: only the stats carry durations.
// - Everything a terminal shows passes through `TerminalText.neutralised` (control characters,
//   escape sequences and bidi overrides from scanned files or file names become visible escapes).
// - One JSON writer (`JSONWriter`, `JSONString`) for every JSON TokenAudit writes, pretty or as
//   JSON Lines.
import ScanResults
