import Foundation
import Testing
@testable import SecretRules

@Suite("Compiled built-in rules (RulePackCodec)")
struct RulePackCodecTests {
    /// What a scan reads (the rules the build compiled) is what parsing the TOML gives, rule for
    /// rule and field for field, examples aside. A field added to `Rule` but not to the codec
    /// fails here.
    @Test func compiledRulesEqualTheParsedPacksWithoutExamples() throws {
        let parsed = try BuiltinRules.all()
        let compiled = try BuiltinRules.forScanning()
        #expect(compiled.count == parsed.count)
        for (c, p) in zip(compiled, parsed) {
            #expect(c == BuiltinRules.withoutExamples(p), "\(p.id) differs between its compiled and parsed forms")
        }
        #expect(compiled.allSatisfy { $0.examples.isEmpty && $0.negativeExamples.isEmpty })
        #expect(parsed.contains { !$0.examples.isEmpty }, "the comparison must not be between two example-less lists")
    }

    /// Every field set to something unusual: control characters and a carriage return, text that
    /// looks like the encoding itself, non-ASCII, negative and absent numbers, empty lists.
    static let unusual: [Rule] = [
        Rule(
            id: "odd-1", title: "3:abc;-+", description: "line one\r\nline two\t\u{1F}\u{0}end «ü» 🔑",
            severity: .critical, keywords: ["", "k;e:y"], regex: #"(?<x>\d{3}):\\"#, secretGroup: -1, shape: .sirportlySecret,
            entropy: 3.141592653589793, path: "", context: [
                ContextRequirement(near: ["a"], notNear: [], fileMentions: ["sirportly"], key: nil, linesBefore: 0, linesAfter: 12),
                ContextRequirement(key: "(?:x-)?token"),
            ],
            decode: .base64, decodedRegex: "^(.+):(.+)$", pairWith: "odd-2",
            allowlists: [
                Allowlist(description: nil, regexes: ["x"], regexTarget: .line, paths: [], stopwords: ["s"], fingerprints: ["f"], matchAll: true),
                Allowlist(description: ""),
            ],
            references: ["https://example.invalid/a?b=c;d"], tags: [], kind: .password, yields: .anyOtherRule,
            value: .expression, window: .multiline, anchor: .keyword, maxKeywordDistance: 0, keywordGuard: "(?<=k;e:y)\n«»", base64Documents: ["kind: Secret"]),
        Rule(id: "odd-2", title: ""),
    ]

    @Test func unusualRulesRoundTrip() throws {
        let decoded = try #require(RulePackCodec.decode(RulePackCodec.encode(Self.unusual)))
        #expect(decoded == Self.unusual)
        #expect(RulePackCodec.decode(RulePackCodec.encode([])) == [])
    }

    /// A damaged or foreign encoding is refused as a whole (the caller then parses the TOML), never
    /// read as different rules.
    @Test func damagedEncodingsAreRefused() {
        let text = RulePackCodec.encode(Self.unusual)
        #expect(RulePackCodec.decode(String(text.dropLast())) == nil, "truncated")
        #expect(RulePackCodec.decode(text + "x") == nil, "trailing bytes")
        #expect(RulePackCodec.decode("") == nil)
        #expect(RulePackCodec.decode("2;0;") == nil, "another version")
        #expect(RulePackCodec.decode("1;1;999999:abc") == nil, "a length past the end")
        let wrongSeverity = text.replacingOccurrences(of: "8:critical", with: "8:CRITICAL")
        #expect(RulePackCodec.decode(wrongSeverity) == nil, "an unknown raw value")
    }
}
