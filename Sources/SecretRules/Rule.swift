// SecretRules: rules as data.
//
// A rule is a value. Built-in rules are written in TOML — the same schema a user writes in
// `.tokenaudit.toml` — and embedded in the binary as string literals (no resource bundle at run
// time). Field names follow gitleaks' TOML where the meaning is the same (`id`, `description`,
// `regex`, `secretGroup`, `keywords`, `entropy`, `path`, `[[rules.allowlists]]`); TokenAudit adds
// `title`, `severity`, `shape`, `context`, `examples`, `negativeExamples`, `references`, `decode`,
// `pairWith`, and the fields that change what the engine does: `kind`, `yields`, `value`, `window`
// (never an id prefix or a tag). The schema is documented in docs/RULES.md.

/// How bad a finding is. Ordered: `low < medium < high < critical`.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case low, medium, high, critical

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A value shape recognised by `TokenFormat`'s shape finder instead of a regex: candidates are the
/// maximal runs of exactly this shape in the buffer.
public enum Shape: String, Sendable, Hashable, Codable, CaseIterable {
    /// 36 bytes of `0-9a-f-` (Sirportly API token and application token).
    case sirportlyToken = "sirportly-token"
    /// 50 ASCII letters and digits (Sirportly API secret).
    case sirportlySecret = "sirportly-secret"
}

/// How far apart two findings linked into one credential pair (`Rule.pairWith`) can lie: the later
/// one starts at most `lines` lines after the earlier one ends. The engine's pairing links no
/// further; a reporter that prints a pair's findings together uses it to know that a group can get
/// no more members once the findings have moved past it.
public enum CredentialPairReach {
    public static let lines = 50
}

/// An encoding the engine undoes on candidate text before matching a rule (e.g. a Kubernetes
/// `Secret` holds base64 values; a logged query string holds URL-encoded ones).
public enum Encoding: String, Sendable, Hashable, Codable, CaseIterable {
    case base64
    case url
    /// String-literal and markup escapes: `\uXXXX`, `\xHH`, `&#NN;`, `&#xHH;` and the like.
    case escape
}

/// Words that must, or must not, occur near a candidate for it to count.
///
/// "Near" is the candidate's line plus `linesBefore` lines above and `linesAfter` below. Words are
/// matched case-insensitively as literals. All non-empty conditions must hold.
public struct ContextRequirement: Sendable, Hashable, Codable {
    /// At least one of these must occur near the candidate.
    public var near: [String]
    /// None of these may occur near the candidate (same window as `near`).
    public var notNear: [String]
    /// At least one of these must occur somewhere in the same file (e.g. `sirportly`).
    public var fileMentions: [String]
    /// The key, header or variable name the value is assigned to must match this regex (PCRE2,
    /// case-insensitive), e.g. `(?:x-auth-)?token`. Nil: no key requirement.
    public var key: String?
    public var linesBefore: Int
    public var linesAfter: Int

    public init(
        near: [String] = [], notNear: [String] = [], fileMentions: [String] = [], key: String? = nil,
        linesBefore: Int = 3, linesAfter: Int = 3
    ) {
        self.near = near
        self.notNear = notNear
        self.fileMentions = fileMentions
        self.key = key
        self.linesBefore = linesBefore
        self.linesAfter = linesAfter
    }

    public var isEmpty: Bool { near.isEmpty && notNear.isEmpty && fileMentions.isEmpty && key == nil }
}

/// What a rule reports, which decides the filters its candidates pass (`kind` in TOML).
public enum RuleKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A machine credential: API key, token, private key, webhook URL. The default.
    case token
    /// A password a person chose. Empty and null values and password hashes (bcrypt, argon2,
    /// `{SSHA}`, bare hex digests) are not findings; a weak password made of one repeated
    /// character or a sequence still is.
    case password
}

/// Whether a rule's findings give way to other rules' (`yields` in TOML).
public enum RuleYielding: String, Sendable, Hashable, Codable, CaseIterable {
    /// The rule's findings stand on their own. The default.
    case never
    /// A catch-all rule (e.g. `generic-api-key`): its finding is dropped when any other rule,
    /// built-in or the user's, reports an overlapping value in the same input.
    case anyOtherRule = "any-other-rule"
}

/// What a rule's secret group holds (`value` in TOML).
public enum ValueForm: String, Sendable, Hashable, Codable, CaseIterable {
    /// A literal value written in the input. The literal-value filters apply: placeholders,
    /// references (`${VAR}`, `ENV[...]`), masks (`***`). The default.
    case literal
    /// Code evaluated at run time, e.g. the variable an app persists (`password` in
    /// `UserDefaults.set(password, ...)`): the literal-value filters do not apply, since the
    /// commonest such expression is the word `password` itself.
    case expression
    /// A literal the client sends exactly as written, in a syntax that never stores a digest (the
    /// password field of a `.netrc` or `.pgpass` entry). The literal-value filters apply, but a
    /// bare hex value is the password (an API key used as one, such as a 40-hex key in a
    /// `.netrc`), where a `literal` password rule reads 32, 40, 64 or 128 hex digits as a digest.
    case verbatim
}

/// How far around a candidate the rule's regex may look (`window` in TOML).
public enum RuleWindow: String, Sendable, Hashable, Codable, CaseIterable {
    /// The candidate's lines (`EngineOptions.windowLines` either way) within the normal byte
    /// reach. The default.
    case line
    /// Values written across lines (PEM blocks, `.netrc` entries): at least 100 lines either way
    /// and 16 times the byte reach. Declare it for a regex that matches line breaks.
    case multiline
}

/// Where a rule's matches may start (`anchor` in TOML).
public enum RuleAnchor: String, Sendable, Hashable, Codable, CaseIterable {
    /// Anywhere in the window around a keyword hit: the regex is tried at every position. The
    /// default.
    case window
    /// Only where a match can hold one of the rule's keyword hits: at the start of a hit's line, or
    /// at most `maxKeywordDistance` bytes before a hit's start. The regex is tried at those
    /// positions only, so its cost follows the hits instead of the bytes around them. A match that
    /// starts elsewhere (mid-line, farther from its keyword) is not found: declare the anchor only
    /// for a regex whose every match holds a keyword that near its start, as `rules check` verifies
    /// on the rule's examples.
    case keyword
}

/// What an allowlist regex is matched against.
public enum AllowlistTarget: String, Sendable, Hashable, Codable {
    /// The secret (capture group) itself. The default.
    case secret
    /// The whole regex match.
    case match
    /// The line(s) containing the match.
    case line
}

/// A rule-level or global allowlist: a finding is dropped when the allowlist's conditions hold
/// (any one of them with `condition = "OR"`, the default; all of the non-empty ones with "AND").
public struct Allowlist: Sendable, Hashable, Codable {
    public var description: String?
    public var regexes: [String]
    public var regexTarget: AllowlistTarget
    /// Path regexes (PCRE2), matched against the path relative to the scan root.
    public var paths: [String]
    /// Literals: a secret containing any of these (case-insensitive) is allowed.
    public var stopwords: [String]
    /// Finding fingerprints to ignore.
    public var fingerprints: [String]
    /// "OR" (default) or "AND".
    public var matchAll: Bool

    public init(
        description: String? = nil, regexes: [String] = [], regexTarget: AllowlistTarget = .secret,
        paths: [String] = [], stopwords: [String] = [], fingerprints: [String] = [], matchAll: Bool = false
    ) {
        self.description = description
        self.regexes = regexes
        self.regexTarget = regexTarget
        self.paths = paths
        self.stopwords = stopwords
        self.fingerprints = fingerprints
        self.matchAll = matchAll
    }
}

/// One detection rule.
public struct Rule: Sendable, Hashable, Codable, Identifiable {
    /// Stable kebab-case id, e.g. `sirportly-token`, `github-pat-classic`, `password-in-url`.
    public var id: String
    /// A short human title, e.g. "Sirportly API token".
    public var title: String
    /// What the rule finds and why it matters; shown in reports and `rules list --verbose`.
    public var description: String
    public var severity: Severity
    /// Case-insensitive literals; the rule's precise check runs only in windows around one of
    /// these. Empty: the rule runs on every window its `shape` yields, or on the whole buffer.
    public var keywords: [String]
    /// PCRE2 pattern. The secret is capture group `secretGroup` (0 = whole match). Nil when the
    /// rule uses `shape` alone.
    public var regex: String?
    /// Capture group holding the secret. Nil: 1 when the pattern has groups, else 0.
    public var secretGroup: Int?
    /// Instead of (or in addition to) `regex`: candidates are exact-shape runs from TokenFormat.
    /// With both, the regex must match in the window and its secret group must equal the run.
    public var shape: Shape?
    /// Minimum Shannon entropy (bits per byte) of the secret. Nil: no minimum.
    public var entropy: Double?
    /// PCRE2 regex on the file path; the rule only applies to matching paths.
    public var path: String?
    /// Context alternatives: when non-empty, at least one must hold (each one's conditions all
    /// hold). Written `[[rules.context]]` in TOML.
    public var context: [ContextRequirement]
    /// The encoding of the secret group. The engine decodes the captured text (a failed decode
    /// means no finding), requires `decodedRegex` to match the decoded bytes, and reports the
    /// decoded value (e.g. `Authorization: Basic <base64>` → `user:password`). Encoded values in
    /// general (Kubernetes `Secret` data, URL-encoded query strings) are handled by the engine for
    /// every rule, not by this field.
    public var decode: Encoding?
    /// With `decode`: a PCRE2 pattern the decoded value must match. When it has a capture group,
    /// group 1 is the secret reported (e.g. the password in `user:password`).
    public var decodedRegex: String?
    /// Id of a rule whose findings pair with this one's (e.g. AWS key id ↔ secret key,
    /// Sirportly token ↔ secret). Paired findings share a `group` and become `critical`.
    public var pairWith: String?
    public var allowlists: [Allowlist]
    public var references: [String]
    /// Labels for people and for rule selection (`--rules tag:aws`). Tags never change findings.
    public var tags: [String]
    /// What the rule reports; `.password` adds the password filters.
    public var kind: RuleKind
    /// Whether the rule's findings give way to other rules' on overlapping values.
    public var yields: RuleYielding
    /// Whether the secret group is a literal value or a run-time expression.
    public var value: ValueForm
    /// How far around a candidate the regex may look.
    public var window: RuleWindow
    /// Where the regex's matches may start relative to the keyword hits.
    public var anchor: RuleAnchor
    /// With `anchor = .keyword`: the most bytes a match's start may lie before the start of the
    /// keyword hit it holds (unless the match starts at the start of the hit's line).
    public var maxKeywordDistance: Int?
    /// A regex tried at the end of each keyword hit (anchored there: it looks back at the keyword
    /// and ahead at what follows it). A hit where it does not match is not one of this rule's
    /// hits: it opens no window and no start position. For a common keyword that only counts in
    /// one position, e.g. `pass` ending a name (`db_pass =`) but not inside one (`bypass`,
    /// `password_reset_required`). `rules check` verifies that the rule's examples report the same
    /// spans with the guard as without it.
    public var keywordGuard: String?
    /// Words (case-insensitive literals) that mark a document whose values are base64 by
    /// definition, e.g. `kind: Secret` (a Kubernetes Secret's `data:` map). In a buffer containing
    /// one, short base64 values (4 characters and more, written `key: value`) are decoded and
    /// scanned too, and a finding in the decoded value is preferred over one in the base64 text.
    /// Decoded views are scanned by every rule, so one rule declaring the marker is enough.
    public var base64Documents: [String]
    /// Texts the rule must fire on, the expected secret marked `«like this»` (one span per
    /// example). An example without markers must match somewhere.
    public var examples: [String]
    /// Near misses the rule must not fire on.
    public var negativeExamples: [String]

    public init(
        id: String, title: String, description: String = "", severity: Severity = .medium,
        keywords: [String] = [], regex: String? = nil, secretGroup: Int? = nil, shape: Shape? = nil,
        entropy: Double? = nil, path: String? = nil, context: [ContextRequirement] = [],
        decode: Encoding? = nil, decodedRegex: String? = nil, pairWith: String? = nil, allowlists: [Allowlist] = [],
        references: [String] = [], tags: [String] = [], kind: RuleKind = .token, yields: RuleYielding = .never,
        value: ValueForm = .literal, window: RuleWindow = .line, anchor: RuleAnchor = .window,
        maxKeywordDistance: Int? = nil, keywordGuard: String? = nil, base64Documents: [String] = [],
        examples: [String] = [], negativeExamples: [String] = []
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.severity = severity
        self.keywords = keywords
        self.regex = regex
        self.secretGroup = secretGroup
        self.shape = shape
        self.entropy = entropy
        self.path = path
        self.context = context
        self.decode = decode
        self.decodedRegex = decodedRegex
        self.pairWith = pairWith
        self.allowlists = allowlists
        self.references = references
        self.tags = tags
        self.kind = kind
        self.yields = yields
        self.value = value
        self.window = window
        self.anchor = anchor
        self.maxKeywordDistance = maxKeywordDistance
        self.keywordGuard = keywordGuard
        self.base64Documents = base64Documents
        self.examples = examples
        self.negativeExamples = negativeExamples
    }
}

/// Markers for the expected secret span in rule examples: `«` (U+00AB) and `»` (U+00BB).
public enum ExampleMarker {
    public static let open = "\u{00AB}"
    public static let close = "\u{00BB}"

    /// Removes the markers, returning the text and the marked UTF-8 byte ranges in order.
    public static func strip(_ example: String) -> (text: String, spans: [Range<Int>]) {
        var out: [UInt8] = []
        var spans: [Range<Int>] = []
        var start: Int?
        for scalar in example.unicodeScalars {
            if scalar == "\u{00AB}" {
                start = out.count
            } else if scalar == "\u{00BB}", let s = start {
                spans.append(s..<out.count)
                start = nil
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return (String(decoding: out, as: UTF8.self), spans)
    }
}
