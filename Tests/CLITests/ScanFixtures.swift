import Foundation

/// A temporary directory for one CLI scan test, removed when released.
final class ScanTree {
    let root: URL

    init() throws {
        root = try BinaryRunner.makeTemporaryDirectory()
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    @discardableResult
    func write(_ relative: String, _ contents: String) throws -> URL {
        try write(relative, Data(contents.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> URL {
        let url = url(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url
    }

    func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url(relative).path, withDestinationPath: destination)
    }

    /// Runs `tokenaudit scan args...` inside the tree.
    func scan(_ args: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> BinaryRunner.Output {
        try BinaryRunner.run(["scan"] + args, stdin: stdin, in: root, environment: environment)
    }
}

/// Sirportly-shaped test credentials from a fixed-seed generator: right shape, never real.
struct CredentialGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

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
    mutating func token() -> String {
        let hex = Array("0123456789abcdef")
        return [8, 4, 4, 4, 12].map { pick(hex, $0) }.joined(separator: "-")
    }

    /// 50 ASCII letters and digits.
    mutating func secret() -> String {
        pick(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), 50)
    }
}

/// A `.env` holding a Sirportly token and secret: the pair every scan test plants.
struct PlantedPair {
    let token: String
    let secret: String

    init(seed: UInt64 = 42) {
        var generator = CredentialGenerator(seed: seed)
        token = generator.token()
        secret = generator.secret()
    }

    var dotenv: String { "SIRPORTLY_TOKEN=\(token)\nSIRPORTLY_SECRET=\(secret)\n" }
}

extension BinaryRunner.Output {
    /// The JSON report on stdout, parsed.
    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }

    func findings() throws -> [[String: Any]] { try json()["findings"] as? [[String: Any]] ?? [] }

    func skipped() throws -> [String: String] {
        var out: [String: String] = [:]
        for entry in try json()["skipped"] as? [[String: Any]] ?? [] {
            out[entry["file"] as? String ?? "?"] = entry["reason"] as? String
        }
        return out
    }
}
