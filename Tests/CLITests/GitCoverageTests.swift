import Foundation
import Testing

/// Fail closed in git mode, through the binary on real repositories: a staged text blob that could
/// not be fully scanned fails the hook (exit 2) naming the path and why; `range`/`history` do so
/// with `--fail-on-skip`.
@Suite struct GitCoverageTests {
    enum Gap: String, CaseIterable, Sendable {
        case tooLarge, matchLimit
    }

    /// Stages a blob that cannot be fully scanned; returns the extra arguments that make it so and
    /// what the message must say.
    static func stage(_ gap: Gap, in repo: GitTree) throws -> (args: [String], path: String, why: String) {
        switch gap {
        case .tooLarge:
            try repo.tree.write("big.env", String(repeating: "x = 1\n", count: 1_000))
            try repo.git("add", "big.env")
            return (["--max-file-size", "1K"], "big.env", "6000 bytes, over the 1024-byte limit")
        case .matchLimit:
            try repo.tree.write("rules.toml", ScanFailClosedTests.slowRuleConfig)
            try repo.tree.write("in.txt", "token=" + String(repeating: "a", count: 60) + "c\n")
            try repo.git("add", "in.txt")
            return (["--config", "rules.toml"], "in.txt", "match limit exceeded")
        }
    }

    @Test(arguments: Gap.allCases)
    func stagedBlobNotFullyScannedFailsTheHookNamingPathAndReason(gap: Gap) throws {
        let repo = try GitTree()
        let (args, path, why) = try Self.stage(gap, in: repo)
        let blocked = try repo.tokenaudit(["git", "staged", "--hook", "-q"] + args)
        #expect(blocked.status == 2, "\(blocked.stderr)")
        let line = blocked.stderr.split(separator: "\n").first { $0.contains("staged file \(path) was not fully scanned") }
        #expect(line?.contains(why) == true, "\(blocked.stderr)")
        let allowed = try repo.tokenaudit(["git", "staged", "--no-fail-on-skip"] + args)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stderr.contains("Coverage incomplete"))
    }

    @Test func binaryStagedFileSkippedByDesignDoesNotFailTheHook() throws {
        let repo = try GitTree()
        try repo.tree.write("logo.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]))
        try repo.git("add", "logo.png")
        let result = try repo.tokenaudit(["git", "staged", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try result.skipped() == ["logo.png": "binary"])
    }

    @Test(arguments: Gap.allCases)
    func historyFailsOnSkipOnlyWhenAsked(gap: Gap) throws {
        let repo = try GitTree()
        let (args, path, why) = try Self.stage(gap, in: repo)
        try repo.git("commit", "-q", "-m", "add \(path)")
        #expect(try repo.tokenaudit(["git", "history", "-q"] + args).status == 0)
        let failing = try repo.tokenaudit(["git", "history", "-q", "--fail-on-skip"] + args)
        #expect(failing.status == 2)
        #expect(failing.stderr.contains("\(path) ("))
        #expect(failing.stderr.contains(why))
    }

    /// The history report is byte-identical whatever the number of scanning threads.
    @Test func historyJSONIsIdenticalForAnyJobs() throws {
        let repo = try GitTree()
        for n in 0..<24 {
            let pair = PlantedPair(seed: UInt64(100 + n))
            try repo.tree.write("conf/app\(n % 5).env", n % 3 == 0 ? pair.dotenv : "PLAIN=\(n)\n")
            try repo.tree.write("notes/n\(n).txt", "note \(n)\n")
            try repo.git("add", "-A")
            try repo.git("commit", "-q", "-m", n % 7 == 0 ? "X-Auth-Secret: \(pair.secret)" : "change \(n)")
        }
        let key = ["TOKENAUDIT_FINGERPRINT_KEY": String(repeating: "k", count: 32)]
        let reports = try [1, 2, 3, 8].map { jobs in
            let out = try repo.tokenaudit(["git", "history", "--all", "--format", "json", "-q", "--jobs", "\(jobs)"], environment: key)
            #expect(out.status == 1)
            // What may vary: the timings and the number of jobs itself.
            return out.stdout.replacingOccurrences(
                of: #""(durationSeconds|bytesPerSecond|jobs)": *[0-9.e+-]+"#, with: "\"$1\": 0", options: .regularExpression)
        }
        #expect(try (JSONSerialization.jsonObject(with: Data(reports[0].utf8)) as? [String: Any])?["findings"] as? [Any] != nil)
        #expect(Set(reports).count == 1)
    }
}
