import ScanResults
import SecretRules

/// SARIF 2.1.0 (OASIS), the format of GitHub code scanning and most security dashboards.
///
/// One run. Each finding is a `result` with `ruleId`/`ruleIndex`, a `level` from its severity
/// (critical and high: `error`, medium: `warning`, low: `note`), a message naming the rule and the
/// secret in display form (redacted unless `--no-redact`), one physical location and
/// `partialFingerprints["tokenaudit/v1"]` (our keyed fingerprint: stable across line moves).
/// Regions are 1-based with `columnKind` `unicodeCodePoints` (our columns count Unicode scalars);
/// SARIF's `endColumn` is the column *after* the region, so it is our inclusive `endColumn` + 1.
/// Paths become URI references: relative paths percent-encoded below `%SRCROOT%`, absolute paths
/// as `file://` URIs. Git provenance, the key, group, evidence and verification go in the result's
/// `properties`.
///
/// `tool.driver.rules` describes each rule that has a result, in order of first appearance
/// (`SARIFRuleDescriptor`). Every skipped input and every warning is a
/// `invocations[0].toolExecutionNotifications` entry (coverage gaps are `error`, skips by design
/// `note`, warnings `warning`).
///
/// GitHub code scanning's documented limits are kept: at most `maxResults` results (25,000 per
/// run; the rest are counted and named in an `error` notification, never dropped silently), 20
/// tags per rule, descriptions of at most 1,024 characters, one location per result.
///
/// Streams: results are written as findings arrive (JSON members may come in any order, so
/// `results` precede `tool`); only the rule descriptors seen so far are kept in memory.
public struct SARIFReporter: Reporter {
    /// GitHub code scanning rejects runs with more results than this.
    public static let gitHubResultLimit = 25_000
    /// The key of our fingerprint in `partialFingerprints`.
    public static let fingerprintKey = "tokenaudit/v1"

    private var output: any ReportOutput
    private var writer = JSONWriter()
    private let catalogue: [String: Rule]
    private let maxResults: Int
    private var tool = ToolInfo(name: "tokenaudit", version: "")
    private var ruleIndex: [String: Int] = [:]
    private var rules: [SARIFRuleDescriptor] = []
    private var written = 0
    private var leftOut = 0

    /// - Parameters:
    ///   - rules: the active rules, to describe rules fully; a rule not listed is described from
    ///     the built-in packs, else from its findings' title.
    ///   - maxResults: results written before the rest are only counted (GitHub's limit).
    public init(output: any ReportOutput, rules: [Rule] = [], maxResults: Int = SARIFReporter.gitHubResultLimit) {
        self.output = output
        var catalogue: [String: Rule] = [:]
        for rule in (try? BuiltinRules.forScanning()) ?? [] { catalogue[rule.id] = rule }
        for rule in rules { catalogue[rule.id] = rule }
        self.catalogue = catalogue
        self.maxResults = maxResults
    }

    public mutating func begin(tool: ToolInfo) throws {
        self.tool = tool
        writer.beginObject()
        writer.field("$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
        writer.field("version", "2.1.0")
        writer.key("runs")
        writer.beginArray()
        writer.beginObject()
        writer.key("results")
        writer.beginArray()
        try output.write(writer.take())
    }

    public mutating func finding(_ f: ReportedFinding) throws {
        guard written < maxResults else {
            leftOut += 1
            return
        }
        written += 1
        let index: Int
        if let known = ruleIndex[f.ruleID] {
            index = known
        } else {
            index = rules.count
            ruleIndex[f.ruleID] = index
            rules.append(SARIFRuleDescriptor(rule: catalogue[f.ruleID], finding: f))
        }
        writer.object { w in
            w.field("ruleId", f.ruleID)
            w.field("ruleIndex", index)
            w.field("level", Self.level(f.severity))
            w.key("message")
            w.object { w in w.field("text", Self.message(f)) }
            w.key("locations")
            w.array([f]) { w, f in
                w.object { w in
                    w.key("physicalLocation")
                    w.object { w in
                        Self.artifactLocation(f.path, &w)
                        w.key("region")
                        w.object { w in
                            w.field("startLine", f.line)
                            w.field("startColumn", f.column)
                            w.field("endLine", f.endLine)
                            w.field("endColumn", f.endColumn + 1)
                        }
                    }
                }
            }
            w.key("partialFingerprints")
            w.object { w in w.field(Self.fingerprintKey, f.fingerprint) }
            w.key("properties")
            w.object { w in Self.properties(f, &w) }
        }
        try output.write(writer.take())
    }

    public mutating func end(_ summary: ScanSummary) throws {
        writer.endContainer()  // results
        writer.key("tool")
        writer.object { w in
            w.key("driver")
            w.object { w in
                w.field("name", "TokenAudit")
                w.field("semanticVersion", tool.version.isEmpty ? "0.0.0" : tool.version)
                w.field("version", tool.version)
                w.key("rules")
                w.array(rules) { w, rule in rule.write(&w) }
            }
        }
        writer.field("columnKind", "unicodeCodePoints")
        writer.key("originalUriBaseIds")
        writer.object { w in
            w.key("%SRCROOT%")
            w.object { w in
                w.key("description")
                w.object { w in w.field("text", "The directory the scan ran in; finding paths are relative to it.") }
            }
        }
        writer.key("invocations")
        let leftOut = leftOut, maxResults = maxResults
        writer.array([summary]) { w, summary in
            w.object { w in
                w.field("executionSuccessful", true)
                w.key("toolExecutionNotifications")
                w.beginArray()
                if leftOut > 0 {
                    w.object { w in
                        w.field("level", "error")
                        w.key("message")
                        w.object { w in
                            w.field("text", "\(leftOut) more findings were left out: GitHub code scanning accepts at most "
                                + "\(maxResults) results per run. The JSON report (--format json) lists every finding.")
                        }
                        w.key("descriptor")
                        w.object { w in w.field("id", "results-left-out") }
                    }
                }
                for input in summary.coverage.skipped {
                    w.object { w in
                        w.field("level", input.reason.isCoverageGap ? "error" : "note")
                        w.key("message")
                        w.object { w in w.field("text", "Not scanned: \(input.path): \(input.reason.description)") }
                        w.key("locations")
                        w.array([input.path]) { w, path in
                            w.object { w in
                                w.key("physicalLocation")
                                w.object { w in Self.artifactLocation(path, &w) }
                            }
                        }
                        w.key("descriptor")
                        w.object { w in w.field("id", "skipped/" + input.reason.id) }
                    }
                }
                for warning in summary.warnings {
                    w.object { w in
                        w.field("level", "warning")
                        w.key("message")
                        w.object { w in w.field("text", warning) }
                    }
                }
                w.endContainer()
                w.key("properties")
                w.object { w in Self.statistics(summary, resultsLeftOut: leftOut, &w) }
            }
        }
        writer.endContainer()  // run
        writer.endContainer()  // runs
        writer.endContainer()  // log
        try output.write(writer.take() + "\n")
    }

    /// SARIF `level` for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    /// The result message: the title, the secret in display form, and the key, pair and note.
    static func message(_ f: ReportedFinding) -> String {
        var text = "\(f.title): \(f.secret)"
        if let key = f.key { text += " (in \(key))" }
        if f.group != nil { text += ". Part of a credential pair" }
        if let p = f.provenance {
            text += ". Introduced in commit \(p.commit.prefix(12)) by \(p.author) on \(p.date)"
            if p.removedFromHead == true { text += "; removed from HEAD, still in history" }
        }
        if let message = f.message { text += ". " + message }
        return text
    }

    private static func properties(_ f: ReportedFinding, _ w: inout JSONWriter) {
        w.field("severity", f.severity.rawValue)
        w.field("secret", f.secret)
        if let group = f.group { w.field("group", group) }
        if let key = f.key { w.field("key", key) }
        if let encoding = f.encoding { w.field("encoding", encoding.rawValue) }
        if let line = f.lineText { w.field("lineText", line) }
        if let p = f.provenance {
            w.field("commit", p.commit)
            w.field("author", p.author)
            w.field("date", p.date)
            if let removed = p.removedFromHead { w.field("removedFromHead", removed) }
            if let blob = p.blob { w.field("blob", blob) }
        }
        if !f.evidence.isEmpty {
            w.key("evidence")
            w.array(f.evidence) { w, e in
                w.object { w in
                    w.field("id", e.id)
                    w.field("weight", e.weight, digits: 3)
                }
            }
        }
        if let v = f.verification {
            w.key("verification")
            w.object { w in
                w.field("status", v.status.rawValue)
                if let detail = v.detail { w.field("detail", detail) }
            }
        }
    }

    private static func statistics(_ summary: ScanSummary, resultsLeftOut: Int, _ w: inout JSONWriter) {
        let stats = summary.stats
        w.key("roots")
        w.array(summary.coverage.roots) { w, root in w.string(root) }
        w.field("filesScanned", stats.filesScanned)
        w.field("bytesScanned", Int(stats.bytesScanned))
        w.field("filesSkipped", summary.coverage.skipped.count)
        w.field("filesIgnored", stats.filesIgnored)
        w.field("findings", stats.findings)
        w.field("resultsLeftOut", resultsLeftOut)
        w.field("durationSeconds", stats.durationSeconds, digits: 3)
        w.field("failOn", summary.failOn.rawValue)
    }

    /// `"artifactLocation": {"uri": …, "uriBaseId": "%SRCROOT%"}` for a path as the user named it.
    static func artifactLocation(_ path: String, _ w: inout JSONWriter) {
        w.key("artifactLocation")
        w.object { w in
            if path.hasPrefix("/") {
                w.field("uri", "file://" + SARIFURI.encoded(path))
            } else {
                var relative = Substring(path)
                while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
                w.field("uri", SARIFURI.encoded(String(relative)))
                w.field("uriBaseId", "%SRCROOT%")
            }
        }
    }
}

/// Percent-encoding of file paths for SARIF URI references (RFC 3986).
enum SARIFURI {
    /// `path` with every byte except unreserved characters (`A-Z a-z 0-9 - . _ ~`) and `/`
    /// percent-encoded (UTF-8, upper-case hex): spaces, `%`, `#`, `?`, `:` (which would read as a
    /// scheme), control characters and non-ASCII text all become `%XX`.
    static func encoded(_ path: String) -> String {
        var out = ""
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
