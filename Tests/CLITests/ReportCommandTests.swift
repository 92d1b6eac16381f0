import Foundation
import Testing

/// `report merge`, `scan --shard`, `--progress` and the `-o` write rules, through the binary.
@Suite("report merge, shards, progress, report writes")
struct ReportCommandTests {
    static let key = ["TOKENAUDIT_FINGERPRINT_KEY": "a shared key for every shard of the test"]

    /// Twelve files with credential pairs, some clean files and a binary one (skipped).
    func makeTree() throws -> TemporaryTree {
        let tree = try TemporaryTree()
        for i in 0..<12 {
            try tree.write("svc\(i)/.env", PlantedPair(seed: UInt64(100 + i)).dotenv)
            try tree.write("svc\(i)/main.c", "int f\(i)(void) { return \(i); }\n")
        }
        try tree.write("blob.bin", Data([0, 1, 2, 0, 3]))
        return tree
    }

    /// The findings and skipped inputs of a JSON report, without what varies between runs.
    func comparable(_ json: [String: Any]) throws -> Data {
        var stats = json["stats"] as? [String: Any] ?? [:]
        for key in ["durationSeconds", "bytesPerSecond", "jobs"] { stats[key] = nil }
        let object: [String: Any] = ["findings": json["findings"] ?? [], "skipped": json["skipped"] ?? [], "stats": stats]
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    @Test(arguments: [1, 3, 5])
    func shardsMergedEqualOneRun(count: Int) throws {
        let tree = try makeTree()
        let whole = try tree.scan([".", "--format", "json"], environment: Self.key)
        #expect(whole.status == 1)
        var shardFiles: [String] = []
        var shardFindings = 0
        for i in 1...count {
            let name = "\(tree.root.lastPathComponent)-shard-\(i)-of-\(count).json"
            let out = try BinaryRunner.run(
                ["scan", "--shard", "\(i)/\(count)", "--format", "json", "-o", "../\(name)", "."],
                in: tree.root, environment: Self.key)
            #expect(out.status <= 1, "\(out.stderr)")
            let data = try Data(contentsOf: tree.root.deletingLastPathComponent().appendingPathComponent(name))
            shardFindings += ((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["findings"] as? [Any])?.count ?? 0
            shardFiles.append(tree.root.deletingLastPathComponent().appendingPathComponent(name).path)
        }
        defer { for file in shardFiles { try? FileManager.default.removeItem(atPath: file) } }
        #expect(shardFindings == 24)
        // Merging in any order, and a shard given twice, changes nothing.
        let merged = try BinaryRunner.run(["report", "merge", "--format", "json"] + shardFiles.reversed() + [shardFiles[0]])
        #expect(merged.status == 1, "\(merged.stderr)")
        let (a, b) = (try comparable(merged.json()), try comparable(whole.json()))
        #expect(a == b, "\(String(decoding: a, as: UTF8.self))\n---\n\(String(decoding: b, as: UTF8.self))")
    }

    @Test func shardsPartitionByPathNotWalkOrder() throws {
        let tree = try makeTree()
        func files(_ shard: String) throws -> Set<String> {
            Set(try tree.scan(["--shard", shard, "--format", "json"], environment: Self.key).findings().compactMap { $0["file"] as? String })
        }
        let first = try files("1/2")
        // Files added elsewhere do not move existing files between shards.
        for i in 0..<20 { try tree.write("extra/file\(i).txt", "nothing\n") }
        #expect(try files("1/2") == first)
        #expect(first.isDisjoint(with: try files("2/2")))
        #expect(try tree.scan(["--shard", "3/2"]).status == 2)
        #expect(try tree.scan(["--shard", "0/2"]).status == 2)
    }

    @Test(arguments: ["text", "json"])
    func mergeRendersAnyFormat(format: String) throws {
        let tree = try makeTree()
        let scan = try tree.scan(["--format", "json", "-o", "r.json"], environment: Self.key)
        #expect(scan.status == 1)
        let merged = try BinaryRunner.run(["report", "merge", "r.json", "--format", format], in: tree.root)
        #expect(merged.status == 1, "\(merged.stderr)")
        #expect(merged.stdout.contains("svc0/.env"))
    }

    @Test func mergeOfAFileThatIsNotJSONIsAnErrorWithPosition() throws {
        let tree = try TemporaryTree()
        try tree.write("bad.json", "{\"tool\": {\"name\": \"tokenaudit\"},\n \"findings\": [1,]}")
        let out = try BinaryRunner.run(["report", "merge", "bad.json"], in: tree.root)
        #expect(out.status == 2)
        #expect(out.stderr.contains("bad.json:2:"), "\(out.stderr)")
    }

    @Test(arguments: [("always", true), ("never", false)])
    func progressLineOnStandardErrorOnly(mode: String, shown: Bool) throws {
        let tree = try makeTree()
        let out = try tree.scan(["--progress", mode, "--format", "json"], environment: Self.key)
        #expect(out.status == 1)
        #expect(out.stderr.contains("Scanning: ") == shown, "\(out.stderr)")
        #expect(!out.stdout.contains("Scanning: "))
        if shown { #expect(out.stderr.contains("/25 files") && out.stderr.contains("MB/s")) }
        _ = try out.json()
    }

    @Test func progressIsSilentInCIUnlessAsked() throws {
        let tree = try makeTree()
        let out = try tree.scan([], environment: Self.key.merging(["CI": "true"]) { $1 })
        #expect(!out.stderr.contains("Scanning: "))
    }

    @Test func outputPathThatIsASymlinkIsNotFollowed() throws {
        let tree = try makeTree()
        try tree.write("target.txt", "keep me\n")
        try tree.symlink("report.json", to: "target.txt")
        let out = try tree.scan(["--format", "json", "-o", "report.json"], environment: Self.key)
        #expect(out.status == 2)
        #expect(out.stderr.contains("symbolic link"), "\(out.stderr)")
        #expect(try String(contentsOf: tree.url("target.txt"), encoding: .utf8) == "keep me\n")
        let merge = try BinaryRunner.run(["report", "merge", "-o", "report.json", "target.txt"], in: tree.root)
        #expect(merge.status == 2)
    }

    /// Runs the binary with standard output on `/dev/full` (every write fails with ENOSPC).
    func runWithFullStdout(_ args: [String], in directory: URL, limitFileSize: Bool = false) throws -> (Int32, String) {
        let process = Process()
        if limitFileSize {
            // A file size limit makes writes past it fail (EFBIG) as on a full disk.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "trap '' XFSZ; ulimit -f 4; exec \"$0\" \"$@\"", BinaryRunner.executable.path] + args
        } else {
            process.executableURL = BinaryRunner.executable
            process.arguments = args
        }
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in Self.key { environment[k] = v }
        process.environment = environment
        process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let errPipe = Pipe()
        process.standardError = errPipe
        try process.run()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: err, as: UTF8.self))
    }

    @Test(arguments: [["scan", "--format", "json"], ["scan", "--format", "json", "-o", "/dev/full"]])
    func diskFullIsExitTwoWithOneLine(args: [String]) throws {
        let tree = try makeTree()
        let (status, stderr) = try runWithFullStdout(args, in: tree.root)
        #expect(status == 2, "\(stderr)")
        #expect(stderr.contains("error"))
    }

    @Test func diskFullWhileWritingTheReportLeavesTheOldReportIntact() throws {
        let tree = try TemporaryTree()
        for i in 0..<60 { try tree.write("svc\(i)/.env", PlantedPair(seed: UInt64(500 + i)).dotenv) }
        let old = "{\"old\": \"report\"}\n"
        try tree.write("report.json", old)
        let (status, stderr) = try runWithFullStdout(["scan", "--format", "json", "-o", "report.json"], in: tree.root, limitFileSize: true)
        #expect(status == 2, "\(stderr)")
        #expect(try String(contentsOf: tree.url("report.json"), encoding: .utf8) == old)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tree.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}
