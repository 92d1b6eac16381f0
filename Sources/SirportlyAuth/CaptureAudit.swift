/// What one capture file's audit came to, for the end-of-file summary.
public struct CaptureAuditSummary: Sendable, Hashable {
    /// The path as given (`-` for standard input).
    public var path: String
    public var format: HTTPCaptureFormat
    /// Every request read from the capture.
    public var requests = 0
    /// Requests that carry a Sirportly header or a password (the ones handed over as audits).
    public var audited = 0
    /// Audited requests with at least one problem.
    public var invalid = 0

    /// Requests without anything to audit (counted, not listed).
    public var skipped: Int { requests - audited }
}

/// What `CaptureAudit.run` hands over, in order, for each file.
public enum CaptureAuditEvent: Sendable {
    /// An audited request of `path`, as soon as it is read.
    case request(path: String, RequestAudit)
    /// The file was read to its end.
    case finished(CaptureAuditSummary)
    /// The file could not be read or is malformed; requests already handed over stand.
    case failed(path: String, HTTPCaptureReadError)
}

/// The outcome of auditing every capture file.
public struct CaptureAuditOutcome: Sendable, Hashable {
    public init(invalid: Int = 0, filesWithoutAuthentication: Int = 0, failedFiles: Int = 0) {
        self.invalid = invalid
        self.filesWithoutAuthentication = filesWithoutAuthentication
        self.failedFiles = failedFiles
    }

    /// Audited requests with a problem, over all files.
    public var invalid = 0
    /// Files in which no request carries Sirportly authentication or a password.
    public var filesWithoutAuthentication = 0
    /// Files that could not be read or parsed.
    public var failedFiles = 0

    /// 0 every audited request is valid; 1 a request has a problem or a file has no request with
    /// Sirportly authentication; 2 a file could not be read or parsed.
    public var exitStatus: Int32 {
        failedFiles > 0 ? 2 : (invalid > 0 || filesWithoutAuthentication > 0) ? 1 : 0
    }
}

/// `validate headers`: reads each capture file (HAR streamed), audits every request with
/// `SirportlyRequestAuditor`, and hands the relevant audits and each file's summary to a closure.
public enum CaptureAudit {
    public static func run(paths: [String], _ body: (CaptureAuditEvent) -> Void) -> CaptureAuditOutcome {
        var outcome = CaptureAuditOutcome()
        for path in paths {
            var summary = CaptureAuditSummary(path: path, format: .raw)
            do {
                summary.format = try HTTPCaptureReader.read(path: path) { request in
                    summary.requests += 1
                    let audit = SirportlyRequestAuditor.audit(request)
                    guard audit.isRelevant else { return }
                    summary.audited += 1
                    if !audit.isValid { summary.invalid += 1 }
                    body(.request(path: path, audit))
                }
            } catch {
                outcome.failedFiles += 1
                outcome.invalid += summary.invalid
                body(.failed(path: path, error))
                continue
            }
            outcome.invalid += summary.invalid
            if summary.audited == 0 { outcome.filesWithoutAuthentication += 1 }
            body(.finished(summary))
        }
        return outcome
    }
}
