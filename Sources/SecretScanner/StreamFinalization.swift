// Finalising a stream's findings in steps: a finding is handed out once no finding found later in
// the stream can change it, so memory holds about one chunk's findings, not the whole stream's.

extension ScanWorker {
    /// Takes the pending findings of `pass` that nothing later in the stream can change out of it,
    /// sorted, deduplicated and without shadowed fallbacks (not yet paired); the rest stay pending.
    /// `frontier`: no later finding starts before this stream offset.
    func takeReady(_ pass: inout ScanPass, frontier: Int) -> [PendingFinding] {
        guard !pass.findings.isEmpty else { return [] }
        let kubernetes = engine.isBase64Document(pass.mentioned)
        pass.findings.sort(by: Self.engineOrder(kubernetes))
        let ready = readyCount(pass.findings, frontier: frontier, kubernetes: kubernetes)
        guard ready > 0 else { return [] }
        // The few findings left pending are copied out; the ready ones are moved, not copied.
        let rest = Array(pass.findings[ready...])
        pass.findings.removeLast(pass.findings.count - ready)
        var segment = pass.findings
        pass.findings = rest
        finalize(&segment, kubernetes: kubernetes, sorted: true)
        return segment
    }

    /// The length of the longest prefix of `sorted` (in `engineOrder`) that `finalize` turns into
    /// exactly what finalising the whole stream would give for it. A prefix qualifies when:
    /// - it ends between two different secret starts, so duplicates (same rule, same range) are
    ///   never split;
    /// - no secret in it reaches past the next start or `frontier`, so no later finding overlaps
    ///   one of it (fallback rules give way only to overlapping findings);
    /// - unless the input is already known to be a Kubernetes Secret (which cannot be undone), it
    ///   holds no duplicate whose kept reading depends on that (a base64 reading beside another):
    ///   from such a finding on, findings wait for the end of the stream. This is the one case that
    ///   keeps more than about a chunk's findings pending; it needs a value that one rule reports
    ///   both as written and base64-decoded at the same place, and costs what every stream cost
    ///   before findings were streamed.
    /// Pairs are linked afterwards, in order (`PairLinker`), so they do not limit the prefix.
    func readyCount(_ sorted: [PendingFinding], frontier: Int, kubernetes: Bool) -> Int {
        var ready = 0
        var maxEnd = Int.min
        var i = 0
        while i < sorted.count {
            let start = sorted[i].finding.secretRange.lowerBound
            var j = i
            while j < sorted.count && sorted[j].finding.secretRange.lowerBound == start { j += 1 }
            if !kubernetes && Self.hasKubernetesDependentDuplicate(sorted[i..<j]) { break }
            for f in sorted[i..<j] { maxEnd = max(maxEnd, f.finding.secretRange.upperBound) }
            i = j
            let nextStart = j < sorted.count ? sorted[j].finding.secretRange.lowerBound : frontier
            if maxEnd <= nextStart && maxEnd <= frontier { ready = j }
        }
        return ready
    }

    /// Whether findings of one start include a base64 reading and another reading of the same rule
    /// and range: which one is kept depends on whether the input is a Kubernetes Secret.
    static func hasKubernetesDependentDuplicate(_ group: ArraySlice<PendingFinding>) -> Bool {
        guard group.count > 1 else { return false }
        for a in group where a.finding.encoding == .base64 {
            for b in group where b.finding.encoding != .base64
                && b.finding.ruleID == a.finding.ruleID && b.finding.secretRange == a.finding.secretRange {
                return true
            }
        }
        return false
    }
}
