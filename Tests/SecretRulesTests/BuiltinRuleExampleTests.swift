import PCRE2
import SecretScanner
import Testing
@testable import SecretRules

/// One check of one built-in rule: which rule, which of its examples, and in which setting.
struct RuleExampleCase: Sendable, Hashable, CustomTestStringConvertible {
    enum Check: Sendable, Hashable, CustomStringConvertible {
        /// The positive example as written: exactly its marked spans.
        case asWritten
        /// The negative example as written: nothing.
        case negative
        /// The positive example in an altered copy: exactly the recomputed spans.
        case variant(ExampleVariant)
        /// The positive example as written, matched by the PCRE2 interpreter (JIT off).
        case interpreted
        /// The positive example in a stream, split across a chunk boundary.
        case chunk(StreamBoundary, ChunkSplit)

        var description: String {
            switch self {
            case .asWritten: "as written"
            case .negative: "as written"
            case .variant(let v): v.description
            case .interpreted: "as written, JIT off"
            case .chunk(let b, let c): "streamed, \(c.description) at the \(b.description)"
            }
        }
    }

    var ruleID: String
    /// Index into `examples` (or `negativeExamples` for `.negative`).
    var example: Int
    var check: Check

    var testDescription: String {
        "\(ruleID) — \(check == .negative ? "negative example" : "example") \(example + 1) — \(check)"
    }
}

/// Every built-in rule's examples and negative examples through the engine, and every positive
/// example again in altered copies (`ExampleVariant`) and across stream chunk boundaries
/// (`ChunkSplit`). Parameterised over (rule, example, variant), so a failure names all three.
///
/// Examples demonstrate what a rule matches, not where: the rule's `path` filter is lifted here
/// (as in `tokenaudit rules check`), and each copy is scanned under a path that fits its syntax.
/// A rule with a `path` filter gets only the file-format renderings whose path passes the filter.
@Suite("Built-in rule examples")
struct BuiltinRuleExampleTests {
    static let rules: [Rule] = (try? BuiltinRules.all()) ?? []  // a broken pack fails `BuiltinRulesTests`

    static let cases: [RuleExampleCase] = {
        var cases: [RuleExampleCase] = []
        for rule in rules {
            for (k, example) in rule.examples.enumerated() {
                cases.append(RuleExampleCase(ruleID: rule.id, example: k, check: .asWritten))
                cases.append(RuleExampleCase(ruleID: rule.id, example: k, check: .interpreted))
                let (text, spans) = ExampleMarker.strip(example)
                for variant in ExampleVariant.allCases {
                    guard let rendered = variant.render(text, spans: spans), appliesToRule(rule, rendered) else { continue }
                    cases.append(RuleExampleCase(ruleID: rule.id, example: k, check: .variant(variant)))
                }
                if !spans.isEmpty {
                    for boundary in StreamBoundary.allCases {
                        for split in boundary.splits {
                            cases.append(RuleExampleCase(ruleID: rule.id, example: k, check: .chunk(boundary, split)))
                        }
                    }
                }
            }
            for k in rule.negativeExamples.indices {
                cases.append(RuleExampleCase(ruleID: rule.id, example: k, check: .negative))
            }
        }
        return cases
    }()

    /// A rendering as a file of some format applies to a rule with a `path` filter only when that
    /// file's path passes the filter (a rule for `.npmrc` files is not expected to fire in JSON).
    static func appliesToRule(_ rule: Rule, _ rendered: RenderedExample) -> Bool {
        guard let path = rule.path, rendered.path != "example.txt" else { return true }
        guard let pattern = try? Pattern(path) else { return true }  // a bad pattern fails `ruleCheckFindsNoErrors`
        return (try? pattern.matches(in: rendered.path).isEmpty == false) ?? true
    }

    static func rule(_ id: String) throws -> Rule {
        var rule = try #require(rules.first { $0.id == id })
        rule.path = nil
        return rule
    }

    @Test(arguments: cases)
    func example(_ c: RuleExampleCase) throws {
        let rule = try Self.rule(c.ruleID)
        switch c.check {
        case .negative:
            let text = rule.negativeExamples[c.example]
            let got = try Engine.exampleSpans(of: rule, in: text)
            #expect(got.isEmpty, "reported \(Self.describe(got, in: text)) in \(text.debugDescription)")
        case .asWritten:
            // Through `Engine.exampleSpans`, the evaluation `rules check` (`RuleChecker.engineBacked`) runs.
            let (text, spans) = ExampleMarker.strip(rule.examples[c.example])
            let got = try Engine.exampleSpans(of: rule, in: text)
            if spans.isEmpty {
                #expect(!got.isEmpty, "reported nothing in \(text.debugDescription)")
            } else {
                #expect(got == spans, "expected \(Self.describe(spans, in: text)), reported \(Self.describe(got, in: text))")
            }
        case .variant(let variant):
            let (text, spans) = ExampleMarker.strip(rule.examples[c.example])
            let rendered = try #require(variant.render(text, spans: spans))
            try Self.expectSpans(rule, rendered)
        case .interpreted:
            let (text, spans) = ExampleMarker.strip(rule.examples[c.example])
            let got = try ExampleEngines.shared.secretSpans(of: rule, in: text, path: "example.txt", .interpreter)
            if spans.isEmpty {
                #expect(!got.isEmpty, "reported nothing in \(text.debugDescription)")
            } else {
                #expect(got == spans, "expected \(Self.describe(spans, in: text)), reported \(Self.describe(got, in: text))")
            }
        case .chunk(let boundary, let split):
            let (text, spans) = ExampleMarker.strip(rule.examples[c.example])
            try StreamedExample.expectSpans(rule, text: text, spans: spans, boundary: boundary, split: split)
        }
    }

    /// The rule reports exactly `rendered.spans` in `rendered.text` (something, when no span is marked).
    static func expectSpans(_ rule: Rule, _ rendered: RenderedExample, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let got = try ExampleEngines.shared.secretSpans(of: rule, in: rendered.text, path: rendered.path, .standard, sourceLocation: sourceLocation)
        if rendered.spans.isEmpty {
            #expect(!got.isEmpty, "reported nothing in \(rendered.text.debugDescription)", sourceLocation: sourceLocation)
        } else {
            #expect(got == rendered.spans, "expected \(describe(rendered.spans, in: rendered.text)), reported \(describe(got, in: rendered.text)) in \(rendered.text.debugDescription) (\(rendered.path))", sourceLocation: sourceLocation)
        }
    }

    static func describe(_ spans: [Range<Int>], in text: String) -> String {
        if spans.isEmpty { return "nothing" }
        let bytes = Array(text.utf8)
        return spans.map { s in
            let lo = min(max(0, s.lowerBound), bytes.count), hi = min(max(lo, s.upperBound), bytes.count)
            return "\(s) \(String(decoding: bytes[lo..<hi], as: UTF8.self).debugDescription)"
        }.joined(separator: ", ")
    }

    @Test func everyRuleHasCases() {
        #expect(!Self.rules.isEmpty, "no built-in rules parsed")
        let covered = Set(Self.cases.map(\.ruleID))
        #expect(Self.rules.filter { !covered.contains($0.id) }.map(\.id) == [], "rules without any example")
    }

    /// The variants themselves: spans are recomputed correctly (checked on a fixed example).
    @Test(arguments: ExampleVariant.allCases)
    func variantKeepsTheSecretAtTheRecomputedSpan(_ variant: ExampleVariant) throws {
        let (text, spans) = ExampleMarker.strip("api_token = «tok_7Hq2ZpX9»")
        let rendered = try #require(variant.render(text, spans: spans))
        let bytes = Array(rendered.text.utf8)
        #expect(rendered.spans.count == 1)
        #expect(String(decoding: bytes[rendered.spans[0]], as: UTF8.self) == "tok_7Hq2ZpX9", "\(rendered.text.debugDescription)")
    }

    @Test(arguments: [
        ("password: «hunter2»", true), ("export KEY=\"«v»\"", true), ("Authorization: Bearer «tok»", true),
        ("password = «H7u2»  # production", true), ("\"AccessKeyId\": \"«ASIA»\",", true),
        ("https://user:«pw»@host", false), ("curl -H \"X: «v»\"", false), ("a = 1\nb = «2»", false),
        ("«key» = value", false), ("PGPASSWORD=«pw» psql -h db", false), ("self.password = \"«pw»\"", false),
        ("\tPassword: \"«pw»\",", false), ("user=alice&password=«pw»&x=1", false), ("db_password: str = \"«pw»\"", false),
        ("Parameters: {\"password\"=>\"«pw»\"}", false), ("password := \"«pw»\"", false), ("$password = '«pw»';", false),
        ("x => «pw»", false),
    ])
    func keyValueFormIsRecognised(example: String, isKeyValue: Bool) {
        let (text, spans) = ExampleMarker.strip(example)
        #expect((KeyValueExample(text, spans: spans) != nil) == isKeyValue)
    }

    @Test func renderingsThatNeedEscapingDoNotExist() {
        let header = ExampleMarker.strip(#"X-Auth-Header: ab«secret»"#)
        #expect(ExampleVariant.dotenv.render(header.text, spans: header.spans) == nil)  // a header name is not an env var name
        #expect(ExampleVariant.ini.render(header.text, spans: header.spans) != nil)
        // A backslash inside double quotes is an escape: only double-quoted renderings keep its meaning.
        let escaped = ExampleMarker.strip(#"key = "«line1\nline2»""#)
        #expect(ExampleVariant.json.render(escaped.text, spans: escaped.spans) != nil)
        #expect(ExampleVariant.singleQuoted.render(escaped.text, spans: escaped.spans) == nil)
        #expect(ExampleVariant.ini.render(escaped.text, spans: escaped.spans) == nil)
        // A bare backslash is literal: double quotes would need escaping it.
        let literal = ExampleMarker.strip(#"key = «a\b»"#)
        #expect(ExampleVariant.json.render(literal.text, spans: literal.spans) == nil)
        #expect(ExampleVariant.singleQuoted.render(literal.text, spans: literal.spans) != nil)
        // A JSON member is re-rendered as JSON only.
        let member = ExampleMarker.strip(#""auth": "«Y2k=»""#)
        #expect(ExampleVariant.allCases.filter { $0.render(member.text, spans: member.spans) != nil && KeyValueExample(member.text, spans: member.spans) != nil }.contains(.json))
        #expect(ExampleVariant.ini.render(member.text, spans: member.spans) == nil)
        #expect(ExampleVariant.yaml.render(member.text, spans: member.spans) == nil)
    }
}
