import PCRE2
import SecretRules
import Testing
@testable import SecretScanner

/// Generated values of the Sirportly shapes (never real credentials).
enum GeneratedCredential {
    static func token(seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        let hex = Array("0123456789abcdef")
        let groups = [8, 4, 4, 4, 12].map { n in String((0..<n).map { _ in hex.randomElement(using: &rng)! }) }
        return groups.joined(separator: "-")
    }

    static func secret(seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<50).map { _ in alphabet.randomElement(using: &rng)! })
    }
}

let shapeTokenRule = Rule(
    id: "demo-token", title: "Demo token", severity: .high, shape: .sirportlyToken,
    context: [ContextRequirement(near: ["x-auth-token"], linesBefore: 0, linesAfter: 0),
              ContextRequirement(near: ["demo_token"], fileMentions: ["demovendor"])],
    pairWith: "demo-secret")
let shapeSecretRule = Rule(
    id: "demo-secret", title: "Demo secret", severity: .high, shape: .sirportlySecret,
    context: [ContextRequirement(near: ["x-auth-secret"], linesBefore: 0, linesAfter: 0)],
    pairWith: "demo-token")

@Suite("Shape rules")
struct ShapeRuleTests {
    static let token = GeneratedCredential.token(seed: 11)
    static let secret = GeneratedCredential.secret(seed: 12)

    @Test(arguments: jitPolicies)
    func bareShapeRunWithoutContextIsNotAFinding(jit: JITPolicy) throws {
        let log = "2026-01-01 request_id=\(Self.token) status=200\n"
        #expect(try scan(log, rules: [shapeTokenRule], jit: jit).findings.isEmpty)
    }

    @Test(arguments: jitPolicies)
    func contextAlternativeDecides(jit: JITPolicy) throws {
        let header = "curl -H 'X-Auth-Token: \(Self.token)' https://example.invalid\n"
        let result = try scan(header, rules: [shapeTokenRule], jit: jit)
        #expect(secrets(result) == [Self.token])
        #expect(result.findings.first?.key == "X-Auth-Token")
        // Second alternative: `demo_token` near, and the file mentions the vendor.
        let config = "# demovendor settings\ndemo_token = \"\(Self.token)\"\n"
        #expect(secrets(try scan(config, rules: [shapeTokenRule], jit: jit)) == [Self.token])
        let unmentioned = "demo_token = \"\(Self.token)\"\n"
        #expect(try scan(unmentioned, rules: [shapeTokenRule], jit: jit).findings.isEmpty)
    }

    @Test func runsOfTheWrongLengthAreNotCandidates() throws {
        let longer = Self.token + "ab"
        #expect(try scan("X-Auth-Token: \(longer)", rules: [shapeTokenRule]).findings.isEmpty)
        #expect(try scan("X-Auth-Token: \(Self.token.dropLast())", rules: [shapeTokenRule]).findings.isEmpty)
    }

    @Test(arguments: jitPolicies)
    func shapeWithRegexRequiresTheSecretGroupToBeTheRun(jit: JITPolicy) throws {
        let rule = Rule(id: "hdr", title: "h", keywords: [], regex: #"(?i)x-auth-token:\s*([0-9a-f-]+)"#, shape: .sirportlyToken)
        #expect(secrets(try scan("X-Auth-Token: \(Self.token)", rules: [rule], jit: jit)) == [Self.token])
        // The run is there, but the regex's group is not the run.
        #expect(try scan("token \(Self.token) X-Auth-Token: abc", rules: [rule], jit: jit).findings.isEmpty)
    }

    @Test func tokenAndSecretTogetherFormACriticalPair() throws {
        let text = "X-Auth-Token: \(Self.token)\nX-Auth-Secret: \(Self.secret)\n"
        let result = try scan(text, rules: [shapeTokenRule, shapeSecretRule])
        #expect(secrets(result) == [Self.token, Self.secret])
        #expect(result.findings.allSatisfy { $0.severity == .critical })
        #expect(result.findings[0].group != nil && result.findings[0].group == result.findings[1].group)
    }

    @Test func documentationExampleTokenIsSuppressedByDefault() throws {
        let text = "X-Auth-Token: d3f269a9-932e-eeb0-05e7-14fdff8696b2"
        #expect(try scan(text, rules: [shapeTokenRule]).findings.isEmpty)
        let reported = try scan(text, rules: [shapeTokenRule]) { $0.reportKnownExamples = true }
        #expect(reported.findings.map(\.severity) == [.low])
    }
}
