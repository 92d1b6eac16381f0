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

    /// Every `.toml` file in `Sources/SecretRules/Builtin/` is embedded (the plugin lists the
    /// directory on every build), the listing order names only existing packs, and the packs hold
    /// the same rules in the same order as the committed `rules list` snapshot.
    @Test func everyPackFileIsEmbedded() throws {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SecretRules/Builtin")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".toml") }.sorted()
        #expect(BuiltinRules.sources.map { $0.name + ".toml" }.sorted() == files)
        #expect(BuiltinRules.listingOrder.filter { name in !files.contains(name + ".toml") }.isEmpty)
        for (name, toml) in BuiltinRules.sources {
            let file = try String(contentsOf: directory.appendingPathComponent(name + ".toml"), encoding: .utf8)
            #expect(toml == file, "the embedded \(name).toml differs from the file")
        }
    }

    /// Regression: a failing built-in example was reported as "example 17" of a Swift string; it
    /// is reported at its pack file, line and column.
    @Test func failingExampleNamesItsPackFileAndLine() throws {
        let rules = try BuiltinRules.all()
        var rule = try #require(rules.first { $0.id == "password-in-url" })
        rule.examples[1] = "no password here"
        let problems = RuleChecker.engineBacked(locations: try BuiltinRules.exampleLocations()).check(rule, knownIDs: [])
        let problem = try #require(problems.first { $0.exampleLabel == "example 2" })
        let location = try #require(problem.location)
        #expect(location.path == "Sources/SecretRules/Builtin/passwords.toml")
        let pack = try #require(BuiltinRules.sources.first { $0.name == "passwords" }?.toml)
        let line = pack.split(separator: "\n", omittingEmptySubsequences: false)[location.position.line - 1]
        let original = try #require(rules.first { $0.id == "password-in-url" }?.examples[1])
        #expect(line.contains(original.split(separator: "\n")[0]), "\(line)")
        #expect(problem.description.hasPrefix("Sources/SecretRules/Builtin/passwords.toml:\(location.position.line):"))
    }

    /// A problem in a built-in pack is reported at its file and line, like a user's config.
    @Test func packErrorsNameTheFileAndLine() {
        let broken = (BuiltinRules.sources.first { $0.name == "passwords" }?.toml ?? "") + "\n[[rules]]\nid = 'x'\nkind = 'secret'\n"
        do {
            _ = try ConfigFile.parse(broken, path: BuiltinRules.path(ofPack: "passwords"), compilePatterns: false)
            Issue.record("expected an error")
        } catch {
            let lines = broken.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(error.description.hasPrefix("Sources/SecretRules/Builtin/passwords.toml:\(lines - 1):8: error: unknown kind"), "\(error)")
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
        let checker = RuleChecker.engineBacked(locations: try BuiltinRules.exampleLocations())
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
