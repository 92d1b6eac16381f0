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
/// - `range`: `diff-tree --raw -z` and `-U0` hunks per commit, blobs through one `cat-file --batch`,
///   one engine worker.
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
        var changes: [Change] = []
        for commit in commits {
            let id = commit[0]
            let parents = commit.dropFirst()
            // A merge's content is scanned in the commits it merges (its message is scanned); in a
            // shallow clone a commit whose parents are cut off shows its whole tree as added.
            if parents.count > 1 { continue }
            let target = parents.isEmpty ? ["--root", id] : [id]
            // One process per commit: the raw listing, then (after an empty record) the patch.
            let output = try runner.output(["diff-tree", "-r", "--raw", "-z", "-p", "-U0"] + diffOptions + target)
            let (raw, patch) = rawAndPatch(rawSkippingCommitLine(output))
            let entries = try GitOutputParser.rawEntries(raw)
            guard !entries.isEmpty else { continue }
            changes += changedBlobs(entries, patch: patch, commit: id, report: &report)
        }
        var seen: Set<String> = []
        try scanChanges(changes, runner: runner, blobs: blobs, provenance: provenance, seen: &seen, report: &report)
        report.commitsScanned = commits.count
        return report
    }

    /// `--raw -z -p` output split into its raw part (NUL-terminated records) and the patch, which
    /// follows the empty record that ends the raw part. No empty record: no patch.
    static func rawAndPatch(_ output: [UInt8]) -> (raw: [UInt8], patch: [UInt8]) {
        var index = output.startIndex
        while index + 1 < output.endIndex {
            if output[index] == 0 && output[index + 1] == 0 {
                return (Array(output[...index]), Array(output[(index + 2)...]))
            }
            index += 1
        }
        return (output, [])
    }

    /// `diff-tree -z` with a single commit argument prints the commit id first (NUL-terminated).
    static func rawSkippingCommitLine(_ raw: [UInt8]) -> [UInt8] {
        if raw.first == UInt8(ascii: ":") { return raw }
        guard let nul = raw.firstIndex(of: 0) else { return [] }
        return Array(raw[(nul + 1)...])
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
