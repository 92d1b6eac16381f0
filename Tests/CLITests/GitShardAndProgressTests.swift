import Foundation
import Testing

/// `git history --shard I/N` merged with `report merge`, and `--progress` on the git modes,
/// through the binary on real temporary repositories.
@Suite("git history --shard, git --progress")
struct GitShardAndProgressTests {
    static let key = ["TOKENAUDIT_FINGERPRINT_KEY": "a shared key for every shard of the git test"]

    /// A history with what makes sharding hard: a value kept across versions of a file (reported
    /// once, at its first commit), a value removed from HEAD, a value moved to another path while
    /// still in HEAD, a value copied into another file of another shard, a secret in a commit message, a binary blob (skipped) and clean files.
    func makeRepository() throws -> GitTree {
        let repo = try GitTree()
        for i in 0..<8 {
            try repo.tree.write("svc\(i)/.env", PlantedPair(seed: UInt64(200 + i)).dotenv)
            try repo.tree.write("svc\(i)/main.c", "int f\(i)(void) { return \(i); }\n")
        }
        try repo.tree.write("blob.bin", Data([0, 1, 2, 0, 3]))
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "services")
        // A new version of svc0/.env keeps its pair and adds a line.
        try repo.tree.write("svc0/.env", PlantedPair(seed: 200).dotenv + "DEBUG=1\n")
        // svc1's pair leaves HEAD; svc2's moves to another path (still in HEAD).
        try repo.git("rm", "-q", "svc1/.env")
        try repo.tree.mkdir("moved")
        try repo.git("mv", "svc2/.env", "moved/.env")
        // svc3's pair leaves its path but lives on in another blob at a path of another shard
        // (for 2, 3 and 5 shards): not removed, and only a shard that also looks at HEAD's other
        // blobs can tell.
        try repo.git("rm", "-q", "svc3/.env")
        try repo.tree.write("elsewhere/config.env", "# copied\n" + PlantedPair(seed: 203).dotenv)
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "edits\n\n" + PlantedPair(seed: 250).dotenv)
        return repo
    }

    /// The findings, skipped blobs and counts of a JSON report, without what varies between runs.
    func comparable(_ json: [String: Any]) throws -> Data {
        var stats = json["stats"] as? [String: Any] ?? [:]
        for key in ["durationSeconds", "bytesPerSecond", "jobs"] { stats[key] = nil }
        let object: [String: Any] = ["findings": json["findings"] ?? [], "skipped": json["skipped"] ?? [], "stats": stats]
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    @Test(arguments: [1, 2, 3, 5])
    func historyShardsMergedEqualOneRun(count: Int) throws {
        let repo = try makeRepository()
        // Both sides through report merge: one run's report and the shards' reports.
        let whole = try repo.tokenaudit(["git", "history", "--format", "json", "-o", "../whole-\(count).json"], environment: Self.key)
        #expect(whole.status == 1, "\(whole.stderr)")
        let parent = repo.root.deletingLastPathComponent()
        let wholePath = parent.appendingPathComponent("whole-\(count).json").path
        var shardFiles: [String] = []
        defer { for file in shardFiles + [wholePath] { try? FileManager.default.removeItem(atPath: file) } }
        var shardFindings: [Int] = []
        for i in 1...count {
            let name = "\(repo.root.lastPathComponent)-history-\(i)-of-\(count).json"
            let out = try repo.tokenaudit(
                ["git", "history", "--shard", "\(i)/\(count)", "--format", "json", "-o", "../\(name)"], environment: Self.key)
            #expect(out.status <= 1, "\(out.stderr)")
            let path = parent.appendingPathComponent(name).path
            shardFiles.append(path)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
            shardFindings.append((json?["findings"] as? [Any])?.count ?? 0)
        }
        let wholeJSON = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: wholePath))) as? [String: Any])
        let wholeFindings = try #require(wholeJSON["findings"] as? [[String: Any]])
        // Each finding is in exactly one shard.
        #expect(shardFindings.reduce(0, +) == wholeFindings.count)
        // The hard cases are in the report: one run says svc1's pair was removed, the moved one not.
        #expect(wholeFindings.contains { $0["file"] as? String == "svc1/.env" && $0["removed"] as? Bool == true })
        #expect(wholeFindings.contains { $0["file"] as? String == "svc2/.env" && $0["removed"] as? Bool == false })
        #expect(wholeFindings.contains { $0["file"] as? String == "svc3/.env" && $0["removed"] as? Bool == false })
        #expect(wholeFindings.contains { $0["file"] as? String == "<commit message>" })
        let merged = try BinaryRunner.run(["report", "merge", "--format", "json"] + shardFiles.reversed())
        let single = try BinaryRunner.run(["report", "merge", "--format", "json", wholePath])
        #expect(merged.status == 1 && single.status == 1, "\(merged.stderr)\(single.stderr)")
        let (a, b) = (try comparable(merged.json()), try comparable(single.json()))
        #expect(a == b, "\(String(decoding: a, as: UTF8.self))\n---\n\(String(decoding: b, as: UTF8.self))")
    }

    @Test(arguments: ["0/2", "3/2", "2", "a/b"])
    func badShardIsAUsageError(shard: String) throws {
        let repo = try GitTree()
        let out = try repo.tokenaudit(["git", "history", "--shard", shard])
        #expect(out.status == 2)
        #expect(out.stderr.contains("--shard"))
    }

    /// `--progress always` draws on standard error (each update its own line when it is not a
    /// terminal) and leaves standard output byte for byte what `never` gives.
    @Test(arguments: [["git", "history"], ["git", "range", "HEAD~1..HEAD"], ["git", "staged"]])
    func progressGoesToStandardErrorOnly(mode: [String]) throws {
        let repo = try makeRepository()
        try repo.tree.write("staged/.env", PlantedPair(seed: 260).dotenv)
        try repo.git("add", "staged/.env")
        let quiet = try repo.tokenaudit(mode + ["--format", "text", "--progress", "never"], environment: Self.key)
        let shown = try repo.tokenaudit(mode + ["--format", "text", "--progress", "always"], environment: Self.key)
        #expect(quiet.status == 1 && shown.status == 1, "\(shown.stderr)")
        #expect(!quiet.stderr.contains("Scanning:"))
        #expect(!shown.stdout.contains("Scanning:"))
        #expect(shown.stdout == quiet.stdout)
        let lines = shown.stderr.split(separator: "\n").filter { $0.hasPrefix("Scanning: ") }
        let last = try #require(lines.last)
        // The number of blobs is known up front, so the line counts against it.
        #expect(last.contains(" blobs, "))
        #expect(last.contains(" findings") || last.contains(" finding"))
        #expect(last.range(of: #"Scanning: (\d+)/\1 blobs"#, options: .regularExpression) != nil, "\(last)")
        #expect(last.contains("MB/s") && last.contains(", ETA "), "\(last)")
    }

    /// `auto` stays silent when standard error is not a terminal (as in CI, and in these tests).
    @Test func autoProgressIsSilentOffATerminal() throws {
        let repo = try makeRepository()
        let out = try repo.tokenaudit(["git", "history"], environment: Self.key)
        #expect(out.status == 1)
        #expect(!out.stderr.contains("Scanning:"))
    }
}
