@testable import SecretLint
import Testing

/// Regression: `.gitignore` matching was exponential in the number of `*` (the recursive matcher
/// retried every split of the name for every star: `*a*a*a*a*a*a*a*b` against 60 `a`s took 31 s).
/// The greedy matcher answers these in at most (pattern × name) steps; these cases would not
/// finish with the old one, and each asserts the right answer.
@Suite("gitignore matching is not exponential")
struct IgnorePatternExponentialBacktrackingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var pattern: String
        var path: String
        var matches: Bool
        var testDescription: String { "\(pattern.prefix(40))… vs \(path.count)-byte path → \(matches)" }
    }

    static let sixtyA = String(repeating: "a", count: 60)
    static let deepPath = Array(repeating: "a", count: 60).joined(separator: "/")

    static let cases: [Case] = [
        Case(pattern: "*a*a*a*a*a*a*a*b", path: sixtyA, matches: false),
        Case(pattern: "*a*a*a*a*a*a*a*a", path: sixtyA, matches: true),
        Case(pattern: String(repeating: "*a", count: 30) + "*b", path: String(repeating: "a", count: 4000), matches: false),
        Case(pattern: String(repeating: "?*", count: 30) + "b", path: sixtyA, matches: false),
        Case(pattern: String(repeating: "[a]*", count: 20) + "[!a]", path: sixtyA, matches: false),
        Case(pattern: String(repeating: "**/", count: 30) + "b", path: deepPath, matches: false),
        Case(pattern: "/" + String(repeating: "**/a/", count: 20) + "b", path: deepPath, matches: false),
        Case(pattern: "/" + String(repeating: "**/a*a/", count: 10) + "**", path: deepPath, matches: false),
        Case(pattern: "/" + String(repeating: "**/*a*/", count: 10) + "**", path: deepPath, matches: true),
        Case(pattern: "a/**/" + String(repeating: "*a", count: 10) + "*", path: deepPath.replacingLast("aaaaaaaaaaaa"), matches: true),
    ]

    @Test(arguments: cases)
    func adversarialPatternsAnswerCorrectly(_ c: Case) throws {
        let pattern = try #require(IgnorePattern(line: c.pattern))
        #expect(pattern.matches(relativePath: Array(c.path.utf8), isDirectory: false) == c.matches)
    }

    /// The component split keeps classes and escapes whole, and an escaped `\/` separates.
    @Test(arguments: [
        ("[a/b]x", "/x", false), ("[a/b]x", "ax", true), ("a\\/b", "a/b", true), ("a\\*b", "a*b", true),
        ("a\\*b", "axb", false), ("x/**", "x/y/z", true), ("x/**", "x", false), ("**", "any/thing", true),
        ("/**/y", "y", true), ("a/**/**/b", "a/b", true), ("a**b", "axxb", true), ("a**b", "a/b", false),
    ])
    func componentSplitKeepsSemantics(_ pattern: String, _ path: String, _ matches: Bool) throws {
        let ignore = try #require(IgnorePattern(line: pattern))
        #expect(ignore.matches(relativePath: Array(path.utf8), isDirectory: false) == matches)
    }
}

private extension String {
    /// The `/`-separated path with its last component replaced by `name`.
    func replacingLast(_ name: String) -> String {
        var parts = split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts[parts.count - 1] = name
        return parts.joined(separator: "/")
    }
}
