// TestSupport: fixture builders shared by the test targets (a regular target that only test
// targets depend on): temporary directory trees, the binary runner, gzip, generated credentials.
import Foundation

/// A temporary directory tree for one test, removed when the value is released.
public final class TemporaryTree: Sendable {
    public let root: URL

    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tokenaudit-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    public var path: String { root.path }

    public func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Writes `contents` at `relative`, creating parent directories.
    @discardableResult
    public func write(_ relative: String, _ contents: String) throws -> URL {
        try write(relative, Data(contents.utf8))
    }

    @discardableResult
    public func write(_ relative: String, _ data: Data) throws -> URL {
        let url = url(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url
    }

    public func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(at: url(relative), withIntermediateDirectories: true)
    }

    public func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url(relative).path, withDestinationPath: destination)
    }

    public func fifo(_ relative: String) throws {
        guard mkfifo(url(relative).path, 0o600) == 0 else { throw POSIXError(.EIO) }
    }
}

/// Gzip with the system `gzip` (no timestamp or name in the header, so output is reproducible).
public enum Gzip {
    public static func compress(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        process.arguments = ["-c", "-n"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        nonisolated(unsafe) var result = Data()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            result = output.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        done.wait()
        return result
    }
}

/// Sirportly-shaped test credentials from a fixed-seed generator: right shape, never real.
public struct CredentialGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func pick(_ alphabet: [Character], _ count: Int) -> String {
        String((0..<count).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
    }

    /// 36 characters of `0-9a-f` and `-` (8-4-4-4-12).
    public mutating func token() -> String {
        let hex = Array("0123456789abcdef")
        return [8, 4, 4, 4, 12].map { pick(hex, $0) }.joined(separator: "-")
    }

    /// 50 ASCII letters and digits.
    public mutating func secret() -> String {
        pick(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), 50)
    }
}

/// A `.env` holding a Sirportly token and secret: the pair every scan test plants.
public struct PlantedPair: Sendable {
    public let token: String
    public let secret: String

    public init(seed: UInt64 = 42) {
        var generator = CredentialGenerator(seed: seed)
        token = generator.token()
        secret = generator.secret()
    }

    public var dotenv: String { "SIRPORTLY_TOKEN=\(token)\nSIRPORTLY_SECRET=\(secret)\n" }
}
