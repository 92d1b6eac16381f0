import SecretRules

/// A finding of a stream, final except for its credential pair: `pairSlot` is its number among
/// the stream's findings of paired rules (-1: its rule pairs with nothing).
public struct StreamedFinding: Sendable {
    public var finding: Finding
    public var pairSlot: Int32

    public init(finding: Finding, pairSlot: Int32 = -1) {
        self.finding = finding
        self.pairSlot = pairSlot
    }
}

/// The end of a streamed scan: its warnings and its credential pairs.
public struct StreamedScan: Sendable {
    public var warnings: [ScanWarning]
    public var pairs: PairGroups

    public init(warnings: [ScanWarning] = [], pairs: PairGroups = PairGroups()) {
        self.warnings = warnings
        self.pairs = pairs
    }
}

/// `Pairing.assignGroups` over findings that arrive in engine order: each finding of a paired rule
/// is linked to the earlier ones it sits together with, exactly as the whole-list version links
/// them (that one stops looking once a finding lies `maxSectionDistance` lines after the earlier
/// one's end; lines only grow in engine order, so such a finding never links again and leaves
/// the window). Memory: the window (findings of the last `maxSectionDistance` lines) plus 4 bytes
/// per paired finding of the stream for the union-find; groups are known at the end.
struct PairLinker {
    private struct Member {
        var slot: Int32
        var family: Int
        var ruleID: String
        var endLine: Int
        var keyPath: [String]
        var range: Range<Int>
    }

    let families: [String: Int]
    private var window: [Member] = []
    private var parent: [Int32] = []

    init(families: [String: Int]) { self.families = families }

    /// Links `pending` with the earlier findings it pairs with; returns its slot (-1: not paired).
    mutating func add(_ pending: PendingFinding) -> Int32 {
        let f = pending.finding
        guard let family = families[f.ruleID] else { return -1 }
        let slot = Int32(parent.count)
        parent.append(slot)
        window.removeAll { f.line - $0.endLine > Pairing.maxSectionDistance }
        for a in window where a.family == family && a.ruleID != f.ruleID && !a.range.overlaps(f.secretRange) {
            let together = f.line - a.endLine <= Pairing.maxLineDistance || (!a.keyPath.isEmpty && a.keyPath == pending.keyPath)
            if together {
                let ra = find(a.slot), rb = find(slot)
                if ra != rb { parent[Int(max(ra, rb))] = min(ra, rb) }
            }
        }
        window.append(Member(slot: slot, family: family, ruleID: f.ruleID, endLine: f.endLine, keyPath: pending.keyPath, range: f.secretRange))
        return slot
    }

    private mutating func find(_ x: Int32) -> Int32 {
        var x = x
        while parent[Int(x)] != x {
            parent[Int(x)] = parent[Int(parent[Int(x)])]
            x = parent[Int(x)]
        }
        return x
    }

    /// The groups, once every finding was added.
    mutating func groups(exampleMaterial: Bool) -> PairGroups {
        var root = [Int32](repeating: 0, count: parent.count)
        var size = [Int32](repeating: 0, count: parent.count)
        var last = [Int32](repeating: -1, count: parent.count)
        for slot in parent.indices {
            let r = find(Int32(slot))
            root[slot] = r
            size[Int(r)] += 1
            last[Int(r)] = Int32(slot)
        }
        return PairGroups(root: root, size: size, last: last, exampleMaterial: exampleMaterial)
    }
}

/// The credential pairs of a streamed scan (`ScanWorker.scanStream(path:read:emit:)`): for each
/// paired finding, its group's first member and the group's size. 12 bytes per paired finding.
public struct PairGroups: Sendable {
    let root: [Int32]
    let size: [Int32]
    /// For a group's first member: its last member.
    let last: [Int32]
    /// Found in a test fixture or documentation: a pair there stays one step below a live pair.
    let exampleMaterial: Bool

    public init() {
        self.init(root: [], size: [], last: [], exampleMaterial: false)
    }

    init(root: [Int32], size: [Int32], last: [Int32], exampleMaterial: Bool) {
        self.root = root
        self.size = size
        self.last = last
        self.exampleMaterial = exampleMaterial
    }

    /// Gives findings their groups; feed it every finding in the order they were emitted.
    public func applier() -> PairApplier { PairApplier(groups: self) }
}

/// Applies `PairGroups` to the findings of a stream, in the order they were emitted: a group's id
/// comes from its first member's fingerprint (as `Pairing.assignGroups` derives it), kept only
/// until the group's last member has passed.
public struct PairApplier {
    let groups: PairGroups
    private var open: [Int32: String] = [:]

    init(groups: PairGroups) { self.groups = groups }

    public mutating func apply(_ streamed: StreamedFinding) -> Finding {
        var finding = streamed.finding
        let slot = streamed.pairSlot
        guard slot >= 0, Int(slot) < groups.root.count else { return finding }
        let root = groups.root[Int(slot)]
        guard groups.size[Int(root)] >= 2 else { return finding }
        let group: String
        if slot == root {
            group = "pair-" + String(finding.fingerprint.prefix(16))
            open[root] = group
        } else {
            group = open[root] ?? ("pair-" + String(finding.fingerprint.prefix(16)))
        }
        if slot == groups.last[Int(root)] { open[root] = nil }
        finding.group = group
        finding.severity = .critical
        finding.evidence = FindingEvidence.ordered(finding.evidence + [FindingEvidence(.pairedSecret)])
        if groups.exampleMaterial { finding.severity = ScanWorker.lowered(finding.severity) }
        return finding
    }
}
