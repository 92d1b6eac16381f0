import ScanResults
import SecretRules

/// A baseline: the findings a team has accepted, recorded by fingerprint so that later scans
/// report only new ones (`tokenaudit baseline create|update|prune`, `scan --baseline FILE`).
///
/// Design: an entry is a finding's fingerprint (keyed HMAC of rule id + normalised secret + path,
/// never the line) with its rule id and relative path for people reading a diff; no plaintext, no
/// line numbers, no timestamps, sorted by path, rule id and fingerprint, one entry per line. So
/// moving a secret or editing unrelated code leaves the file byte-identical, and two branches that
/// each add entries merge like sorted lists. Fingerprints only match under the same fingerprint
/// key (`FingerprintKey`): a baseline is useful only together with its repository's key.
public struct Baseline: Sendable, Hashable {
    public struct Entry: Sendable, Hashable, Comparable {
        public var fingerprint: String
        public var ruleID: String
        /// The finding's path relative to the scan root (what the fingerprint covers).
        public var file: String

        public init(fingerprint: String, ruleID: String, file: String) {
            self.fingerprint = fingerprint
            self.ruleID = ruleID
            self.file = file
        }

        public init(_ finding: ReportedFinding) {
            self.init(fingerprint: finding.fingerprint, ruleID: finding.ruleID, file: finding.relativePath)
        }

        /// Path (UTF-8 bytes), rule id, fingerprint.
        public static func < (a: Entry, b: Entry) -> Bool {
            if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
            if a.ruleID != b.ruleID { return a.ruleID.utf8.lexicographicallyPrecedes(b.ruleID.utf8) }
            return a.fingerprint.utf8.lexicographicallyPrecedes(b.fingerprint.utf8)
        }
    }

    /// Sorted, one per fingerprint.
    public private(set) var entries: [Entry]
    private var fingerprints: Set<String>

    /// The conventional file name.
    public static let defaultFileName = ".tokenaudit-baseline.json"
    static let formatVersion = 1

    /// A baseline of `entries` (sorted, de-duplicated by fingerprint).
    public init(entries: some Sequence<Entry>) {
        var seen = Set<String>()
        var unique: [Entry] = []
        for entry in entries.sorted() where seen.insert(entry.fingerprint).inserted { unique.append(entry) }
        self.entries = unique
        self.fingerprints = seen
    }

    /// A baseline recording every finding of `findings`.
    public init(findings: some Sequence<ReportedFinding>) {
        self.init(entries: findings.map(Entry.init))
    }

    public func contains(fingerprint: String) -> Bool { fingerprints.contains(fingerprint) }

    /// This baseline plus the entries of `current` it lacks (`baseline update`); `added` lists them.
    public func adding(_ current: Baseline) -> (baseline: Baseline, added: [Entry]) {
        let added = current.entries.filter { !contains(fingerprint: $0.fingerprint) }
        return (Baseline(entries: entries + added), added)
    }

    /// This baseline without the entries `current` no longer has (`baseline prune`); `removed`
    /// lists them. Entries are never added by a prune.
    public func pruned(keeping current: Baseline) -> (baseline: Baseline, removed: [Entry]) {
        let removed = entries.filter { !current.contains(fingerprint: $0.fingerprint) }
        return (Baseline(entries: entries.filter { current.contains(fingerprint: $0.fingerprint) }), removed)
    }

    /// The file's text: deterministic JSON, one entry per line, a final newline.
    public var text: String {
        var out = "{\n  \"tool\": \"tokenaudit\",\n  \"version\": \(Self.formatVersion),\n  \"findings\": ["
        for (i, entry) in entries.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"file\": \(Self.quoted(entry.file)), \"ruleID\": \(Self.quoted(entry.ruleID)), "
                + "\"fingerprint\": \(Self.quoted(entry.fingerprint))}"
        }
        out += entries.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// Parses a baseline file's bytes; `path` is only for messages.
    public static func parse(_ bytes: [UInt8], path: String) throws(BaselineError) -> Baseline {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes)
        } catch {
            throw BaselineError(path: path, line: error.line, column: error.column, message: "not a baseline: \(error.message)")
        }
        func fail(_ message: String) -> BaselineError {
            BaselineError(path: path, line: 1, column: 1, message: message)
        }
        guard document["tool"]?.stringValue == "tokenaudit", let list = document["findings"]?.arrayValue else {
            throw fail("not a TokenAudit baseline (expected {\"tool\": \"tokenaudit\", \"findings\": […]})")
        }
        guard document["version"]?.intValue == formatVersion else {
            throw fail("unsupported baseline version (this tokenaudit reads version \(formatVersion))")
        }
        var entries: [Entry] = []
        for (index, item) in list.enumerated() {
            guard let fingerprint = item["fingerprint"]?.stringValue, let ruleID = item["ruleID"]?.stringValue,
                  let file = item["file"]?.stringValue
            else {
                throw fail("findings[\(index)] needs string members fingerprint, ruleID and file")
            }
            entries.append(Entry(fingerprint: fingerprint, ruleID: ruleID, file: file))
        }
        return Baseline(entries: entries)
    }

    /// Reads and parses the baseline at `path` (relative to `workingDirectory` when given).
    public static func load(_ path: String, workingDirectory: String? = nil) throws(BaselineError) -> Baseline {
        let fsPath = DirectoryWalker(useIgnoreFiles: false, followSymlinks: false, workingDirectory: workingDirectory)
            .fileSystemPath(path)
        guard let text = readTextFile(fsPath, limit: 256 << 20) else {
            throw BaselineError(path: path, line: nil, column: nil, message: "cannot read the baseline")
        }
        return try parse(Array(text.utf8), path: path)
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// A baseline that cannot be used: `path:line:column: error: message` (line and column when the
/// problem has a place).
public struct BaselineError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public var description: String {
        let place = line.map { ":\($0):\(column ?? 1)" } ?? ""
        return "\(path)\(place): error: \(message)"
    }
}

/// A sink in front of another: findings the baseline records are dropped and counted; the
/// summary handed on (and `summary`) counts only new findings and says how many were suppressed.
public struct BaselineFilter<Base: ScanSink>: ScanSink {
    public var base: Base
    public let baseline: Baseline
    /// Findings dropped so far.
    public private(set) var suppressed = 0
    /// The summary as handed to `base` (after `end`).
    public private(set) var summary: ScanSummary?

    public init(base: Base, baseline: Baseline) {
        self.base = base
        self.baseline = baseline
    }

    public mutating func begin(tool: ToolInfo) throws { try base.begin(tool: tool) }

    public mutating func finding(_ finding: ReportedFinding) throws {
        if baseline.contains(fingerprint: finding.fingerprint) {
            suppressed += 1
            suppressedBySeverity[finding.severity, default: 0] += 1
            return
        }
        try base.finding(finding)
    }

    private var suppressedBySeverity: [Severity: Int] = [:]

    public mutating func planned(inputs: Int) throws { try base.planned(inputs: inputs) }
    public mutating func inputScanned(path: String, bytes: Int64) throws { try base.inputScanned(path: path, bytes: bytes) }
    public mutating func skipped(_ input: SkippedInput) throws { try base.skipped(input) }
    public mutating func warning(_ message: String) throws { try base.warning(message) }

    public mutating func end(_ summary: ScanSummary) throws {
        var adjusted = summary
        for (severity, count) in suppressedBySeverity {
            adjusted.stats.findingsBySeverity[severity, default: 0] -= count
        }
        adjusted.stats.suppressedByBaseline += suppressed
        self.summary = adjusted
        try base.end(adjusted)
    }
}
