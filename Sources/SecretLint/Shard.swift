import ScanResults

/// One of `count` disjoint parts of a scan's inputs (`--shard I/N`, `index` 0-based), so that a
/// large audit runs as parallel jobs whose JSON reports `tokenaudit report merge` joins.
///
/// An input belongs to the shard `FNV-1a-64(display path bytes) mod count`: a stable hash of
/// the path, not the walk order, so a shard holds the same files on every machine and however
/// many files are added elsewhere. Skipped inputs are partitioned the same way (each is listed by
/// exactly one shard); the count of ignored files belongs to the first shard.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// `index` 0-based; nil unless `0 <= index < count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `I/N` with 1-based `I` (`1/4` … `4/4`).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: i - 1, count: n)
    }

    public var description: String { "\(index + 1)/\(count)" }

    public func contains(path: String) -> Bool {
        Self.stableHash(path) % UInt64(count) == UInt64(index)
    }

    /// FNV-1a, 64 bits, over the UTF-8 bytes of `path`: the same on every platform and run.
    public static func stableHash(_ path: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}

extension ScanPlan {
    /// The part of this plan that belongs to `shard`.
    public func restricted(to shard: Shard) -> ScanPlan {
        ScanPlan(
            targets: targets.filter { shard.contains(path: $0.path) },
            skipped: skipped.filter { shard.contains(path: $0.path) },
            ignored: shard.index == 0 ? ignored : 0)
    }
}
