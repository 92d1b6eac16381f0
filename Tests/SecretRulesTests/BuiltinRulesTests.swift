import Foundation
import SecretScanner
import Testing
@testable import SecretRules

@Suite("Built-in rules")
struct BuiltinRulesTests {
    static let packNames = BuiltinRules.sources.map(\.name)

    /// A pack that does not parse — or whose patterns do not compile — fails here, naming the pack
    /// and the position.
    @Test(arguments: packNames)
    func packParsesWithEveryPatternCompiled(pack: String) throws {
        let toml = try #require(BuiltinRules.sources.first { $0.name == pack }?.toml)
        do {
            let config = try ConfigFile.parse(toml, path: BuiltinRules.path(ofPack: pack))
            #expect(config.useDefault && config.disabledRules.isEmpty && config.allowlists.isEmpty && config.failOn == nil,
                    "a built-in pack holds only [[rules]]")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func allKeepsPackOrderAndCaches() throws {
        var expected: [String] = []
        for (name, toml) in BuiltinRules.sources {
            expected += try ConfigFile.parse(toml, path: BuiltinRules.path(ofPack: name), compilePatterns: false).rules.map(\.id)
        }
        let first = try BuiltinRules.all()
        #expect(first.map(\.id) == expected)
        #expect(try BuiltinRules.all() == first)
    }

    @Test func allIsSafeFromManyThreadsAtOnce() async throws {
        let reference = try BuiltinRules.all().map(\.id)
        let results = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { try BuiltinRules.all().map(\.id) } }
            return try await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == reference })
    }

    @Test func ruleIdsAreUniqueAcrossPacks() throws {
        let ids = try BuiltinRules.all().map(\.id)
        let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(duplicates.isEmpty, "duplicate built-in ids: \(duplicates)")
    }

    /// The checker `tokenaudit rules check` runs, over every built-in rule, with the real engine
    /// (and, as there, without the rule's `path` filter: examples show what a rule matches, not
    /// where): one test case per rule, so a failure names the rule. Warnings are listed by
    /// `rules check`; errors fail here.
    @Test(arguments: try BuiltinRules.all().map(\.id))
    func ruleCheckFindsNoErrors(ruleID: String) throws {
        let rules = try BuiltinRules.all()
        let rule = try #require(rules.first { $0.id == ruleID })
        let checker = RuleChecker(evaluate: { rule, text in
            var anywhere = rule
            anywhere.path = nil
            return try Engine.secretSpans(of: anywhere, in: text, path: "example.txt")
        })
        let errors = checker.check(rule, knownIDs: Set(rules.map(\.id))).filter { $0.level == .error }
        for problem in errors {
            Issue.record("\(problem)\(problem.example.map { "\n  in: \($0.debugDescription)" } ?? "")")
        }
    }
}

@Suite("rules list snapshot")
struct RulesListSnapshotTests {
    static let snapshotURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Snapshots/rules-list.txt")

    /// `tokenaudit rules list` for the built-in rules, compared with the committed golden file so that
    /// every rule change shows up in review. To accept an intended change, run `make rules-snapshot`,
    /// or run this test with `TOKENAUDIT_UPDATE_SNAPSHOTS=1` set, and commit the file.
    @Test func rulesListMatchesSnapshot() throws {
        let actual = RuleListing.text(try BuiltinRules.all())
        if ProcessInfo.processInfo.environment["TOKENAUDIT_UPDATE_SNAPSHOTS"] == "1" {
            try Data(actual.utf8).write(to: Self.snapshotURL)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: Self.snapshotURL.path)
            return
        }
        let expected = (try? String(contentsOf: Self.snapshotURL, encoding: .utf8)) ?? "(missing snapshot file)\n"
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("""
                `rules list` differs from \(Self.snapshotURL.path) at line \(firstDifference + 1):
                  snapshot: \(firstDifference < e.count ? String(e[firstDifference]) : "(end)")
                  actual:   \(firstDifference < a.count ? String(a[firstDifference]) : "(end)")
                If the rule change is intended, regenerate the snapshot with `make rules-snapshot` \
                (or `TOKENAUDIT_UPDATE_SNAPSHOTS=1 swift test --filter RulesListSnapshotTests`) and commit it.
                """)
        }
    }
}
