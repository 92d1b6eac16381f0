import Foundation
import Testing
import TestSupport

/// `tokenaudit scan` in a git work tree: files git tracks are scanned even when `.gitignore`
/// matches them (a committed `.env` is in every clone), untracked ignored files stay skipped, and
/// every ignored path is listed in the JSON `skipped` list with reason `ignored`.
@Suite struct GitWorkTreeScanTests {
    /// One layout: files written, which of them are force-added and committed, what `scan` is
    /// pointed at, and what it must report.
    struct Layout: Sendable, CustomTestStringConvertible {
        var name: String
        /// Directory (relative to the temporary root) that `git init` runs in.
        var repository: String
        var files: [String: String]
        /// Paths (relative to the repository) committed with `git add -f`.
        var tracked: [String]
        /// The scan root, relative to the temporary root (the scan runs there).
        var scanRoot: String
        /// Files (as reported) that must hold findings.
        var expectedFindings: Set<String>
        /// Paths (as reported) that must be skipped as `ignored`.
        var expectedIgnored: Set<String>
        var testDescription: String { name }
    }

    static let leak = PlantedPair(seed: 81).dotenv
    static let local = PlantedPair(seed: 82).dotenv

    static let layouts: [Layout] = [
        Layout(
            name: "committed .env listed in .gitignore", repository: ".",
            files: [".gitignore": ".env\nlocal.env\n", ".env": leak, "local.env": local],
            tracked: [".gitignore", ".env"], scanRoot: ".",
            expectedFindings: [".env"], expectedIgnored: ["local.env"]),
        Layout(
            name: "tracked file inside an ignored directory", repository: ".",
            files: [".gitignore": "config/\n", "config/prod.env": leak, "config/dev.env": local, "config/deep/x.env": local],
            tracked: [".gitignore", "config/prod.env"], scanRoot: ".",
            expectedFindings: ["config/prod.env"], expectedIgnored: ["config/dev.env", "config/deep"]),
        Layout(
            name: "scan root inside the work tree", repository: ".",
            files: ["app/.gitignore": "*.env\n", "app/secrets.env": leak, "app/mine.env": local],
            tracked: ["app/.gitignore", "app/secrets.env"], scanRoot: "app",
            expectedFindings: ["app/secrets.env"], expectedIgnored: ["app/mine.env"]),
        Layout(
            name: "work tree below a plain scanned directory", repository: "inner",
            files: ["inner/.gitignore": "*.env\n", "inner/prod.env": leak, "inner/dev.env": local],
            tracked: [".gitignore", "prod.env"], scanRoot: ".",
            expectedFindings: ["inner/prod.env"], expectedIgnored: ["inner/dev.env"]),
        Layout(
            name: ".tokenauditignore still applies to tracked files", repository: ".",
            files: [".gitignore": "*.env\n", ".tokenauditignore": "fixture.env\n", "fixture.env": local, "prod.env": leak],
            tracked: [".gitignore", ".tokenauditignore", "fixture.env", "prod.env"], scanRoot: ".",
            expectedFindings: ["prod.env"], expectedIgnored: ["fixture.env"]),
    ]

    @Test(arguments: layouts)
    func trackedFilesAreScannedDespiteGitignore(_ layout: Layout) throws {
        let tree = try ScanTree()
        for (path, text) in layout.files { try tree.write(path, text) }
        let repository = tree.root.appendingPathComponent(layout.repository)
        try Self.git(["init", "-q", "-b", "main"], in: repository)
        try Self.git(["add", "-f", "--"] + layout.tracked, in: repository)
        try Self.git(["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false",
                      "commit", "-q", "-m", "tracked"], in: repository)
        let result = try BinaryRunner.run(["scan", "--format", "json", layout.scanRoot], in: tree.root)
        #expect(result.status == 1, "\(result.stderr)")
        let files = Set(try result.findings().compactMap { $0["file"] as? String })
        #expect(files == layout.expectedFindings)
        let skipped = try result.skipped()
        for path in layout.expectedIgnored {
            #expect(skipped[path] == "ignored", "\(path) in \(skipped)")
        }
        #expect(skipped.filter { $0.value == "ignored" }.count == layout.expectedIgnored.count, "\(skipped)")
        #expect(!result.stdout.contains(PlantedPair(seed: 81).secret))
    }

    /// Without git on PATH the walk behaves as in a plain directory: `.gitignore` hides the
    /// committed file, and the JSON report says so.
    @Test func withoutGitTheGitignoreDecides() throws {
        let tree = try ScanTree()
        try tree.write(".gitignore", ".env\n")
        try tree.write(".env", Self.leak)
        try Self.git(["init", "-q", "-b", "main"], in: tree.root)
        try Self.git(["add", "-f", ".env", ".gitignore"], in: tree.root)
        let result = try BinaryRunner.run(["scan", "--format", "json", "."], in: tree.root, environment: ["PATH": "/nonexistent"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try result.skipped()[".env"] == "ignored")
        let stats = try #require(try result.json()["stats"] as? [String: Any])
        #expect(stats["filesIgnored"] as? Int == 1)
    }

    /// `--no-ignore` scans untracked ignored files too, and lists nothing as ignored.
    @Test func noIgnoreScansUntrackedIgnoredFiles() throws {
        let tree = try ScanTree()
        try tree.write(".gitignore", "local.env\n")
        try tree.write("local.env", Self.local)
        try Self.git(["init", "-q", "-b", "main"], in: tree.root)
        let result = try BinaryRunner.run(["scan", "--format", "json", "--no-ignore", "."], in: tree.root)
        #expect(result.status == 1)
        #expect(Set(try result.findings().compactMap { $0["file"] as? String }) == ["local.env"])
        #expect(try result.skipped().isEmpty)
    }

    static func git(_ args: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + args
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: ["git": args, "stderr": String(decoding: message, as: UTF8.self)])
        }
    }
}
