import ScanResults
/// `git history`: every blob reachable from the refs, each scanned exactly once.
///
/// 1. `git log --reverse --date-order --raw -z -m --no-renames` lists, oldest commit first, every
///    blob each commit introduced and at which path (tree diffs only: no patches are computed).
///    The first (commit, path) seen for a blob is where it was introduced.
/// 2. One `git cat-file --batch` streams the commit objects (author, date, message) and then every
///    unique blob once.
/// 3. A value (rule id + secret + path: the fingerprint) found in several versions of a file is
///    reported once, at its earliest commit. It is `removed` when no blob in HEAD's tree holds the
///    same value (at any path): a secret deleted later still leaked, and the report says so.
extension GitScan {
    /// One blob to scan and where it was introduced.
    struct Introduction {
        var path: [UInt8]
        var commitIndex: Int
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
        let log = try runner.output(
            ["log", "--reverse", "--date-order", "--format=%x01%H", "--raw", "-z", "--no-abbrev", "--no-renames", "-m",
             "--no-color", "--no-ext-diff", "--no-textconv", "--submodule=short"] + revisions + ["--"])
        var commits: [ObjectID] = []
        var commitIndex: [ObjectID: Int] = [:]
        var introduced: [ObjectID: Introduction] = [:]
        var order: [ObjectID] = []
        var report = GitScanReport()
        var submodules: Set<[UInt8]> = []
        try parseLog(log) { commit in
            if commitIndex[commit] == nil {
                commitIndex[commit] = commits.count
                commits.append(commit)
            }
        } entry: { commit, entry in
            if entry.isDeletion || entry.newID.isNull { return }
            if entry.isSubmodule {
                if submodules.insert(entry.path).inserted {
                    report.skipped.append(SkippedInput(path: GitOutputParser.displayPath(entry.path), reason: .submodule))
                }
                return
            }
            if introduced[entry.newID] == nil {
                introduced[entry.newID] = Introduction(path: entry.path, commitIndex: commitIndex[commit] ?? 0)
                order.append(entry.newID)
            }
        }
        order = GitScan.blobs(order, introduced: introduced, in: source.request.shard)
        let headBlobs = try blobsInHead(runner)
        let blobs = try source.scanner()
        blobs.observer?.planned(blobs: order.count)
        let scansMessages = source.request.shard?.contains(path: commitMessagePath) ?? true

        // Commits first (provenance and messages), then each unique blob once.
        var provenance: [GitProvenance] = Array(repeating: GitProvenance(commit: "", author: "", date: ""), count: commits.count)
        let stream = try ObjectStream(runner: runner, requests: commits + order, maxSize: Int(min(blobs.maxSize, Int64(Int.max))))
        var byFingerprint: [String: (finding: GitFinding, commitIndex: Int)] = [:]
        var valuesInHead: Set<[UInt8]> = []
        var valueOfFingerprint: [String: [UInt8]] = [:]
        for index in commits.indices {
            guard let object = try stream.next() else { throw .unexpectedOutput("cat-file ended early") }
            let commit = GitOutputParser.commit(object.content)
            provenance[index] = GitProvenance(commit: object.id.hex, author: commit.author, date: commit.date)
            guard scansMessages, case .scanned(let findings, let keys, let warnings) = blobs.scan(commit.message, path: commitMessagePath, added: nil)
            else { continue }
            report.warnings += warnings
            for (finding, key) in zip(findings, keys) where byFingerprint[finding.fingerprint] == nil {
                byFingerprint[finding.fingerprint] = (GitFinding(finding: finding, provenance: provenance[index]), index)
                valueOfFingerprint[finding.fingerprint] = key
            }
        }
        for id in order {
            guard let object = try stream.next(), let origin = introduced[id] else { throw .unexpectedOutput("cat-file ended early") }
            let path = GitOutputParser.displayPath(origin.path)
            let knownBefore = byFingerprint.count
            defer { blobs.observer?.scanned(bytes: Int64(object.size), findings: byFingerprint.count - knownBefore) }
            if let reason = blobs.skipReason(size: object.size, content: object.content, tooLarge: object.tooLarge) {
                report.skipped.append(SkippedInput(path: "\(path) (\(id.short))", reason: reason))
                continue
            }
            report.stats.filesScanned += 1
            report.stats.bytesScanned += Int64(object.size)
            guard case .scanned(let findings, let keys, let warnings) = blobs.scan(object.content, path: path, added: nil)
            else { continue }
            report.warnings += warnings
            let inHead = headBlobs.contains(id)
            for (finding, key) in zip(findings, keys) {
                if inHead { valuesInHead.insert(key) }
                if let existing = byFingerprint[finding.fingerprint], existing.commitIndex <= origin.commitIndex { continue }
                byFingerprint[finding.fingerprint] = (GitFinding(finding: finding, provenance: provenance[origin.commitIndex]), origin.commitIndex)
                valueOfFingerprint[finding.fingerprint] = key
            }
        }
        try stream.finish()
        if source.request.shard != nil, byFingerprint.values.contains(where: {
            $0.finding.finding.path != commitMessagePath && !valuesInHead.contains(valueOfFingerprint[$0.finding.finding.fingerprint] ?? [])
        }) {
            valuesInHead.formUnion(try headValuesOutsideShard(headBlobs, scanned: Set(order), introduced: introduced, runner: runner, blobs: blobs))
        }
        for (fingerprint, entry) in byFingerprint {
            var finding = entry.finding
            if finding.finding.path != commitMessagePath, let key = valueOfFingerprint[fingerprint] {
                finding.provenance?.removed = !valuesInHead.contains(key)
            }
            report.findings.append(finding)
        }
        report.commitsScanned = commits.count
        return report
    }

    /// The blob ids in HEAD's tree (empty on an unborn branch).
    static func blobsInHead(_ runner: GitRunner) throws(GitError) -> Set<ObjectID> {
        let listing = try runner.output(["ls-tree", "-r", "-z", "--full-tree", "HEAD"])
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

    /// Parses `git log --format=%x01%H --raw -z` output: a commit header token (`\u{1}<id>`),
    /// then that commit's raw entries.
    static func parseLog(
        _ bytes: [UInt8], commit: (ObjectID) -> Void, entry: (ObjectID, DiffEntry) throws(GitError) -> Void
    ) throws(GitError) {
        var tokens = bytes.split(separator: 0, omittingEmptySubsequences: false)[...]
        var current: ObjectID?
        while let token = tokens.popFirst() {
            let meta = token.drop { $0 == UInt8(ascii: "\n") }
            if meta.isEmpty { continue }
            if meta.first == 1 {
                let id = ObjectID(String(decoding: meta.dropFirst().prefix { $0 != UInt8(ascii: " ") }, as: UTF8.self))
                current = id
                commit(id)
                continue
            }
            guard let current, let parsed = try GitOutputParser.rawEntry(meta: meta, tokens: &tokens) else {
                throw .unexpectedOutput("log entry before any commit")
            }
            try entry(current, parsed)
        }
    }
}
