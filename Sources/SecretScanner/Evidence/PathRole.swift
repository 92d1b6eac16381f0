/// What a path says about the file's purpose and syntax, for the evidence model: whether it is a
/// test fixture or documentation (where credential-shaped values are overwhelmingly examples), and
/// whether it is program source (where a value written without quotes is an expression, never a
/// literal).
///
/// Read from the path's bytes alone (lowercased ASCII), never from the file system; a trailing
/// `.gz` is looked through (`changelog.gz` is a changelog). Decisions:
/// - **Test fixture**: a directory named `test`, `tests`, `testing`, `__tests__`, `spec`, `specs`,
///   `testdata`, `test-data`, `test_data`, `fixtures`, `fixture`, `__fixtures__`, `__mocks__`,
///   `mocks`, or a file named like a test (`test_x.py`, `x_test.py`, `x_test.go`, `x.test.ts`,
///   `x.spec.js`, `XTest.java`, `XTests.swift`, `conftest.py`).
/// - **Documentation**: a directory named `doc`, `docs`, `documentation`, `example`, `examples`,
///   `samples`, `man`; a file with a prose extension (`.md`, `.markdown`, `.rst`, `.adoc`,
///   `.tex`, `.texi`, `.info`, `.pod`, `.1`–`.9`; not `.txt` or `.html`, which hold logs and pages as often) or named `changelog*`,
///   `news*`, `history*`, `readme*`, `copyright`, `metadata`, `pkg-info`, or whose name contains
///   `example`.
/// - **Program source**: an extension of a programming language whose literals are quoted:
///   Python (and stubs), JavaScript/TypeScript, Go, Java, Kotlin, Scala, Groovy, C#, VB.NET, F#,
///   Swift, Objective-C, C/C++, Rust, Ruby, PHP, Dart, Lua, R, Perl, Julia, Elixir, Erlang,
///   Haskell, Clojure. Shell, Makefiles, Dockerfiles and every configuration format are not:
///   there a bare word is a value.
public struct PathRole: Sendable, Hashable {
    public var isTestFixture: Bool
    public var isDocumentation: Bool
    public var isProgramSource: Bool

    public init(isTestFixture: Bool = false, isDocumentation: Bool = false, isProgramSource: Bool = false) {
        self.isTestFixture = isTestFixture
        self.isDocumentation = isDocumentation
        self.isProgramSource = isProgramSource
    }

    /// Test fixtures and documentation: findings there are reported at a lower severity.
    public var isExampleMaterial: Bool { isTestFixture || isDocumentation }

    public init(path: String) {
        // Called once per file (per blob in a history scan): no collection is built here but the
        // path's parts, and the word lists are static.
        let lower = String(decoding: path.utf8.map(ASCII.lower), as: UTF8.self)
        var parts = lower.split(separator: "/", omittingEmptySubsequences: true)
        var name = parts.popLast() ?? ""
        if name.hasSuffix(".gz") { name = name.dropLast(3) }
        let dot = name.lastIndex(of: ".")
        let ext = dot.map { name[name.index(after: $0)...] } ?? ""
        let stem = dot.map { name[..<$0] } ?? name

        let testFile = stem.hasPrefix("test_") || stem.hasSuffix("_test") || stem.hasSuffix(".test")
            || stem.hasSuffix(".spec") || stem == "conftest"
            || (Self.testSuffixExtensions.contains(ext) && (stem.hasSuffix("test") || stem.hasSuffix("tests")))
        isTestFixture = testFile || parts.contains(where: Self.testDirectories.contains)

        isDocumentation = parts.contains(where: Self.docDirectories.contains) || Self.proseExtensions.contains(ext)
            || Self.docNames.contains(where: { stem.hasPrefix($0) }) || name == "metadata" || name == "pkg-info"
            || CandidateFilter.contains(Array(name.utf8), Self.exampleWord)

        isProgramSource = Self.sourceExtensions.contains(ext)
    }

    private static let testDirectories: Set<Substring> = [
        "test", "tests", "testing", "__tests__", "spec", "specs", "testdata", "test-data", "test_data",
        "fixtures", "fixture", "__fixtures__", "__mocks__", "mocks",
    ]
    private static let testSuffixExtensions: Set<Substring> = ["java", "kt", "swift", "cs", "scala", "groovy"]
    private static let docDirectories: Set<Substring> = ["doc", "docs", "documentation", "example", "examples", "samples", "man"]
    private static let proseExtensions: Set<Substring> = [
        "md", "markdown", "rst", "adoc", "tex", "texi", "info", "pod",
        "1", "2", "3", "4", "5", "6", "7", "8", "9",
    ]
    private static let docNames = ["changelog", "news", "history", "readme", "copyright"]
    private static let sourceExtensions: Set<Substring> = [
        "py", "pyi", "pyx", "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts", "go", "java", "kt", "kts",
        "scala", "groovy", "cs", "vb", "fs", "swift", "m", "mm", "c", "h", "cc", "cpp", "cxx", "hpp", "hh",
        "rs", "rb", "php", "dart", "lua", "r", "pl", "pm", "jl", "ex", "exs", "erl", "hs", "clj", "cljs",
    ]
    private static let exampleWord = Array("example".utf8)
}
