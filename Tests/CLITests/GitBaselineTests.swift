import Foundation
import Testing

/// `--baseline` on every git mode, end to end through the binary: a baseline made from a history
/// scan (`baseline create --from-report`), then a new secret in a new commit (or staged) is the
/// only one reported, and the summary counts the suppressed ones.
@Suite("git --baseline")
struct GitBaselineTests {
    static let key = ["TOKENAUDIT_FINGERPRINT_KEY": "a shared key for the git baseline test"]

    /// A repository whose history holds two known pairs, and its baseline (outside the work tree).
    func makeRepository() throws -> (GitTree, baseline: String) {
        let repo = try GitTree()
        try repo.tree.write("a/.env", PlantedPair(seed: 300).dotenv)
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "first leak")
        try repo.tree.write("b/.env", PlantedPair(seed: 301).dotenv)
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "second leak")
        let name = "\(repo.root.lastPathComponent)-history.json"
        let history = try repo.tokenaudit(["git", "history", "--format", "json", "-o", "../\(name)"], environment: Self.key)
        #expect(history.status == 1, "\(history.stderr)")
        let baseline = repo.root.deletingLastPathComponent().appendingPathComponent("\(repo.root.lastPathComponent)-baseline.json").path
        let create = try repo.tokenaudit(["baseline", "create", "--from-report", "../\(name)", "-o", baseline], environment: Self.key)
        #expect(create.status == 0, "\(create.stderr)")
        #expect(create.stderr.contains("4 findings recorded"), "\(create.stderr)")
        try? FileManager.default.removeItem(at: repo.root.deletingLastPathComponent().appendingPathComponent(name))
        return (repo, baseline)
    }

    @Test(arguments: [["git", "history"], ["git", "range", "--since", "HEAD~1"]])
    func onlyTheNewSecretIsReported(mode: [String]) throws {
        let (repo, baseline) = try makeRepository()
        defer { try? FileManager.default.removeItem(atPath: baseline) }
        // Before anything new: history with the baseline is clean.
        let clean = try repo.tokenaudit(["git", "history", "--baseline", baseline, "--format", "json"], environment: Self.key)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(try clean.findings().isEmpty)
        #expect((try clean.json()["stats"] as? [String: Any])?["suppressedByBaseline"] as? Int == 4)

        let fresh = PlantedPair(seed: 302)
        try repo.tree.write("c/.env", fresh.dotenv)
        // A known pair pasted into a new file is new there (the fingerprint holds the path).
        try repo.tree.write("a/.env", PlantedPair(seed: 300).dotenv + "EXTRA=1\n")
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "third leak")
        let out = try repo.tokenaudit(mode + ["--baseline", baseline, "--format", "json"], environment: Self.key)
        #expect(out.status == 1, "\(out.stderr)")
        let findings = try out.findings()
        #expect(Set(findings.compactMap { $0["file"] as? String }) == ["c/.env"])
        #expect(findings.count == 2)
        let suppressed = (try out.json()["stats"] as? [String: Any])?["suppressedByBaseline"] as? Int ?? 0
        // history sees both old pairs again; the range only a/.env's new version (its added line
        // holds no secret, so nothing of it is suppressed either).
        #expect(suppressed == (mode[1] == "history" ? 4 : 0))
        let text = try repo.tokenaudit(mode + ["--baseline", baseline], environment: Self.key)
        #expect(text.status == 1)
        if mode[1] == "history" { #expect(text.stderr.contains("4 known findings suppressed by the baseline"), "\(text.stderr)") }
    }

    @Test func stagedReportsOnlyTheNewSecret() throws {
        let (repo, baseline) = try makeRepository()
        defer { try? FileManager.default.removeItem(atPath: baseline) }
        // A file the baseline records, staged again at the same path, is suppressed.
        try repo.git("rm", "-q", "--cached", "a/.env")
        try repo.git("commit", "-q", "-m", "untrack a")
        try repo.git("add", "a/.env")
        let known = try repo.tokenaudit(["git", "staged", "--baseline", baseline, "--format", "json"], environment: Self.key)
        #expect(known.status == 0, "\(known.stdout)\(known.stderr)")
        #expect(try known.findings().isEmpty)
        #expect((try known.json()["stats"] as? [String: Any])?["suppressedByBaseline"] as? Int == 2)

        try repo.tree.write("d/.env", PlantedPair(seed: 303).dotenv)
        try repo.git("add", "d/.env")
        let out = try repo.tokenaudit(["git", "staged", "--baseline", baseline, "--format", "json"], environment: Self.key)
        #expect(out.status == 1)
        #expect(Set(try out.findings().compactMap { $0["file"] as? String }) == ["d/.env"])
        #expect((try out.json()["stats"] as? [String: Any])?["suppressedByBaseline"] as? Int == 2)
    }

    @Test func baselineFromAReportThatIsNotJSONIsExitTwo() throws {
        let tree = try TemporaryTree()
        try tree.write("bad.json", "not json")
        let out = try BinaryRunner.run(["baseline", "create", "--from-report", "bad.json", "-o", "b.json"], in: tree.root)
        #expect(out.status == 2)
        #expect(out.stderr.contains("bad.json"))
        #expect(!FileManager.default.fileExists(atPath: tree.url("b.json").path))
    }
}
