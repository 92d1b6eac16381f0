import SecretRules
import Testing
@testable import SecretScanner

// The second evidence pass for Sirportly application tokens (`ShapeEvidence.evaluateApplication`):
// an application word, confirmed by a token + secret pair or a Sirportly mention nearby. Every
// credential is generated.

struct ApplicationEvidenceTests {
    static let token = "4b9e0c7a-81d2-e3f5-27a6-90cd1e4b5f38"
    static let secret = "k3v9q2m8x7w1p4n6z5r0t2y8u3i7o1a9s4d6f2g8h5j3l0c7b9"
    static let app = "7c21e9d0-3a5b-f4e8-d1c6-28b0a9f3e517"
    static let uuid4 = "0f8fad5b-d9cb-469f-a165-70867728950e"

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var path: String
        /// Values the application-token rule must report.
        var reported: [String]
        var testDescription: String { "\(path): \(text.prefix(60))" }
    }

    @Test(arguments: [
        // An application word confirmed by the pair it travels with.
        Case(text: "auth tok=\(token) sec=\(secret) app=\(app)\n", path: "logs/bridge.log", reported: [app]),
        Case(text: "Public Const ApiToken As String = \"\(token)\"\nPublic Const ApiSecret As String = \"\(secret)\"\nPublic Const AppToken As String = \"\(app)\"\n", path: "src/Settings.vb", reported: [app]),
        // Confirmed by Sirportly in the path or nearby lines.
        Case(text: "<tr><td>Application</td><td>\(app)</td></tr>\n", path: "admin/sirportly.html", reported: [app]),
        Case(text: "# Sirportly mobile registration\napplication_value <- \"\(app)\"\n", path: "report.R", reported: [app]),
        // Not confirmed: a mention far away in the file only, or nothing at all.
        Case(text: "sirportly\n\n\n\n\n\n\nmobile app: \(app)\n", path: "notes.txt", reported: []),
        Case(text: "app=\(app)\n", path: "notes.txt", reported: []),
        // An id of an app is not its token; a v4 UUID needs more than one confirmation.
        Case(text: "sirportly app_id=\(app)\n", path: "bridge.log", reported: []),
        Case(text: "sirportly application request \(app)\n", path: "bridge.log", reported: []),
        Case(text: "sirportly app=\(uuid4)\n", path: "bridge.log", reported: []),
        // Without an application word the value is not the application token.
        Case(text: "auth tok=\(token) sec=\(secret) ref=\(app)\n", path: "logs/sirportly.log", reported: []),
    ])
    func decides(_ c: Case) throws {
        let found = try EvidenceFixtures.findings(c.text, path: c.path).filter { $0.ruleID == "sirportly-application-token" }
        #expect(Set(found.map(\.secretText)) == Set(c.reported))
    }

    /// The evidence that fired is on the finding.
    @Test func recordsTheApplicationEvidence() throws {
        let found = try EvidenceFixtures.findings("auth tok=\(Self.token) sec=\(Self.secret) app=\(Self.app)\n", path: "bridge.log")
        let app = try #require(found.first { $0.ruleID == "sirportly-application-token" })
        #expect(Set(app.evidence.map(\.id)).isSuperset(of: ["app-word", "partner-pair"]))
    }
}
