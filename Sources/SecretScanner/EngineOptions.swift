import PCRE2
import SecretRules

/// How an `Engine` scans: JIT policy, fingerprint key, global allowlists, limits and window sizes.
public struct EngineOptions: Sendable {
    /// Whether rule patterns are JIT-compiled (`.ifAvailable`, the default) or interpreted.
    public var jit: JITPolicy = .ifAvailable
    /// False (the default): values printed in the Sirportly documentation (`KnownExamples`) are
    /// suppressed. True: they are reported with severity `low` and a message saying so.
    public var reportKnownExamples = false
    /// Key of the HMAC-SHA-256 fingerprint; it never appears in a report. Findings are comparable
    /// across runs only under the same key. Default: `Fingerprint.perRunKey` (random, one per
    /// process), so no fingerprint is ever computed under a key a report reader could know.
    public var fingerprintKey: [UInt8] = Fingerprint.perRunKey
    /// Global allowlists (from the config's `[[allowlists]]`), applied to every rule's findings.
    public var allowlists: [Allowlist] = []
    /// PCRE2 match, depth and heap limits; hitting one yields a `ScanWarning`, never a hang.
    public var matchLimits: MatchLimits = .default
    /// Lines above and below a keyword hit (or shape run) that a rule's window includes.
    public var windowLines = 1
    /// At most this many bytes before and after a keyword hit belong to a window, however long the
    /// lines are (minified files). Multi-line rules (patterns with `[\s\S]` or `(?s)`, such as PEM
    /// blocks) reach 16 times as far and 100 lines above and below.
    public var windowReach = 4096
    /// Chunk size of `ScanWorker.scanStream`. The stream is read in chunks of at least this size
    /// (and at least three times the window overlap), so memory stays bounded for any input.
    public var streamChunkSize = 8 << 20

    public init() {}
}

/// A rule set the engine cannot run: duplicate ids, a rule with neither `regex` nor `shape`, a
/// negative `secretGroup`.
public struct EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The offending rule, when the problem belongs to one rule.
    public var ruleID: String?
    public var message: String

    public init(ruleID: String?, message: String) {
        self.ruleID = ruleID
        self.message = message
    }

    public var description: String {
        if let ruleID { return "rule \(ruleID): \(message)" }
        return message
    }
}

/// What one scan produced: findings sorted by position, and the warnings met on the way.
public struct ScanResult: Sendable {
    public var findings: [Finding]
    public var warnings: [ScanWarning]

    public init(findings: [Finding] = [], warnings: [ScanWarning] = []) {
        self.findings = findings
        self.warnings = warnings
    }
}

/// A problem that did not stop the scan: a rule's pattern that does not compile, a match limit hit
/// on some input. The message names the rule and, when there is one, the path.
public struct ScanWarning: Sendable, Hashable, CustomStringConvertible {
    public var ruleID: String?
    public var message: String
    /// 1-based line where the problem starts, when it belongs to a place in the input.
    public var line: Int?
    /// Whether part of the input could not be fully matched (a match limit hit): a gap in
    /// coverage, which `--fail-on-skip` turns into a failed run. False for problems that do not
    /// hide anything (an allowlist regex that hits a limit keeps the finding).
    public var isCoverageGap: Bool

    public init(ruleID: String?, message: String, line: Int? = nil, isCoverageGap: Bool = false) {
        self.ruleID = ruleID
        self.message = message
        self.line = line
        self.isCoverageGap = isCoverageGap
    }

    public var description: String { message }
}
