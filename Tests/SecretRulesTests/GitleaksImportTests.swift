import PCRE2
import Testing
@testable import SecretRules

/// `GitleaksImport` and `GoRegexTranslation`: a gitleaks configuration (written here, in gitleaks'
/// schema) becomes a `.tokenaudit.toml` that parses, with a note for everything left out.
@Suite("gitleaks import")
struct GitleaksImportTests {
    static let config = #"""
        title = "Acme gitleaks config"

        [extend]
        useDefault = true
        disabledRules = ["generic-api-key", "gitleaks-only-rule"]

        [[rules]]
        id = "acme-api-key"
        description = "Acme API key"
        regex = '''(?i)acme[\w.-]{0,20}key\s*=\s*['"]?(?P<key>acme_[a-z0-9]{24})'''
        secretGroup = 1
        entropy = 3.2
        keywords = ["acme_"]
        tags = ["acme", "api"]

          [[rules.allowlists]]
          description = "test fixtures"
          paths = ['''(?:^|/)testdata/''']
          commits = ["0123456789abcdef0123456789abcdef01234567"]

        [[rules]]
        id = "acme-private-key-file"
        description = "Acme key files"
        path = '''(?i)\.acmekey$'''

        [[rules]]
        id = "Acme Legacy Token"
        description = "legacy tokens"
        regex = '''legacy_[0-9a-f]{32}\z'''
        keywords = ["legacy_"]
        skipReport = false

        [[rules]]
        id = "acme-webhook"
        description = "webhook with a zero-width space"
        regex = '''hooks\.acme\.example/\x{200B}?[A-Za-z0-9]{20}'''
        keywords = ["hooks.acme"]

        [[rules]]
        id = "acme-broken"
        regex = '''acme_(unclosed'''
        keywords = ["acme_"]

        [[rules]]
        id = "acme-companion"
        regex = '''companion_[a-z]{8}'''
        skipReport = true

        [allowlist]
        description = "global"
        regexes = ['''EXAMPLE''']
        stopwords = ["dummy"]
        commits = ["abc"]
        """#

    static func convert() throws -> GitleaksImport {
        try GitleaksImport.convert(config, builtinIDs: ["generic-api-key", "github-pat-classic"])
    }

    @Test func convertedConfigReadsBackWithEveryConvertibleRule() throws {
        let result = try Self.convert()
        let parsed = try ConfigFile.parse(result.toml, path: "converted.toml")
        #expect(parsed.rules.map(\.id) == ["acme-api-key", "acme-legacy-token", "acme-webhook"])
        #expect(result.rulesInSource == 6)
        #expect(parsed.title == "Acme gitleaks config")
        #expect(parsed.useDefault)
        #expect(parsed.disabledRules == ["generic-api-key"])
        let key = try #require(parsed.rules.first)
        #expect(key.regex == #"(?i)acme[\w.-]{0,20}key\s*=\s*['"]?(?<key>acme_[a-z0-9]{24})"#)
        #expect(key.secretGroup == 1)
        #expect(key.entropy == 3.2)
        #expect(key.keywords == ["acme_"])
        #expect(key.tags == ["acme", "api"])
        #expect(key.allowlists.map(\.paths) == [["(?:^|/)testdata/"]])
        #expect(parsed.allowlists.first?.regexes == ["EXAMPLE"])
        #expect(parsed.allowlists.first?.stopwords == ["dummy"])
    }

    @Test func everyLeftOutPartIsReportedWithItsLine() throws {
        let result = try Self.convert()
        let notConverted = result.notes.filter { $0.level == .notConverted }
        func line(containing text: String) -> Int? {
            Self.config.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }.map { $0 + 1 }
        }
        let expected: [(String, String)] = [
            ("gitleaks-only-rule", "no TokenAudit built-in rule"),
            ("commits = [\"0123", "commit allowlists"),
            ("path = '''(?i)\\.acmekey", "path`-only rule"),
            ("acme_(unclosed", "does not compile"),
            ("skipReport = true", "skipReport"),
            ("commits = [\"abc\"]", "commit allowlists"),
        ]
        for (anchor, message) in expected {
            let want = try #require(line(containing: anchor), "\(anchor)")
            #expect(notConverted.contains { $0.position.line == want && $0.message.contains(message) },
                    "a note at line \(want) saying \(message): \(notConverted.map { $0.formatted(path: "g.toml") })")
        }
        #expect(notConverted.count == expected.count, "\(notConverted.map { $0.formatted(path: "g.toml") })")
    }

    @Test func withoutExtendOnlyTheFilesRulesRun() throws {
        let result = try GitleaksImport.convert("[[rules]]\nid = \"x-key\"\nregex = '''x_[a-z]{8}'''\nkeywords = [\"x_\"]\n", builtinIDs: [])
        #expect(try ConfigFile.parse(result.toml, path: "c.toml").useDefault == false)
        #expect(result.notes.contains { $0.level == .changed && $0.subject == "[extend]" })
    }

    @Test func nonKebabIDsAndDuplicatesAreRenamed() throws {
        let text = "[[rules]]\nid = \"Acme Key\"\nregex = 'a'\nkeywords = ['a']\n[[rules]]\nid = \"acme-key\"\nregex = 'b'\nkeywords = ['b']\n"
        let result = try GitleaksImport.convert(text, builtinIDs: [])
        #expect(result.rules.map(\.id) == ["acme-key", "acme-key-2"])
    }

    @Test(arguments: [
        // (RE2, PCRE2): named groups, `{,n}` literal, code points above FF outside a class.
        (#"(?P<secret>[a-z]{8})"#, #"(?<secret>[a-z]{8})"#),
        (#"a{,3}"#, #"a\{,3}"#),
        (#"x\x{200B}y"#, #"x(?:\xE2\x80\x8B)y"#),
        (#"\x{41}"#, #"\x41"#),
        (#"(?i)key\s*=\s*([0-9a-f]{32})\z"#, #"(?i)key\s*=\s*([0-9a-f]{32})\z"#),
        (#"[[:alpha:]](?P<n>\d)[]a-]"#, #"[[:alpha:]](?<n>\d)[]a-]"#),
        (#"\Q(?P<x>\E"#, #"\Q(?P<x>\E"#),
    ])
    func translatesRE2ToPCRE2(re2: String, pcre2: String) throws {
        let result = GoRegexTranslation.translate(re2)
        #expect(result.pattern == pcre2, "\(result.notes)")
        _ = try Pattern(try #require(result.pattern), options: [], jit: .never)
    }

    @Test(arguments: [#"a\Cb"#, #"[\x{200B}]"#, #"(unclosed"#])
    func untranslatablePatternsSayWhy(re2: String) {
        let result = GoRegexTranslation.translate(re2)
        #expect(result.pattern == nil)
        #expect(!result.notes.isEmpty)
    }

    @Test func tomlWriterStringsReadBackExactly() throws {
        let values = ["plain", "it's", "'''x", "quote\"and\\slash", "line\nbreak\ttab", "ends'", "\u{1B}[31m"]
        for v in values {
            let doc = try TOMLDocument(parsing: "k = " + TOMLWriter.string(v) + "\n")
            #expect(doc.root["k"]?.node.value == .string(v), "\(v)")
        }
    }
}
