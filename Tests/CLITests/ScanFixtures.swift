import Foundation

/// A temporary directory for one CLI scan test.
typealias ScanTree = TemporaryTree

extension TemporaryTree {
    /// Runs `tokenaudit scan args...` inside the tree.
    func scan(_ args: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> BinaryRunner.Output {
        try BinaryRunner.run(["scan"] + args, stdin: stdin, in: root, environment: environment)
    }
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
