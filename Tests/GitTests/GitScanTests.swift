import Foundation
import SecretLint
import Testing

/// The three git walkers on real temporary repositories built with the git CLI.
@Suite struct StagedScanTests {
    @Test func stagedSecretIsFoundAndUnstagedIsNot() throws {
        let repo = try TemporaryRepository()
        try repo.write("staged.env", Credentials(seed: 1).dotenv)
        try repo.git("add", "staged.env")
        try repo.write("unstaged.env", Credentials(seed: 2).dotenv)
        let report = try repo.scan(.staged)
        #expect(report.paths == ["staged.env"])
        #expect(Set(report.ruleIDs) == ["sirportly-token", "sirportly-secret"])
        #expect(report.findings.allSatisfy { $0.provenance == nil })
        #expect(report.failed)
    }

    @Test func stagedReadsTheIndexNotTheWorkTree() throws {
        let repo = try TemporaryRepository()
        try repo.write("config.env", Credentials(seed: 3).dotenv)
        try repo.git("add", "config.env")
        try repo.write("config.env", "nothing here\n")  // the work tree no longer holds it; the index does
        #expect(try repo.scan(.staged).paths == ["config.env"])
    }

    @Test func onlyAddedLinesAreReported() throws {
        let repo = try TemporaryRepository()
        try repo.write("app.env", Credentials(seed: 4).dotenv)
        try repo.commit("an old leak")
        try repo.write("app.env", Credentials(seed: 4).dotenv + "DEBUG=1\n")
        try repo.git("add", "app.env")
        let report = try repo.scan(.staged)
        #expect(report.findings.isEmpty)
        #expect(report.stats.filesScanned == 1)
    }

    @Test func nothingStagedIsClean() throws {
        let repo = try TemporaryRepository()
        try repo.write("untracked.env", Credentials(seed: 5).dotenv)
        let report = try repo.scan(.staged)
        #expect(report.nothingToScan == "nothing staged")
        #expect(report.findings.isEmpty && !report.failed)
    }

    @Test func firstCommitOfANewRepositoryIsScanned() throws {
        let repo = try TemporaryRepository(initialCommit: false)
        try repo.write("first.env", Credentials(seed: 6).dotenv)
        try repo.git("add", "first.env")
        #expect(try repo.scan(.staged).paths == ["first.env"])
    }

    @Test func deletionsAndPureRenamesAddNothing() throws {
        let repo = try TemporaryRepository()
        try repo.write("a.env", Credentials(seed: 7).dotenv)
        try repo.write("b.env", Credentials(seed: 8).dotenv)
        try repo.commit("two leaks")
        try repo.git("rm", "-q", "a.env")
        try repo.git("mv", "b.env", "renamed.env")
        let report = try repo.scan(.staged)
        #expect(report.findings.isEmpty)
        #expect(report.nothingToScan == nil)
    }

    @Test(arguments: [
        [UInt8]("with space.env".utf8),
        [UInt8]("new\nline.env".utf8),
        [UInt8]("latin1-".utf8) + [0xE9] + [UInt8](".env".utf8),
        [UInt8]("dir ü/nested.env".utf8),
    ])
    func unusualPathsAreScannedAndShownEscaped(path: [UInt8]) throws {
        let repo = try TemporaryRepository()
        try repo.write(bytes: path, Array(Credentials(seed: 9).dotenv.utf8))
        try repo.git("add", "-A")
        let report = try repo.scan(.staged)
        #expect(report.paths == [GitOutputParser.displayPath(path)])
        #expect(report.findings.count == 2)
        #expect(!report.paths.first!.contains("\n"))
    }

    @Test func binaryOversizedAndLFSPointerBlobsAreSkippedWithReasons() throws {
        let repo = try TemporaryRepository()
        try repo.write(bytes: Array("image.bin".utf8), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0] + Array(Credentials(seed: 10).dotenv.utf8))
        try repo.write("big.env", Credentials(seed: 11).dotenv + String(repeating: "x = 1\n", count: 1_000))
        try repo.write("model.bin", "version https://git-lfs.github.com/spec/v1\noid sha256:\(String(repeating: "ab", count: 32))\nsize 12345\n")
        try repo.git("add", "-A")
        let report = try repo.scan(.staged, maxFileSize: 4096)
        let reasons = Dictionary(uniqueKeysWithValues: report.skipped.map { ($0.path, $0.reason.id) })
        #expect(reasons == ["image.bin": "binary", "big.env": "too-large", "model.bin": "lfs-pointer"])
        #expect(report.findings.isEmpty)
    }

    @Test func submodulesAreReportedAsSkipped() throws {
        let inner = try TemporaryRepository()
        let repo = try TemporaryRepository()
        try repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", inner.path, "vendor/inner")
        let report = try repo.scan(.staged)
        #expect(report.skipped.map(\.reason.id) == ["submodule"])
        #expect(report.skipped.map(\.path) == ["vendor/inner"])
    }
}

@Suite struct RangeScanTests {
    @Test func pullRequestRangeAttributesEachFindingToItsCommit() throws {
        let repo = try TemporaryRepository()
        try repo.write("old.env", Credentials(seed: 20).dotenv)
        try repo.commit("before the branch")
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("src/app.txt", "nothing\n")
        try repo.commit("harmless")
        try repo.write("src/settings.env", Credentials(seed: 21).dotenv)
        let leaking = try repo.commit("add settings")
        try repo.write("src/settings.env", Credentials(seed: 21).dotenv + "MORE=1\n")
        try repo.commit("touch settings")
        let report = try repo.scan(.range(base: "main", head: "feature"))
        #expect(report.paths == ["src/settings.env"])
        #expect(report.findings.count == 2)
        #expect(report.findings.allSatisfy { $0.provenance?.commit == leaking })
        #expect(report.findings.allSatisfy { $0.provenance?.author == "Test Author <author@example.com>" })
        #expect(report.findings.allSatisfy { $0.provenance?.date.hasPrefix("2023-11-14T") == true })
        #expect(report.commitsScanned == 3)
    }

    @Test func commitMessagesAreScanned() throws {
        let repo = try TemporaryRepository()
        let pair = Credentials(seed: 22)
        try repo.write("notes.txt", "hello\n")
        let id = try repo.commit("use X-Auth-Token: \(pair.token)\nX-Auth-Secret: \(pair.secret)")
        let report = try repo.scan(.range(base: "HEAD~1", head: "HEAD"))
        #expect(report.paths == [GitScan.commitMessagePath])
        #expect(report.findings.first?.provenance?.commit == id)
    }

    @Test func mergeCommitsAreScannedThroughTheCommitsTheyMerge() throws {
        let repo = try TemporaryRepository()
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("checkout", "-q", "-b", "side")
        try repo.write("side.env", Credentials(seed: 23).dotenv)
        let sideCommit = try repo.commit("side leak")
        try repo.git("checkout", "-q", "main")
        try repo.write("main.txt", "main work\n")
        try repo.commit("main work")
        try repo.git("merge", "-q", "--no-ff", "-m", "merge side", "side")
        let report = try repo.scan(.range(base: base, head: "HEAD"))
        #expect(report.paths == ["side.env"])
        #expect(report.findings.allSatisfy { $0.provenance?.commit == sideCommit })
        #expect(report.commitsScanned == 3)
    }

    @Test func emptyRangeSaysSo() throws {
        let repo = try TemporaryRepository()
        let report = try repo.scan(.range(base: "HEAD", head: "HEAD"))
        #expect(report.nothingToScan != nil && report.findings.isEmpty)
    }

    @Test func shallowCloneWithBaseBeyondItsDepthIsAClearError() throws {
        let repo = try TemporaryRepository()
        for n in 0..<4 {
            try repo.write("file\(n).txt", "\(n)\n")
            try repo.commit("commit \(n)")
        }
        let first = try repo.git("rev-list", "--max-parents=0", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let clone = FileManager.default.temporaryDirectory.appendingPathComponent("tokenaudit-shallow-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clone) }
        try repo.run(["clone", "-q", "--depth", "2", "file://\(repo.path)", clone.path])
        let error = scanError { _ = try GitScan.run(GitScanRequest(mode: .range(base: first, head: "HEAD"), directory: clone.path)) }
        guard case .git(.unknownRevision(_, let shallow))? = error else { Issue.record("wrong error \(String(describing: error))"); return }
        #expect(shallow)
        #expect(error?.description.contains("shallow") == true)
    }
}

@Suite struct HistoryScanTests {
    @Test func secretAddedThenRemovedIsFoundMarkedRemovedAndAttributedToItsIntroduction() throws {
        let repo = try TemporaryRepository()
        try repo.write("deploy.env", Credentials(seed: 30).dotenv)
        let introduced = try repo.commit("add deploy config")
        try repo.write("deploy.env", Credentials(seed: 30).dotenv + "REGION=eu\n")
        try repo.commit("edit deploy config")
        try repo.git("rm", "-q", "deploy.env")
        try repo.commit("remove deploy config")
        try repo.write("kept.env", Credentials(seed: 31).dotenv)
        let keptCommit = try repo.commit("a leak still in HEAD")

        let history = try repo.scan(.history(refs: []))
        let removed = history.findings.filter { $0.finding.path == "deploy.env" }
        #expect(removed.count == 2)  // token and secret, once each despite two blob versions
        #expect(removed.allSatisfy { $0.provenance?.commit == introduced && $0.provenance?.removed == true })
        let kept = history.findings.filter { $0.finding.path == "kept.env" }
        #expect(kept.count == 2)
        #expect(kept.allSatisfy { $0.provenance?.commit == keptCommit && $0.provenance?.removed == false })

        #expect(try repo.scan(.staged).findings.isEmpty)
    }

    /// Regression: with blobs scanned on other threads, a message finding took the provenance of
    /// the newest commit read so far instead of its own.
    @Test(arguments: [1, 2, 5])
    func eachCommitMessageIsAttributedToItsOwnCommit(jobs: Int) throws {
        let repo = try TemporaryRepository()
        var commitOfSecret: [String: String] = [:]
        for n in 0..<6 {
            let secret = Credentials(seed: UInt64(50 + n)).secret
            try repo.write("file\(n).txt", String(repeating: "line \(n)\n", count: 200))
            commitOfSecret[secret] = try repo.commit("X-Auth-Secret: \(secret)")
        }
        var request = GitScanRequest(mode: .history(refs: []), directory: repo.path)
        request.jobs = jobs
        request.redact = false
        let report = try GitScan.run(request)
        let messages = report.findings.filter { $0.finding.path == GitScan.commitMessagePath }
        #expect(messages.count == 6)
        for finding in messages {
            #expect(finding.provenance?.commit == commitOfSecret[finding.finding.secret])
        }
    }

    /// A history longer than the pipeline's windows (requests written to `cat-file` 4 KiB at a
    /// time, results taken back in order) attributes every finding to its own commit, whatever
    /// `jobs`.
    @Test(arguments: [1, 3])
    func findingsAcrossManyBatchesKeepTheirCommits(jobs: Int) throws {
        let repo = try TemporaryRepository()
        var commitOfFile: [String: String] = [:]
        for n in 0..<130 {
            let leaks = [7, 64, 101, 129].contains(n)
            let body = leaks ? Credentials(seed: UInt64(400 + n)).dotenv : "value \(n)\n"
            try repo.write("f\(n).env", body)
            commitOfFile["f\(n).env"] = try repo.commit("commit \(n)")
        }
        var request = GitScanRequest(mode: .history(refs: []), directory: repo.path)
        request.jobs = jobs
        let report = try GitScan.run(request)
        #expect(Set(report.findings.map(\.finding.path)) == ["f7.env", "f64.env", "f101.env", "f129.env"])
        #expect(report.findings.count == 8)  // token and secret per leaking file
        for finding in report.findings {
            #expect(finding.provenance?.commit == commitOfFile[finding.finding.path])
        }
        let commits = try repo.git("rev-list", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(report.commitsScanned == Int(commits))
    }

    @Test func aSecretMovedToAnotherFileIsNotRemoved() throws {
        let repo = try TemporaryRepository()
        try repo.write("a.env", Credentials(seed: 32).dotenv)
        try repo.commit("leak in a")
        try repo.git("mv", "a.env", "b.env")
        try repo.commit("rename")
        let report = try repo.scan(.history(refs: []))
        #expect(report.findings.allSatisfy { $0.provenance?.removed == false })
        #expect(report.paths == ["a.env"])  // the renamed blob is the same leak, reported where it came in
    }

    @Test func everyRefWithAllAndUnmergedBranches() throws {
        let repo = try TemporaryRepository()
        try repo.git("checkout", "-q", "-b", "experiment")
        try repo.write("exp.env", Credentials(seed: 33).dotenv)
        try repo.commit("experiment leak")
        try repo.git("checkout", "-q", "main")
        #expect(try repo.scan(.history(refs: [])).findings.isEmpty)
        #expect(try repo.scan(.history(refs: ["--all"])).paths == ["exp.env"])
        #expect(try repo.scan(.history(refs: ["experiment"])).paths == ["exp.env"])
    }

    @Test func corruptObjectIsAnError() throws {
        let repo = try TemporaryRepository()
        try repo.write("data.txt", "some content that will be damaged\n")
        try repo.commit("data")
        let blob = try repo.git("rev-parse", "HEAD:data.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        let object = repo.root.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object.path)
        try Data("not zlib at all".utf8).write(to: object)
        #expect(throws: GitScanError.self) { try repo.scan(.history(refs: [])) }
    }

    @Test(arguments: [GitScanMode.range(base: "HEAD~1", head: "HEAD"), .history(refs: [])])
    func noCommitsYetIsAClearError(mode: GitScanMode) throws {
        let repo = try TemporaryRepository(initialCommit: false)
        let error = scanError { _ = try repo.scan(mode) }
        guard case .git(.noCommits)? = error else { Issue.record("wrong error \(String(describing: error))"); return }
    }
}

@Suite struct GitEnvironmentTests {
    @Test func notARepositoryIsAClearError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenaudit-norepo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = scanError { _ = try GitScan.run(GitScanRequest(mode: .staged, directory: directory.path)) }
        guard case .git(.notARepository)? = error else { Issue.record("wrong error \(String(describing: error))"); return }
    }

    @Test func gitMissingFromPathIsAClearError() {
        #expect(throws: GitError.gitNotFound) { try GitRunner(directory: ".", environment: ["PATH": "/nonexistent"]) }
    }
}

/// The `GitScanError` `body` throws, or nil (recorded as an issue) when it throws nothing or
/// something else.
func scanError(_ body: () throws -> Void) -> GitScanError? {
    do {
        try body()
        Issue.record("expected an error")
        return nil
    } catch let error as GitScanError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}
