import Foundation
import Testing
import TestSupport

/// Issue 14, "fail closed", the file system side: trees an attacker can shape (names that are not
/// UTF-8, symlinks to the host, nesting deeper than `PATH_MAX`, endless devices) must be walked,
/// bounded or reported, never dropped silently. Every tree is generated here.
@Suite struct ScanHostileTreeTests {
    // MARK: fixtures with byte paths

    /// `relative` (bytes, `/`-separated) below `tree`, as a C path.
    static func cPath(_ tree: TemporaryTree, _ relative: [UInt8]) -> [CChar] {
        (Array(tree.path.utf8) + [UInt8(ascii: "/")] + relative + [0]).map { CChar(bitPattern: $0) }
    }

    /// Creates the directory `relative` (bytes) and its parents.
    static func mkdirs(_ tree: TemporaryTree, _ relative: [UInt8]) throws {
        var prefix: [UInt8] = []
        for component in relative.split(separator: UInt8(ascii: "/")) {
            prefix += (prefix.isEmpty ? [] : [UInt8(ascii: "/")]) + component
            if mkdir(cPath(tree, prefix), 0o700) != 0 && errno != EEXIST { throw POSIXError(.EIO) }
        }
    }

    /// Writes `text` to the file `relative` (bytes), creating its directory.
    static func write(_ tree: TemporaryTree, _ relative: [UInt8], _ text: String) throws {
        if let slash = relative.lastIndex(of: UInt8(ascii: "/")) { try mkdirs(tree, Array(relative[..<slash])) }
        let fd = open(cPath(tree, relative), O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard Glibc.write(fd, bytes, bytes.count) == bytes.count else { throw POSIXError(.EIO) }
    }

    /// Removes what `FileManager` cannot (names that are not UTF-8, paths over `PATH_MAX`).
    static func removeAll(_ tree: TemporaryTree) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", tree.path]
        try? process.run()
        process.waitUntilExit()
    }

    /// Runs `sh -c SCRIPT` in `tree` with `$TA` the binary; the script builds byte arguments with
    /// `printf`. Returns status, stdout and stderr.
    static func shell(_ script: String, in tree: TemporaryTree) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = tree.root
        var env = ProcessInfo.processInfo.environment
        env["TA"] = BinaryRunner.executable.path
        env["NO_COLOR"] = "1"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var outData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    static let rawName: [UInt8] = Array("b/".utf8) + [0xFF] + Array(".txt".utf8)

    // MARK: paths as bytes

    /// Every report format shows the name escaped, the same way.
    @Test(arguments: ["text", "json", "sarif", "junit", "csv", "github", "markdown", "html"])
    func fileNamedWithInvalidUTF8IsScannedAndShownEscaped(format: String) throws {
        let tree = try ScanTree()
        defer { Self.removeAll(tree) }
        try Self.write(tree, Self.rawName, PlantedPair().dotenv)
        let out = try tree.scan(["--format", format, "--fail-on-skip"])
        #expect(out.status == 1, "\(format): \(out.stderr)")
        // SARIF percent-encodes the backslash of the escape in its URI; Markdown escapes it.
        let shown = ["sarif": #"b/%5CxFF.txt"#, "markdown": #"b\/\\xFF\.txt"#][format] ?? #"\xFF.txt"#
        #expect(out.stdout.contains(shown), "\(format): \(out.stdout.prefix(3000))")
        #expect(!out.stdout.contains("\u{FFFD}"))
        #expect(!out.stderr.contains("vanished"))
    }

    @Test func jsonReportCarriesTheEscapedPathOfEveryFindingUnderARawDirectory() throws {
        let tree = try ScanTree()
        defer { Self.removeAll(tree) }
        let directory: [UInt8] = Array("d".utf8) + [0xC3, 0x28] + Array("/sub".utf8)  // an invalid two-byte sequence
        try Self.write(tree, directory + Array("/.env".utf8), PlantedPair().dotenv)
        try Self.write(tree, Array("plain/.env".utf8), PlantedPair(seed: 7).dotenv)
        let out = try tree.scan(["--format", "json", "--fail-on-skip"])
        let files = try out.findings().compactMap { $0["file"] as? String }
        #expect(files.filter { $0 == #"d\xC3(/sub/.env"# }.count == 2, "\(files) \(out.stderr)")
        #expect(files.filter { $0 == "plain/.env" }.count == 2)
        #expect(try out.skipped().isEmpty)
        #expect(out.status == 1)
    }

    @Test(arguments: [#"b/\377.txt"#, #"./b/\377.txt"#, #"b"#])
    func fileWithInvalidUTF8NamedOnTheCommandLineIsScanned(argument: String) throws {
        let tree = try ScanTree()
        defer { Self.removeAll(tree) }
        try Self.write(tree, Self.rawName, PlantedPair().dotenv)
        let out = try Self.shell(#""$TA" scan --format json --fail-on-skip "$(printf '\#(argument)')""#, in: tree)
        #expect(out.status == 1, "\(argument): \(out.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]] ?? []
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { ($0["file"] as? String)?.hasSuffix(#"b/\xFF.txt"#) == true }, "\(findings)")
    }

    // MARK: symlinks

    @Test(arguments: ["/", "..", "../..", "."])
    func followedSymlinkOutOfTheScanRootIsNotWalked(destination: String) throws {
        let tree = try ScanTree()
        try tree.write("root/.env", PlantedPair().dotenv)
        try tree.write("outside.env", PlantedPair(seed: 9).dotenv)
        try tree.symlink("root/escape", to: destination)
        let out = try tree.scan(["root", "--format", "json", "--follow-symlinks", "--fail-on-skip"])
        let files = Set(try out.findings().compactMap { $0["file"] as? String })
        #expect(files == ["root/.env"], "\(destination): \(files)")
        let skipped = try out.skipped()
        let expected = destination == "." ? "symlink-loop" : "symlink-outside-roots"
        #expect(skipped["root/escape"] == expected, "\(destination): \(skipped)")
        #expect(out.status == 1)
    }

    @Test func followSymlinksAnywhereLeavesTheRootsWhenAsked() throws {
        let tree = try ScanTree()
        try tree.write("outside/.env", PlantedPair(seed: 9).dotenv)
        try tree.mkdir("root")
        try tree.symlink("root/file.env", to: "../outside/.env")
        try tree.symlink("root/dir", to: "../outside")
        let contained = try tree.scan(["root", "--format", "json", "--follow-symlinks"])
        #expect(try contained.skipped() == ["root/file.env": "symlink-outside-roots", "root/dir": "symlink-outside-roots"])
        #expect(contained.status == 0)
        let anywhere = try tree.scan(["root", "--format", "json", "--follow-symlinks-anywhere"])
        let files = Set(try anywhere.findings().compactMap { $0["file"] as? String })
        #expect(files == ["root/file.env", "root/dir/.env"])
        #expect(anywhere.status == 1)
    }

    /// Links that multiply the walk: each level holds two links to the next, 2^24 paths if
    /// followed naively. Every directory is walked at most once through links.
    @Test func symlinksThatMultiplyTheWalkVisitEachDirectoryOnce() throws {
        let tree = try ScanTree()
        let levels = 24
        for level in 0..<levels {
            try tree.mkdir("root/d\(level)")
            try tree.symlink("root/d\(level)/a", to: "../d\(level + 1)")
            try tree.symlink("root/d\(level)/b", to: "../d\(level + 1)")
        }
        try tree.write("root/d\(levels)/.env", PlantedPair().dotenv)
        let out = try tree.scan(["root", "--format", "json", "--follow-symlinks"])
        #expect(out.status == 1, "\(out.stderr.prefix(500))")
        let report = try out.json()
        let skipped = report["skipped"] as? [[String: Any]] ?? []
        #expect(skipped.contains { $0["reason"] as? String == "symlink-duplicate" })
        let files = Set(try out.findings().compactMap { $0["file"] as? String })
        #expect(files.contains("root/d\(levels)/.env"))
        #expect(files.count <= levels + 1, "\(files.count) copies")
    }

    @Test func followedSymlinkInsideTheRootIsStillWalked() throws {
        let tree = try ScanTree()
        try tree.write("shared/.env", PlantedPair().dotenv)
        try tree.mkdir("root")
        try tree.symlink("root/config", to: "../shared")
        // The link's target is inside the second scan root: it stays inside the roots.
        let out = try tree.scan(["root", "shared", "--format", "json", "--follow-symlinks"])
        let files = Set(try out.findings().compactMap { $0["file"] as? String })
        #expect(files.contains("root/config/.env") || files.contains("shared/.env"), "\(files)")
        #expect(out.status == 1)
    }

    // MARK: deep nesting

    /// Builds `depth` nested directories named `name` below `tree` with `mkdirat`, so that no path
    /// handed to the kernel is longer than one name, and a `.env` at the bottom; returns the bytes
    /// of the deepest directory's path.
    static func nest(_ tree: TemporaryTree, depth: Int, name: String = "n") throws -> [UInt8] {
        var dir = open(tree.path, O_RDONLY | O_DIRECTORY)
        guard dir >= 0 else { throw POSIXError(.EIO) }
        var path: [UInt8] = []
        for level in 0..<depth {
            guard mkdirat(dir, name, 0o700) == 0 else { throw POSIXError(.EIO) }
            let next = openat(dir, name, O_RDONLY | O_DIRECTORY)
            close(dir)
            guard next >= 0 else { throw POSIXError(.EIO) }
            dir = next
            path += (level == 0 ? [] : [UInt8(ascii: "/")]) + Array(name.utf8)
        }
        let fd = openat(dir, ".env", O_WRONLY | O_CREAT, 0o600)
        let bytes = Array(PlantedPair().dotenv.utf8)
        _ = Glibc.write(fd, bytes, bytes.count)
        close(fd)
        close(dir)
        return path
    }

    @Test func credentialNestedBeyondPathMaxIsFound() throws {
        let tree = try ScanTree()
        defer { Self.removeAll(tree) }
        // 24 levels of 250-byte names: the path is about 6,000 bytes, over PATH_MAX (4,096).
        let name = String(repeating: "n", count: 250)
        let path = try Self.nest(tree, depth: 24, name: name)
        #expect(path.count > 4096)
        let out = try tree.scan(["--format", "json", "--fail-on-skip"])
        #expect(out.status == 1, "\(out.stderr.prefix(1000))")
        let files = try out.findings().compactMap { $0["file"] as? String }
        #expect(files.count == 2)
        #expect(files.allSatisfy { $0.utf8.count == path.count + 5 && $0.hasSuffix("n/.env") })
        #expect(try out.skipped().isEmpty)
    }

    @Test func nestingBeyondTheDepthLimitIsASkipWithAReason() throws {
        let tree = try ScanTree()
        defer { Self.removeAll(tree) }
        _ = try Self.nest(tree, depth: 1030)
        let out = try tree.scan(["--format", "json"])
        let skipped = try out.skipped()
        #expect(skipped.count == 1)
        #expect(skipped.values.first == "depth-limit", "\(skipped.values)")
        #expect(out.status == 0)
        #expect(try tree.scan(["--fail-on-skip"]).status == 2)
    }

    // MARK: endless devices

    @Test(arguments: [[String](), ["--max-file-size", "1M"]])
    func endlessDeviceNamedExplicitlyEndsAsTooLarge(limit: [String]) throws {
        let tree = try ScanTree()
        let out = try tree.scan(["/dev/zero", "--binary", "--format", "json"] + limit)
        #expect(try out.skipped()["/dev/zero"] == "too-large", "\(out.stdout.prefix(1000)) \(out.stderr)")
        #expect(out.status == 0)
        #expect(try tree.scan(["/dev/zero", "--binary", "--fail-on-skip"] + limit).status == 2)
    }
}
