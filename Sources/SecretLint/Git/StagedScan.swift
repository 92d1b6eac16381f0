import ScanResults

/// `git staged`: what is about to be committed, from one git process.
///
/// `git diff --cached --raw -z -p -U<whole file>` lists each staged path with its mode and blob
/// id (the raw part) and then prints every line of each changed text file, marking the added
/// ones (`WholeFilePatch`). The file is rebuilt from those lines and scanned whole (so context
/// on unchanged lines counts), and only findings on added lines are reported. A rebuilt file is
/// used only when it hashes to the staged blob id; otherwise, and for files git prints as binary,
/// the blob is read with `git cat-file --batch` and every line counts as added (fail closed).
/// The patch is read as git writes it, one file at a time, so memory holds one file.
extension GitScan {
    /// The diff command of `staged`. `diff.suppressBlankEmpty` would print empty context lines
    /// without their leading space; it is turned off so that files rebuild exactly.
    static let stagedDiffArguments =
        ["-c", "diff.suppressBlankEmpty=false", "diff", "--cached", "--raw", "-z", "-p", "-U\(WholeFilePatch.context)"]
        + diffOptions

    static func staged(_ repository: GitRepository, _ source: BlobScannerSource) throws(GitError) -> GitScanReport {
        let runner = repository.runner
        let child = try GitChild(runner: runner, arguments: stagedDiffArguments)
        child.closeInput()
        let reader = PipeReader(fd: child.stdoutFD)
        // The raw part: NUL-terminated records up to the empty record before the patch.
        var entries: [DiffEntry] = []
        while let token = reader.record(until: 0), !token.isEmpty {
            let meta = token[...].drop { $0 == UInt8(ascii: "\n") }
            if meta.isEmpty { continue }
            let entry = try GitOutputParser.rawEntry(meta: meta) { reader.record(until: 0)?[...] }
            // Unmerged paths have no patch section (git prints `* Unmerged path`).
            if let entry, entry.status != UInt8(ascii: "U") { entries.append(entry) }
        }
        var report = GitScanReport()
        guard !entries.isEmpty else {
            try finish(child, reader: reader)
            report.nothingToScan = "nothing staged"
            return report
        }
        let blobs = try source.scanner()
        var patch = WholeFilePatch(limit: Int(clamping: blobs.maxSize))
        var sectionCount = 0
        var seen: Set<String> = []
        var unreadable: [Change] = []
        // Progress counts every staged entry once: here, or in `scanChanges` for those read there.
        blobs.observer?.planned(blobs: entries.count)
        func take(_ section: WholeFilePatch.Section) {
            defer { sectionCount += 1 }
            guard sectionCount < entries.count else { return }
            let entry = entries[sectionCount]
            let before = report.findings.count
            if let change = scanStaged(entry, section, blobs: blobs, seen: &seen, report: &report) {
                unreadable.append(change)
            } else {
                blobs.observer?.scanned(bytes: Int64(section.size), findings: report.findings.count - before)
            }
        }
        while let line = reader.line() {
            if let section = patch.consume(line[...]) { take(section) }
        }
        if let section = patch.finish() { take(section) }
        try finish(child, reader: reader)
        if sectionCount != entries.count {
            report.warnings.append("could not pair git's diff with its \(entries.count) staged files; scanning every line of the unpaired ones")
            for entry in entries.dropFirst(sectionCount) {
                let path = GitOutputParser.displayPath(entry.path)
                if entry.isDeletion || entry.newID.isNull {
                    blobs.observer?.scanned(bytes: 0, findings: 0)
                } else if entry.isSubmodule {
                    blobs.observer?.scanned(bytes: 0, findings: 0)
                    report.skipped.append(SkippedInput(path: path, reason: .submodule))
                } else {
                    unreadable.append(Change(id: entry.newID, path: path, added: nil, commit: nil))
                }
            }
        }
        try scanChanges(unreadable, runner: runner, blobs: blobs, provenance: [:], seen: &seen, report: &report, announce: false)
        return report
    }

    /// Scans one staged file from its patch section; returns the change to read with
    /// `cat-file` when the section does not hold the file (binary in git's eyes, or not rebuilt
    /// exactly), with every line counted as added.
    static func scanStaged(
        _ entry: DiffEntry, _ section: WholeFilePatch.Section, blobs: BlobScanner, seen: inout Set<String>,
        report: inout GitScanReport
    ) -> Change? {
        if entry.isDeletion || entry.newID.isNull { return nil }
        let path = GitOutputParser.displayPath(entry.path)
        if entry.isSubmodule {
            report.skipped.append(SkippedInput(path: path, reason: .submodule))
            return nil
        }
        let wholeFile = Change(id: entry.newID, path: path, added: nil, commit: nil)
        if section.binary { return wholeFile }
        if section.partial {
            report.warnings.append("\(path): could not rebuild the staged file from git's diff; scanning all of its lines")
            return wholeFile
        }
        // A pure rename, a mode change or only removed lines: nothing was added.
        if section.added.ranges.isEmpty { return nil }
        guard section.kept else {
            report.skipped.append(SkippedInput(path: path, reason: .tooLarge(size: Int64(section.size), limit: blobs.maxSize)))
            return nil
        }
        guard WholeFilePatch.isBlob(section.content, id: entry.newID) else {
            report.warnings.append("\(path): git's diff did not rebuild the staged blob exactly; scanning all of its lines")
            return wholeFile
        }
        scanBlob(
            section.content, size: section.size, tooLarge: false, path: path, added: section.added, provenance: nil,
            blobs: blobs, seen: &seen, report: &report)
        return nil
    }

    /// Reads what is left of git's output and waits for it; throws with git's message when it failed.
    static func finish(_ child: GitChild, reader: PipeReader) throws(GitError) {
        while reader.record(until: 0) != nil {}
        let err = child.drainStandardError()
        let status = child.wait()
        guard status == 0 else {
            throw .commandFailed(arguments: ["diff", "--cached"], status: status, message: GitRunner.firstLines(err))
        }
    }
}
