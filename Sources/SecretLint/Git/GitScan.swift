import ScanResults
import PCRE2
import SecretRules
import SecretScanner
import Dispatch

/// Git input as a walker layer: the index for pre-commit, commit ranges for CI, and every
/// reachable blob once for history audits. No work tree file is read and no repository walk
/// happens.
/// - `staged` (StagedScan.swift): one `git diff --cached` whose whole-file patch holds the staged
///   files' bytes and added lines; `cat-file` only for what git prints as binary.
/// - `range`: one `diff-tree --stdin --raw -z -p -U0` per batch of commits (raw listing and added
///   lines of each), blobs through one `cat-file --batch`, one engine worker.
/// - `history` (HistoryScan.swift): `log --raw -z` read as git writes it, one `cat-file --batch`,
///   blobs scanned on `jobs` threads and merged in request order.
public enum GitScan {
    /// The path findings in commit messages are reported under.
    public static let commitMessagePath = "<commit message>"

    /// Runs one git scan. Throws for problems with the run (no git, not a repository, unknown
    /// revision, bad config, a corrupt object); skipped blobs are recorded in the report.
    public static func run(_ request: GitScanRequest) throws(GitScanError) -> GitScanReport {
        let start = ContinuousClock.now
        // The built-in rule packs do not depend on the repository: parse them while git finds it.
        DispatchQueue.global().async { BuiltinRules.prepare() }
        let repository: GitRepository
        do {
            repository = try GitRepository.open(directory: request.directory, trustGitEnvironment: request.trustGitEnvironment)
        } catch { throw .git(error) }
        // The config and engine are built on another thread while git lists the changes: on a
        // small staged change the two take about as long as each other.
        let setupResult = ConcurrentResult {
            Result { () throws(ScanError) -> ScanSetup in
                var scanRequest = ScanRequest(
                    paths: [repository.topLevel], configPath: request.configPath, maxFileSize: request.maxFileSize,
                    redact: request.redact, jit: request.jit, reportKnownExamples: request.reportKnownExamples,
                    failOn: request.failOn)
                scanRequest.fingerprintKey = request.fingerprintKey
                return try ScanSetup.load(scanRequest)
            }
        }
        let blobs = BlobScannerSource(setup: setupResult, request: request)
        var report: GitScanReport
        do {
            switch request.mode {
            case .staged: report = try staged(repository, blobs)
            case .range(let base, let head): report = try range(repository, blobs, base: base, head: head)
            case .history(let refs): report = try history(repository, blobs, refs: refs)
            }
        } catch {
            if case .failure(let setupError) = setupResult.value { throw .scan(setupError) }
            throw .git(error)
        }
        let setup: ScanSetup
        do { setup = try setupResult.value.get() } catch { throw .scan(error) }
        report.failOn = setup.failOn
        report.sirportlyURL = setup.sirportlyURL
        report.mode = request.mode
        report.stats.rules = setup.rules.count
        report.stats.jit = request.jit == .ifAvailable && PCRE2Library.jitSupported
        report.stats.durationSeconds = Linter.seconds(ContinuousClock.now - start)
        report.findings.sort { a, b in
            let (x, y) = (a.finding, b.finding)
            if x.path != y.path { return Array(x.path.utf8).lexicographicallyPrecedes(Array(y.path.utf8)) }
            if x.line != y.line { return x.line < y.line }
            if x.column != y.column { return x.column < y.column }
            if x.ruleID != y.ruleID { return x.ruleID < y.ruleID }
            let (p, q) = (a.provenance, b.provenance)
            if p?.date != q?.date { return (p?.date ?? "") < (q?.date ?? "") }
            // Ties (two commits in the same second): the order must not depend on a hash table.
            if p?.commit != q?.commit { return (p?.commit ?? "") < (q?.commit ?? "") }
            return x.fingerprint < y.fingerprint
        }
        report.skipped.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        return report
    }

    /// Options common to every diff command: no renames guessed beyond `-M`, no external tools.
    static let diffOptions = ["--no-color", "--no-ext-diff", "--no-textconv", "--submodule=short", "-M", "--no-abbrev"]

    /// A blob to scan for one change: its path, the added lines (nil: all), and the commit.
    struct Change {
        var id: ObjectID
        var path: String
        var added: AddedLines?
        var commit: String?
    }

    /// Pairs raw entries with their patch sections and drops what is not scanned (deletions,
    /// submodules, recorded as skipped).
    static func changedBlobs(_ entries: [DiffEntry], patch: [UInt8], commit: String?, report: inout GitScanReport) -> [Change] {
        let sections = GitOutputParser.addedLines(patch: patch)
        let aligned = sections.count == entries.count
        if !aligned {
            report.warnings.append("could not pair the diff's hunks with its files; scanning whole files\(commit.map { " in \($0)" } ?? "")")
        }
        var changes: [Change] = []
        for (index, entry) in entries.enumerated() {
            let path = GitOutputParser.displayPath(entry.path)
            if entry.isDeletion || entry.newID.isNull { continue }
            if entry.isSubmodule {
                report.skipped.append(SkippedInput(path: path, reason: .submodule))
                continue
            }
            let added: AddedLines? = aligned ? sections[index] : nil
            if let added, added.ranges.isEmpty { continue }  // a pure rename or mode change adds no line
            changes.append(Change(id: entry.newID, path: path, added: added, commit: commit))
        }
        return changes
    }

    /// Reads the changes' blobs in one `cat-file --batch` and scans each. `announce`: tell the
    /// observer how many blobs there are (false when the caller already counted them).
    static func scanChanges(
        _ changes: [Change], runner: GitRunner, blobs: BlobScanner, provenance: [String: GitProvenance],
        seen: inout Set<String>, report: inout GitScanReport, announce: Bool = true
    ) throws(GitError) {
        guard !changes.isEmpty else { return }
        let stream = try ObjectStream(runner: runner, requests: changes.map(\.id), maxSize: Int(clamping: blobs.maxSize))
        if announce { blobs.observer?.planned(blobs: changes.count) }
        for change in changes {
            guard let object = try stream.next() else { throw .unexpectedOutput("cat-file ended early") }
            let reportedBefore = report.findings.count
            defer { blobs.observer?.scanned(bytes: Int64(object.size), findings: report.findings.count - reportedBefore) }
            scanBlob(
                object.content, size: object.size, tooLarge: object.tooLarge, path: change.path, added: change.added,
                provenance: change.commit.flatMap { provenance[$0] }, blobs: blobs, seen: &seen, report: &report)
        }
        try stream.finish()
    }

    /// Scans one blob's bytes into `report` (or records why it was not scanned): findings on
    /// `added` lines whose fingerprint `seen` does not hold yet, warnings, coverage gaps, counts.
    static func scanBlob(
        _ content: [UInt8], size: Int, tooLarge: Bool, path: String, added: AddedLines?, provenance: GitProvenance?,
        blobs: BlobScanner, seen: inout Set<String>, report: inout GitScanReport
    ) {
        if let reason = blobs.skipReason(size: size, content: content, tooLarge: tooLarge) {
            report.skipped.append(SkippedInput(path: path, reason: reason))
            return
        }
        report.stats.filesScanned += 1
        report.stats.bytesScanned += Int64(size)
        guard case .scanned(let findings, _, let warnings, let gaps) = blobs.scan(content, path: path, added: added) else { return }
        report.warnings += warnings
        report.incomplete += gaps.map { IncompleteInput(path: path, reason: $0) }
        for finding in findings where seen.insert(finding.fingerprint).inserted {
            report.findings.append(GitFinding(finding: finding, provenance: provenance))
        }
    }

    // MARK: range

    static func range(_ repository: GitRepository, _ source: BlobScannerSource, base: String, head: String) throws(GitError) -> GitScanReport {
        guard try repository.hasCommits() else { throw .noCommits }
        let runner = repository.runner
        let headID = try repository.resolve(head)
        let baseID = try repository.resolve(base)
        let listing = try runner.output(["rev-list", "--reverse", "--topo-order", "--parents", "\(baseID)..\(headID)", "--"])
        let commits = listing.split(separator: UInt8(ascii: "\n")).map { line in
            line.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
        }
        var report = GitScanReport()
        guard !commits.isEmpty else {
            report.nothingToScan = "no commits in \(base)..\(head)"
            return report
        }
        let blobs = try source.scanner()
        let provenance = try commitDetails(commits.map { $0[0] }, runner: runner, blobs: blobs, report: &report)
        // A merge's content is scanned in the commits it merges (its message is scanned); in a
        // shallow clone a commit whose parents are cut off shows its whole tree as added (`--root`).
        let diffed = commits.filter { $0.count <= 2 }.map { $0[0] }
        var changes: [Change] = []
        // One `diff-tree --stdin` per batch of commits (one process per commit was most of a long
        // range's time): per commit its id, the raw listing and, after an empty record, the patch.
        for start in stride(from: 0, to: diffed.count, by: rangeBatch) {
            let batch = diffed[start..<min(start + rangeBatch, diffed.count)]
            let input = Array(batch.joined(separator: "\n").utf8) + [UInt8(ascii: "\n")]
            let output = try runner.output(["diff-tree", "--stdin", "--root", "-r", "--raw", "-z", "-p", "-U0"] + diffOptions, input: input)
            let asked = Set(batch)
            for commit in try stdinDiffs(output) {
                guard asked.contains(commit.id) else {
                    throw .unexpectedOutput("diff-tree --stdin answered for commit \(commit.id), which was not asked")
                }
                guard !commit.entries.isEmpty else { continue }
                changes += changedBlobs(commit.entries, patch: commit.patch, commit: commit.id, report: &report)
            }
        }
        var seen: Set<String> = []
        try scanChanges(changes, runner: runner, blobs: blobs, provenance: provenance, seen: &seen, report: &report)
        report.commitsScanned = commits.count
        return report
    }

    /// Commits per `diff-tree --stdin` process in `range`: bounds the output held at once.
    static let rangeBatch = 256

    /// `diff-tree --stdin -z --raw -p` output split per commit: the commit id (NUL-terminated), its
    /// raw entries (read by `GitOutputParser.rawEntry`, which knows how many paths each takes), and,
    /// after an empty record, its patch, which holds no NUL and ends at the line before the next
    /// commit id. A commit with an empty diff is left out by git.
    static func stdinDiffs(_ output: [UInt8]) throws(GitError) -> [(id: String, entries: [DiffEntry], patch: [UInt8])] {
        var result: [(id: String, entries: [DiffEntry], patch: [UInt8])] = []
        var i = output.startIndex
        func terminator(from index: Int) throws(GitError) -> Int {
            guard let end = output[index...].firstIndex(of: 0) else {
                throw .unexpectedOutput("diff-tree --stdin output ends inside a record")
            }
            return end
        }
        while i < output.endIndex {
            let idEnd = try terminator(from: i)
            let id = String(decoding: output[i..<idEnd], as: UTF8.self)
            guard ObjectID.isWellFormed(id) else {
                throw .unexpectedOutput("diff-tree --stdin: expected a commit id, read \(String(id.prefix(80)).debugDescription)")
            }
            i = idEnd + 1
            var entries: [DiffEntry] = []
            while i < output.endIndex && output[i] == UInt8(ascii: ":") {
                let metaEnd = try terminator(from: i)
                let meta = output[i..<metaEnd]
                i = metaEnd + 1
                let entry = try GitOutputParser.rawEntry(meta: meta) {
                    guard i < output.endIndex, let end = output[i...].firstIndex(of: 0) else { return nil }
                    defer { i = end + 1 }
                    return output[i..<end]
                }
                if let entry { entries.append(entry) }
            }
            var patch: [UInt8] = []
            if i < output.endIndex && output[i] == 0 {
                i += 1
                let end: Int
                if let nextID = output[i...].firstIndex(of: 0) {
                    end = output[i..<nextID].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? i
                } else {
                    end = output.endIndex
                }
                patch = Array(output[i..<end])
                i = end
            }
            result.append((id, entries, patch))
        }
        return result
    }

    /// Reads the commits' objects: author and date for provenance, and scans each message.
    static func commitDetails(
        _ ids: [String], runner: GitRunner, blobs: BlobScanner, report: inout GitScanReport
    ) throws(GitError) -> [String: GitProvenance] {
        var result: [String: GitProvenance] = [:]
        let stream = try ObjectStream(runner: runner, requests: ids.map(ObjectID.init), maxSize: Int.max)
        while let object = try stream.next() {
            let commit = GitOutputParser.commit(object.content)
            let provenance = GitProvenance(commit: object.id.hex, author: commit.author, date: commit.date)
            result[object.id.hex] = provenance
            scanMessage(commit.message, provenance: provenance, blobs: blobs, report: &report)
        }
        try stream.finish()
        return result
    }

    static func scanMessage(_ message: [UInt8], provenance: GitProvenance, blobs: BlobScanner, report: inout GitScanReport) {
        guard case .scanned(let findings, _, let warnings, let gaps) = blobs.scan(message, path: commitMessagePath, added: nil)
        else { return }
        report.warnings += warnings
        report.incomplete += gaps.map { IncompleteInput(path: "\(commitMessagePath) \(provenance.commit)", reason: $0) }
        for finding in findings {
            report.findings.append(GitFinding(finding: finding, provenance: provenance))
        }
    }
}

/// A value computed on a global queue; `value` waits for it.
final class ConcurrentResult<Value: Sendable>: @unchecked Sendable {
    // SAFETY: `stored` is written once on the worker queue before `done.signal()` and read only
    // after `done.wait()`, which orders the write before the read.
    private var stored: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ compute: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.stored = compute()
            self.done.signal()
        }
    }

    var value: Value {
        done.wait()
        done.signal()
        return stored!
    }
}

/// The blob scanner, once the concurrently built config and engine are ready.
struct BlobScannerSource {
    let setup: ConcurrentResult<Result<ScanSetup, ScanError>>
    let request: GitScanRequest

    /// Waits for the setup; a setup failure surfaces as a placeholder git error that `run`
    /// replaces with the setup's own error.
    func scanner() throws(GitError) -> BlobScanner {
        guard case .success(let setup) = setup.value else { throw .unexpectedOutput("setup failed") }
        return scanner(setup)
    }

    /// A scanner for another thread, once `scanner()` has succeeded (the setup is then ready).
    func workerScanner() -> BlobScanner {
        guard case .success(let setup) = setup.value else { preconditionFailure("workerScanner() before a successful scanner()") }
        return scanner(setup)
    }

    private func scanner(_ setup: ScanSetup) -> BlobScanner {
        BlobScanner(
            worker: setup.engine.makeWorker(), maxSize: setup.maxFileSize ?? GitScanRequest.defaultMaxBlobSize,
            scanBinary: request.scanBinary, redact: request.redact, observer: request.observer)
    }
}

extension GitChild {
    /// Reads the output to its end and waits; throws with git's message on a non-zero status.
    func finish(_ description: [String]) throws(GitError) -> [UInt8] {
        let (out, err) = communicate(input: [])
        let status = wait()
        guard status == 0 else { throw .commandFailed(arguments: description, status: status, message: GitRunner.firstLines(err)) }
        return out
    }
}
