import Foundation
import ScanResults
import SecretLint
import SecretRules
import Testing

@Suite("walk and scan (library, marker scanner)")
struct LinterTests {
    @Test func ignoreFilesWithNegationAreHonouredUnlessTurnedOff() throws {
        let tree = try TemporaryTree()
        try tree.write(".gitignore", "*.log\n!keep.log\nbuild/\n")
        try tree.write("app.log", "SECRET=aaaa1111\n")
        try tree.write("keep.log", "SECRET=bbbb2222\n")
        try tree.write("build/out.txt", "SECRET=cccc3333\n")
        try tree.write("sub/.ignore", "private.txt\n")
        try tree.write("sub/private.txt", "SECRET=dddd4444\n")
        try tree.write("sub/.tokenauditignore", "!private.txt\nother.txt\n")
        try tree.write("sub/other.txt", "SECRET=eeee5555\n")

        let report = try Linter.runWithMarkers(tree.request())
        #expect(report.findings.map(\.path) == ["keep.log", "sub/private.txt"])
        #expect(report.stats.filesIgnored == 3)

        var all = tree.request()
        all.useIgnoreFiles = false
        let unfiltered = try Linter.runWithMarkers(all)
        #expect(unfiltered.findings.map(\.path) == ["app.log", "build/out.txt", "keep.log", "sub/other.txt", "sub/private.txt"])
    }

    @Test func dotfilesAreScannedAndGitDirectoryIsNot() throws {
        let tree = try TemporaryTree()
        try tree.write(".env", "SECRET=envv1234\n")
        try tree.write(".config/.npmrc", "SECRET=npmr1234\n")
        try tree.write(".git/config", "SECRET=gitc1234\n")
        let report = try Linter.runWithMarkers(tree.request())
        #expect(report.findings.map(\.path) == [".config/.npmrc", ".env"])
    }

    @Test func pathsAreShownAsTheUserNamedTheRoot() throws {
        let tree = try TemporaryTree()
        try tree.write("proj/conf/app.ini", "SECRET=abcd1234\n")
        for (root, expected) in [("proj", "proj/conf/app.ini"), ("proj/", "proj/conf/app.ini"), ("./proj", "proj/conf/app.ini"),
                                 (".", "proj/conf/app.ini"), ("proj/conf/app.ini", "proj/conf/app.ini")] {
            let report = try Linter.runWithMarkers(tree.request([root]))
            #expect(report.findings.map(\.path) == [expected], "root \(root)")
        }
        let report = try Linter.runWithMarkers(tree.request(["proj"]))
        #expect(report.findings.first?.relativePath == "conf/app.ini")
    }

    @Test func binaryFilesAreSkippedUnlessAsked() throws {
        let tree = try TemporaryTree()
        var bytes = Data("SECRET=bin12345\n".utf8)
        bytes.append(contentsOf: [0, 1, 2, 0])
        try tree.write("blob.bin", bytes)
        let report = try Linter.runWithMarkers(tree.request())
        #expect(report.skipped == [SkippedInput(path: "blob.bin", reason: .binary)])
        #expect(report.findings.isEmpty)
        var binary = tree.request()
        binary.scanBinary = true
        #expect(try Linter.runWithMarkers(binary).findings.map(\.path) == ["blob.bin"])
    }

    @Test func symlinksAreSkippedUnlessFollowedAndLoopsAreDetected() throws {
        let tree = try TemporaryTree()
        try tree.write("real/a.txt", "SECRET=link1234\n")
        try tree.symlink("real/loop", to: "..")
        try tree.symlink("alias.txt", to: "real/a.txt")
        try tree.symlink("dangling", to: "nowhere")
        let plain = try Linter.runWithMarkers(tree.request())
        #expect(plain.findings.map(\.path) == ["real/a.txt"])
        #expect(plain.skipped.map(\.reason) == [.symlink, .symlink, .symlink])

        var follow = tree.request()
        follow.followSymlinks = true
        let followed = try Linter.runWithMarkers(follow)
        #expect(followed.findings.map(\.path) == ["alias.txt", "real/a.txt"])
        #expect(followed.skipped == [
            SkippedInput(path: "dangling", reason: .brokenSymlink),
            SkippedInput(path: "real/loop", reason: .symlinkLoop),
        ])
    }

    @Test func fifosAndSocketsFoundByTheWalkAreSkipped() throws {
        let tree = try TemporaryTree()
        try tree.fifo("pipe")
        try tree.write("ok.txt", "SECRET=okok1234\n")
        let report = try Linter.runWithMarkers(tree.request())
        #expect(report.skipped == [SkippedInput(path: "pipe", reason: .fifo)])
        #expect(report.findings.count == 1)
    }

    @Test func fileThatVanishesBetweenWalkAndScanIsReported() throws {
        let tree = try TemporaryTree()
        try tree.write("a.txt", "SECRET=aaaa1234\n")
        try tree.write("gone.txt", "SECRET=gone1234\n")
        let request = tree.request()
        let plan = try Linter.plan(request)
        try FileManager.default.removeItem(at: tree.url("gone.txt"))
        let report = Linter.execute(plan, request: request) { MarkerScanner() }
        #expect(report.skipped == [SkippedInput(path: "gone.txt", reason: .vanished)])
        #expect(report.findings.map(\.path) == ["a.txt"])
    }

    @Test func failureInOneFileIsRecordedAndTheRunGoesOn() throws {
        let tree = try TemporaryTree()
        try tree.write("a.txt", "SECRET=aaaa1234\n")
        try tree.write("explode.txt", "SECRET=boom1234\n")
        try tree.write("z.txt", "SECRET=zzzz1234\n")
        let report = try Linter.runWithMarkers(tree.request())
        #expect(report.findings.map(\.path) == ["a.txt", "z.txt"])
        #expect(report.skipped == [SkippedInput(path: "explode.txt", reason: .scanFailed(message: "injected failure"))])
    }

    @Test func unreadableFileIsReportedWithTheSystemReason() throws {
        // Root reads every permission-protected file, but not /proc/self/mem at offset 0 (EIO):
        // a real read failure, reached through a followed symlink.
        let tree = try TemporaryTree()
        try tree.symlink("mem", to: "/proc/self/mem")
        var request = tree.request()
        request.followSymlinks = true
        // The link leads outside the scan root: only followed when containment is turned off.
        request.followSymlinksOutsideRoots = true
        let report = try Linter.runWithMarkers(request)
        let skipped = try #require(report.skipped.first)
        #expect(skipped.path == "mem")
        guard case .unreadable(let message) = skipped.reason else {
            Issue.record("expected unreadable, got \(skipped.reason)")
            return
        }
        #expect(!message.isEmpty)
    }

    @Test func oversizedFilesAreSkipped() throws {
        let tree = try TemporaryTree()
        try tree.write("big.txt", String(repeating: "x", count: 2000) + "SECRET=big12345\n")
        try tree.write("small.txt", "SECRET=sml12345\n")
        var request = tree.request()
        request.maxFileSize = 1000
        let report = try Linter.runWithMarkers(request)
        #expect(report.skipped == [SkippedInput(path: "big.txt", reason: .tooLarge(size: 2016, limit: 1000))])
        #expect(report.findings.map(\.path) == ["small.txt"])
    }

    @Test func missingRootIsAnError() throws {
        let tree = try TemporaryTree()
        #expect(throws: ScanError.self) { try Linter.plan(tree.request(["does-not-exist"])) }
        #expect(throws: ScanError.self) { try Linter.plan(tree.request(["-", "-"])) }
    }

    @Test(arguments: [1, 2, 8])
    func orderIsDeterministicWhateverTheJobs(_ jobs: Int) throws {
        let tree = try TemporaryTree()
        for i in 0..<40 {
            try tree.write("d\(i % 7)/f\(i).txt", "x\nSECRET=s\(i)a\nSECRET=s\(i)b\n")
        }
        var request = tree.request()
        request.jobs = jobs
        let report = try Linter.runWithMarkers(request)
        let keys = report.findings.map { "\($0.path):\($0.line)" }
        let expected = (0..<40).map { "d\($0 % 7)/f\($0).txt" }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .flatMap { ["\($0):2", "\($0):3"] }
        #expect(keys == expected)
        #expect(report.stats.jobs == jobs)
    }

    @Test func secretsAreRedactedInFindingsAndLinesUnlessAsked() throws {
        let tree = try TemporaryTree()
        try tree.write("cfg.env", "A=1\nKEY SECRET=Zq9mK2pLx7 and PAIR=Rt5nW8vBq2\r\n")
        let report = try Linter.runWithMarkers(tree.request())
        #expect(report.findings.map(\.secret) == ["\u{2026}", "\u{2026}"])  // short secrets show nothing
        #expect(report.findings.allSatisfy { $0.lineText == "KEY SECRET=\u{2026} and PAIR=\u{2026}" })
        var plain = tree.request()
        plain.redact = false
        let unredacted = try Linter.runWithMarkers(plain)
        #expect(unredacted.findings.map(\.secret) == ["Zq9mK2pLx7", "Rt5nW8vBq2"])
        #expect(unredacted.findings.first?.lineText == "KEY SECRET=Zq9mK2pLx7 and PAIR=Rt5nW8vBq2")
    }

    @Test func largeFilesAreStreamedAndLinesAreReadBack() throws {
        let tree = try TemporaryTree()
        let filler = String(repeating: "INFO request handled ok\n", count: 20_000)  // 480 kB, over the limit below
        try tree.write("big.log", filler + "token SECRET=Late9876end\n")
        var request = tree.request()
        request.inMemoryLimit = 64 << 10
        let report = try Linter.runWithMarkers(request)
        let finding = try #require(report.findings.first)
        #expect(finding.line == 20_001)
        #expect(finding.lineText == "token SECRET=\u{2026}")
        #expect(report.stats.bytesScanned == Int64(filler.utf8.count + 25))
    }
}

@Suite("gzip input")
struct GzipInputTests {
    @Test(arguments: [false, true])
    func gzipLogsAreInflatedAsAStream(_ large: Bool) throws {
        let tree = try TemporaryTree()
        // Varied lines, as real logs are (a run of identical lines would trip the ratio guard).
        let filler = large ? (0..<20_000).map { "GET /health?n=\($0) 200\n" }.joined() : "start\n"
        let text = filler + "auth SECRET=Gzip1234abc\n"
        try tree.write("app.log.1.gz", try gzipped(Data(text.utf8)))
        var request = tree.request()
        request.inMemoryLimit = 64 << 10
        let report = try Linter.runWithMarkers(request)
        let finding = try #require(report.findings.first)
        #expect(finding.path == "app.log.1.gz")
        #expect(finding.line == (large ? 20_001 : 2))
        #expect(report.skipped.isEmpty)
        #expect(finding.lineText == "auth SECRET=\u{2026}")
        #expect(report.stats.bytesScanned == Int64(text.utf8.count))
    }

    @Test func concatenatedMembersAreAllRead() throws {
        let tree = try TemporaryTree()
        var data = try gzipped(Data("one SECRET=First1234\n".utf8))
        data.append(try gzipped(Data("two SECRET=Second123\n".utf8)))
        try tree.write("rotated.gz", data)
        let report = try Linter.runWithMarkers(tree.request())
        #expect(report.findings.map(\.line) == [1, 2])
    }

    @Test func decompressionBombIsScannedUpToTheRatioAndReportedIncomplete() throws {
        let tree = try TemporaryTree()
        // 16 MiB of one letter inflates about 1000:1; zeros would already be skipped as binary.
        let bomb = try gzipped(Data(repeating: UInt8(ascii: "A"), count: 16 << 20))
        try tree.write("bomb.gz", bomb)
        try tree.write("zeros.gz", try gzipped(Data(count: 16 << 20)))
        var request = tree.request()
        request.scanBinary = true
        let report = try Linter.runWithMarkers(request)
        #expect(report.skipped.isEmpty)
        let incomplete = report.summary.coverage.incomplete
        #expect(incomplete.map(\.path) == ["bomb.gz", "zeros.gz"])
        #expect(incomplete.allSatisfy { $0.reason.contains("200:1") })
        #expect(!report.summary.coverage.isComplete)
        // Never more than the ratio allows (plus one read block).
        #expect(report.stats.bytesScanned <= 2 * (200 * Int64(bomb.count) + (1 << 20)))
    }

    @Test func truncatedGzipKeepsItsFindingsAndIsReportedIncomplete() throws {
        let tree = try TemporaryTree()
        let data = try gzipped(Data(("auth SECRET=Gzip1234abc\n" + String(repeating: "line of text\n", count: 20_000)).utf8))
        try tree.write("cut.gz", data.prefix(data.count / 2))
        let report = try Linter.runWithMarkers(tree.request())
        #expect(report.findings.map(\.line) == [1])
        #expect(report.skipped.isEmpty)
        #expect(report.summary.coverage.incomplete.map(\.path) == ["cut.gz"])
        #expect(report.summary.warnings.contains { $0.hasPrefix("cut.gz: gzip stream is truncated") })
    }

    @Test func gzipWithNothingInflatedIsStillSkippedAsCorrupt() throws {
        let tree = try TemporaryTree()
        try tree.write("bad.gz", Data([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xff, 0xff]))
        let report = try Linter.runWithMarkers(tree.request())
        guard case .corruptCompressed = report.skipped.first?.reason else {
            Issue.record("expected gzip-corrupt, got \(report.skipped)")
            return
        }
    }

    @Test func binaryContentInsideGzipIsSkipped() throws {
        let tree = try TemporaryTree()
        try tree.write("core.gz", try gzipped(Data([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1])))
        let report = try Linter.runWithMarkers(tree.request())
        #expect(report.skipped == [SkippedInput(path: "core.gz", reason: .binary)])
    }
}
