import Dispatch
import SecretRules
import SecretScanner
import Synchronization

/// Runs scans: walks the request's paths, scans every target on worker threads, and collects
/// findings (redacted), skipped files with reasons, warnings and stats into a `ScanReport`.
public enum Linter {
    /// Plans the scan: walks every path of the request. Throws when a path does not exist or a
    /// directory named in the request cannot be listed, or when stdin is named twice.
    public static func plan(_ request: ScanRequest) throws(ScanError) -> ScanPlan {
        var walker = DirectoryWalker(
            useIgnoreFiles: request.useIgnoreFiles, followSymlinks: request.followSymlinks,
            workingDirectory: request.workingDirectory)
        let paths = request.paths.isEmpty ? ["."] : request.paths
        if paths.count(where: { $0 == "-" }) > 1 { throw .stdinTwice }
        for path in paths {
            try walker.addRoot(path, stdinName: request.stdinName)
        }
        return walker.finish()
    }

    /// Scans the targets of `plan` on `request.jobs` threads (default: every processor), each
    /// with its own scanner from `makeScanner`. One failing target is recorded as skipped and the
    /// run goes on. The report's order depends only on paths and positions, never on scheduling.
    /// `maxFileSize` overrides `request.maxFileSize` (the config's limit, resolved by the caller).
    public static func execute(
        _ plan: ScanPlan, request: ScanRequest, maxFileSize: Int64? = nil, failOn: Severity = .low,
        events: (any ScanEventSink)? = nil,
        makeScanner: @escaping @Sendable () throws -> any ContentScanner
    ) -> ScanReport {
        let start = ContinuousClock.now
        let settings = TargetScanSettings(
            maxFileSize: maxFileSize ?? request.maxFileSize, scanBinary: request.scanBinary,
            followSymlinks: request.followSymlinks, maxDecompressionRatio: request.maxDecompressionRatio,
            redact: request.redact, inMemoryLimit: request.inMemoryLimit)
        let targets = plan.targets
        let jobs = max(1, min(request.jobs.flatMap { $0 > 0 ? $0 : nil } ?? onlineProcessorCount(), max(1, targets.count)))
        let next = Mutex(0)
        let outcomes = Mutex([TargetOutcome?](repeating: nil, count: targets.count))
        let setupFailure = Mutex<String?>(nil)

        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            let scanner: any ContentScanner
            do {
                scanner = try makeScanner()
            } catch {
                setupFailure.withLock { $0 = "\(error)" }
                return
            }
            let scan = TargetScan(settings: settings, scanner: scanner)
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < targets.count else { return }
                let target = targets[index]
                let outcome = scan.run(target)
                if let events {
                    switch outcome {
                    case .scanned(_, let bytes, let warnings):
                        for warning in warnings { events.receive(.warning("\(target.path): \(warning)")) }
                        events.receive(.scanned(path: target.path, bytes: bytes))
                    case .skipped(let reason, _):
                        events.receive(.skipped(SkippedFile(path: target.path, reason: reason)))
                    }
                }
                outcomes.withLock { $0[index] = outcome }
            }
        }

        var report = ScanReport(failOn: failOn)
        report.skipped = plan.skipped
        report.stats.filesIgnored = plan.ignored
        report.stats.jobs = jobs
        let results = outcomes.withLock { $0 }
        for (target, outcome) in zip(targets, results) {
            switch outcome {
            case .scanned(let findings, let bytes, let warnings):
                report.findings += findings
                report.stats.filesScanned += 1
                report.stats.bytesScanned += bytes
                report.warnings += warnings.map { "\(target.path): \($0)" }
            case .skipped(let reason, let warnings):
                report.skipped.append(SkippedFile(path: target.path, reason: reason))
                report.warnings += warnings.map { "\(target.path): \($0)" }
            case nil:
                let message = setupFailure.withLock { $0 } ?? "not scanned"
                report.skipped.append(SkippedFile(path: target.path, reason: .scanFailed(message: message)))
            }
        }
        report.findings.sort(by: Self.reportOrder)
        report.skipped.sort { ($0.path, $0.reason.id) < ($1.path, $1.reason.id) }
        report.stats.durationSeconds = Self.seconds(ContinuousClock.now - start)
        return report
    }

    /// Sort order of findings: path (bytes), line, column, rule id, end position.
    static func reportOrder(_ a: ReportedFinding, _ b: ReportedFinding) -> Bool {
        if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return (a.endLine, a.endColumn) < (b.endLine, b.endColumn)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (s, attos) = duration.components
        return Double(s) + Double(attos) / 1e18
    }
}
