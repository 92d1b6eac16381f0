// SirportlyAuth: everything about Sirportly's authentication that is not scanning.
//
// - Value validation (`ValueValidation`): `validate token|secret|app-token`, from arguments or a
//   stream of lines read in blocks (constant memory; a line too long to be a credential is judged
//   by its length).
// - HTTP captures (`HTTPCaptureReader`, `HTTPCaptureParser`): raw requests, `curl -v` output and
//   HAR files. HAR is read by `JSONPullParser`, a strict pull parser that builds only each
//   entry's request and checks-and-skips everything else, so memory is bounded by the largest
//   request; nesting is capped, and every rejection carries a line and column or a member path.
// - The auth-mode audit (`SirportlyRequestAuditor`, `CaptureAudit`): which mode a request's
//   X-Auth headers form, each value's exact validation, and passwords sent outside the login call.
// - How values are shown (`CredentialDisplay`): TokenFormat's one `Redaction` policy, escaped.
// - Opt-in live verification lives in `Verification/` (issue 13).
//
// Design decisions: the floor is TokenFormat (no SecretScanner, SecretLint or SecretReport), so
// validating a value never loads the scanner. The library never prints: results go to a closure
// as they are decided, and the command formats them (text, or JSON Lines through SecretReport's
// escaper) and turns the summary's `exitStatus` into the exit code.
