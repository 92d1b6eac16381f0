import Foundation
import SecretLint
import Testing

/// A real git repository in a fresh temporary directory, driven with the git CLI. Removed when the
/// value is deinitialised.
final class TemporaryRepository {
    let root: URL
    private var clock = 1_700_000_000

    /// `git init` with a fixed identity; `initialCommit` adds a README commit.
    init(initialCommit: Bool = true, bare: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tokenaudit-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "Test Author")
        try git("config", "user.email", "author@example.com")
        try git("config", "commit.gpgsign", "false")
        if initialCommit {
            try write("README.md", "# test repository\n")
            try commit("initial commit")
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var path: String { root.path }

    /// Runs `git args…` in the repository; throws with git's message on failure.
    @discardableResult
    func git(_ args: String..., environment: [String: String] = [:], allowFailure: Bool = false) throws -> String {
        try run(args, environment: environment, allowFailure: allowFailure)
    }

    @discardableResult
    func run(_ args: [String], environment: [String: String] = [:], allowFailure: Bool = false, in directory: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + args
        process.currentDirectoryURL = directory ?? root
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        env["GIT_AUTHOR_DATE"] = "@\(clock) +0000"
        env["GIT_COMMITTER_DATE"] = "@\(clock) +0000"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 && !allowFailure {
            throw GitFixtureError(message: "git \(args.joined(separator: " ")): \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes a file (creating directories) with a path given as bytes.
    func write(bytes path: [UInt8], _ contents: [UInt8]) throws {
        let full = Array(root.path.utf8) + [UInt8(ascii: "/")] + path
        var directory = full
        while let slash = directory.lastIndex(of: UInt8(ascii: "/")), slash > Array(root.path.utf8).count {
            directory = Array(directory[..<slash])
            _ = (directory + [0]).withUnsafeBufferPointer { mkdir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o755) }
        }
        let fd = (full + [0]).withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw GitFixtureError(message: "cannot create \(String(decoding: path, as: UTF8.self))") }
        defer { close(fd) }
        _ = contents.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    }

    func write(_ path: String, _ contents: String) throws {
        try write(bytes: Array(path.utf8), Array(contents.utf8))
    }

    /// `git add -A && git commit -m message`, one second after the previous commit.
    @discardableResult
    func commit(_ message: String, all: Bool = true) throws -> String {
        clock += 60
        if all { try git("add", "-A") }
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func scan(_ mode: GitScanMode, directory: String? = nil, maxFileSize: Int64? = nil) throws -> GitScanReport {
        try GitScan.run(GitScanRequest(mode: mode, directory: directory ?? path, maxFileSize: maxFileSize))
    }
}

struct GitFixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Sirportly-shaped test credentials from a seeded generator: right shape, never real.
struct Credentials {
    let token: String
    let secret: String

    init(seed: UInt64) {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func pick(_ alphabet: [Character], _ count: Int) -> String {
            String((0..<count).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
        }
        let hex = Array("0123456789abcdef")
        token = [8, 4, 4, 4, 12].map { pick(hex, $0) }.joined(separator: "-")
        secret = pick(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), 50)
    }

    /// A `.env`-style pair, the value every test plants.
    var dotenv: String { "SIRPORTLY_TOKEN=\(token)\nSIRPORTLY_SECRET=\(secret)\n" }
}

extension GitScanReport {
    var ruleIDs: [String] { findings.map(\.finding.ruleID) }
    var paths: Set<String> { Set(findings.map(\.finding.path)) }
}
