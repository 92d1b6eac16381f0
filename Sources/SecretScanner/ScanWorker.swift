import PCRE2
import SecretRules
import TokenFormat

/// Scans buffers with one `Engine`'s rules. One worker per thread: it owns the PCRE2 scratch
/// (match data, JIT stack) of every pattern it has used, which is never shared. Not `Sendable`.
public final class ScanWorker {
    public let engine: Engine

    enum SlotState {
        case unknown
        case ready(Matcher)
        case broken(PatternError)
    }

    var slotStates: [SlotState]

    /// `ContextAnalyzer.context` of the candidates of the view being scanned, by secret start
    /// (with the secret's range, since rules of one shape share their candidates). Emptied when a
    /// view's scan starts and ends: a decoded view's bytes live only during its scan.
    var viewContexts: [Int: (range: Range<Int>, context: ValueContext)] = [:]

    /// For each rule (by index): the shape of its pair partner when that differs from its own
    /// (token ↔ secret). Such rules fall back to `ShapeEvidence` when no context alternative holds.
    let partnerShape: [TokenShape?]
    /// For each rule (by index): the shape of its pair family's *other* shape when the rule pairs
    /// with a rule of its own shape (the application token pairs with the API token, which pairs
    /// with the secret). Such rules fall back to `ShapeEvidence.evaluateApplication`.
    let companionShape: [TokenShape?]
    /// The automaton id of `sirportly`, when some rule made it a keyword.
    let sirportlyKeywordID: Int?
    /// The rules phase 2 runs on every view, in index order: shape rules and regex rules without
    /// keywords. A regex rule with keywords runs only on a view where one of them was found.
    let unconditionalRules: [Int32]
    /// Phase 1's keyword hits per rule, kept between views (emptied, capacity kept): allocating
    /// and destroying an array per rule for every view of every blob was ~4% of a history scan.
    var hitsScratch: [[Int]] = []
    /// The hits a rule's `keywordGuard` keeps, reused between rules and views.
    var guardedScratch: [Int] = []
    /// What recently scanned paths say (`PathRole`, a Sirportly mention): a history scan meets the
    /// same path once per version of the file. Emptied when it reaches `pathFactsLimit` entries.
    var pathFacts: [String: (role: PathRole, mentionsSirportly: Bool)] = [:]
    static let pathFactsLimit = 4096

    func makePass(path: String) -> ScanPass {
        let facts: (role: PathRole, mentionsSirportly: Bool)
        if let known = pathFacts[path] {
            facts = known
        } else {
            facts = (PathRole(path: path), path.utf8.count >= 9 && ContextAnalyzer.lowercasedASCII(path).contains("sirportly"))
            if pathFacts.count >= Self.pathFactsLimit { pathFacts.removeAll(keepingCapacity: true) }
            pathFacts[path] = facts
        }
        return ScanPass(
            path: path, role: facts.role, pathMentionsSirportly: facts.mentionsSirportly,
            ruleCount: engine.compiledRules.count, keywordCount: engine.automaton.keywords.count)
    }

    init(engine: Engine) {
        self.engine = engine
        self.slotStates = Array(repeating: .unknown, count: engine.patterns.slots.count)
        let rules = engine.compiledRules
        self.partnerShape = rules.map { rule in
            guard let own = rule.shape, let partnerID = rule.rule.pairWith,
                  let partner = rules.first(where: { $0.rule.id == partnerID })?.shape, partner != own else { return nil }
            return partner
        }
        self.companionShape = rules.map { rule in
            guard let own = rule.shape, let partnerID = rule.rule.pairWith,
                  let partner = rules.first(where: { $0.rule.id == partnerID }), partner.shape == own,
                  let otherID = partner.rule.pairWith,
                  let other = rules.first(where: { $0.rule.id == otherID })?.shape, other != own else { return nil }
            return other
        }
        self.sirportlyKeywordID = engine.keywordIDs[Array("sirportly".utf8)]
        self.unconditionalRules = rules.indices.filter { rules[$0].shape != nil || (rules[$0].regexSlot != nil && rules[$0].rule.keywords.isEmpty) }
            .map(Int32.init)
    }

    /// Scans `bytes` (the whole input) and returns its findings sorted by position, deduplicated,
    /// paired, with line/column and fingerprints; plus any warnings (a pattern that does not
    /// compile, a match limit hit). `path` is used for rule `path` filters, allowlists and
    /// fingerprints only; nothing is read from it.
    public func scan(_ bytes: UnsafeRawBufferPointer, path: String) -> ScanResult {
        var pass = makePass(path: path)
        scanChunk(bytes, placement: Placement(keep: 0..<bytes.count), pass: &pass)
        return finish(&pass)
    }

    /// Scans `bytes`; see `scan(_:path:)` for a raw buffer.
    public func scan(_ bytes: [UInt8], path: String) -> ScanResult {
        bytes.withUnsafeBytes { scan($0, path: path) }
    }

    // MARK: - Pattern scratch

    /// This worker's matcher for pattern slot `slot`, compiling the pattern on first need.
    func matcher(_ slot: Int) -> Result<Matcher, PatternError> {
        switch slotStates[slot] {
        case .ready(let m): return .success(m)
        case .broken(let e): return .failure(e)
        case .unknown:
            switch engine.patterns.pattern(at: slot) {
            case .success(let pattern):
                let m = pattern.makeMatcher(limits: engine.options.matchLimits)
                slotStates[slot] = .ready(m)
                return .success(m)
            case .failure(let error):
                slotStates[slot] = .broken(error)
                return .failure(error)
            }
        }
    }

    /// Whether pattern `slot` matches somewhere in `bytes`. A pattern that does not compile or hits
    /// a limit counts as not matching and adds a warning.
    func matches(slot: Int, _ bytes: UnsafeRawBufferPointer, ruleID: String?, pass: inout ScanPass) -> Bool {
        switch matcher(slot) {
        case .failure(let error):
            pass.warn(ruleID: ruleID, "pattern does not compile: \(error)")
            return false
        case .success(let m):
            do {
                return try m.firstMatch(in: bytes) != nil
            } catch {
                pass.warn(ruleID: ruleID, "\(error) in \(pass.path)")
                return false
            }
        }
    }

    func matches(slot: Int, _ bytes: [UInt8], ruleID: String?, pass: inout ScanPass) -> Bool {
        bytes.withUnsafeBytes { matches(slot: slot, $0, ruleID: ruleID, pass: &pass) }
    }

    /// Whether the context `key` regex of pattern `slot` matches `subject` (a name from
    /// `ContextAnalyzer.keySubjects`). A key regex that does not compile or hits a match limit
    /// does not match and adds a warning naming the rule: the user sees it, it is never silent.
    func keyMatches(slot: Int, _ subject: String, ruleID: String, pass: inout ScanPass) -> Bool {
        switch matcher(slot) {
        case .failure(let error):
            pass.warn(ruleID: ruleID, "context key regex does not compile: \(error)")
            return false
        case .success(let m):
            var name = subject
            do {
                return try name.withUTF8 { utf8 throws(MatchError) in
                    try m.firstMatch(in: UnsafeRawBufferPointer(utf8)) != nil
                }
            } catch {
                pass.warn(ruleID: ruleID, "context key regex: \(error) in \(pass.path)")
                return false
            }
        }
    }

    // MARK: - One buffer

    /// Runs both phases over one buffer (the whole input or one stream chunk) and its encoded
    /// views, appending findings whose secret starts in `placement.keep` to `pass`.
    func scanChunk(_ buffer: UnsafeRawBufferPointer, placement: Placement, pass: inout ScanPass) {
        pass.lines = OuterLines()
        pass.shapeRunsView = -1
        scanView(View(id: 0, buffer: buffer, mapping: .identity), outer: buffer, placement: placement, pass: &pass)
        scanEncodedViews(buffer, placement: placement, pass: &pass)
        scanEscapedViews(buffer, firstViewID: Self.firstEscapedViewID, placement: placement, pass: &pass)
    }

    /// Escaped-text views are numbered from here, after any base64 and URL-encoded views.
    static let firstEscapedViewID = 1 << 40

    /// Phase 1 and phase 2 over `view` (the input itself or a decoded part of it); findings are
    /// placed in `outer`.
    func scanView(_ view: View, outer: UnsafeRawBufferPointer, placement: Placement, pass: inout ScanPass) {
        let buffer = view.buffer
        let rules = engine.compiledRules
        viewContexts.removeAll(keepingCapacity: true)
        defer { viewContexts.removeAll(keepingCapacity: true) }

        // Phase 1: keywords (and context words) in one pass.
        var hits = hitsScratch  // taken, so that it stays uniquely referenced
        hitsScratch = []
        if hits.count != rules.count { hits = [[Int]](repeating: [], count: rules.count) }
        var hitRules: [Int32] = []  // the rules with keyword hits, in order of their first hit
        defer {
            for r in hitRules { hits[Int(r)].removeAll(keepingCapacity: true) }
            hitsScratch = hits
        }
        var facts = PrefilterFacts(mentioned: pass.mentioned, proximity: Array(repeating: [], count: engine.proximityWordCount))
        let outputRules = engine.outputRules
        let outputLength = engine.outputLength
        let outputs = engine.automaton.outputs
        let proximitySlot = engine.proximitySlot
        engine.automaton.forEachHit(in: buffer) { output, end in
            let here = outputRules[output]
            if !here.isEmpty {
                let start = end - outputLength[output]
                for r in here {
                    if hits[Int(r)].isEmpty { hitRules.append(r) }
                    hits[Int(r)].append(start)
                    hits[Int(r)].append(end)
                }
            }
            for id in outputs[output] {
                facts.mentioned[Int(id)] = true
                let slot = proximitySlot[Int(id)]
                if slot >= 0 { facts.proximity[slot].append(end) }
            }
        }
        if view.mapping.isIdentity { pass.mentioned = facts.mentioned }

        // Phase 2: each rule only where its candidates are, in rule order: the unconditional
        // rules merged with the rules that had keyword hits (the others cannot match, and calling
        // each of ~400 rules per view was a fifth of `git history` CPU on small blobs). The rules
        // are borrowed in place: `for rule in rules` copied every CompiledRule (retaining each of
        // its strings and arrays) per scanned input.
        hitRules.sort()
        rules.withUnsafeBufferPointer { rules in
            var u = 0, h = 0
            let unconditional = unconditionalRules
            while u < unconditional.count || h < hitRules.count {
                let r: Int32
                if h == hitRules.count || (u < unconditional.count && unconditional[u] <= hitRules[h]) {
                    r = unconditional[u]
                    u += 1
                    if h < hitRules.count, hitRules[h] == r { h += 1 }
                } else {
                    r = hitRules[h]
                    h += 1
                }
                scanRule(rules[Int(r)], hits: hits, view: view, outer: outer, placement: placement, facts: facts, pass: &pass)
            }
        }
    }

    /// Phase 2 for one rule: its shape runs or its regex in the windows around its keyword hits.
    private func scanRule(
        _ rule: CompiledRule, hits: [[Int]], view: View, outer: UnsafeRawBufferPointer, placement: Placement,
        facts: PrefilterFacts, pass: inout ScanPass
    ) {
        let buffer = view.buffer
        guard pathAllows(rule, pass: &pass) else { return }
        if let shape = rule.shape {
            if rule.contextPrechecks.count == rule.rule.context.count, !rule.contextPrechecks.isEmpty,
               rule.contextPrechecks.allSatisfy({ !$0.mayHold(in: facts) }),
               !evidenceMayHold(rule, view: view, facts: facts, pass: &pass) {
                return
            }
            let runs = pass.runs(shape, in: buffer, viewID: view.id)
            for run in runs {
                checkShapeRun(rule, run: run, view: view, outer: outer, placement: placement, facts: facts, pass: &pass)
            }
        } else if let slot = rule.regexSlot {
            if rule.rule.keywords.isEmpty {
                matchRegex(rule, slot: slot, windows: [0..<buffer.count], view: view, outer: outer,
                           placement: placement, facts: facts, pass: &pass)
            } else if !hits[rule.index].isEmpty {
                func matchAround(_ ruleHits: [Int]) {
                    let windows = windows(for: rule, hits: ruleHits, in: buffer)
                    let starts = rule.keywordAnchor.map {
                        KeywordAnchor.starts(hits: ruleHits, windows: windows, distance: $0, in: buffer)
                    }
                    matchRegex(rule, slot: slot, windows: windows, starts: starts, view: view, outer: outer,
                               placement: placement, facts: facts, pass: &pass)
                }
                guard let guardSlot = rule.keywordGuardSlot else {
                    matchAround(hits[rule.index])
                    return
                }
                var kept = guardedScratch  // taken, so that it stays uniquely referenced
                guardedScratch = []
                defer {
                    kept.removeAll(keepingCapacity: true)
                    guardedScratch = kept
                }
                keepGuardedHits(hits[rule.index], guardSlot: guardSlot, rule: rule, in: buffer, into: &kept, pass: &pass)
                if !kept.isEmpty { matchAround(kept) }
            }
        }
    }

    /// The start/end pairs of `hits` at whose end the rule's `keywordGuard` matches. A guard that
    /// does not compile keeps every hit (with a warning), and so does a guard that hits a match
    /// limit at one hit: a broken guard may cost time, never a finding.
    private func keepGuardedHits(
        _ hits: [Int], guardSlot: Int, rule: CompiledRule, in buffer: UnsafeRawBufferPointer, into kept: inout [Int],
        pass: inout ScanPass
    ) {
        let guardMatcher: Matcher
        switch matcher(guardSlot) {
        case .success(let m): guardMatcher = m
        case .failure(let error):
            pass.warn(ruleID: rule.rule.id, "keywordGuard does not compile: \(error)")
            kept.append(contentsOf: hits)
            return
        }
        var i = 0
        while i + 1 < hits.count {
            let start = hits[i], end = hits[i + 1]
            i += 2
            let holds: Bool
            do {
                holds = try guardMatcher.firstMatch(in: buffer, from: end) != nil
            } catch {
                holds = true
            }
            if holds {
                kept.append(start)
                kept.append(end)
            }
        }
    }

    /// Whether the rule's `path` filter lets it run on the scanned path (decided once per pass).
    func pathAllows(_ rule: CompiledRule, pass: inout ScanPass) -> Bool {
        guard let slot = rule.pathSlot else { return true }
        if let known = pass.pathAllowed[rule.index] { return known }
        let allowed = matches(slot: slot, Array(pass.path.utf8), ruleID: rule.rule.id, pass: &pass)
        pass.pathAllowed[rule.index] = allowed
        return allowed
    }

    // MARK: - Result

    /// Removes each finding of a fallback rule whose secret overlaps a finding of a non-fallback
    /// rule: one value, one finding, from the most specific rule. `findings` is sorted by start.
    static func dropShadowedFallbacks(_ findings: inout [PendingFinding], fallbacks: Set<String>) {
        // Only the ranges: a filtered copy of the findings themselves cost a whole list per pass.
        var specific: [Range<Int>] = []
        for pending in findings where !fallbacks.contains(pending.finding.ruleID) { specific.append(pending.finding.secretRange) }
        guard !specific.isEmpty else { return }
        findings.removeAll { pending in
            guard fallbacks.contains(pending.finding.ruleID) else { return false }
            let range = pending.finding.secretRange
            return specific.contains { $0.overlaps(range) }
        }
    }

    /// Sorts, deduplicates and pairs the findings of a finished pass.
    func finish(_ pass: inout ScanPass) -> ScanResult {
        let kubernetes = engine.isBase64Document(pass.mentioned)
        var unique = pass.findings
        pass.findings = []
        finalize(&unique, kubernetes: kubernetes)
        if engine.hasPairs {
            Pairing.assignGroups(&unique, families: engine.pairFamilies)
            for i in unique.indices where unique[i].finding.group != nil {
                unique[i].finding.evidence = FindingEvidence.ordered(unique[i].finding.evidence + [FindingEvidence(.pairedSecret)])
                // A pair in example material stays one step below a live pair.
                if unique[i].exampleMaterial { unique[i].finding.severity = Self.lowered(unique[i].finding.severity) }
            }
        }
        return ScanResult(findings: unique.map(\.finding), warnings: pass.warnings)
    }

    /// The engine's order: by secret start, end, rule id; of two findings of one rule at one range
    /// the preferred reading first (`dedupeRank`); then the order they were found in.
    static func engineOrder(_ kubernetes: Bool) -> (PendingFinding, PendingFinding) -> Bool {
        { a, b in
            let x = a.finding, y = b.finding
            if x.secretRange.lowerBound != y.secretRange.lowerBound { return x.secretRange.lowerBound < y.secretRange.lowerBound }
            if x.secretRange.upperBound != y.secretRange.upperBound { return x.secretRange.upperBound < y.secretRange.upperBound }
            if x.ruleID != y.ruleID { return x.ruleID < y.ruleID }
            // Of two findings of one rule at one range, keep the URL-decoded one (the value
            // itself), and the literal one over a base64 decoding (the text as written) except
            // in a Kubernetes Secret, whose data values are base64 by definition.
            let rx = dedupeRank(x.encoding, kubernetes), ry = dedupeRank(y.encoding, kubernetes)
            if rx != ry { return rx < ry }
            return a.sequence < b.sequence
        }
    }

    /// Sorts (unless `sorted`), deduplicates and drops shadowed fallbacks, in place: the whole of
    /// a pass, or a segment of a stream that `readyCount` says nothing later can change. Pairing
    /// is left to the caller.
    func finalize(_ findings: inout [PendingFinding], kubernetes: Bool, sorted: Bool = false) {
        if !sorted { findings.sort(by: Self.engineOrder(kubernetes)) }
        // Duplicates (one rule, one range) are adjacent; the first is kept. Moved, not copied.
        var kept = 0
        for i in findings.indices {
            if kept > 0, findings[kept - 1].finding.ruleID == findings[i].finding.ruleID,
               findings[kept - 1].finding.secretRange == findings[i].finding.secretRange {
                continue
            }
            if kept != i { findings.swapAt(kept, i) }
            kept += 1
        }
        findings.removeLast(findings.count - kept)
        if !engine.fallbackRuleIDs.isEmpty { Self.dropShadowedFallbacks(&findings, fallbacks: engine.fallbackRuleIDs) }
    }
}

/// How a buffer sits in the whole input: its offset in the stream, the line count before it, the
/// columns of its first line that lie before it, and the part of it whose findings it reports.
