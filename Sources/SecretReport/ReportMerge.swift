import ScanResults
import SecretRules

/// `tokenaudit report merge`: JSON reports of separate runs (the shards of one audit, several
/// repositories) read back and joined into one `ScanReport`, which any reporter then formats.
///
/// Merging keeps report order (`ReportedFinding.reportOrder`), drops a finding that another report
/// already holds (same fingerprint at the same place and commit: overlapping runs), concatenates
/// the coverage manifests (roots in report order, skipped inputs re-sorted, each listed once) and
/// warnings, and adds up the counts (a report given twice counts once). The duration is the longest run's (shards run in parallel).
/// Fingerprints only compare under one fingerprint key: shards must share it
/// (`TOKENAUDIT_FINGERPRINT_KEY` or the repository's key file).
public enum ReportMerge {
    /// Reads a JSON report written by `JSONReporter`; `path` only names it in errors.
    public static func read(_ bytes: [UInt8], path: String) throws(ReportReadError) -> ScanReport {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes)
        } catch {
            throw ReportReadError(path: path, line: error.line, column: error.column, message: error.message)
        }
        func fail(_ message: String) -> ReportReadError {
            ReportReadError(path: path, line: nil, column: nil, message: message)
        }
        guard let tool = document["tool"], let name = tool["name"]?.stringValue, let findingList = document["findings"]?.arrayValue
        else {
            throw fail("not a TokenAudit JSON report (expected {\"tool\": {…}, \"findings\": […], …})")
        }
        var report = ScanReport(tool: ToolInfo(name: name, version: tool["version"]?.stringValue ?? ""))
        for (index, item) in findingList.enumerated() {
            guard let finding = finding(from: item) else {
                throw fail("findings[\(index)] lacks a required member (ruleID, title, severity, file, line, column, endLine, endColumn, secret, fingerprint)")
            }
            report.findings.append(finding)
        }
        for (index, item) in (document["skipped"]?.arrayValue ?? []).enumerated() {
            guard let file = item["file"]?.stringValue, let id = item["reason"]?.stringValue else {
                throw fail("skipped[\(index)] needs string members file and reason")
            }
            report.summary.coverage.skipped.append(
                SkippedInput(path: file, reason: SkipReason(id: id, detail: item["detail"]?.stringValue ?? "")))
        }
        report.summary.warnings = (document["warnings"]?.arrayValue ?? []).compactMap(\.stringValue)
        var stats = ScanStats()
        if let s = document["stats"] {
            stats.filesScanned = s["filesScanned"]?.intValue ?? 0
            stats.bytesScanned = Int64(s["bytesScanned"]?.intValue ?? 0)
            stats.filesIgnored = s["filesIgnored"]?.intValue ?? 0
            stats.durationSeconds = s["durationSeconds"]?.doubleValue ?? 0
            stats.jobs = s["jobs"]?.intValue ?? 1
            stats.jit = s["jit"]?.boolValue ?? false
            stats.rules = s["rules"]?.intValue ?? 0
            stats.suppressedByBaseline = s["suppressedByBaseline"]?.intValue ?? 0
        }
        for finding in report.findings { stats.findingsBySeverity[finding.severity, default: 0] += 1 }
        report.summary.stats = stats
        return report
    }

    /// One report from `reports` (see the type's summary); `failOn` decides its `failed`.
    public static func merge(_ reports: [ScanReport], failOn: Severity = .low) -> ScanReport {
        var merged = ScanReport(tool: reports.first?.tool ?? ToolInfo(name: "tokenaudit", version: ""))
        struct Place: Hashable {
            var fingerprint: String, path: String, line: Int, column: Int, endLine: Int, endColumn: Int, commit: String?
        }
        var seen = Set<Place>()
        var seenSkips = Set<SkippedInput>()
        var stats = ScanStats()
        var roots: [String] = []
        var seenReports = Set<ScanReport>()
        // The same report named twice counts once (its counts are not added again).
        for report in reports where seenReports.insert(report).inserted {
            for finding in report.findings {
                let place = Place(
                    fingerprint: finding.fingerprint, path: finding.path, line: finding.line, column: finding.column,
                    endLine: finding.endLine, endColumn: finding.endColumn, commit: finding.provenance?.commit)
                if seen.insert(place).inserted { merged.findings.append(finding) }
            }
            for input in report.skipped where seenSkips.insert(input).inserted {
                merged.summary.coverage.skipped.append(input)
            }
            for root in report.summary.coverage.roots where !roots.contains(root) { roots.append(root) }
            merged.summary.warnings += report.warnings
            let s = report.stats
            stats.filesScanned += s.filesScanned
            stats.bytesScanned += s.bytesScanned
            stats.filesIgnored += s.filesIgnored
            stats.durationSeconds = max(stats.durationSeconds, s.durationSeconds)
            stats.jobs = max(stats.jobs, s.jobs)
            stats.jit = stats.jit || s.jit
            stats.rules = max(stats.rules, s.rules)
            stats.suppressedByBaseline += s.suppressedByBaseline
        }
        merged.findings.sort(by: ReportedFinding.reportOrder)
        for finding in merged.findings { stats.findingsBySeverity[finding.severity, default: 0] += 1 }
        merged.summary.coverage.skipped.sort(by: SkippedInput.reportOrder)
        merged.summary.coverage.roots = roots
        merged.summary.stats = stats
        merged.summary.failOn = failOn
        return merged
    }

    static func finding(from item: JSONValue) -> ReportedFinding? {
        guard let ruleID = item["ruleID"]?.stringValue, let title = item["title"]?.stringValue,
              let severity = item["severity"]?.stringValue.flatMap(Severity.init(rawValue:)),
              let file = item["file"]?.stringValue, let line = item["line"]?.intValue,
              let column = item["column"]?.intValue, let endLine = item["endLine"]?.intValue,
              let endColumn = item["endColumn"]?.intValue, let secret = item["secret"]?.stringValue,
              let fingerprint = item["fingerprint"]?.stringValue
        else { return nil }
        var finding = ReportedFinding(
            path: file, relativePath: file, ruleID: ruleID, title: title, severity: severity, line: line,
            column: column, endLine: endLine, endColumn: endColumn, secret: secret, fingerprint: fingerprint,
            group: item["group"]?.stringValue, key: item["key"]?.stringValue,
            encoding: item["encoding"]?.stringValue.flatMap(Encoding.init(rawValue:)),
            message: item["message"]?.stringValue, lineText: item["lineText"]?.stringValue)
        if let commit = item["commit"]?.stringValue {
            finding.provenance = Provenance(
                commit: commit, author: item["author"]?.stringValue ?? "", date: item["date"]?.stringValue ?? "",
                removedFromHead: item["removed"]?.boolValue, blob: item["blob"]?.stringValue)
        }
        finding.evidence = (item["evidence"]?.arrayValue ?? []).compactMap { e in
            guard let id = e["id"]?.stringValue, let weight = e["weight"]?.doubleValue else { return nil }
            return Evidence(id: id, weight: weight)
        }
        if let v = item["verification"], let status = v["status"]?.stringValue.flatMap(Verification.Status.init(rawValue:)) {
            finding.verification = Verification(
                status: status, detail: v["detail"]?.stringValue, host: v["host"]?.stringValue,
                checkedAt: v["checkedAt"]?.stringValue)
        }
        return finding
    }
}

extension SkipReason {
    /// The reason a JSON report names by `id` (with its `detail` text), as written by
    /// `JSONReporter`; an unknown id becomes `scanFailed` with the detail, so nothing is lost.
    init(id: String, detail: String) {
        func after(_ prefix: String) -> String { detail.hasPrefix(prefix) ? String(detail.dropFirst(prefix.count)) : detail }
        let numbers = detail.split(whereSeparator: { !$0.isNumber }).compactMap { Int64($0) }
        switch id {
        case "binary": self = .binary
        case "too-large" where numbers.count >= 2: self = .tooLarge(size: numbers[0], limit: numbers[1])
        case "symlink": self = .symlink
        case "symlink-loop": self = .symlinkLoop
        case "symlink-outside-roots": self = .symlinkOutsideRoots
        case "symlink-duplicate": self = .symlinkDuplicate
        case "depth-limit" where !numbers.isEmpty: self = .depthLimit(levels: Int(numbers[0]))
        case "broken-symlink": self = .brokenSymlink
        case "fifo": self = .fifo
        case "socket": self = .socket
        case "device": self = .device
        case "unreadable": self = .unreadable(message: after("unreadable: "))
        case "vanished": self = .vanished
        case "gzip-bomb" where !numbers.isEmpty: self = .decompressionRatio(limit: Int(numbers[0]))
        case "gzip-corrupt": self = .corruptCompressed(message: after("corrupt gzip stream: "))
        case "scan-error": self = .scanFailed(message: after("scan failed: "))
        default: self = .scanFailed(message: "\(id): \(detail)")
        }
    }
}

/// A report that cannot be read back: `path[:line:column]: error: message`.
public struct ReportReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public var description: String {
        let place = line.map { ":\($0):\(column ?? 1)" } ?? ""
        return "\(path)\(place): error: \(message)"
    }
}
