import SecretRules

/// Credential pairs: findings of rules linked by `pairWith` (AWS key id ↔ secret key, Sirportly
/// secret ↔ token ↔ application token) that sit together share a `group` and become `critical`.
/// Each value keeps its own finding.
///
/// "Together" means: on the same line, within `maxLineDistance` lines, or under the same non-empty
/// key path (same YAML/JSON object or INI section) within `maxSectionDistance` lines.
enum Pairing {
    static let maxLineDistance = 5
    static let maxSectionDistance = CredentialPairReach.lines

    /// Rule id → family number: the connected components of the `pairWith` links.
    static func families(_ rules: [Rule]) -> [String: Int] {
        var parent: [String: String] = [:]
        func find(_ x: String) -> String {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        for rule in rules {
            if parent[rule.id] == nil { parent[rule.id] = rule.id }
            if let other = rule.pairWith {
                if parent[other] == nil { parent[other] = other }
                let a = find(rule.id), b = find(other)
                if a != b { parent[a] = b }
            }
        }
        let linked = Set(rules.compactMap(\.pairWith)).union(rules.filter { $0.pairWith != nil }.map(\.id))
        var numbers: [String: Int] = [:]
        var result: [String: Int] = [:]
        for id in linked.sorted() {
            let root = find(id)
            if numbers[root] == nil { numbers[root] = numbers.count }
            result[id] = numbers[root]
        }
        return result
    }

    /// Groups the findings (sorted by position) in place. A group's id is derived from the
    /// fingerprint of its first member, so it is stable across runs under the same key.
    static func assignGroups(_ findings: inout [PendingFinding], families: [String: Int]) {
        let members = findings.indices.filter { families[findings[$0].finding.ruleID] != nil }
        guard members.count >= 2 else { return }
        var parent = Array(findings.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for (n, i) in members.enumerated() {
            let a = findings[i]
            for j in members[(n + 1)...] {
                let b = findings[j]
                let distance = b.finding.line - a.finding.endLine
                if distance > maxSectionDistance { break }
                guard families[a.finding.ruleID] == families[b.finding.ruleID], a.finding.ruleID != b.finding.ruleID,
                      !a.finding.secretRange.overlaps(b.finding.secretRange) else { continue }
                let together = distance <= maxLineDistance
                    || (!a.keyPath.isEmpty && a.keyPath == b.keyPath)
                if together {
                    let ra = find(i), rb = find(j)
                    if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
                }
            }
        }
        var sizes: [Int: Int] = [:]
        for i in members { sizes[find(i), default: 0] += 1 }
        for i in members {
            let root = find(i)
            guard sizes[root, default: 0] >= 2 else { continue }
            findings[i].finding.group = "pair-" + String(findings[root].finding.fingerprint.prefix(16))
            findings[i].finding.severity = .critical
        }
    }
}
