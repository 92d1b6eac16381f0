import Foundation
import Testing
import TestSupport

/// Issue 14, "fail closed": inputs that used to hide a secret and still exit 0, and inputs that
/// crashed the CLI. Every input is generated here; nothing large is committed.
@Suite struct ScanFailClosedTests {
    /// A log line crafted to push a pattern into catastrophic backtracking, followed by a password.
    static func craftedLog(lines: Int) -> String {
        var text = ""
        for i in 0..<lines {
            text += "2026-11-28 10:12:01 INFO " + String(repeating: "a.", count: 1500) + " pass\n"
            text += "2026-11-28 10:12:01 INFO login user=alice password=Zq\(i)Xw9Rt5Yb\n"
        }
        return text
    }

    @Test func matchLimitEvasionOfPasswordInLogFindsEveryPassword() throws {
        let tree = try ScanTree()
        try tree.write("app.log", Self.craftedLog(lines: 20))
        let out = try tree.scan(["app.log", "--format", "json", "--fail-on-skip"])
        let lines = try out.findings().filter { $0["ruleID"] as? String == "password-in-log" }.compactMap { $0["line"] as? Int }
        #expect(lines == Array(stride(from: 2, through: 40, by: 2)))
        #expect(!out.stderr.contains("match limit"))
        #expect(out.status == 1)
    }

    /// Fillers a pattern could loop over: runs of name characters, separators, quotes, escapes,
    /// query-string and key/value shapes, repeated near-misses.
    static let fillers: [String] = ["a.", "a=", "a&", "\"a\":", "\\\\", "password="]

    /// Every built-in rule, on every filler: each keyword of each rule starts a line followed by a
    /// long run of the filler and the keyword again (a near miss), inside a log line, a config
    /// line and a query string. No built-in rule may reach PCRE2's match limit.
    @Test(arguments: fillers)
    func noBuiltinRuleHitsTheMatchLimit(filler: String) throws {
        let tree = try ScanTree()
        let listed = try BinaryRunner.run(["rules", "list", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any]
        let rules = try #require(object?["rules"] as? [[String: Any]])
        var keywords = Set<String>()
        for rule in rules { for word in rule["keywords"] as? [String] ?? [] { keywords.insert(word) } }
        #expect(rules.count > 100)
        let run = String(repeating: filler, count: max(1, 2000 / filler.utf8.count))
        var text = ""
        for word in keywords.sorted() {
            text += "2026-11-28 10:12:01 INFO \(word)\(run) \(word)\n"
            text += "GET /login?\(word)=\(run)&\(word)\(run) HTTP/1.1\n"
        }
        try tree.write("adversarial.txt", text)
        let out = try tree.scan(["adversarial.txt", "--format", "json", "--fail-on-skip", "--max-file-size", "1G"])
        let warnings = try out.json()["warnings"] as? [String] ?? []
        #expect(warnings.filter { $0.contains("limit") }.isEmpty, "filler \(filler)")
        #expect(out.status != 2, "filler \(filler): \(out.stderr.prefix(2000))")
    }

    static let slowRuleConfig = """
        [[rules]]
        id = "user-backtracking"
        title = "A user rule that backtracks catastrophically"
        keywords = ["token"]
        regex = '''token=(?:a|aa)+b|tok(?:en)=([A-Z]{8})\\b'''
        secretGroup = 1

        """

    @Test func userRuleOverTheMatchLimitStillScansTheRestAndReportsTheLines() throws {
        let tree = try ScanTree()
        try tree.write("rules.toml", Self.slowRuleConfig)
        var text = ""
        for _ in 0..<5 { text += "token=" + String(repeating: "a", count: 60) + "c\ntoken=QXZKMRPW\n" }
        try tree.write("in.txt", text)
        let out = try tree.scan(["in.txt", "--config", "rules.toml", "--format", "json"])
        let lines = try out.findings().filter { $0["ruleID"] as? String == "user-backtracking" }.compactMap { $0["line"] as? Int }
        #expect(lines == [2, 4, 6, 8, 10])
        #expect(out.stderr.contains("in.txt: rule user-backtracking: match limit exceeded"))
        #expect(out.stderr.contains("lines 1, 3, 5, 7, 9 of in.txt"))
        #expect(out.stderr.contains("Coverage incomplete: 1 input"))
        #expect(out.status == 1)
        let failing = try tree.scan(["in.txt", "--config", "rules.toml", "--fail-on-skip"])
        #expect(failing.status == 2)
    }

    enum Gap: String, CaseIterable, Sendable {
        case tooLarge, gzipBomb, truncatedGzip, matchLimit, unreadableInWalk
    }

    @Test(arguments: Gap.allCases)
    func failOnSkipFailsTheRunOnEveryCoverageGap(gap: Gap) throws {
        let tree = try ScanTree()
        try tree.write("dir/clean.txt", "nothing here\n")
        var args = ["dir"]
        switch gap {
        case .tooLarge:
            try tree.write("dir/big.txt", String(repeating: "x", count: 4096))
            args += ["--max-file-size", "1K"]
        case .gzipBomb:
            try tree.write("dir/bomb.gz", try Gzip.compress(Data(repeating: UInt8(ascii: "A"), count: 16 << 20)))
        case .truncatedGzip:
            let data = try Gzip.compress(Data(String(repeating: "line of text\n", count: 20_000).utf8))
            try tree.write("dir/cut.gz", data.prefix(data.count / 2))
        case .matchLimit:
            try tree.write("rules.toml", Self.slowRuleConfig)
            try tree.write("dir/in.txt", "token=" + String(repeating: "a", count: 60) + "c\n")
            args += ["--config", "rules.toml"]
        case .unreadableInWalk:
            try tree.symlink("dir/locked", to: try Self.unreadablePath(in: tree))
            args += ["--follow-symlinks-anywhere"]
        }
        #expect(try tree.scan(args).status == 0, "\(gap) without --fail-on-skip")
        let failing = try tree.scan(args + ["--fail-on-skip"])
        #expect(failing.status == 2, "\(gap): \(failing.stderr)")
        #expect(failing.stderr.contains("Coverage incomplete"))
    }

    @Test func binaryFilesSkippedByDesignDoNotFailTheRun() throws {
        let tree = try ScanTree()
        try tree.write("logo.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]))
        try tree.write("notes.txt", "nothing\n")
        let out = try tree.scan(["--fail-on-skip"])
        #expect(out.status == 0)
        #expect(!out.stderr.contains("Coverage incomplete"))
    }

    /// A path this process cannot open: a mode-000 file, or (for root, who reads those) a file
    /// the kernel refuses to open.
    static func unreadablePath(in tree: TemporaryTree) throws -> String {
        try tree.write("locked.txt", PlantedPair().dotenv)
        let path = tree.url("locked.txt").path
        chmod(path, 0)
        for candidate in [path, "/proc/1/mem"] {
            let fd = open(candidate, O_RDONLY | O_NONBLOCK)
            if fd < 0 { return candidate }
            close(fd)
        }
        throw CocoaError(.fileReadNoPermission)
    }

    @Test func unreadableFileNamedOnTheCommandLineIsExitTwo() throws {
        let tree = try ScanTree()
        try tree.symlink("named", to: try Self.unreadablePath(in: tree))
        let out = try tree.scan(["named"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("named:"))
    }

    // MARK: write errors

    /// Runs `tokenaudit ARGS` through `sh -c` with a redirection (and SIGPIPE ignored), returning
    /// the exit status and standard error.
    static func shell(_ script: String, in tree: TemporaryTree) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' PIPE; " + script]
        process.currentDirectoryURL = tree.root
        var env = ProcessInfo.processInfo.environment
        env["TA"] = BinaryRunner.executable.path
        process.environment = env
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: [
        "\"$TA\" scan . >/dev/full; echo $? >&2",
        "\"$TA\" scan . 2>/dev/full; echo $? >&2",
        "\"$TA\" rules list >/dev/full; echo $? >&2",
        "\"$TA\" validate token d3f269a9-932e-eeb0-05e7-14fdff8696b2 >/dev/full; echo $? >&2",
    ])
    func writeToAFullDiskIsExitTwoNotACrash(script: String) throws {
        let tree = try ScanTree()
        for i in 0..<300 { try tree.write("f\(i).env", PlantedPair(seed: UInt64(i)).dotenv) }
        let (_, stderr) = try Self.shell(script, in: tree)
        let status = stderr.split(separator: "\n").last.map(String.init)
        #expect(status == "2", "\(script): \(stderr.suffix(500))")
        if script.contains(" >/dev/full") {
            #expect(stderr.contains("No space left on device"))
        }
    }

    @Test(arguments: ["scan .", "rules list", "rules list --verbose"])
    func closedPipeWithSigpipeIgnoredExitsQuietly(command: String) throws {
        let tree = try ScanTree()
        for i in 0..<300 { try tree.write("f\(i).env", PlantedPair(seed: UInt64(i)).dotenv) }
        let (_, stderr) = try Self.shell(
            "\"$TA\" \(command) -q | (exec 0<&-; true); echo \"status ${?}\" >&2; "
                + "{ \"$TA\" \(command) -q; echo \"inner $?\" >&2; } | head -c 1 >/dev/null", in: tree)
        #expect(!stderr.contains("132"), "\(stderr)")
        #expect(!stderr.contains("Fatal error"), "\(stderr)")
        #expect(!stderr.contains("tokenaudit: error"), "\(stderr)")
        // Quietly: findings (1), or 2 once the reader has gone; never a signal or a trap.
        #expect(["inner 0", "inner 1", "inner 2"].contains { stderr.contains($0) }, "\(stderr)")
    }

    // MARK: gzip

    @Test func gzipStartingWithMegabytesOfSpacesIsScannedToTheEnd() throws {
        let tree = try ScanTree()
        let pair = PlantedPair()
        // 2 MB of spaces inflate about 1000:1; the random lines after them bring the whole file
        // to well under 200:1, so the guard (judged over the whole stream) lets it through.
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var noise = ""
        for _ in 0..<3000 { noise += "note " + String((0..<60).map { _ in alphabet.randomElement(using: &generator)! }) + "\n" }
        let text = String(repeating: " ", count: 2 << 20) + "\n" + pair.dotenv + noise
        try tree.write("padded.env.gz", try Gzip.compress(Data(text.utf8)))
        let out = try tree.scan(["--format", "json", "--fail-on-skip"])
        let rules = Set(try out.findings().compactMap { $0["ruleID"] as? String })
        #expect(rules.isSuperset(of: ["sirportly-token", "sirportly-secret"]))
        #expect(out.status == 1)
    }

    @Test func truncatedGzipKeepsFindingsBeforeTheCutAndWarns() throws {
        let tree = try ScanTree()
        let text = PlantedPair().dotenv + String(repeating: "2026-11-28 10:12:01 INFO all quiet\n", count: 40_000)
        let data = try Gzip.compress(Data(text.utf8))
        try tree.write("app.log.gz", data.prefix(data.count / 2))
        let out = try tree.scan(["--format", "json"])
        let lines = Set(try out.findings().compactMap { $0["line"] as? Int })
        #expect(lines.isSuperset(of: [1, 2]))
        #expect(out.stderr.contains("app.log.gz: gzip stream is truncated"))
        #expect(try tree.scan(["--fail-on-skip"]).status == 2)
    }

    // MARK: long lines

    @Test func credentialPairInAMultiMegabyteOneLineFileIsFound() throws {
        let tree = try ScanTree()
        let pair = PlantedPair()
        var line = "var config={"
        for i in 0..<60_000 { line += "\"k\(i)\":\"v\(i)\"," }
        line += "\"sirportly_token\":\"\(pair.token)\",\"sirportly_secret\":\"\(pair.secret)\","
        for i in 0..<60_000 { line += "\"w\(i)\":[\(i),\(i)]," }
        line += "};"
        try tree.write("bundle.min.js", line)
        let out = try tree.scan(["--format", "json"])
        let found = try out.findings()
        #expect(Set(found.compactMap { $0["ruleID"] as? String }).isSuperset(of: ["sirportly-token", "sirportly-secret"]))
        #expect(found.allSatisfy { $0["line"] as? Int == 1 })
        // The excerpt is a window around the secret, never the multi-megabyte line.
        let text = try tree.scan([])
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.utf8.count < 1024 })
    }
}
