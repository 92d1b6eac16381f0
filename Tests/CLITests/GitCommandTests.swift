import Foundation
import Testing

/// A git repository in a temporary directory for CLI tests, driven with the git CLI.
final class GitTree {
    let tree: ScanTree
    var root: URL { tree.root }

    init(commit: Bool = true) throws {
        tree = try ScanTree()
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "CLI Test")
        try git("config", "user.email", "cli@example.com")
        try git("config", "commit.gpgsign", "false")
        if commit {
            try tree.write("README.md", "readme\n")
            try git("add", "-A")
            try git("commit", "-q", "-m", "initial")
        }
    }

    /// Runs git; returns its exit status, output and error output.
    @discardableResult
    func git(_ args: String..., environment: [String: String] = [:], check: Bool = true) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + args
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = ProcessResult(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
        if check && result.status != 0 { throw CocoaError(.executableLoad, userInfo: ["git": args, "stderr": result.stderr]) }
        return result
    }

    func tokenaudit(_ args: [String], environment: [String: String] = [:]) throws -> BinaryRunner.Output {
        try BinaryRunner.run(args, in: root, environment: environment)
    }
}

@Suite struct GitCommandTests {
    @Test func stagedExitCodesAndJSON() throws {
        let repo = try GitTree()
        #expect(try repo.tokenaudit(["git", "staged"]).status == 0)
        try repo.tree.write("app.env", PlantedPair(seed: 70).dotenv)
        try repo.git("add", "app.env")
        let result = try repo.tokenaudit(["git", "staged", "--format", "json"])
        #expect(result.status == 1)
        let findings = try #require(try result.json()["findings"] as? [[String: Any]])
        #expect(findings.map { $0["file"] as? String } == ["app.env", "app.env"])
        #expect(!result.stdout.contains(PlantedPair(seed: 70).secret))
    }

    @Test func historyJSONCarriesProvenanceAndRemoved() throws {
        let repo = try GitTree()
        try repo.tree.write("old.env", PlantedPair(seed: 71).dotenv)
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "leak")
        try repo.git("rm", "-q", "old.env")
        try repo.git("commit", "-q", "-m", "unleak")
        let result = try repo.tokenaudit(["git", "history", "--format", "json"])
        #expect(result.status == 1)
        let findings = try #require(try result.json()["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        for finding in findings {
            #expect((finding["commit"] as? String)?.count == 40)
            #expect(finding["author"] as? String == "CLI Test <cli@example.com>")
            #expect(finding["date"] as? String != nil)
            #expect(finding["removed"] as? Bool == true)
        }
        let range = try repo.tokenaudit(["git", "range", "--since", "HEAD~2", "--format", "json"])
        #expect(range.status == 1)
        #expect(try (range.json()["findings"] as? [[String: Any]])?.allSatisfy { $0["removed"] == nil } == true)
    }

    @Test(arguments: [
        (["git", "staged"], [String: String](), "not inside a git work tree"),
        (["git", "staged"], ["PATH": "/nonexistent"], "git was not found on PATH"),
        (["git", "history", "no-such-ref"], [:], "unknown revision no-such-ref"),
        (["git", "range", "main"], [:], "BASE..HEAD"),
        (["install-hook"], [:], "not inside a git work tree"),
    ])
    func errorsExitWithStatusTwo(args: [String], environment: [String: String], message: String) throws {
        let tree = try ScanTree()
        let directory: URL
        let keep: GitTree?
        if args == ["git", "staged"] || args == ["install-hook"] {
            directory = tree.root
            keep = nil
        } else {
            keep = try GitTree()
            directory = keep!.root
        }
        let result = try BinaryRunner.run(args, in: directory, environment: environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message))
    }

    @Test func noCommitsYetIsExitTwoForRangeAndHistory() throws {
        let repo = try GitTree(commit: false)
        let result = try repo.tokenaudit(["git", "history"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no commits yet"))
    }

    @Test(arguments: [false, true])
    func installedHookBlocksACommitThatAddsASirportlySecret(commitAll: Bool) throws {
        let repo = try GitTree()
        let install = try repo.tokenaudit(["install-hook", "--command", BinaryRunner.executable.path])
        #expect(install.status == 0)
        try repo.tree.write("tracked.txt", "clean\n")
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "clean commit passes")

        try repo.tree.write("tracked.txt", "clean\n" + PlantedPair(seed: 72).dotenv)
        if !commitAll { try repo.git("add", "-A") }
        let blocked = try repo.git("commit", "-q", commitAll ? "-am" : "-m", "leak", check: false)
        #expect(blocked.status != 0)
        #expect(blocked.stdout.contains("sirportly-secret") || blocked.stderr.contains("sirportly-secret"))
        #expect(try repo.git("log", "--format=%s", "-1").stdout == "clean commit passes\n")

        let bypass = try repo.git("commit", "-q", "--no-verify", commitAll ? "-am" : "-m", "deliberate", check: false)
        #expect(bypass.status == 0)
        #expect(try repo.tokenaudit(["uninstall-hook"]).status == 0)
    }

    @Test func foreignHookIsRefusedWithoutForce() throws {
        let repo = try GitTree()
        try repo.tree.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
        let refused = try repo.tokenaudit(["install-hook"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--force"))
        #expect(try repo.tokenaudit(["install-hook", "--force"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: repo.root.appendingPathComponent(".git/hooks/pre-commit.tokenaudit-backup").path))
    }

    /// The package's `.pre-commit-hooks.yaml`, run by the real `pre-commit` (from PyPI) with
    /// `try-repo` against this checkout.
    @Test(.enabled(if: PreCommitFramework.executable != nil, "SKIPPED: pre-commit is not installed (not on PATH, not in ~/.local/bin): python3 -m pip install --user pre-commit; .ci/run tries to"))
    func preCommitFrameworkRunsTheHook() throws {
        let framework = try #require(PreCommitFramework.executable)
        // A hook repository holding exactly the package's manifest, committed (try-repo reads HEAD).
        let hooks = try GitTree()
        let manifest = try Data(contentsOf: URL(fileURLWithPath: PreCommitFramework.packageRoot + "/.pre-commit-hooks.yaml"))
        try hooks.tree.write(".pre-commit-hooks.yaml", manifest)
        try hooks.git("add", "-A")
        try hooks.git("commit", "-q", "-m", "hooks")
        let repo = try GitTree()
        try repo.tree.write("leak.env", PlantedPair(seed: 73).dotenv)
        try repo.git("add", "-A")
        let binDirectory = BinaryRunner.executable.deletingLastPathComponent().path
        let environment = [
            "PATH": binDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "PRE_COMMIT_HOME": repo.root.appendingPathComponent(".pre-commit-cache").path,
        ]
        let blocked = try PreCommitFramework.run(
            framework, ["try-repo", hooks.root.path, "tokenaudit-system"], in: repo.root, environment: environment)
        #expect(blocked.status == 1)
        #expect(blocked.stdout.contains("sirportly-secret"))
        try repo.git("rm", "-q", "--cached", "leak.env")
        try repo.tree.write("fine.txt", "nothing secret\n")
        try repo.git("add", "fine.txt")
        let clean = try PreCommitFramework.run(
            framework, ["try-repo", hooks.root.path, "tokenaudit-system"], in: repo.root, environment: environment)
        #expect(clean.status == 0)
    }
}

enum PreCommitFramework {
    /// `pre-commit` on PATH or in `~/.local/bin` (where `pip install --user` puts it).
    static let executable: String? = {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        for directory in path + [home + "/.local/bin"] {
            let candidate = directory + "/pre-commit"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// This checkout (three levels above this file).
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func run(_ executable: String, _ args: [String], in directory: URL, environment: [String: String]) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

/// What a helper process (git, pre-commit) did.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}
