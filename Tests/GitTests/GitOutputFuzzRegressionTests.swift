#if canImport(Glibc)
import Glibc
#endif
@testable import SecretLint
import Testing

/// Inputs the git parser fuzz targets (Fuzz/Git*Fuzz.swift) trapped on, each generated here. Every
/// one was a crash of the whole scan (a Swift runtime trap) on output that a hostile repository can
/// shape (a commit's author date) or that git never prints but the parsers must still refuse.
@Suite struct GitOutputFuzzRegressionTests {
    /// `-U0` hunk headers whose new side is not two plain numbers: a negative count made an invalid
    /// `Range` and a 19-digit start overflowed. The section now counts every line as added.
    @Test(arguments: [
        "@@ -1 +5,-3 @@", "@@ -1 +9223372036854775807,1 @@", "@@ -1 +-5 @@", "@@ -1 +99999999999999999999 @@",
        "@@ -1 +3,4,5 @@", "@@ -1 + @@",
    ])
    func unreadableHunkHeaderMarksTheSectionAllAdded(header: String) {
        let patch = "diff --git a/f b/f\n\(header)\n+x\ndiff --git a/g b/g\n@@ -0,0 +1,2 @@\n+y\n+z\n"
        let sections = GitOutputParser.addedLines(patch: Array(patch.utf8))
        #expect(sections.count == 2)
        #expect(sections[0] == nil)
        #expect(sections[1]?.ranges == [1..<3])
    }

    /// An author timestamp near `Int.max` overflowed when the zone offset was added.
    @Test(arguments: ["9223372036854775807 +9959", "-9223372036854775808 -9959", "253402300800 +0000"])
    func authorDateOutsideFourDigitYearsIsEmpty(stamp: String) {
        let object = "tree t\nauthor Ann Example <ann@example.com> \(stamp)\n\nSubject\n"
        let commit = GitOutputParser.commit(Array(object.utf8))
        #expect(commit.author == "Ann Example <ann@example.com>")
        #expect(commit.date == "")
        #expect(commit.message == Array("Subject\n".utf8))
    }

    /// The first and last second shown, in UTC and in a zone; one second further is nil.
    @Test(arguments: [
        (253_402_300_799, "+0000", "9999-12-31T23:59:59+00:00", 1),
        (-62_167_219_200, "+0000", "0000-01-01T00:00:00+00:00", -1),
        (253_402_297_199, "+0100", "9999-12-31T23:59:59+01:00", 1),
        (-62_167_201_200, "-0500", "0000-01-01T00:00:00-05:00", -1),
    ])
    func authorDatesAtTheEndsOfTheRange(seconds: Int, offset: String, expected: String, outward: Int) {
        #expect(GitOutputParser.isoDate(seconds: seconds, offset: offset) == expected)
        #expect(GitOutputParser.isoDate(seconds: seconds + outward, offset: offset) == nil)
    }

    /// `cat-file --batch` output read back from a pipe. A negative size in a header made an
    /// invalid range in `PipeReader.bytes`; it is now a header error like `<id> missing`.
    @Test func catFileHeaderWithNegativeSizeIsAHeaderError() throws {
        let objects = try readBatch("\(String(repeating: "a", count: 40)) blob 3\nabc\n\(String(repeating: "b", count: 40)) blob -5\nxyz\n")
        #expect(objects.read.map(\.content) == [Array("abc".utf8)])
        guard case .header(let header)? = objects.error else {
            Issue.record("expected a header error, got \(String(describing: objects.error))")
            return
        }
        #expect(header == Array("\(String(repeating: "b", count: 40)) blob -5".utf8))
    }

    @Test func catFileOutputEndingInsideAnObjectIsTruncated() throws {
        let objects = try readBatch("\(String(repeating: "a", count: 40)) blob 10\nabc")
        #expect(objects.read.isEmpty)
        guard case .truncated? = objects.error else {
            Issue.record("expected truncated, got \(String(describing: objects.error))")
            return
        }
    }

    /// Reads `output` as `git cat-file --batch` output from a pipe until the end or an error.
    private func readBatch(_ output: String) throws -> (read: [BatchObject], error: BatchObject.ReadError?) {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        let bytes = Array(output.utf8)
        try #require(bytes.count < 4096)  // fits the pipe's buffer: no writer thread needed
        #expect(write(fds[1], bytes, bytes.count) == bytes.count)
        close(fds[1])
        defer { close(fds[0]) }
        let reader = PipeReader(fd: fds[0])
        var read: [BatchObject] = []
        do throws(BatchObject.ReadError) {
            while let object = try BatchObject.read(from: reader, maxSize: 1 << 20) { read.append(object) }
        } catch {
            return (read, error)
        }
        return (read, nil)
    }
}
