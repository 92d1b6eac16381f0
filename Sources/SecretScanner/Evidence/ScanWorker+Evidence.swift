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
    /// of the other shape, and the path or the file mentions Sirportly or that partner shape occurs.
    func evidenceMayHold(_ rule: CompiledRule, view: View, facts: PrefilterFacts, pass: inout ScanPass) -> Bool {
        guard let partner = partnerShape[rule.index] else { return false }
        if pass.pathMentionsSirportly || mentionsSirportly(facts) { return true }
        return !pass.runs(partner, in: view.buffer, viewID: view.id).isEmpty
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
