import Foundation

/// A 0600 file in a fresh temporary directory, removed with the directory.
struct TemporaryFile {
    let directory: URL
    let url: URL
    var path: String { url.path }

    init(_ bytes: [UInt8], name: String = "capture") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sirportlyauth-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Runs `body` with the file open for reading.
    func withDescriptor<T>(_ body: (Int32) throws -> T) throws -> T {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CocoaError(.fileReadUnknown) }
        defer { close(fd) }
        return try body(fd)
    }
}

/// A small deterministic generator (SplitMix64) for generated inputs.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
