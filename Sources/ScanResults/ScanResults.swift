// ScanResults: what a scan produces, in the one form every layer shares.
//
// Design decisions:
// - One display-ready finding type (`ReportedFinding`) from the linter to every reporter. SecretLint
//   fills it (walkers, byte sources, the finding presenter), SecretReport reads it; nothing copies
//   its fields into another type. It never holds the plaintext of a redacted secret.
// - Room for what other layers add, as optional values: git `Provenance`, the `Evidence` that fired,
//   and a live `Verification` result. Reporters print them when present.
// - Results travel through a `ScanSink` as they are found, in report order, so output streams and
//   memory stays flat however many files or findings a run has. `ScanReport` is the collected form
//   (tests, report merge) and can be replayed into any sink.
// - Every input that was not scanned is a `SkippedInput` with a typed `SkipReason`; the coverage
//   manifest (`Coverage`) lists them all.
// - This module depends only on SecretRules (for `Severity` and `Encoding`).
import SecretRules
