import Foundation
import Testing
@testable import SecretLint

/// `git range` reads one `diff-tree --stdin -z --raw -p` per batch of commits: the output is split
/// per commit (id, raw records, patch) before the raw part and the patch are parsed as before.
@Suite("git range: diff-tree --stdin output")
struct StdinDiffsTests {
    static let zero = String(repeating: "0", count: 40)
    static let a = String(repeating: "a", count: 40), b = String(repeating: "b", count: 40)

    static func record(_ meta: String, _ paths: [UInt8]...) -> [UInt8] {
        Array(meta.utf8) + [0] + paths.flatMap { $0 + [0] }
    }

    @Test func splitsCommitsWithRenamesMissingPatchesAndLongIDs() throws {
        let first = String(repeating: "1", count: 40), second = String(repeating: "2", count: 64)
        let third = String(repeating: "3", count: 40)
        let patch1 = "diff --git a/new b/new\n@@ -0,0 +1 @@\n+\(Self.a)\n"
        var bytes = Array(first.utf8) + [0]
        bytes += Self.record(":000000 100644 \(Self.zero) \(Self.a) A", Array("new".utf8))
        bytes += Self.record(":100644 100644 \(Self.a) \(Self.b) R090", Array("old name".utf8), [0xFF, 0x0A, 0x2E])
        bytes += [0] + Array(patch1.utf8)
        // A mode-only change without a patch section, directly followed by the next commit.
        bytes += Array(second.utf8) + [0] + Self.record(":100644 100755 \(Self.a) \(Self.a) M", Array("run.sh".utf8))
        bytes += Array(third.utf8) + [0] + Self.record(":100644 100644 \(Self.a) \(Self.b) M", Array("last".utf8))
        bytes += [0] + Array("diff --git a/last b/last\n@@ -1 +1 @@\n-x\n+y\n".utf8)

        let commits = try GitScan.stdinDiffs(bytes)
        #expect(commits.map(\.id) == [first, second, third])
        let entries = commits.map(\.entries)
        #expect(entries.map(\.count) == [2, 1, 1])
        #expect(entries[0][1].sourcePath == Array("old name".utf8) && entries[0][1].path == [0xFF, 0x0A, 0x2E])
        #expect(commits[0].patch == Array(patch1.utf8))
        #expect(commits[1].patch.isEmpty)
        #expect(String(decoding: commits[2].patch, as: UTF8.self).hasSuffix("+y\n"))
        #expect(try GitScan.stdinDiffs([]).isEmpty)
    }

    @Test(arguments: [
        Array("not-a-commit".utf8) + [0],
        Array(String(repeating: "1", count: 40).utf8),
        Array(String(repeating: "1", count: 40).utf8) + [0] + Array(":100644 100644 \(a) \(b) R100".utf8) + [0] + Array("only-source".utf8) + [0],
        Array(String(repeating: "1", count: 40).utf8) + [0] + Array(":100644 100644 \(a) \(b) M".utf8),
    ])
    func damagedOutputIsAnError(bytes: [UInt8]) {
        #expect(throws: GitError.self) { try GitScan.stdinDiffs(bytes) }
    }

    /// Through git: a range of commits in several `--stdin` batches, with empty commits, paths with
    /// spaces and added lines that look like commit ids, attributes each finding to the
    /// commit that added it.
    @Test func rangeAcrossBatchesAttributesEachFinding() throws {
        let repo = try TemporaryRepository()
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        var leaks: [String: String] = [:]
        let commits = GitScan.rangeBatch + 3
        for n in 0..<commits {
            if n % 97 == 5 {
                try repo.write("leak \(n)/next.env", Credentials(seed: UInt64(60 + n)).dotenv)
                leaks[try repo.commit("leak \(n)")] = "leak \(n)/next.env"
            } else if n % 50 == 7 {
                try repo.commit("empty \(n)", all: false)
            } else {
                try repo.write("ids.txt", String(repeating: "\(Self.a)\n", count: n % 4 + 1))
                _ = try repo.commit("ids \(n)")
            }
        }
        let report = try repo.scan(.range(base: base, head: "HEAD"))
        #expect(report.commitsScanned == commits)
        #expect(Set(report.findings.compactMap(\.provenance?.commit)) == Set(leaks.keys))
        for finding in report.findings {
            #expect(leaks[finding.provenance?.commit ?? ""] == finding.finding.path)
        }
    }
}
