import SecretRules
import TokenFormat

/// The evidence model's part of a worker's scan (see `FindingEvidence`, `ShapeEvidence`,
/// `PasswordValue`, `PathRole`).
extension ScanWorker {
    /// The last word on a candidate that passed its rule: a literal stored password must be one
    /// (`PasswordValue`; nil when it is not), and in example material (`PathRole`) a stored
    /// password is `low` while any other finding drops one step (a provider credential in docs may
    /// still be a paste). Returns the severity and the evidence that fired.
    func judge(
        _ rule: CompiledRule, secret: [UInt8], at value: Range<Int>, in buffer: UnsafeRawBufferPointer, key: String?,
        verdict: (severity: Severity, message: String?, knownExample: Bool), role: PathRole
    ) -> (Severity, [FindingEvidence])? {
        var evidence: [FindingEvidence] = []
        if rule.isPassword, !rule.reportsExpression, !verdict.knownExample {
            switch PasswordValue.judge(secret, at: value, in: buffer, key: key, role: role) {
            case .rejected: return nil
            case .literal(let found): evidence += found
            }
        }
        var severity = verdict.severity
        if role.isExampleMaterial {
            severity = rule.isPassword ? .low : Self.lowered(severity)
            evidence.append(FindingEvidence(role.isTestFixture ? .testFixture : .documentation))
        }
        return (severity, evidence)
    }

    /// Whether `ShapeEvidence` can report anything for `rule` in this view: the rule has a partner
    /// of the other shape (or, for an application token, a pair family with one), and the path or
    /// the file mentions Sirportly or that other shape occurs.
    func evidenceMayHold(_ rule: CompiledRule, view: View, facts: PrefilterFacts, pass: inout ScanPass) -> Bool {
        guard let partner = partnerShape[rule.index] ?? companionShape[rule.index] else { return false }
        if pass.pathMentionsSirportly || mentionsSirportly(facts) { return true }
        return !pass.runs(partner, in: view.buffer, viewID: view.id).isEmpty
    }

    /// The evidence model's verdict on a shape candidate none of whose context alternatives held:
    /// `ShapeEvidence.evaluate` for a rule with a partner of the other shape (API token, secret),
    /// `ShapeEvidence.evaluateApplication` for one paired with a rule of its own shape (the
    /// application token). Nil: not a finding.
    func shapeEvidence(
        _ rule: CompiledRule, value: Range<Int>, view: View, facts: PrefilterFacts, pass: inout ScanPass
    ) -> [FindingEvidence]? {
        guard let shape = rule.shape, evidenceMayHold(rule, view: view, facts: facts, pass: &pass) else { return nil }
        let buffer = view.buffer
        // Phase 1's `sirportly` hit ends answer "mentioned nearby" without searching the lines
        // around every candidate (in a UUID-dense log that search was a sixth of the scan).
        let mentionEnds = engine.sirportlyProximitySlot.map { facts.proximity[$0] }
        if let partner = partnerShape[rule.index] {
            return ShapeEvidence.evaluate(
                value, shape: shape, in: buffer, partnerRuns: pass.runs(partner, in: buffer, viewID: view.id),
                pathMentions: pass.pathMentionsSirportly, fileMentions: mentionsSirportly(facts), mentionEnds: mentionEnds)
        }
        guard let other = companionShape[rule.index] else { return nil }
        return ShapeEvidence.evaluateApplication(
            value, in: buffer, sameShapeRuns: pass.runs(shape, in: buffer, viewID: view.id),
            otherShapeRuns: pass.runs(other, in: buffer, viewID: view.id),
            pathMentions: pass.pathMentionsSirportly, fileMentions: mentionsSirportly(facts), mentionEnds: mentionEnds)
    }

    func mentionsSirportly(_ facts: PrefilterFacts) -> Bool {
        sirportlyKeywordID.map { facts.mentioned[$0] } ?? false
    }

    /// The evidence a held `[[rules.context]]` alternative stands for.
    static func evidence(of requirement: ContextRequirement, context: ValueContext) -> [FindingEvidence] {
        var found: [FindingEvidence] = []
        if requirement.key != nil {
            found.append(FindingEvidence(context.key == nil && context.callee != nil ? .clientArgument : .keyName))
        }
        if !requirement.fileMentions.isEmpty { found.append(FindingEvidence(.sirportlyMention)) }
        if !requirement.near.isEmpty { found.append(FindingEvidence(.nearbyWord)) }
        return found
    }

    /// One severity step down (`low` stays `low`).
    static func lowered(_ severity: Severity) -> Severity {
        switch severity {
        case .critical: .high
        case .high: .medium
        case .medium, .low: .low
        }
    }

}
