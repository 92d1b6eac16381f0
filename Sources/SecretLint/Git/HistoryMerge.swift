import Dispatch
import ScanResults
import Locking

/// The requests the history log thread made, handed to the reading thread in order.
final class HistoryRequestQueue: Sendable {
    private struct State {
        var requests: [GitScan.HistoryRequest?] = []
        var head = 0
        var outcome: Result<Void, GitError>?
        var submodules: [[UInt8]] = []
        var seenSubmodules: Set<[UInt8]> = []
        var blobsRequested = 0
        var requestedBlobs: Set<ObjectID> = []
        var listingComplete = false
        var introducedPaths: [ObjectID: [UInt8]] = [:]
    }

    private let state = Locked(State())
    /// Signalled once per request and once at the end.
    private let signal = DispatchSemaphore(value: 0)

    func append(_ request: GitScan.HistoryRequest) {
        state.withLock { state in
            state.requests.append(request)
            if case .blob(let id, _, _) = request {
                state.blobsRequested += 1
                state.requestedBlobs.insert(id)
            }
        }
        signal.signal()
    }

    /// A blob first seen at `path` (recorded for sharded scans, whether or not it is asked for).
    func noteIntroduction(_ id: ObjectID, path: [UInt8]) {
        state.withLock { $0.introducedPaths[id] = path }
    }

    /// The log has been read to its end: every blob request is queued.
    func noteListingComplete() { state.withLock { $0.listingComplete = true } }

    /// The number of blobs asked for, once the log has been listed to its end (nil before).
    var blobsListed: Int? { state.withLock { $0.listingComplete ? $0.blobsRequested : nil } }
    /// Every blob asked for.
    var requestedBlobs: Set<ObjectID> { state.withLock { $0.requestedBlobs } }
    /// Where each new blob was first seen (sharded scans only).
    var introducedPaths: [ObjectID: [UInt8]] { state.withLock { $0.introducedPaths } }

    /// A submodule path (gitlink) met in the log; each path is kept once.
    func noteSubmodule(_ path: [UInt8]) {
        state.withLock { state in
            if state.seenSubmodules.insert(path).inserted { state.submodules.append(path) }
        }
    }

    /// The log thread is done (`outcome` says whether the log was read to its end).
    func finish(_ outcome: Result<Void, GitError>) {
        state.withLock { $0.outcome = outcome }
        signal.signal()
    }

    /// The next request, waiting for it; nil once the log thread is done and every request was taken.
    func next() -> GitScan.HistoryRequest? {
        while true {
            signal.wait()
            let next = state.withLock { state -> GitScan.HistoryRequest?? in
                if state.head < state.requests.count {
                    let request = state.requests[state.head]
                    state.requests[state.head] = nil
                    state.head += 1
                    if state.head >= 4096 {
                        state.requests.removeFirst(state.head)
                        state.head = 0
                    }
                    return .some(request)
                }
                return state.outcome != nil ? .some(nil) : nil
            }
            if let next { return next }
        }
    }

    /// How the log thread ended (nil while it runs).
    var outcome: Result<Void, GitError>? { state.withLock { $0.outcome } }
    /// Submodule paths met in the log, in order.
    var submodules: [[UInt8]] { state.withLock { $0.submodules } }
}

/// The history scan's results, merged in request order: each value once per path, at the earliest
/// commit that introduced it, marked removed when no blob of HEAD holds it.
struct HistoryMerge {
    let headBlobs: Set<ObjectID>
    /// Provenance of each commit, by commit index (in log order).
    var provenance: [GitProvenance] = []
    private var byFingerprint: [String: (finding: GitFinding, commitIndex: Int)] = [:]
    private var valuesInHead: Set<[UInt8]> = []
    private var valueOfFingerprint: [String: [UInt8]] = [:]

    init(headBlobs: Set<ObjectID>) { self.headBlobs = headBlobs }

    /// Distinct findings so far.
    var findingCount: Int { byFingerprint.count }

    /// Whether some finding in a file (not a message) holds a value no scanned HEAD blob holds.
    var hasValuesNotKnownInHead: Bool {
        byFingerprint.contains { fingerprint, entry in
            entry.finding.finding.path != GitScan.commitMessagePath && !valuesInHead.contains(valueOfFingerprint[fingerprint] ?? [])
        }
    }

    /// Values found in HEAD blobs scanned elsewhere (another shard's).
    mutating func noteValuesInHead(_ values: Set<[UInt8]>) { valuesInHead.formUnion(values) }

    /// Merges the outcome of `request` (whose object was `size` bytes) into `report`.
    mutating func apply(_ outcome: BlobScanner.Outcome, of request: GitScan.HistoryRequest, size: Int, report: inout GitScanReport) {
        switch request {
        case .commit(_, let index):
            guard case .scanned(let findings, let keys, let warnings, let gaps) = outcome else { return }
            report.warnings += warnings
            report.incomplete += gaps.map { IncompleteInput(path: "\(GitScan.commitMessagePath) \(provenance[index].commit)", reason: $0) }
            for (finding, key) in zip(findings, keys) where byFingerprint[finding.fingerprint] == nil {
                byFingerprint[finding.fingerprint] = (GitFinding(finding: finding, provenance: provenance[index]), index)
                valueOfFingerprint[finding.fingerprint] = key
            }
        case .blob(let id, let rawPath, let commitIndex):
            let path = GitOutputParser.displayPath(rawPath)
            switch outcome {
            case .skipped(let reason):
                report.skipped.append(SkippedInput(path: "\(path) (\(id.short))", reason: reason))
            case .scanned(let findings, let keys, let warnings, let gaps):
                report.stats.filesScanned += 1
                report.stats.bytesScanned += Int64(size)
                report.warnings += warnings
                report.incomplete += gaps.map { IncompleteInput(path: "\(path) (\(id.short))", reason: $0) }
                let inHead = headBlobs.contains(id)
                for (finding, key) in zip(findings, keys) {
                    if inHead { valuesInHead.insert(key) }
                    if let existing = byFingerprint[finding.fingerprint], existing.commitIndex <= commitIndex { continue }
                    byFingerprint[finding.fingerprint] = (GitFinding(finding: finding, provenance: provenance[commitIndex]), commitIndex)
                    valueOfFingerprint[finding.fingerprint] = key
                }
            }
        }
    }

    /// Every finding, with `removed` set for values no longer in HEAD (not for commit messages).
    func findings() -> [GitFinding] {
        byFingerprint.map { fingerprint, entry in
            var finding = entry.finding
            if finding.finding.path != GitScan.commitMessagePath, let key = valueOfFingerprint[fingerprint] {
                finding.provenance?.removed = !valuesInHead.contains(key)
            }
            return finding
        }
    }
}
