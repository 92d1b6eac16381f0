import SecretLint
import Testing

/// `IgnoreStack.ignoringFile`: which ignore file decided, and `.gitignore` left out for tracked
/// files (the directory walker's rule in a git work tree).
@Suite struct IgnoreFileAttributionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var path: String
        var skipping: String?
        var expected: String?
        var testDescription: String { "\(path) skipping \(skipping ?? "nothing") → \(expected ?? "not ignored")" }
    }

    static let stack = IgnoreStack()
        .adding(IgnoreFile(text: "*.env\n!keep.env\n"), forDirectory: "", name: ".gitignore")
        .adding(IgnoreFile(text: "fixture.env\n"), forDirectory: "", name: ".tokenauditignore")
        .adding(IgnoreFile(text: "local.*\n"), forDirectory: "app", name: ".gitignore")

    @Test(arguments: [
        Case(path: "prod.env", skipping: nil, expected: ".gitignore"),
        Case(path: "prod.env", skipping: ".gitignore", expected: nil),
        Case(path: "keep.env", skipping: nil, expected: nil),
        Case(path: "fixture.env", skipping: nil, expected: ".tokenauditignore"),
        Case(path: "fixture.env", skipping: ".gitignore", expected: ".tokenauditignore"),
        Case(path: "app/local.txt", skipping: nil, expected: "app/.gitignore"),
        Case(path: "app/local.txt", skipping: ".gitignore", expected: nil),
        Case(path: "app/main.swift", skipping: nil, expected: nil),
    ])
    func decidingFile(_ c: Case) {
        #expect(Self.stack.ignoringFile(relativePath: c.path, isDirectory: false, skipping: c.skipping) == c.expected)
        #expect(Self.stack.isIgnored(relativePath: c.path, isDirectory: false) == (Self.stack.ignoringFile(relativePath: c.path, isDirectory: false) != nil))
    }
}
