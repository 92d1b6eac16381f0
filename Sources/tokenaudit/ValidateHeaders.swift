import Foundation
import SecretLint
import TokenFormat

/// The options of one `validate headers` run, after flag parsing.
struct HeaderValidationOptions: Sendable {
    var files: [String]
    var format: ValidateOutputFormat
    var redact: Bool
}

/// Reads each capture, audits every request's Sirportly authentication, and prints one result per
/// request that carries a Sirportly header or a password (requests with neither are counted, not
/// listed).
struct HeaderValidationRun {
    let options: HeaderValidationOptions
    let output = ByteOutput()

    /// Runs and returns the exit code: 0 every audited request is valid, 1 a request has a problem
    /// or no request carries Sirportly authentication, 2 a file could not be read or parsed.
    func run() -> Int32 {
        var status: Int32 = 0
        for path in options.files {
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(path)
            } catch {
                output.flush()
                FileHandleStderr.write("tokenaudit: \(error)\n")
                status = 2
                continue
            }
            let capture: HTTPCapture
            do {
                capture = try HTTPCaptureParser.parse(bytes)
            } catch {
                output.flush()
                FileHandleStderr.write("tokenaudit: \(displayName(path)): \(error.location): \(error.message)\n  hint: \(error.hint)\n")
                status = 2
                continue
            }
            let audits = capture.requests.map(SirportlyRequestAuditor.audit)
            let relevant = audits.filter(\.isRelevant)
            for audit in relevant { print(audit, file: path) }
            output.flush()
            let failed = relevant.filter { !$0.isValid }.count
            if relevant.isEmpty {
                FileHandleStderr.write("\(displayName(path)): no X-Auth-Token, X-Auth-Secret or X-Auth-Application header in \(capture.requests.count) request\(capture.requests.count == 1 ? "" : "s") (\(capture.format.rawValue))\n")
                status = max(status, 1)
            } else {
                if options.format == .text {
                    let skipped = audits.count - relevant.count
                    FileHandleStderr.write("\(displayName(path)): \(capture.format.rawValue), \(relevant.count) request\(relevant.count == 1 ? "" : "s") with Sirportly authentication: \(relevant.count - failed) valid, \(failed) invalid\(skipped > 0 ? "; \(skipped) other request\(skipped == 1 ? "" : "s") skipped" : "")\n")
                }
                if failed > 0 { status = max(status, 1) }
            }
        }
        output.flush()
        return status
    }

    func displayName(_ path: String) -> String { path == "-" ? "standard input" : path }

    /// The request URL as shown: query values and URL passwords hidden unless `--no-redact`.
    func displayURL(_ url: String?) -> String? {
        guard let url else { return nil }
        if !options.redact { return url }
        var shown = url
        if let q = shown.firstIndex(of: "?") { shown = String(shown[..<q]) + "?…" }
        if let scheme = shown.firstIndex(of: ":"), shown[scheme...].hasPrefix("://") {
            let authorityStart = shown.index(scheme, offsetBy: 3)
            let rest = shown[authorityStart...]
            let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@") {
                shown = String(shown[..<authorityStart]) + "…@" + String(shown[shown.index(after: at)...])
            }
        }
        return shown
    }

    func print(_ audit: RequestAudit, file: String) {
        let request = audit.request
        switch options.format {
        case .text:
            var head = "\(displayName(file)) \(request.location)"
            if let method = request.method { head += " \(method)" }
            if let url = displayURL(request.url) { head += " \(url)" }
            head += ": \(audit.mode.description): \(audit.isValid ? "valid" : "invalid")"
            output.append(head); output.endLine()
            for check in audit.headers {
                var line = "  \(check.header)"
                if check.sentAs != check.header { line += " (sent as \(check.sentAs))" }
                line += ": \(ValueDisplay.string(check.value, redact: options.redact)): \(check.validation.description)"
                output.append(line); output.endLine()
            }
            for problem in audit.problems where problem.code != "malformed-value" {
                output.append("  problem: \(problem.message)"); output.endLine()
            }
            for note in audit.notes {
                output.append("  note: \(note)"); output.endLine()
            }
        case .json:
            var json = JSONWriter()
            json.beginObject()
            json.field("file", file)
            json.field("location", request.location)
            json.field("method", request.method)
            json.field("url", displayURL(request.url))
            json.field("mode", audit.mode.rawValue)
            json.field("valid", audit.isValid)
            json.field("redacted", options.redact)
            json.beginArray("headers")
            for check in audit.headers {
                json.beginObject()
                json.field("header", check.header)
                json.field("sentAs", check.sentAs)
                json.field("line", check.line)
                json.field("value", ValueDisplay.string(check.value, redact: options.redact))
                json.validationFields(check.validation)
                json.endObject()
            }
            json.endArray()
            json.beginArray("passwords")
            for password in audit.passwords {
                json.beginObject(); json.field("place", password.place); json.field("name", password.name); json.endObject()
            }
            json.endArray()
            json.beginArray("problems")
            for problem in audit.problems {
                json.beginObject(); json.field("code", problem.code); json.field("message", problem.message); json.endObject()
            }
            json.endArray()
            json.beginArray("notes")
            for note in audit.notes { json.element(note) }
            json.endArray()
            json.endObject()
            output.append(json.bytes)
            output.endLine()
        }
    }
}
