import ArgumentParser
import SecretReport
import SirportlyAuth

/// The options of one `validate headers` run, after flag parsing.
struct HeaderValidationOptions: Sendable {
    var files: [String]
    var format: ValidateOutputFormat
    var redact: Bool
    /// Where `--verify` sends the requests' pairs; nil without `--verify`.
    var verifyEndpoint: SirportlyEndpoint? = nil
}

/// Runs the capture audit (library call), prints each audited request as it is read and each
/// file's summary, and exits with the outcome's status.
func runHeaderValidation(_ options: HeaderValidationOptions) throws {
    let output = ByteOutput()
    let writer = CaptureAuditWriter(options: options)
    var verification = options.verifyEndpoint.map(HeaderPairVerification.init(endpoint:))
    let outcome = CaptureAudit.run(paths: options.files) { event in
        switch event {
        case .request(let path, let audit):
            writer.write(audit, file: path, to: output)
            verification?.collect(audit)
        case .finished(let summary):
            output.flush()
            if let message = writer.summary(summary) { StandardStreams.writeError(message + "\n") }
        case .failed(let path, let error):
            output.flush()
            StandardStreams.writeError(writer.failure(error, file: path) + "\n")
        }
    }
    output.flush()
    var status = outcome.exitStatus
    if let verification {
        status = max(status, verification.run(format: options.format, redact: options.redact, output: output))
    }
    if status != 0 { throw ExitCode(status) }
}

/// Formats `validate headers` output: one text block or one JSON Lines object per audited
/// request, and a summary or error line per file for standard error. Everything taken from a
/// capture is escaped: values through `CredentialDisplay`, other text through `TerminalText`.
struct CaptureAuditWriter {
    let options: HeaderValidationOptions

    func displayName(_ path: String) -> String { path == "-" ? "standard input" : TerminalText.neutralised(path) }

    func write(_ audit: RequestAudit, file: String, to output: ByteOutput) {
        let request = audit.request
        let url = CredentialDisplay.url(request.url, redact: options.redact)
        switch options.format {
        case .text:
            var head = "\(displayName(file)) \(request.location)"
            if let method = request.method { head += " \(TerminalText.neutralised(method))" }
            if let url { head += " \(url)" }
            head += ": \(audit.mode.description): \(audit.isValid ? "valid" : "invalid")"
            output.append(head); output.endLine()
            for check in audit.headers {
                var line = "  \(check.header)"
                if check.sentAs != check.header { line += " (sent as \(TerminalText.neutralised(check.sentAs)))" }
                line += ": \(CredentialDisplay.string(check.value, redact: options.redact)): \(TerminalText.neutralised(check.validation.description))"
                output.append(line); output.endLine()
            }
            for problem in audit.problems where problem.code != "malformed-value" {
                output.append("  problem: \(TerminalText.neutralised(problem.message))"); output.endLine()
            }
            for note in audit.notes {
                output.append("  note: \(TerminalText.neutralised(note))"); output.endLine()
            }
        case .json:
            var json = JSONWriter(style: .compact)
            json.beginObject()
            json.field("file", file)
            json.field("location", request.location)
            json.field("method", request.method)
            json.field("url", url)
            json.field("mode", audit.mode.rawValue)
            json.field("valid", audit.isValid)
            json.field("redacted", options.redact)
            json.beginArray("headers")
            for check in audit.headers {
                json.beginObject()
                json.field("header", check.header)
                json.field("sentAs", check.sentAs)
                json.field("line", check.line)
                json.field("value", CredentialDisplay.string(check.value, redact: options.redact))
                json.validationFields(check.validation)
                json.endContainer()
            }
            json.endContainer()
            json.beginArray("passwords")
            for password in audit.passwords {
                json.beginObject(); json.field("place", password.place); json.field("name", password.name); json.endContainer()
            }
            json.endContainer()
            json.beginArray("problems")
            for problem in audit.problems {
                json.beginObject(); json.field("code", problem.code); json.field("message", problem.message); json.endContainer()
            }
            json.endContainer()
            json.beginArray("notes")
            for note in audit.notes { json.string(note) }
            json.endContainer()
            json.endContainer()
            output.append(json.take())
            output.endLine()
        }
    }

    /// The end-of-file line for standard error, or nil (JSON output of a file with audits).
    func summary(_ s: CaptureAuditSummary) -> String? {
        let name = displayName(s.path)
        if s.audited == 0 {
            return "\(name): no X-Auth-Token, X-Auth-Secret or X-Auth-Application header in \(s.requests) request\(s.requests == 1 ? "" : "s") (\(s.format.rawValue))"
        }
        guard options.format == .text else { return nil }
        let skipped = s.skipped > 0 ? "; \(s.skipped) other request\(s.skipped == 1 ? "" : "s") skipped" : ""
        return "\(name): \(s.format.rawValue), \(s.audited) request\(s.audited == 1 ? "" : "s") with Sirportly authentication: \(s.audited - s.invalid) valid, \(s.invalid) invalid\(skipped)"
    }

    func failure(_ error: HTTPCaptureReadError, file: String) -> String {
        switch error {
        case .unreadable(let reason):
            return "tokenaudit: cannot read \(file == "-" ? "standard input" : TerminalText.neutralised(file)): \(reason)"
        case .malformed(let e):
            return "tokenaudit: \(displayName(file)): \(e.location): \(TerminalText.neutralised(e.message))\n  hint: \(e.hint)"
        }
    }
}
