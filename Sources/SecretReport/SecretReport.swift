// SecretReport: reporters. They only format: they never walk, scan, or decide the exit status.
//
// Design decisions:
// - Reporters take a `Report` value: findings whose secrets and lines are already in display form
//   (redacted unless the user asked for `--no-redact`), skipped files with reasons, warnings and
//   stats. They never see a plaintext secret that the user did not ask to see.
// - Reporters return text; the caller decides where it goes (stdout, a 0600 file). Output is
//   deterministic for a given `Report`: only the stats carry durations.
// - Everything a terminal shows passes through `TerminalText.neutralised` (control characters,
//   escape sequences and bidi overrides from scanned files or file names become visible escapes).
