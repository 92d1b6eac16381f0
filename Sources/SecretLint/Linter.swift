import Dispatch
import ScanResults
import SecretRules
import SecretScanner
import Locking

/// Runs scans: walks the request's paths, scans every input on worker threads, and pushes
/// findings (redacted), skipped inputs with reasons and warnings into a `ScanSink` in report order.
public enum Linter {
    /// Plans the scan: walks every path of the request. Throws when a path does not exist or a
    /// directory named in the request cannot be listed, or when stdin is named twice.
    public static func plan(_ request: ScanRequest) throws(ScanError) -> ScanPlan {
        // Other walkers (git) build their plan themselves and call `execute`.
        var walker = DirectoryWalker(
            roots: request.paths.isEmpty ? ["."] : request.paths, stdinName: request.stdinName,
            useIgnoreFiles: request.useIgnoreFiles, followSymlinks: request.followSymlinks,
            workingDirectory: request.workingDirectory)
        walker.followSymlinksOutsideRoots = request.followSymlinksOutsideRoots
        let plan = try walker.walk()
        return request.shard.map(plan.restricted(to:)) ?? plan
    }

    /// How many inputs may be scanned ahead of the oldest one not yet delivered, per worker. Bounds
    /// the reorder buffer (and so memory) when one early input is slow.
    static let reorderWindowPerJob = 64

    /// Scans the targets of `plan` on `request.jobs` threads (default: every processor), each with
    /// its own scanner from `makeScanner`, and delivers the results to `sink` on the calling thread
    /// in target order (a reorder buffer by target index): the output is identical for any number
    /// of jobs. One failing target is recorded as skipped and the run goes on. `maxFileSize`
    /// overrides `request.maxFileSize` (the config's limit, resolved by the caller). Throws
    /// `ScanError.output` when the sink fails (the workers are stopped first).
    public static func execute(
        _ plan: ScanPlan, request: ScanRequest, maxFileSize: Int64? = nil, failOn: Severity = .low,
        tool: ToolInfo = ToolInfo(name: "tokenaudit", version: ""), stats base: ScanStats = ScanStats(),
        into sink: inout some ScanSink,
        makeScanner: @escaping @Sendable () throws -> any ContentScanner
    ) throws(ScanError) -> ScanSummary {
        let start = ContinuousClock.now
        let settings = TargetScanSettings(
            bytes: ByteSourceSettings(
                maxFileSize: maxFileSize ?? request.maxFileSize, scanBinary: request.scanBinary,
                followSymlinks: request.followSymlinks, maxDecompressionRatio: request.maxDecompressionRatio,
                inMemoryLimit: request.inMemoryLimit),
            redact: request.redact)
        let targets = plan.targets
        let jobs = max(1, min(request.jobs.flatMap { $0 > 0 ? $0 : nil } ?? onlineProcessorCount(), max(1, targets.count)))
        let buffer = ReorderBuffer(count: targets.count, window: jobs * reorderWindowPerJob)

        let workers = DispatchGroup()
        DispatchQueue.global().async(group: workers) {
            DispatchQueue.concurrentPerform(iterations: jobs) { _ in
                let scan: TargetScan?
                let setupFailure: String?
                do {
                    scan = TargetScan(settings: settings, scanner: try makeScanner())
                    setupFailure = nil
                } catch {
                    scan = nil
                    setupFailure = "\(error)"
                }
                while let index = buffer.claim() {
                    let outcome: TargetOutcome
                    if buffer.isCancelled {
                        outcome = .skipped(.scanFailed(message: "cancelled"), warnings: [])
                    } else if let scan {
                        outcome = scan.run(targets[index])
                    } else {
                        outcome = .skipped(.scanFailed(message: setupFailure ?? "not scanned"), warnings: [])
                    }
                    buffer.complete(index, outcome)
                }
            }
        }

        var stats = base
        stats.filesIgnored = plan.ignored
        stats.jobs = jobs
        var skipped = plan.skipped
        var warnings: [String] = []
        var incomplete: [IncompleteInput] = []
        var sinkError: (any Error)?
        func deliver(_ body: () throws -> Void) {
            guard sinkError == nil else { return }
            do { try body() } catch {
                sinkError = error
                buffer.cancel()
            }
        }
        deliver { try sink.begin(tool: tool) }
        deliver { try sink.planned(inputs: targets.count) }
        for input in plan.skipped { deliver { try sink.skipped(input) } }
        for (index, target) in targets.enumerated() {
            let outcome = buffer.next(index)
            // Reports show a path that is not UTF-8 escaped (`b/\xFF.txt`).
            let shown = PathBytes.displayed(target.path)
            switch outcome {
            case .scanned(let findings, let spilled, let bytes, let targetWarnings, let gaps):
                stats.filesScanned += 1
                incomplete += gaps.map { IncompleteInput(path: shown, reason: $0) }
                stats.bytesScanned += bytes
                for warning in targetWarnings {
                    let message = "\(shown): \(warning)"
                    warnings.append(message)
                    deliver { try sink.warning(message) }
                }
                deliver { try sink.inputScanned(path: shown, bytes: bytes) }
                for finding in findings {
                    stats.findingsBySeverity[finding.severity, default: 0] += 1
                    deliver { try sink.finding(finding) }
                }
                if let spilled, sinkError == nil {
                    // Read back from disk one at a time. A spill that cannot be read back ends the
                    // run with an error: a report missing findings must not look complete.
                    do {
                        try spilled.deliver { finding in
                            stats.findingsBySeverity[finding.severity, default: 0] += 1
                            try sink.finding(finding)
                        }
                    } catch {
                        sinkError = error
                        buffer.cancel()
                    }
                }
            case .skipped(let reason, let targetWarnings):
                for warning in targetWarnings {
                    let message = "\(shown): \(warning)"
                    warnings.append(message)
                    deliver { try sink.warning(message) }
                }
                let input = SkippedInput(path: shown, reason: reason)
                skipped.append(input)
                deliver { try sink.skipped(input) }
            }
        }
        workers.wait()
        skipped.sort(by: SkippedInput.reportOrder)
        stats.durationSeconds += seconds(ContinuousClock.now - start)
        let paths = (request.paths.isEmpty ? ["."] : request.paths).map(PathBytes.displayed)
        let summary = ScanSummary(
            coverage: Coverage(roots: paths, skipped: skipped, incomplete: incomplete), warnings: warnings, stats: stats, failOn: failOn)
        deliver { try sink.end(summary) }
        if let sinkError { throw .output(message: "\(sinkError)") }
        return summary
    }

    /// `execute` collecting everything into a `ScanReport` (tests, and callers that want the whole
    /// result in memory).
    public static func execute(
        _ plan: ScanPlan, request: ScanRequest, maxFileSize: Int64? = nil, failOn: Severity = .low,
        makeScanner: @escaping @Sendable () throws -> any ContentScanner
    ) -> ScanReport {
        var sink = CollectingSink()
        // A CollectingSink never throws, so neither does execute.
        _ = try? execute(plan, request: request, maxFileSize: maxFileSize, failOn: failOn, into: &sink, makeScanner: makeScanner)
        return sink.report
    }

    static func seconds(_ duration: Duration) -> Double {
        let (s, attos) = duration.components
        return Double(s) + Double(attos) / 1e18
    }
}

/// Hands target indexes to workers in order and gives their outcomes back in order.
///
/// Workers `claim` the next index (blocking while `window` claimed outcomes wait undelivered) and
/// `complete` it; the delivering thread takes outcomes with `next(i)` for i = 0, 1, 2, ….
/// Memory holds at most `window` outcomes whatever the number of targets.
final class ReorderBuffer: Sendable {
    private struct State {
        var nextClaim = 0
        var ready: [Int: TargetOutcome] = [:]
        var cancelled = false
    }

    private let count: Int
    private let state = Locked(State())
    /// Signalled once per completed outcome.
    private let completed = DispatchSemaphore(value: 0)
    /// Free places in the window; a worker takes one per claim, the deliverer returns one per
    /// delivered outcome.
    private let slots: DispatchSemaphore

    init(count: Int, window: Int) {
        self.count = count
        self.slots = DispatchSemaphore(value: max(1, window))
    }

    /// The next index to scan, or nil when every index is claimed.
    func claim() -> Int? {
        slots.wait()
        let index = state.withLock { state -> Int? in
            guard state.nextClaim < count else { return nil }
            defer { state.nextClaim += 1 }
            return state.nextClaim
        }
        if index == nil { slots.signal() }
        return index
    }

    func complete(_ index: Int, _ outcome: TargetOutcome) {
        state.withLock { $0.ready[index] = outcome }
        completed.signal()
    }

    /// The outcome of `index`, waiting until it is complete. Call for 0, 1, 2, … in order.
    func next(_ index: Int) -> TargetOutcome {
        while true {
            if let outcome = state.withLock({ $0.ready.removeValue(forKey: index) }) {
                slots.signal()
                return outcome
            }
            completed.wait()
        }
    }

    /// Asks workers to stop scanning (remaining targets complete at once as not scanned).
    func cancel() { state.withLock { $0.cancelled = true } }

    var isCancelled: Bool { state.withLock { $0.cancelled } }
}
