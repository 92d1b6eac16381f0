import PCRE2
import SecretRules
import Testing
@testable import SecretScanner

let keyIDRule = Rule(id: "demo-key-id", title: "Key id", severity: .high, keywords: ["AKDM"], regex: #"\b(AKDM[A-Z0-9]{16})\b"#)
let keySecretRule = Rule(
    id: "demo-key-secret", title: "Key secret", severity: .high, keywords: ["secret"],
    regex: #"secret\s*[:=]\s*([A-Za-z0-9/+]{40})"#, pairWith: "demo-key-id")

@Suite("Pairing")
struct PairingTests {
    static let id = "AKDM7Q2W9E4R6T1Y3U5I"
    static let secret = "wJ8rX2kP5mN9qL3vB7cD1fG4hJ6kL8zX0cV2bN4m"

    @Test(arguments: [
        ("id = \(id) secret = \(secret)", true),
        ("id = \(id)\n\n\nsecret = \(secret)", true),
        ("id = \(id)" + String(repeating: "\n", count: 10) + "secret = \(secret)", false),
    ])
    func nearbyValuesShareAGroupAndBecomeCritical(text: String, paired: Bool) throws {
        let result = try scan(text, rules: [keyIDRule, keySecretRule])
        #expect(result.findings.count == 2)
        let groups = Set(result.findings.map(\.group))
        if paired {
            #expect(groups.count == 1)
            let group = try #require(groups.first ?? nil)
            #expect(group == "pair-" + String(result.findings[0].fingerprint.prefix(16)))
            #expect(result.findings.allSatisfy { $0.severity == .critical })
        } else {
            #expect(groups == [nil])
            #expect(result.findings.allSatisfy { $0.severity == .high })
        }
    }

    @Test func groupIdIsDeterministic() throws {
        let text = "id = \(Self.id)\nsecret = \(Self.secret)"
        let a = try scan(text, rules: [keyIDRule, keySecretRule])
        let b = try scan("# moved\n" + text, rules: [keySecretRule, keyIDRule])
        #expect(a.findings.map(\.group) == b.findings.map(\.group))
    }

    @Test func twoPairsInOneFileGetTwoGroups() throws {
        let other = "AKDM1A2B3C4D5E6F7G8H"
        let otherSecret = "Zq8rX2kP5mN9qL3vB7cD1fG4hJ6kL8zX0cV2bN4Q"
        let text = "id = \(Self.id)\nsecret = \(Self.secret)" + String(repeating: "\n", count: 60)
            + "id = \(other)\nsecret = \(otherSecret)"
        let result = try scan(text, rules: [keyIDRule, keySecretRule])
        #expect(result.findings.count == 4)
        #expect(Set(result.findings.compactMap(\.group)).count == 2)
        #expect(result.findings[0].group == result.findings[1].group)
        #expect(result.findings[2].group == result.findings[3].group)
    }

    @Test func familiesFollowPairWithTransitively() {
        let rules = [
            Rule(id: "s", title: "s", regex: "s", pairWith: "t"),
            Rule(id: "t", title: "t", regex: "t"),
            Rule(id: "a", title: "a", regex: "a", pairWith: "t"),
            Rule(id: "lone", title: "l", regex: "l"),
        ]
        let families = Pairing.families(rules)
        #expect(families["s"] != nil && families["s"] == families["t"] && families["t"] == families["a"])
        #expect(families["lone"] == nil)
    }
}
