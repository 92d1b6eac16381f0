import SecretRules

/// One finding as reports show it: where it is, what rule found it, and the secret in display form
/// (redacted unless the user asked for `--no-redact`). Never holds the plaintext of a redacted
/// secret.
public struct ReportedFinding: Sendable, Hashable {
    /// The path as the user named it (scan root joined with the path below it; stdin: the
    /// `stdinName`).
    public var path: String
    /// The path relative to the scan root (what path allowlists and fingerprints see).
    public var relativePath: String
    public var ruleID: String
    public var title: String
    public var severity: Severity
    /// 1-based; columns count Unicode scalars. `endColumn` is the last character, inclusive.
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The secret as shown: `TokenFormat.Redaction`'s display form, or in full with redaction off.
    public var secret: String
    public var fingerprint: String
    /// Shared by the findings of one credential pair.
    public var group: String?
    /// The key, header or variable the value was assigned to, when known.
    public var key: String?
    /// The encoding the secret was found inside (`base64`, `url`), if any.
    public var encoding: Encoding?
    /// Extra explanation from the rule.
    public var message: String?
    /// The line holding the secret, the union of every secret span on it redacted (unless
    /// redaction is off), shortened around the secret when long. Raw text: terminal reporters must
    /// neutralise control characters. Nil when the input cannot be read again (large stdin).
    public var lineText: String?
    /// Where the value came from in git history; nil for files on disk.
    public var provenance: Provenance?
    /// The evidence that made the value a finding, strongest first; empty when not recorded.
    public var evidence: [Evidence]
    /// The result of opt-in live verification; nil when not verified.
    public var verification: Verification?

    public init(
        path: String, relativePath: String, ruleID: String, title: String, severity: Severity, line: Int,
        column: Int, endLine: Int, endColumn: Int, secret: String, fingerprint: String, group: String? = nil,
        key: String? = nil, encoding: Encoding? = nil, message: String? = nil, lineText: String? = nil,
        provenance: Provenance? = nil, evidence: [Evidence] = [], verification: Verification? = nil
    ) {
        self.path = path
        self.relativePath = relativePath
        self.ruleID = ruleID
        self.title = title
        self.severity = severity
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.secret = secret
        self.fingerprint = fingerprint
        self.group = group
        self.key = key
        self.encoding = encoding
        self.message = message
        self.lineText = lineText
        self.provenance = provenance
        self.evidence = evidence
        self.verification = verification
    }

    /// Report order: path (UTF-8 bytes), line, column, rule id, end position. The order does not
    /// depend on scheduling.
    public static func reportOrder(_ a: ReportedFinding, _ b: ReportedFinding) -> Bool {
        if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return (a.endLine, a.endColumn) < (b.endLine, b.endColumn)
    }
}

/// Where a value came from in git history (filled by the git walkers).
public struct Provenance: Sendable, Hashable {
    /// Full hex object id of the commit that introduced the value.
    public var commit: String
    /// The commit's author as `Name <email>`.
    public var author: String
    /// The author date, ISO 8601 with offset (e.g. `2026-12-04T18:00:00+00:00`).
    public var date: String
    /// True when the value is no longer in HEAD (still a leak: it is in history); nil when not
    /// known (e.g. staged changes).
    public var removedFromHead: Bool?
    /// The blob's object id, when a blob was scanned.
    public var blob: String?

    public init(commit: String, author: String, date: String, removedFromHead: Bool? = nil, blob: String? = nil) {
        self.commit = commit
        self.author = author
        self.date = date
        self.removedFromHead = removedFromHead
        self.blob = blob
    }
}

/// One piece of evidence that fired for a finding: a short stable id (e.g. `key-name`,
/// `sirportly-mention`, `paired-secret`) and its weight in the decision.
public struct Evidence: Sendable, Hashable {
    public var id: String
    public var weight: Double

    public init(id: String, weight: Double) {
        self.id = id
        self.weight = weight
    }
}

/// The result of opt-in live verification of a finding against a configured service.
public struct Verification: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// The service accepted the credential.
        case live
        /// The service rejected it (revoked, wrong, expired).
        case rejected
        /// A refusal that reads as an IP-address or permission restriction on a real credential:
        /// not dead, still a leak.
        case restricted
        /// The answer did not tell (e.g. rate limited).
        case unknown
        /// The check failed (network, TLS, timeout).
        case error
    }

    public var status: Status
    /// Short detail for people (an HTTP status, an error); never the secret.
    public var detail: String?

    /// `host` or `host:port` that was asked, when known.
    public var host: String?
    /// When, as ISO 8601 UTC (`2026-12-04T18:00:00Z`), when known.
    public var checkedAt: String?

    public init(status: Status, detail: String? = nil, host: String? = nil, checkedAt: String? = nil) {
        self.status = status
        self.detail = detail
        self.host = host
        self.checkedAt = checkedAt
    }
}
