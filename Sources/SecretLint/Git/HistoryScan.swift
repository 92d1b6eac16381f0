import ScanResults
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `git history`: every blob reachable from the refs, each scanned exactly once, as a pipeline.
///
/// 1. `git log --reverse --date-order --raw -z -m --no-renames` lists, oldest commit first, every
///    blob each commit introduced and at which path (tree diffs only: no patches are computed).
///    The first (commit, path) seen for a blob is where it was introduced. A thread reads the log
///    as git writes it and asks one `git cat-file --batch` for each commit and each new blob.
/// 2. The calling thread reads the objects back in request order: a commit gives the provenance
///    (author, date) of the blobs it introduced, and its message is scanned like a blob.
/// 3. `jobs` threads scan the blobs and messages; results are taken back in request order, so
///    the report is the same for any number of jobs. What is read but not yet taken back is
///    bounded (`window`, `byteBudget`), so memory stays flat whatever the history.
/// 4. A value (rule id + secret + path: the fingerprint) found in several versions of a file is
///    reported once, at its earliest commit. It is `removed` when no blob in HEAD's tree holds the
///    same value (at any path): a secret deleted later still leaked, and the report says so.
extension GitScan {
    /// Objects read ahead of the oldest result not yet taken back, per job.
    static let historyWindowPerJob = 64
    /// Bytes of objects read ahead of the oldest result not yet taken back (one object may exceed it).
    static let historyByteBudget = 64 << 20

    /// What the log thread asked `cat-file` for, in request order.
    enum HistoryRequest: Sendable {
        /// Commit number `index` in log order.
        case commit(ObjectID, index: Int)
        /// A blob first seen in commit `commitIndex` at `path`.
        case blob(ObjectID, path: [UInt8], commitIndex: Int)
    }

    /// What a scan thread is given: one blob or commit message.
    struct HistoryItem: Sendable {
        var content: [UInt8]
        var size: Int
        var tooLarge: Bool
        var path: String
        var isMessage: Bool
    }

    static func history(_ repository: GitRepository, _ source: BlobScannerSource, refs: [String]) throws(GitError) -> GitScanReport {
        guard try repository.hasCommits() else { throw .noCommits }
        let runner = repository.runner
        var revisions: [String] = []
        if refs.isEmpty {
            revisions = ["HEAD"]
        } else {
            for ref in refs {
                if ref == "--all" { revisions.append("--all"); continue }
                revisions.append(try repository.resolve(ref))
            }
        }
        let log = try GitChild(
            runner: runner,
            arguments: ["log", "--reverse", "--date-order", "--format=%x01%H", "--raw", "-z", "--no-abbrev", "--no-renames", "-m",
                        "--no-color", "--no-ext-diff", "--no-textconv", "--submodule=short"] + revisions + ["--"])
        log.closeInput()
        let headBlobs = try blobsInHead(runner)
        let blobs = try source.scanner()
        let stream = try ObjectStream(runner: runner, maxSize: Int(clamping: blobs.maxSize))
        let requests = HistoryRequestQueue()
        let shard = source.request.shard
        let scansMessages = shard?.contains(path: commitMessagePath) ?? true
        let logThread = JoinableThread { [requestFD = stream.requestDescriptor, logFD = log.stdoutFD] in
            requests.finish(readingLog(logFD, requestFD: requestFD, shard: shard, into: requests))
        }
        let jobs = max(1, source.request.jobs ?? onlineProcessorCount())
        let pool = OrderedWorkPool<HistoryItem, BlobScanner.Outcome>(
            jobs: jobs, makeState: { [source] in source.workerScanner() },
            work: { blobs, item in
                if !item.isMessage, let reason = blobs.skipReason(size: item.size, content: item.content, tooLarge: item.tooLarge) {
                    return .skipped(reason)
                }
                return blobs.scan(item.content, path: item.path, added: nil)
            })
        var merge = HistoryMerge(headBlobs: headBlobs)
        var report = GitScanReport()
        // Submitted items whose results are not taken back yet: request and bytes, by number.
        var pending: [Int: (request: HistoryRequest, bytes: Int)] = [:]
        var submitted = 0, taken = 0, bytesInFlight = 0
        let window = jobs * historyWindowPerJob
        var announcedPlan = false
        /// Merges one result and tells the observer (progress) about blobs; the number of blobs is
        /// announced once the log thread has listed them all.
        func apply(_ outcome: BlobScanner.Outcome, _ entry: (request: HistoryRequest, bytes: Int)) {
            let before = merge.findingCount
            merge.apply(outcome, of: entry.request, size: entry.bytes, report: &report)
            guard let observer = blobs.observer else { return }
            if !announcedPlan, let listed = requests.blobsListed {
                observer.planned(blobs: listed)
                announcedPlan = true
            }
            if case .blob = entry.request { observer.scanned(bytes: Int64(entry.bytes), findings: merge.findingCount - before) }
        }
        func takeBack(waitingForRoom: Bool) {
            while taken < submitted {
                let full = submitted - taken >= window || bytesInFlight > historyByteBudget
                guard let outcome = waitingForRoom && full ? pool.result(taken) : pool.readyResult(taken) else { return }
                let entry = pending.removeValue(forKey: taken)!
                apply(outcome, entry)
                bytesInFlight -= entry.bytes
                taken += 1
            }
        }
        var failure: GitError?
        while let request = requests.next() {
            let object: BatchObject
            do throws(GitError) {
                guard let next = try stream.next() else { throw .unexpectedOutput("cat-file ended early") }
                object = next
            } catch {
                failure = error
                break
            }
            let item: HistoryItem
            switch request {
            case .commit:
                let commit = GitOutputParser.commit(object.content)
                merge.provenance.append(GitProvenance(commit: object.id.hex, author: commit.author, date: commit.date))
                let message = scansMessages ? commit.message : []
                item = HistoryItem(
                    content: message, size: message.count, tooLarge: false, path: commitMessagePath, isMessage: true)
            case .blob(_, let path, _):
                item = HistoryItem(
                    content: object.content, size: object.size, tooLarge: object.tooLarge, path: GitOutputParser.displayPath(path),
                    isMessage: false)
            }
            pending[submitted] = (request, item.content.count)
            bytesInFlight += item.content.count
            submitted += 1
            pool.submit(item)
            takeBack(waitingForRoom: true)
        }
        if failure != nil {
            // Unblock the log thread (writing requests) and git log (writing to it).
            stream.terminate()
            kill(log.pid, SIGKILL)
        }
        while taken < submitted {
            let entry = pending.removeValue(forKey: taken)!
            apply(pool.result(taken), entry)
            taken += 1
        }
        pool.close()
        logThread.join()
        if let failure { throw failure }
        if case .failure(let error) = requests.outcome {
            // The log thread stopped reading: git log may be waiting to write.
            kill(log.pid, SIGKILL)
            throw error
        }
        let logErrors = log.drainStandardError()
        let logStatus = log.wait()
        guard logStatus == 0 else {
            throw .commandFailed(arguments: ["log"], status: logStatus, message: GitRunner.firstLines(logErrors))
        }
        try stream.finish()
        report.skipped += requests.submodules.map { SkippedInput(path: GitOutputParser.displayPath($0), reason: .submodule) }
        if shard != nil, merge.hasValuesNotKnownInHead {
            // A value this shard found may sit in a HEAD blob another shard scans: read those (only
            // to decide `removed` exactly as one run would).
            merge.noteValuesInHead(try headValuesOutsideShard(
                headBlobs, scanned: requests.requestedBlobs, introducedAt: requests.introducedPaths, runner: runner, blobs: blobs))
        }
        report.findings = merge.findings()
        report.commitsScanned = merge.provenance.count
        report.stats.jobs = jobs
        return report
    }

    /// The log thread: parses `git log --format=%x01%H --raw -z` from `logFD` as git writes it and
    /// writes the id of each new commit and each blob not seen before to `requestFD` (which it
    /// closes), queueing each request in `requests` before writing it.
    /// With a `shard`, only the blobs introduced at a path of that shard are asked for; every new
    /// blob's introducing path is recorded (`HistoryRequestQueue.introducedPaths`) for the HEAD
    /// check across shards.
    static func readingLog(
        _ logFD: Int32, requestFD: Int32, shard: Shard? = nil, into requests: HistoryRequestQueue
    ) -> Result<Void, GitError> {
        JoinableThread.ignoreBrokenPipes()
        defer { close(requestFD) }
        let reader = PipeReader(fd: logFD)
        var writer = RequestWriter(fd: requestFD)
        var commitIndex: [ObjectID: Int] = [:]
        var seenBlobs: Set<ObjectID> = []
        var current: Int?
        do throws(GitError) {
            while let token = reader.record(until: 0) {
                let meta = token[...].drop { $0 == UInt8(ascii: "\n") }
                if meta.isEmpty { continue }
                if meta.first == 1 {
                    let id = ObjectID(String(decoding: meta.dropFirst().prefix { $0 != UInt8(ascii: " ") }, as: UTF8.self))
                    if let known = commitIndex[id] {
                        current = known
                    } else {
                        current = commitIndex.count
                        commitIndex[id] = commitIndex.count
                        requests.append(.commit(id, index: current!))
                        try writer.request(id)
                    }
                    continue
                }
                guard let commit = current else { throw GitError.unexpectedOutput("log entry before any commit") }
                guard let entry = try GitOutputParser.rawEntry(meta: meta, nextToken: { reader.record(until: 0)?[...] }) else { continue }
                if entry.isDeletion || entry.newID.isNull { continue }
                if entry.isSubmodule {
                    requests.noteSubmodule(entry.path)
                    continue
                }
                if seenBlobs.insert(entry.newID).inserted {
                    if let shard {
                        requests.noteIntroduction(entry.newID, path: entry.path)
                        guard shard.contains(path: GitOutputParser.displayPath(entry.path)) else { continue }
                    }
                    requests.append(.blob(entry.newID, path: entry.path, commitIndex: commit))
                    try writer.request(entry.newID)
                }
            }
            requests.noteListingComplete()
            try writer.flush()
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// The blob ids in HEAD's tree (empty on an unborn branch).
    static func blobsInHead(_ runner: GitRunner) throws(GitError) -> Set<ObjectID> {
        try treeBlobs(listing: runner.output(["ls-tree", "-r", "-z", "--full-tree", "HEAD"]))
    }

    /// The blob ids of `git ls-tree -r -z` output (trees, commits and malformed records left out).
    static func treeBlobs(listing: [UInt8]) -> Set<ObjectID> {
        var result: Set<ObjectID> = []
        for record in listing.split(separator: 0) {
            // `<mode> SP <type> SP <id> TAB <path>`
            guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let fields = record[..<tab].split(separator: UInt8(ascii: " "))
            if fields.count == 3, fields[1].elementsEqual("blob".utf8) {
                result.insert(ObjectID(String(decoding: fields[2], as: UTF8.self)))
            }
        }
        return result
    }
}

/// Object ids written to `cat-file --batch`, a few at a time.
struct RequestWriter {
    let fd: Int32
    private var buffer: [UInt8] = []
    /// Requests are written in small batches so that `cat-file` starts early and the reading
    /// thread never waits long for an id still in this buffer.
    static let batch = 4096

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(Self.batch + 128)
    }

    mutating func request(_ id: ObjectID) throws(GitError) {
        buffer.append(contentsOf: id.hex.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.batch { try flush() }
    }

    mutating func flush() throws(GitError) {
        var written = 0
        let failed = buffer.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let n = write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                written += n
            }
            return false
        }
        buffer.removeAll(keepingCapacity: true)
        if failed { throw .unexpectedOutput("git cat-file stopped reading requests") }
    }
}
