import PCRE2
import SecretRules
import TokenFormat

/// Phase 3 of a scan: one candidate secret at a time, through context, decoding, evidence and
/// filters, to a pending finding.
extension ScanWorker {
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
        pass.findings.append(PendingFinding(
            finding: finding, keyPath: context.keyPath, exampleMaterial: pass.role.isExampleMaterial, sequence: pass.appended))
        pass.appended += 1
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
        if rule.isPassword && CandidateFilter.isNotAPassword(secret, hexIsDigest: rule.rule.value != .verbatim) { return nil }
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
}
