import SecretRules

/// What reporters format: the result of one scan, with every secret already in display form.
public struct Report: Sendable, Hashable {
    /// The producing tool, for the JSON `tool` object.
    public struct Tool: Sendable, Hashable {
        public var name: String
        public var version: String
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// One finding. `secret` and `lineText` are display forms (redacted unless asked otherwise).
    public struct Finding: Sendable, Hashable {
        /// The path as the user named it.
        public var file: String
        public var ruleID: String
        public var title: String
        public var severity: Severity
        /// 1-based; `endColumn` is the last character of the secret, inclusive.
        public var line: Int
        public var column: Int
        public var endLine: Int
        public var endColumn: Int
        public var secret: String
        public var fingerprint: String
        /// Shared by related findings (a credential pair).
        public var group: String?
        /// The key, header or variable the value was assigned to, when known.
        public var key: String?
        /// The encoding the secret was found inside (`base64`, `url`).
        public var encoding: String?
        /// Extra explanation from the rule.
        public var message: String?
        /// The line holding the secret, secrets redacted, possibly shortened with `…`.
        public var lineText: String?

        public init(
            file: String, ruleID: String, title: String, severity: Severity, line: Int, column: Int, endLine: Int,
            endColumn: Int, secret: String, fingerprint: String, group: String? = nil, key: String? = nil,
            encoding: String? = nil, message: String? = nil, lineText: String? = nil
        ) {
            self.file = file
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
        }
    }

    /// A file that was not scanned: `reason` is a stable id (`binary`, `symlink-loop`, …),
    /// `detail` a human explanation.
    public struct Skipped: Sendable, Hashable {
        public var file: String
        public var reason: String
        public var detail: String
        public init(file: String, reason: String, detail: String) {
            self.file = file
            self.reason = reason
            self.detail = detail
        }
    }

    /// Counts and timings.
    public struct Stats: Sendable, Hashable {
        public var filesScanned: Int
        public var bytesScanned: Int64
        /// Files left out by ignore files (deliberate, not listed).
        public var filesIgnored: Int
        public var durationSeconds: Double
        public var jobs: Int
        public var jit: Bool
        public var rules: Int

        public init(
            filesScanned: Int = 0, bytesScanned: Int64 = 0, filesIgnored: Int = 0, durationSeconds: Double = 0,
            jobs: Int = 1, jit: Bool = false, rules: Int = 0
        ) {
            self.filesScanned = filesScanned
            self.bytesScanned = bytesScanned
            self.filesIgnored = filesIgnored
            self.durationSeconds = durationSeconds
            self.jobs = jobs
            self.jit = jit
            self.rules = rules
        }

        /// Bytes per second of wall-clock time (0 for an instant run).
        public var bytesPerSecond: Double { durationSeconds > 0 ? Double(bytesScanned) / durationSeconds : 0 }
    }

    public var tool: Tool
    /// Sorted by file, line, column (the producer's order is kept).
    public var findings: [Finding]
    public var skipped: [Skipped]
    public var warnings: [String]
    public var stats: Stats

    public init(tool: Tool, findings: [Finding] = [], skipped: [Skipped] = [], warnings: [String] = [], stats: Stats = Stats()) {
        self.tool = tool
        self.findings = findings
        self.skipped = skipped
        self.warnings = warnings
        self.stats = stats
    }

    /// Findings counted by severity, most severe first, zero counts included.
    public var findingsBySeverity: [(severity: Severity, count: Int)] {
        Severity.allCases.sorted(by: >).map { severity in (severity, findings.count { $0.severity == severity }) }
    }

    /// Skipped files counted by reason id, in id order.
    public var skippedByReason: [(reason: String, count: Int)] {
        var counts: [String: Int] = [:]
        for file in skipped { counts[file.reason, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
