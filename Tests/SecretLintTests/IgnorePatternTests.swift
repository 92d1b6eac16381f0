import SecretLint
import Testing

@Suite("gitignore patterns")
struct IgnorePatternTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var pattern: String
        var path: String
        var isDirectory = false
        var matches: Bool
        var testDescription: String { "\(pattern) vs \(path)\(isDirectory ? "/" : "") → \(matches)" }
    }

    static let cases: [Case] = [
        Case(pattern: "*.log", path: "app.log", matches: true),
        Case(pattern: "*.log", path: "deep/dir/app.log", matches: true),
        Case(pattern: "*.log", path: "app.log.gz", matches: false),
        Case(pattern: "/build", path: "build", isDirectory: true, matches: true),
        Case(pattern: "/build", path: "sub/build", isDirectory: true, matches: false),
        Case(pattern: "build/", path: "build", isDirectory: false, matches: false),
        Case(pattern: "build/", path: "x/build", isDirectory: true, matches: true),
        Case(pattern: "doc/*.txt", path: "doc/a.txt", matches: true),
        Case(pattern: "doc/*.txt", path: "doc/sub/a.txt", matches: false),
        Case(pattern: "doc/*.txt", path: "x/doc/a.txt", matches: false),
        Case(pattern: "**/logs", path: "a/b/logs", isDirectory: true, matches: true),
        Case(pattern: "**/logs/*.log", path: "logs/x.log", matches: true),
        Case(pattern: "**/logs/*.log", path: "a/b/logs/x.log", matches: true),
        Case(pattern: "a/**/b", path: "a/b", matches: true),
        Case(pattern: "a/**/b", path: "a/x/y/b", matches: true),
        Case(pattern: "a/**/b", path: "a/xb", matches: false),
        Case(pattern: "secrets/**", path: "secrets/x/y.txt", matches: true),
        Case(pattern: "secrets/**", path: "secrets", isDirectory: true, matches: false),
        Case(pattern: "file?.txt", path: "file1.txt", matches: true),
        Case(pattern: "file?.txt", path: "file10.txt", matches: false),
        Case(pattern: "[abc].env", path: "b.env", matches: true),
        Case(pattern: "[!abc].env", path: "b.env", matches: false),
        Case(pattern: "[a-c].env", path: "d.env", matches: false),
        Case(pattern: "\\#notes", path: "#notes", matches: true),
        Case(pattern: "\\!important", path: "!important", matches: true),
        Case(pattern: "trailing   ", path: "trailing", matches: true),
        Case(pattern: "*", path: "anything/at/all", matches: true),
        Case(pattern: "a*b", path: "a/b", matches: false),
    ]

    @Test(arguments: cases)
    func matching(_ c: Case) throws {
        let pattern = try #require(IgnorePattern(line: c.pattern))
        #expect(pattern.matches(relativePath: Array(c.path.utf8), isDirectory: c.isDirectory) == c.matches)
    }

    @Test(arguments: ["", "   ", "# comment", "!", "/"])
    func blankCommentsAndEmptyPatternsAreSkipped(_ line: String) {
        #expect(IgnorePattern(line: line) == nil)
    }

    @Test func lastMatchingLineWinsAndNegationReincludes() {
        let file = IgnoreFile(text: "*.env\n!keep.env\n")
        #expect(file.decision(relativePath: Array("a.env".utf8), isDirectory: false) == true)
        #expect(file.decision(relativePath: Array("keep.env".utf8), isDirectory: false) == false)
        #expect(file.decision(relativePath: Array("a.txt".utf8), isDirectory: false) == nil)
    }

    @Test func deeperIgnoreFileTakesPrecedence() {
        let stack = IgnoreStack()
            .adding(IgnoreFile(text: "*.log\n"), forDirectory: "")
            .adding(IgnoreFile(text: "!debug.log\n"), forDirectory: "app")
        #expect(stack.isIgnored(relativePath: "x.log", isDirectory: false))
        #expect(stack.isIgnored(relativePath: "app/x.log", isDirectory: false))
        #expect(!stack.isIgnored(relativePath: "app/debug.log", isDirectory: false))
        #expect(stack.isIgnored(relativePath: "other/debug.log", isDirectory: false))
        // A nested file's anchored pattern is relative to its own directory.
        let anchored = IgnoreStack().adding(IgnoreFile(text: "/local.txt\n"), forDirectory: "sub")
        #expect(anchored.isIgnored(relativePath: "sub/local.txt", isDirectory: false))
        #expect(!anchored.isIgnored(relativePath: "sub/deeper/local.txt", isDirectory: false))
        #expect(!anchored.isIgnored(relativePath: "local.txt", isDirectory: false))
    }
}
