#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    }

    /// Scans `bytes` (the whole input) and returns its findings sorted by position, deduplicated,
    /// paired, with line/column and fingerprints; plus any warnings (a pattern that does not
    /// compile, a match limit hit). `path` is used for rule `path` filters, allowlists and
    /// fingerprints only; nothing is read from it.
    public func scan(_ bytes: UnsafeRawBufferPointer, path: String) -> ScanResult {
        var pass = ScanPass(path: path, ruleCount: engine.compiledRules.count, keywordCount: engine.automaton.keywords.count)
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
        var hits = [[Int]](repeating: [], count: rules.count)
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

        // Phase 2: each rule only where its candidates are. The rules are borrowed in place:
        // `for rule in rules` copied every CompiledRule (retaining each of its strings and arrays)
        // per scanned input, ~11% of `git history` CPU on small blobs.
        rules.withUnsafeBufferPointer { rules in
            for r in rules.indices {
                scanRule(rules[r], hits: hits, view: view, outer: outer, placement: placement, facts: facts, pass: &pass)
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
                let windows = windows(for: rule, hits: hits[rule.index], in: buffer)
                let starts = rule.keywordAnchor.map {
                    KeywordAnchor.starts(hits: hits[rule.index], windows: windows, distance: $0, in: buffer)
                }
                matchRegex(rule, slot: slot, windows: windows, starts: starts, view: view, outer: outer,
                           placement: placement, facts: facts, pass: &pass)
            }
        }
    }

    /// Windows around a rule's keyword hits (`hits` holds start/end pairs in order of end),
    /// overlapping or touching windows merged.
    ///
    /// The cost is linear in the hits plus the bytes the windows cover, however dense the hits:
    /// overlapping hits (a keyword such as a run of `A`s matching at every offset of a long run)
    /// are joined before any line is looked at, and a hit on the same line(s) as the previous one
    /// reuses that hit's window end instead of searching for it again. Both give the same windows
    /// as one window per hit merged afterwards, because a window's start and end only grow with the
    /// hit's offsets.
    func windows(for rule: CompiledRule, hits: [Int], in buffer: UnsafeRawBufferPointer) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var forwardMemo = ForwardMemo()
        func add(_ a: Int, _ b: Int) {
            if let last = result.last, a >= last.lowerBound, a <= last.upperBound {
                let end = forwardMemo.end(from: b, rule: rule, in: buffer)
                if end > last.upperBound { result[result.count - 1] = last.lowerBound..<end }
                return
            }
            let start = LineWindow.backward(from: a, lines: rule.lines, reach: rule.reach, slack: rule.slack, in: buffer)
            let end = max(b, forwardMemo.end(from: b, rule: rule, in: buffer))
            if let last = result.last, start <= last.upperBound + 1 {
                result[result.count - 1] = min(start, last.lowerBound)..<max(end, last.upperBound)
            } else {
                result.append(start..<end)
            }
        }
        var joined: (a: Int, b: Int)?
        var i = 0
        while i + 1 < hits.count {
            let a = hits[i], b = hits[i + 1]
            i += 2
            if let j = joined, a <= j.b {
                joined = (min(j.a, a), max(j.b, b))
                continue
            }
            if let j = joined { add(j.a, j.b) }
            joined = (a, b)
        }
        if let j = joined { add(j.a, j.b) }
        return result
    }

    /// The last `LineWindow.forward` answer of one `windows` call, reused while later hits stay on
    /// the lines it counted: the end of the line(s) after `from` is the same for any offset up to
    /// the next line break, unless the reach cap (not a line break) decided it.
    private struct ForwardMemo {
        var from = -1
        var end = -1
        var endedAtLineBreak = false

        mutating func end(from offset: Int, rule: CompiledRule, in buffer: UnsafeRawBufferPointer) -> Int {
            if endedAtLineBreak, from <= offset, offset <= end, let base = buffer.baseAddress,
               memchr(base + from, 0x0A, offset - from) == nil {
                from = offset
                return end
            }
            let found = LineWindow.forward(from: offset, lines: rule.lines, reach: rule.reach, slack: rule.slack, in: buffer)
            from = offset
            end = found
            endedAtLineBreak = found == buffer.count ? rule.reach >= buffer.count - offset
                : (buffer[found] == 0x0A && found - offset < rule.reach)
            return found
        }
    }

    /// Runs a regex rule's pattern in each window and considers every match's secret group. With
    /// `starts` (one list per window, `KeywordAnchor`), matches are tried only from those positions.
    func matchRegex(
        _ rule: CompiledRule, slot: Int, windows: [Range<Int>], starts: [[ClosedRange<Int>]]? = nil, view: View,
        outer: UnsafeRawBufferPointer, placement: Placement, facts: PrefilterFacts, pass: inout ScanPass
    ) {
        guard let (matcher, group) = resolve(rule, slot: slot, pass: &pass) else { return }
        var found: [Match] = []
        for (w, window) in windows.enumerated() {
            found.removeAll(keepingCapacity: true)
            do {
                if let starts {
                    try matcher.forEachMatch(in: view.buffer, range: window, startingIn: starts[w]) { m in
                        found.append(m)
                        return true
                    }
                } else {
                    try matcher.forEachMatch(in: view.buffer, range: window) { m in
                        found.append(m)
                        return true
                    }
                }
            } catch {
                // Keep matching after the limit: the rest of the window is matched in segments and
                // only what still cannot be matched is reported, as a coverage gap.
                let resume = found.last?.range.upperBound ?? window.lowerBound
                matchPastLimit(matcher, rule: rule, window: resume..<max(resume, window.upperBound), view: view,
                               outer: outer, placement: placement, error: error, found: &found, pass: &pass)
            }
            for m in found {
                guard let secret = m.group(group), !secret.isEmpty else { continue }
                consider(rule, secretRange: secret, matchRange: m.range, view: view, outer: outer,
                         placement: placement, facts: facts, pass: &pass)
            }
        }
    }

    /// The matcher of a rule's regex and its secret group, or nil (with a warning) when the pattern
    /// does not compile or has fewer groups than `secretGroup`.
    func resolve(_ rule: CompiledRule, slot: Int, pass: inout ScanPass) -> (Matcher, Int)? {
        switch matcher(slot) {
        case .failure(let error):
            pass.warn(ruleID: rule.rule.id, "pattern does not compile: \(error)")
            return nil
        case .success(let m):
            let count = m.pattern.captureCount
            let group = rule.rule.secretGroup ?? (count > 0 ? 1 : 0)
            guard group <= count else {
                pass.warn(ruleID: rule.rule.id, "secretGroup \(group) but the pattern has \(count) capture groups")
                return nil
            }
            return (m, group)
        }
    }

    /// A shape rule's candidate: an exact-shape run. With a regex too, the regex must match in the
    /// run's window with its secret group equal to the run.
    func checkShapeRun(
        _ rule: CompiledRule, run: Range<Int>, view: View, outer: UnsafeRawBufferPointer, placement: Placement,
        facts: PrefilterFacts, pass: inout ScanPass
    ) {
        guard let slot = rule.regexSlot else {
            consider(rule, secretRange: run, matchRange: run, view: view, outer: outer, placement: placement,
                     facts: facts, pass: &pass)
            return
        }
        guard let (matcher, group) = resolve(rule, slot: slot, pass: &pass) else { return }
        let start = LineWindow.backward(from: run.lowerBound, lines: rule.lines, reach: rule.reach, slack: rule.slack, in: view.buffer)
        let end = LineWindow.forward(from: run.upperBound, lines: rule.lines, reach: rule.reach, slack: rule.slack, in: view.buffer)
        var hit: Range<Int>?
        do {
            try matcher.forEachMatch(in: view.buffer, range: start..<max(end, run.upperBound)) { m in
                if m.group(group) == run {
                    hit = m.range
                    return false
                }
                return m.range.lowerBound <= run.lowerBound
            }
        } catch {
            if hit == nil {
                reportGap(view.mapping.outerRange(run), ruleID: rule.rule.id, error: error, outer: outer,
                          placement: placement, pass: &pass)
            }
        }
        if let hit {
            consider(rule, secretRange: run, matchRange: hit, view: view, outer: outer, placement: placement,
                     facts: facts, pass: &pass)
        }
    }

    func pathAllows(_ rule: CompiledRule, pass: inout ScanPass) -> Bool {
        guard let slot = rule.pathSlot else { return true }
        if let known = pass.pathAllowed[rule.index] { return known }
        let allowed = matches(slot: slot, Array(pass.path.utf8), ruleID: rule.rule.id, pass: &pass)
        pass.pathAllowed[rule.index] = allowed
        return allowed
    }

    // MARK: - Candidates

    /// Applies context, decoding and filters to one candidate secret and records a finding when it
    /// survives them all.
    func consider(
        _ rule: CompiledRule, secretRange: Range<Int>, matchRange: Range<Int>, view: View,
        outer: UnsafeRawBufferPointer, placement: Placement, facts: PrefilterFacts, pass: inout ScanPass
    ) {
        let buffer = view.buffer
        guard view.mapping.reachesDecoded(secretRange) else { return }
        let outerSecret = view.mapping.outerRange(secretRange)
        guard placement.keep.contains(outerSecret.lowerBound) else { return }

        var valueContext: ValueContext?
        var evidence = [FindingEvidence(.pattern)]
        if !rule.rule.context.isEmpty {
            // Every `fileMentions` word is an automaton keyword (see `Engine.init`): the prefilter
            // has already answered for the whole input.
            let fileMentions: (String) -> Bool = { word in
                let folded = Array(word.utf8).map(KeywordAutomaton.fold)
                guard let id = self.engine.keywordIDs[folded] else { return folded.isEmpty }
                return facts.mentioned[id]
            }
            let mayHold = rule.contextPrechecks.contains(where: { $0.mayHold(in: facts, near: secretRange) })
            guard mayHold || partnerShape[rule.index] != nil || companionShape[rule.index] != nil else { return }
            var holds = false
            // The context is read only when an alternative may hold (the evidence model needs none).
            if mayHold {
                let context: ValueContext
                if let known = viewContexts[secretRange.lowerBound], known.range == secretRange {
                    context = known.context
                } else {
                    context = ContextAnalyzer.context(of: secretRange, in: buffer)
                    viewContexts[secretRange.lowerBound] = (secretRange, context)
                }
                valueContext = context
                for (i, requirement) in rule.rule.context.enumerated() {
                    let precheck = rule.contextPrechecks[i]
                    if !precheck.mayHold(in: facts, near: secretRange) { continue }
                    let held = ContextAnalyzer.holds(
                        requirement, value: secretRange, context: context, in: buffer, fileMentions: fileMentions,
                        keyMatches: { subject in
                            precheck.keySlot.map { keyMatches(slot: $0, subject, ruleID: rule.rule.id, pass: &pass) } ?? false
                        })
                    if held {
                        holds = true
                        evidence += Self.evidence(of: requirement, context: context)
                        break
                    }
                }
            }
            if !holds {
                // No alternative named the value: the evidence around it decides (`ShapeEvidence`).
                guard let found = shapeEvidence(rule, value: secretRange, view: view, facts: facts, pass: &pass) else { return }
                evidence += found
            }
        }

        var secret = Array(buffer[secretRange])
        var encoding = view.encoding
        if let decode = rule.rule.decode {
            guard let decoded = Decoding.decode(secret, decode) else { return }
            secret = decoded
            if let slot = rule.decodedRegexSlot {
                let m: Matcher
                switch matcher(slot) {
                case .success(let ready):
                    m = ready
                case .failure(let error):
                    pass.warn(ruleID: rule.rule.id, "pattern does not compile: \(error)")
                    return
                }
                let found: Match?
                do {
                    found = try decoded.withUnsafeBytes { raw throws(MatchError) in try m.firstMatch(in: raw) }
                } catch {
                    pass.warn(ruleID: rule.rule.id, "\(error) in \(pass.path)")
                    return
                }
                guard let found else { return }
                let part = m.pattern.captureCount > 0 ? (found.group(1) ?? found.range) : found.range
                secret = Array(decoded[part])
            }
            encoding = encoding ?? decode
        }

        let before = buffer[max(0, secretRange.lowerBound - 3)..<secretRange.lowerBound]
        guard let verdict = evaluate(rule, secret: secret, before: before) else { return }
        if verdict.knownExample { evidence.append(FindingEvidence(.knownExample)) }

        let outerMatch = view.mapping.outerRange(matchRange)
        let fingerprint = Fingerprint.compute(key: engine.options.fingerprintKey, ruleID: rule.rule.id, secret: secret, path: pass.path)
        let lineSpan = pass.lines.span(of: outerSecret, in: outer)
        for allowlist in rule.allowlists + engine.globalAllowlists
        where allows(allowlist, secret: secret, match: view.buffer[matchRange], line: UnsafeRawBufferPointer(rebasing: outer[lineSpan]),
                     fingerprint: fingerprint, ruleID: rule.rule.id, pass: &pass) {
            return
        }
        if pass.lines.hasInlineIgnore(in: lineSpan, of: outer) { return }

        let context = view.mapping.isIdentity
            ? (valueContext ?? ContextAnalyzer.context(of: outerSecret, in: outer))
            : ContextAnalyzer.context(of: outerSecret, in: outer)
        guard let (severity, judged) = judge(
            rule, secret: secret, at: secretRange, in: buffer, key: context.key, verdict: verdict, role: pass.role)
        else { return }
        evidence += judged
        let start = pass.position(of: outerSecret.lowerBound, in: outer, placement: placement)
        let lastByte = Self.lastScalarStart(of: outerSecret, in: outer)
        let end = pass.position(of: lastByte, in: outer, placement: placement)
        let finding = Finding(
            ruleID: rule.rule.id, title: rule.rule.title, severity: severity,
            secretRange: (outerSecret.lowerBound + placement.streamOffset)..<(outerSecret.upperBound + placement.streamOffset),
            matchRange: (outerMatch.lowerBound + placement.streamOffset)..<(outerMatch.upperBound + placement.streamOffset),
            secret: secret, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
            key: context.key, encoding: encoding, message: verdict.message, fingerprint: fingerprint,
            entropy: Entropy.shannon(secret), evidence: FindingEvidence.ordered(evidence))
        pass.findings.append(PendingFinding(finding: finding, keyPath: context.keyPath, exampleMaterial: pass.role.isExampleMaterial))
    }

    /// The filters shared by every rule. Nil: not a finding. Otherwise the severity and message.
    func evaluate(
        _ rule: CompiledRule, secret: [UInt8], before: Slice<UnsafeRawBufferPointer>
    ) -> (severity: Severity, message: String?, knownExample: Bool)? {
        guard !secret.isEmpty else { return nil }
        if let minimum = rule.rule.entropy, Entropy.shannon(secret) < minimum { return nil }
        var severity = rule.rule.severity
        var message: String?
        if let kind = KnownExamples.match(secret) {
            guard engine.options.reportKnownExamples else { return nil }
            severity = .low
            message = "This is \(kind), a public value printed in the documentation, not a live credential."
            return (severity, message, true)
        } else if rule.reportsExpression {
            return (severity, message, false)
        } else if let reason = Placeholder.reason(secret) {
            // A weak password made of one repeated character or a sequence is still a stored password.
            switch reason {
            case .sequential, .repeatedCharacter:
                if !rule.isPassword { return nil }
            default:
                return nil
            }
        }
        if CandidateFilter.isReference(secret, before: before) { return nil }
        if CandidateFilter.isMasked(secret) { return nil }
        if rule.isPassword && CandidateFilter.isNotAPassword(secret) { return nil }
        return (severity, message, false)
    }

    /// Whether one allowlist drops a finding: any of its non-empty conditions holds (`OR`), or all
    /// of them (`AND`, `matchAll`).
    func allows(
        _ allowlist: CompiledAllowlist, secret: [UInt8], match: Slice<UnsafeRawBufferPointer>, line: UnsafeRawBufferPointer,
        fingerprint: String, ruleID: String, pass: inout ScanPass
    ) -> Bool {
        var outcomes: [Bool] = []
        if !allowlist.regexSlots.isEmpty {
            let hit: Bool
            switch allowlist.allowlist.regexTarget {
            case .secret:
                hit = allowlist.regexSlots.contains { matches(slot: $0, secret, ruleID: ruleID, pass: &pass) }
            case .match:
                let raw = UnsafeRawBufferPointer(rebasing: match)
                hit = allowlist.regexSlots.contains { matches(slot: $0, raw, ruleID: ruleID, pass: &pass) }
            case .line:
                hit = allowlist.regexSlots.contains { matches(slot: $0, line, ruleID: ruleID, pass: &pass) }
            }
            outcomes.append(hit)
        }
        if !allowlist.pathSlots.isEmpty {
            let path = Array(pass.path.utf8)
            outcomes.append(allowlist.pathSlots.contains { matches(slot: $0, path, ruleID: ruleID, pass: &pass) })
        }
        if !allowlist.stopwords.isEmpty {
            let lower = secret.map(KeywordAutomaton.fold)
            outcomes.append(allowlist.stopwords.contains { CandidateFilter.contains(lower, $0) })
        }
        if !allowlist.fingerprints.isEmpty {
            outcomes.append(allowlist.fingerprints.contains(fingerprint))
        }
        guard !outcomes.isEmpty else { return false }
        return allowlist.allowlist.matchAll ? outcomes.allSatisfy { $0 } : outcomes.contains(true)
    }

    /// Which of two findings of one rule at one range survives deduplication: lower wins.
    static func dedupeRank(_ encoding: Encoding?, _ kubernetesSecret: Bool) -> Int {
        switch encoding {
        case .url, .escape: 0
        case nil: 1
        case .base64: kubernetesSecret ? 0 : 2
        }
    }

    /// Offset of the first byte of the last Unicode scalar in `range`.
    static func lastScalarStart(of range: Range<Int>, in buffer: UnsafeRawBufferPointer) -> Int {
        var i = max(range.lowerBound, range.upperBound - 1)
        while i > range.lowerBound && buffer[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    // MARK: - Result

    /// Removes each finding of a fallback rule whose secret overlaps a finding of a non-fallback
    /// rule: one value, one finding, from the most specific rule. `findings` is sorted by start.
    static func dropShadowedFallbacks(_ findings: inout [PendingFinding], fallbacks: Set<String>) {
        let specific = findings.filter { !fallbacks.contains($0.finding.ruleID) }.map(\.finding.secretRange)
        guard !specific.isEmpty else { return }
        findings.removeAll { pending in
            guard fallbacks.contains(pending.finding.ruleID) else { return false }
            let range = pending.finding.secretRange
            return specific.contains { $0.overlaps(range) }
        }
    }

    /// Sorts, deduplicates and pairs the findings of a finished pass.
    func finish(_ pass: inout ScanPass) -> ScanResult {
        var findings = pass.findings
        let kubernetes = engine.isBase64Document(pass.mentioned)
        findings.sort { a, b in
            let x = a.finding, y = b.finding
            if x.secretRange.lowerBound != y.secretRange.lowerBound { return x.secretRange.lowerBound < y.secretRange.lowerBound }
            if x.secretRange.upperBound != y.secretRange.upperBound { return x.secretRange.upperBound < y.secretRange.upperBound }
            if x.ruleID != y.ruleID { return x.ruleID < y.ruleID }
            // Of two findings of one rule at one range, keep the URL-decoded one (the value
            // itself), and the literal one over a base64 decoding (the text as written) except
            // in a Kubernetes Secret, whose data values are base64 by definition.
            return Self.dedupeRank(x.encoding, kubernetes) < Self.dedupeRank(y.encoding, kubernetes)
        }
        var unique: [PendingFinding] = []
        unique.reserveCapacity(findings.count)
        for f in findings {
            if let last = unique.last, last.finding.ruleID == f.finding.ruleID, last.finding.secretRange == f.finding.secretRange {
                continue
            }
            unique.append(f)
        }
        if !engine.fallbackRuleIDs.isEmpty { Self.dropShadowedFallbacks(&unique, fallbacks: engine.fallbackRuleIDs) }
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
}

/// How a buffer sits in the whole input: its offset in the stream, the line count before it, the
/// columns of its first line that lie before it, and the part of it whose findings it reports.
