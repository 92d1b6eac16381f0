import Foundation
import SecretLint
import Testing

/// `git staged` rebuilds each staged text file from one whole-file diff (`WholeFilePatch`); these
/// check the rebuild against git itself.
@Suite struct WholeFilePatchTests {
    /// Feeds `patch` line by line and returns the sections.
    static func sections(_ patch: String, limit: Int = 1 << 20) -> [WholeFilePatch.Section] {
        var reader = WholeFilePatch(limit: limit)
        var result: [WholeFilePatch.Section] = []
        var lines = Array(patch.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines {
            if let section = reader.consume(line) { result.append(section) }
        }
        if let section = reader.finish() { result.append(section) }
        return result
    }

    @Test func newSideIsRebuiltWithAddedLinesAndLineEnds() {
        let sections = Self.sections("""
            diff --git a/one b/one
            index 1..2 100644
            --- a/one
            +++ b/one
            @@ -1,4 +1,5 @@
             keep
            -old
            +new
            +diff --git not a header
             @@ not a hunk
            -last
            \\ No newline at end of file
            +last!
            \\ No newline at end of file
            diff --git a/img b/img
            Binary files a/img and b/img differ
            diff --git a/moved b/renamed
            similarity index 100%
            rename from moved
            rename to renamed
            diff --git a/two b/two
            --- a/two
            +++ b/two
            @@ -1 +1 @@
            -a
            +b
            @@ -9 +9 @@
            -c
            +d

            """)
        #expect(sections.count == 4)
        #expect(sections[0].content == Array("keep\nnew\ndiff --git not a header\n@@ not a hunk\nlast!".utf8))
        #expect(sections[0].added.ranges == [2..<4, 5..<6])
        #expect(!sections[0].binary && !sections[0].partial && sections[0].kept)
        #expect(sections[1].binary && sections[1].content.isEmpty)
        #expect(!sections[2].binary && sections[2].added.ranges.isEmpty && sections[2].size == 0)
        #expect(sections[3].partial)  // two hunks: the context did not cover the file
        #expect(sections[3].added.ranges == [1..<2, 9..<10])
    }

    @Test func sectionsOverTheLimitCountTheirSizeOnly() {
        let sections = Self.sections("diff --git a/x b/x\n@@ -0,0 +1,3 @@\n+aaaa\n+bbbb\n+cc\n", limit: 8)
        #expect(sections.count == 1)
        #expect(!sections[0].kept && sections[0].content.isEmpty)
        #expect(sections[0].size == 13)
        #expect(sections[0].added.ranges == [1..<4])
    }

    @Test(arguments: [true, false])
    func aPatchEndingInsideAHunkIsPartial(truncated: Bool) {
        let patch = "diff --git a/x b/x\n@@ -0,0 +1,2 @@\n+one\n" + (truncated ? "" : "+two\n")
        #expect(Self.sections(patch)[0].partial == truncated)
    }

    @Test(arguments: ["", "hello\n", "no newline", "\u{0}binary\u{1}"])
    func blobIDsMatchGitHashObject(content: String) throws {
        let repo = try TemporaryRepository(initialCommit: false)
        try repo.write("f", content)
        let id = try repo.git("hash-object", "f").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(WholeFilePatch.isBlob(Array(content.utf8), id: ObjectID(id)))
        #expect(!WholeFilePatch.isBlob(Array((content + "x").utf8), id: ObjectID(id)))
    }
}

/// Staged changes of every awkward shape on real repositories: each file must be rebuilt exactly
/// (no fallback warning) and report findings on its added lines only.
@Suite struct StagedRebuildTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        /// Committed before the change (path → content).
        var committed: [String: String] = [:]
        /// Staged on top (path → content).
        var staged: [String: String]
        /// `git config` pairs set in the repository first.
        var config: [String: String] = [:]
        /// Expected findings: path and line.
        var expected: Set<String>
    }

    static let pair = Credentials(seed: 40)
    static let token = "SIRPORTLY_TOKEN=\(pair.token)"
    static let secret = "SIRPORTLY_SECRET=\(pair.secret)"

    static let cases: [Case] = [
        Case(
            description: "context on an unchanged line is read, only the added line is reported",
            committed: ["app.env": "\(secret)\n"], staged: ["app.env": "\(secret)\n\(token)\n"], expected: ["app.env:2"]),
        Case(
            description: "no newline at the end of the new side",
            committed: ["a.env": "A=1\n"], staged: ["a.env": "A=1\n\(token)"], expected: ["a.env:2"]),
        Case(
            description: "no newline at the end of the old side",
            committed: ["a.env": "A=1"], staged: ["a.env": "A=1\n\(token)\n"], expected: ["a.env:2"]),
        Case(
            description: "empty lines with diff.suppressBlankEmpty",
            committed: ["e.env": "\n\nA=1\n\n"], staged: ["e.env": "\n\nA=1\n\n\(token)\n\n"],
            config: ["diff.suppressBlankEmpty": "true"], expected: ["e.env:5"]),
        Case(
            description: "CRLF line ends",
            committed: ["w.env": "A=1\r\n"], staged: ["w.env": "A=1\r\n\(token)\r\n"], expected: ["w.env:2"]),
        Case(
            description: "lines that look like patch syntax",
            committed: ["p.md": "diff --git a/x b/x\n@@ -1 +1 @@\n"],
            staged: ["p.md": "diff --git a/x b/x\n--- a\n+++ b\n@@ -1 +1 @@\n\\ No newline at end of file\n\(token)\n"],
            expected: ["p.md:6"]),
        Case(
            description: "colour, prefixes, order file and relative diffs from the config",
            committed: ["z.env": "Z=1\n", "a.env": "A=1\n", "order": "z.env\na.env\n"],
            staged: ["z.env": "Z=1\n\(token)\n", "a.env": "A=1\n\(secret)\n"],
            config: ["color.diff": "always", "diff.noprefix": "true", "diff.mnemonicPrefix": "true", "diff.orderFile": "order",
                     "diff.relative": "true", "diff.context": "1", "diff.interHunkContext": "0"],
            expected: ["z.env:2", "a.env:2"]),
        Case(
            description: "a new file and a file added empty",
            staged: ["new.env": "\(token)\n\(secret)\n", "empty.txt": ""], expected: ["new.env:1", "new.env:2"]),
        Case(
            description: "a -diff attribute makes git print a text file as binary: every line counts",
            committed: [".gitattributes": "*.cfg -diff\n", "s.cfg": "\(secret)\n"], staged: ["s.cfg": "\(secret)\n\(token)\n"],
            expected: ["s.cfg:1", "s.cfg:2"]),
    ]

    @Test(arguments: cases)
    func stagedFileIsRebuiltExactly(_ example: Case) throws {
        let repo = try TemporaryRepository()
        for (key, value) in example.config { try repo.git("config", key, value) }
        if !example.committed.isEmpty {
            for (path, content) in example.committed { try repo.write(path, content) }
            try repo.commit("before")
        }
        for (path, content) in example.staged { try repo.write(path, content) }
        try repo.git("add", "-A")
        let report = try repo.scan(.staged)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(Set(report.findings.map { "\($0.finding.path):\($0.finding.line)" }) == example.expected)
        #expect(report.stats.filesScanned == example.staged.values.filter { !$0.isEmpty }.count)
        #expect(report.skipped.isEmpty)
    }
}
