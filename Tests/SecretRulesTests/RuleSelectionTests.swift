import Testing
@testable import SecretRules

struct SelectionCase: Sendable, CustomTestStringConvertible {
    var rules: String?
    var exclude: String?
    var expected: [String]
    var testDescription: String { "--rules \(rules ?? "-") --exclude-rules \(exclude ?? "-")" }
}

struct SelectionErrorCase: Sendable, CustomTestStringConvertible {
    var rules: String?
    var exclude: String?
    /// Fragments the error message must contain.
    var fragments: [String]
    var testDescription: String { "--rules \(rules ?? "-") --exclude-rules \(exclude ?? "-")" }
}

@Suite("Rule selection")
struct RuleSelectionTests {
    static let rules: [Rule] = [
        Rule(id: "sirportly-token", title: "t", shape: .sirportlyToken, tags: ["sirportly", "helpdesk"]),
        Rule(id: "sirportly-secret", title: "s", shape: .sirportlySecret, tags: ["sirportly", "helpdesk"]),
        Rule(id: "sirportly-application-token", title: "a", shape: .sirportlyToken, tags: ["sirportly"]),
        Rule(id: "password-in-url", title: "u", regex: "x", tags: ["password", "url"]),
        Rule(id: "password-in-log", title: "l", regex: "x", tags: ["password", "log", "sirportly"]),
        Rule(id: "aws-access-key-id", title: "k", regex: "x", tags: ["aws", "cloud"]),
        Rule(id: "aws", title: "an id that is also a family name", regex: "x", tags: []),
    ]

    static let cases: [SelectionCase] = [
        SelectionCase(rules: nil, exclude: nil, expected: rules.map(\.id)),
        SelectionCase(rules: "sirportly", exclude: nil, expected: ["sirportly-token", "sirportly-secret", "sirportly-application-token"]),
        SelectionCase(rules: "sirportly-token", exclude: nil, expected: ["sirportly-token"]),
        SelectionCase(rules: "password-*", exclude: nil, expected: ["password-in-url", "password-in-log"]),
        SelectionCase(rules: "tag:sirportly", exclude: nil, expected: ["sirportly-token", "sirportly-secret", "sirportly-application-token", "password-in-log"]),
        SelectionCase(rules: " aws-access-key-id , password-in-url ", exclude: nil, expected: ["password-in-url", "aws-access-key-id"]),
        SelectionCase(rules: "tag:sirportly", exclude: "password-*", expected: ["sirportly-token", "sirportly-secret", "sirportly-application-token"]),
        SelectionCase(rules: nil, exclude: "tag:helpdesk,aws-*", expected: ["sirportly-application-token", "password-in-url", "password-in-log", "aws"]),
        // An entry that is an id selects that rule only, not the family behind it.
        SelectionCase(rules: "aws", exclude: nil, expected: ["aws"]),
        SelectionCase(rules: "sirportly", exclude: "sirportly-secret", expected: ["sirportly-token", "sirportly-application-token"]),
    ]

    @Test(arguments: cases)
    func selects(_ c: SelectionCase) throws {
        let selection = try RuleSelection(rules: c.rules, excludeRules: c.exclude)
        #expect(try selection.apply(to: Self.rules).map(\.id) == c.expected)
    }

    static let errorCases: [SelectionErrorCase] = [
        SelectionErrorCase(rules: "sirportly-tokn", exclude: nil, fragments: ["--rules: `sirportly-tokn` selects no rule", "did you mean `sirportly-token`?"]),
        SelectionErrorCase(rules: "pasword-*", exclude: nil, fragments: ["`pasword-*` selects no rule", "did you mean `password-*`?"]),
        SelectionErrorCase(rules: "sirportli", exclude: nil, fragments: ["did you mean `sirportly`?"]),
        SelectionErrorCase(rules: "tag:clod", exclude: nil, fragments: ["`tag:clod` selects no rule", "did you mean `tag:cloud`?"]),
        SelectionErrorCase(rules: nil, exclude: "zzzzzzzzzzzz", fragments: ["--exclude-rules: `zzzzzzzzzzzz` selects no rule", "rules list"]),
        SelectionErrorCase(rules: "aws,,sirportly", exclude: nil, fragments: ["--rules has an empty entry"]),
        SelectionErrorCase(rules: "tag:", exclude: nil, fragments: ["`tag:` needs a tag name"]),
        SelectionErrorCase(rules: "*", exclude: nil, fragments: ["`*` is not a prefix pattern"]),
        SelectionErrorCase(rules: "pass*word", exclude: nil, fragments: ["`*` may only end an entry"]),
    ]

    @Test(arguments: errorCases)
    func rejects(_ c: SelectionErrorCase) {
        do {
            _ = try RuleSelection(rules: c.rules, excludeRules: c.exclude).apply(to: Self.rules)
            Issue.record("expected an error")
        } catch {
            for fragment in c.fragments { #expect(error.message.contains(fragment), "\(error.message)") }
        }
    }

    /// The built-in family name `sirportly` selects exactly the three Sirportly rules.
    @Test func sirportlySelectsTheThreeBuiltinSirportlyRules() throws {
        let selected = try RuleSelection(rules: "sirportly", excludeRules: nil).apply(to: try BuiltinRules.all())
        #expect(selected.map(\.id) == ["sirportly-token", "sirportly-secret", "sirportly-application-token"])
    }
}
