// SecretLint: what to scan, and the orchestration of a scan.
//
// A scan is one call: `Linter.run(_ request: ScanRequest, into: sink)`; results stream into the sink.
//
// Design decisions:
// - Two phases. `Linter.plan` walks the inputs (directory walk with ignore files, symlink policy,
//   special files) and yields the list of targets plus everything it skipped and why. `execute`
//   scans the targets on `jobs` worker threads; each worker owns its own `ContentScanner` (the
//   engine's per-thread scratch), so nothing mutable is shared but the result slots.
// - Bounded memory whatever the input size: small files are read whole, larger ones are streamed
//   to the engine in blocks; gzip members are inflated as a stream with a ratio guard.
// - Nothing is lost silently: every file that is not scanned is a `SkippedInput` with a
//   `SkipReason`; one failing file never stops the run. Only problems with the run itself (bad
//   config, a scan root that does not exist) are thrown.
// - Secrets leave this module already redacted unless the request says otherwise: a
//   `ReportedFinding` carries the display form of the secret and of its line, never the plaintext.
// - The library never prints: findings, skips, progress and warnings go to a `ScanSink`
//   (ScanResults), delivered in report order on the calling thread through a reorder buffer.
import SecretScanner
