import SecretRules

/// One reported value: a secret (or stored password) found by a rule at a byte range.
///
/// Each value gets its own finding; related values (a Sirportly token and its secret, an AWS key
/// id and its secret key) share a `group`. The plaintext `secret` is carried so that reporters can
/// redact it; reporters must never print it unless the user asked for `--no-redact`.
public struct Finding: Sendable, Hashable {
    /// The rule's stable id, e.g. `sirportly-token`.
    public var ruleID: String
    public var title: String
    public var severity: Severity
    /// Byte range of the secret in the scanned input (for encoded secrets: of the encoded text).
    public var secretRange: Range<Int>
    /// Byte range of the whole rule match in the scanned input.
    public var matchRange: Range<Int>
    /// The secret's bytes as found (decoded when it was found inside base64 or URL encoding).
    public var secret: [UInt8]
    /// 1-based position of the first byte of the secret; columns count Unicode scalars.
    public var line: Int
    public var column: Int
    /// 1-based position of the last character of the secret (inclusive).
    public var endLine: Int
    public var endColumn: Int
    /// Shared by related findings (a credential pair). Nil for a lone value.
    public var group: String?
    /// The key, header or variable name the value was assigned to, when known (e.g. `X-Auth-Token`).
    public var key: String?
    /// The encoding the secret was found inside, if any.
    public var encoding: Encoding?
    /// Extra explanation for the reader, e.g. why storing a password is forbidden by Sirportly.
    public var message: String?
    /// A keyed hash of (rule id, normalised secret, path): stable when lines move, never the
    /// plaintext. Set by the scanner from the input's path.
    public var fingerprint: String
    /// Shannon entropy of the secret, bits per byte.
    public var entropy: Double
    /// The evidence that made the value a finding, strongest first (`FindingEvidence`).
    public var evidence: [FindingEvidence]

    public init(
        ruleID: String, title: String, severity: Severity, secretRange: Range<Int>, matchRange: Range<Int>,
        secret: [UInt8], line: Int, column: Int, endLine: Int, endColumn: Int, group: String? = nil,
        key: String? = nil, encoding: Encoding? = nil, message: String? = nil, fingerprint: String = "",
        entropy: Double = 0, evidence: [FindingEvidence] = []
    ) {
        self.ruleID = ruleID
        self.title = title
        self.severity = severity
        self.secretRange = secretRange
        self.matchRange = matchRange
        self.secret = secret
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.group = group
        self.key = key
        self.encoding = encoding
        self.message = message
        self.fingerprint = fingerprint
        self.entropy = entropy
        self.evidence = evidence
    }

    /// The secret as text (lossy for invalid UTF-8).
    public var secretText: String { String(decoding: secret, as: UTF8.self) }
}
