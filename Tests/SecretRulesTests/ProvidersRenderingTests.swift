import SecretScanner
import Testing
@testable import SecretRules

/// A provider rule finds its secret wherever a configuration file puts it: every positive example
/// of the form `key = value` / `key: value` is re-rendered as a JSON member, a YAML value (plain
/// and quoted), a `.env` line, an INI entry under a section, a single-quoted assignment, a line
/// after CRLF lines, and a line after an emoji; each copy must report exactly the marked secret at
/// its new byte offset, through the real engine (`Engine.secretSpans`).
@Suite("Provider rules: examples re-rendered in other file formats")
struct ProvidersRenderingTests {
    /// One `key = value` example of a provider rule, split at its marked secret.
    struct Assignment: Sendable, CustomTestStringConvertible {
        var ruleID: String
        var exampleIndex: Int
        var key: String
        /// The whole assigned value (without surrounding quotes).
        var value: String
        /// The secret's UTF-8 byte range within `value`.
        var secretInValue: Range<Int>

        var testDescription: String { "\(ruleID) example \(exampleIndex + 1)" }
    }

    /// The ways a `key`/`value` pair is written in files the scanner meets.
    enum Rendering: String, CaseIterable, Sendable {
        case json, yamlPlain, yamlQuoted, dotenv, ini, singleQuoted, crlf, emoji

        /// The rendered text, the path it is scanned under, and the UTF-8 offset where `value` starts.
        func render(key: String, value: String) -> (text: String, path: String, valueStart: Int) {
            let (prefix, suffix, path): (String, String, String)
            switch self {
            case .json: (prefix, suffix, path) = ("{\n  \"\(key)\": \"", "\",\n  \"enabled\": true\n}\n", "config/settings.json")
            case .yamlPlain: (prefix, suffix, path) = ("service:\n  \(key): ", "\n  retries: 3\n", "deploy/values.yaml")
            case .yamlQuoted: (prefix, suffix, path) = ("\(key): \"", "\"\n", "deploy/values.yml")
            case .dotenv: (prefix, suffix, path) = ("APP_ENV=production\n\(key)=", "\n", ".env")
            case .ini: (prefix, suffix, path) = ("[credentials]\n\(key) = ", "\n", "settings.ini")
            case .singleQuoted: (prefix, suffix, path) = ("\(key) = '", "'\n", "config.py")
            case .crlf: (prefix, suffix, path) = ("# generated\r\n\(key) = ", "\r\nmode = strict\r\n", "app.conf")
            case .emoji: (prefix, suffix, path) = ("\u{1F511} \(key) = ", "", "notes.txt")
            }
            return (prefix + value + suffix, path, prefix.utf8.count)
        }

        /// Whether `value` can be written this way without escaping (quotes inside a quoted form).
        func accepts(_ value: String) -> Bool {
            switch self {
            case .json, .yamlQuoted: !value.contains("\"")
            case .singleQuoted: !value.contains("'")
            default: true
            }
        }
    }

    /// Every provider example written as `key = value` or `key: value` (or with another assignment
    /// operator: `:=`, `::=`, `?=`, `.=`, `+=`, `=>`, `<-`; key optionally quoted, value optionally
    /// quoted), with exactly one marked secret inside the value.
    static let assignments: [Assignment] = {
        var rules: [Rule] = []
        for (name, toml) in BuiltinRules.sources where name != "sirportly" && name != "passwords" {
            rules += (try? ConfigFile.parse(toml, path: BuiltinRules.path(ofPack: name), compilePatterns: false).rules) ?? []
        }
        var out: [Assignment] = []
        for rule in rules {
            for (index, example) in rule.examples.enumerated() {
                if let assignment = split(example, ruleID: rule.id, index: index) { out.append(assignment) }
            }
        }
        return out
    }()

    /// `key = value` parts of `example`, or nil when it is not a single-line assignment whose value
    /// holds the one marked secret.
    static func split(_ example: String, ruleID: String, index: Int) -> Assignment? {
        let (text, spans) = ExampleMarker.strip(example)
        guard spans.count == 1, !text.contains("\n") else { return nil }
        let pattern = /^(["']?)([A-Za-z_][A-Za-z0-9_.\-]*)\1[ \t]*(?:::=|:=|\?=|\.=|\+=|=>|<-|[:=])[ \t]*(["']?)(.*?)\3[,;]?[ \t]*$/
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        let key = String(match.output.2)
        let value = String(match.output.4)
        let valueStart = text.utf8.distance(from: text.startIndex, to: match.output.4.startIndex)
        let secret = spans[0]
        guard secret.lowerBound >= valueStart, secret.upperBound <= valueStart + value.utf8.count else { return nil }
        return Assignment(ruleID: ruleID, exampleIndex: index, key: key, value: value,
                          secretInValue: (secret.lowerBound - valueStart)..<(secret.upperBound - valueStart))
    }

    static let rulesByID: [String: Rule] = {
        let rules = (try? BuiltinRules.all()) ?? []
        return Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    /// Rules whose form is not an assignment at all: a header inside a curl command, a value
    /// inside a Kubernetes Secret manifest (whose `kind: Secret` line is part of the form).
    static let formsWithoutAssignment: Set<String> = ["http-header-api-key", "kubernetes-secret-data"]

    @Test func mostProviderRulesHaveAnAssignmentExample() {
        let covered = Set(Self.assignments.map(\.ruleID))
        let providerIDs = Set(Self.rulesByID.keys).filter { id in
            !id.hasPrefix("password-") && !id.hasPrefix("sirportly-") && !Self.formsWithoutAssignment.contains(id)
        }
        let missing = providerIDs.subtracting(covered).sorted()
        #expect(missing.isEmpty, "provider rules without a `key = value` example: \(missing)")
    }

    /// Every assignment in every rendering that can hold its value unescaped.
    static let renderedCases: [(Assignment, Rendering)] = assignments.flatMap { assignment in
        Rendering.allCases.filter { $0.accepts(assignment.value) }.map { (assignment, $0) }
    }

    /// Rules whose secret, once out of its native format, is reported by a more general rule: a
    /// service-account `private_key` outside JSON is an escaped PEM block for `private-key`.
    static let reportedOutsideNativeFormatBy: [String: String] = ["gcp-service-account-key": "private-key"]

    @Test(arguments: renderedCases)
    func reportsTheSameSecretWhenRendered(_ assignment: Assignment, as rendering: Rendering) throws {
        let (text, path, valueStart) = rendering.render(key: assignment.key, value: assignment.value)
        let expected = (valueStart + assignment.secretInValue.lowerBound)..<(valueStart + assignment.secretInValue.upperBound)
        let candidates = [assignment.ruleID] + [Self.reportedOutsideNativeFormatBy[assignment.ruleID]].compactMap { $0 }
        var reports: [String: [Range<Int>]] = [:]
        for id in candidates {
            let rule = try #require(Self.rulesByID[id])
            reports[id] = try Engine.secretSpans(of: rule, in: text, path: path)
        }
        let reporters = candidates.filter { reports[$0] == [expected] }
        #expect(reporters.count == 1, "\(rendering.rawValue): expected \(expected) from one of \(candidates), got \(reports):\n\(text)")
    }
}
