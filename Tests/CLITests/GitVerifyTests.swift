import Foundation
import SirportlyAuthMock
import Testing

/// `--verify` and `--sirportly-url` on every git mode, through the binary against the mock
/// Sirportly API on loopback (no test talks to the internet).
@Suite("git --verify")
struct GitVerifyTests {
    /// The three git modes, each set up so that it reports `pair` (in two files: one request).
    enum Mode: String, CaseIterable, CustomTestStringConvertible {
        case staged, range, history
        var testDescription: String { rawValue }

        func arguments() -> [String] {
            switch self {
            case .staged: ["git", "staged"]
            case .range: ["git", "range", "--since", "HEAD~1"]
            case .history: ["git", "history"]
            }
        }

        func repository(with pair: PlantedPair) throws -> GitTree {
            let repo = try GitTree()
            try repo.tree.write("one/.env", pair.dotenv)
            // Another blob (history reads each blob once), the same pair.
            try repo.tree.write("two/.env", pair.dotenv + "OTHER=1\n")
            try repo.git("add", "-A")
            if self != .staged { try repo.git("commit", "-q", "-m", "leak") }
            return repo
        }
    }

    static func summary(_ stderr: String) -> String {
        stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.hasPrefix("tokenaudit: note:") }.joined(separator: "\n")
    }

    @Test(arguments: Mode.allCases)
    func livePairIsVerifiedOnceCountedFirstAndFailsTheRun(mode: Mode) async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: 200) }
        let pair = PlantedPair(seed: 400)
        let repo = try mode.repository(with: pair)
        let out = try repo.tokenaudit(
            mode.arguments() + ["--format", "json", "--verify", "--sirportly-url", server.baseURL, "--fail-on", "critical"])
        try await server.stop()
        // A live pair fails the run whatever --fail-on says.
        #expect(out.status == 1, "\(out.stderr)")
        #expect(server.requests.count == 1)
        #expect(server.requests.first?.token == pair.token && server.requests.first?.secret == pair.secret)
        let findings = try out.findings()
        #expect(findings.count == 4)
        for finding in findings {
            let verification = try #require(finding["verification"] as? [String: Any])
            #expect(verification["status"] as? String == "live")
            #expect(verification["host"] as? String == "127.0.0.1:\(server.port)")
        }
        let counts = try #require((try out.json()["stats"] as? [String: Any])?["verifiedPairs"] as? [String: Int])
        #expect(counts == ["live": 1, "restricted": 0, "rejected": 0, "unknown": 0])
        #expect(Self.summary(out.stderr).hasPrefix("1 live Sirportly credential pair (restricted 0, rejected 0, unknown 0)"), "\(out.stderr)")
        #expect(!out.stdout.contains(pair.secret) && !out.stderr.contains(pair.secret))
    }

    @Test(arguments: [
        (401, "", "rejected"),
        (403, #"{"error":"Access from your IP address is not permitted"}"#, "restricted"),
        (500, "", "unknown"),
    ])
    func statusIsCountedByKind(status: Int, body: String, expected: String) async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: status, body: body) }
        let repo = try Mode.history.repository(with: PlantedPair(seed: 401))
        let out = try repo.tokenaudit(["git", "history", "--format", "json", "--verify", "--sirportly-url", server.baseURL])
        try await server.stop()
        let counts = try #require((try out.json()["stats"] as? [String: Any])?["verifiedPairs"] as? [String: Int])
        var expectedCounts = ["live": 0, "restricted": 0, "rejected": 0, "unknown": 0]
        expectedCounts[expected] = 1
        #expect(counts == expectedCounts)
        #expect(try out.findings().allSatisfy { ($0["verification"] as? [String: Any])?["status"] as? String == expected })
        #expect(Self.summary(out.stderr).hasPrefix("0 live Sirportly credential pairs ("))
    }

    /// A closed loopback port: the pair is `unknown` with the reason, through the binary.
    @Test func refusedConnectionIsUnknownWithTheReason() async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: 200) }
        let closed = server.baseURL
        try await server.stop()
        let repo = try Mode.range.repository(with: PlantedPair(seed: 402))
        let out = try repo.tokenaudit(["git", "range", "--since", "HEAD~1", "--format", "json", "--verify", "--sirportly-url", closed])
        let verification = try #require(try out.findings().first?["verification"] as? [String: Any])
        #expect(verification["status"] as? String == "unknown")
        #expect(verification["detail"] as? String == "connection refused")
        #expect((try out.json()["stats"] as? [String: Any])?["verifiedPairs"] as? [String: Int]
            == ["live": 0, "restricted": 0, "rejected": 0, "unknown": 1])
    }

    @Test(arguments: Mode.allCases)
    func withoutVerifyNothingIsSent(mode: Mode) async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: 200) }
        let repo = try mode.repository(with: PlantedPair(seed: 403))
        let out = try repo.tokenaudit(mode.arguments() + ["--format", "json"])
        try await server.stop()
        #expect(server.requests.isEmpty)
        #expect(try out.findings().allSatisfy { $0["verification"] == nil })
        #expect((try out.json()["stats"] as? [String: Any])?["verifiedPairs"] == nil)
    }

    @Test func configSirportlyURLIsUsedAndARefusedOneSendsNothing() async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: 401) }
        let repo = try Mode.history.repository(with: PlantedPair(seed: 404))
        try repo.tree.write(".tokenaudit.toml", "sirportlyURL = \"\(server.baseURL)\"\n")
        let out = try repo.tokenaudit(["git", "history", "--format", "json", "--verify"])
        #expect(server.requests.count == 1)
        #expect((try out.findings().first?["verification"] as? [String: Any])?["status"] as? String == "rejected")
        try repo.tree.write(".tokenaudit.toml", "sirportlyURL = \"http://sirportly.example.com\"\n")
        let refused = try repo.tokenaudit(["git", "history", "--verify"])
        try await server.stop()
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("refusing Sirportly URL"), "\(refused.stderr)")
        #expect(server.requests.count == 1)
    }

    @Test func sirportlyURLNeedsVerify() throws {
        let repo = try GitTree()
        let out = try repo.tokenaudit(["git", "history", "--sirportly-url", "https://help.example.com"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("--sirportly-url needs --verify"))
    }

    /// `scan --verify` carries the same per-status counts in its JSON summary.
    @Test func scanJSONCountsVerifiedPairs() async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: 200) }
        let tree = try TemporaryTree()
        try tree.write(".env", PlantedPair(seed: 405).dotenv)
        let out = try tree.scan([".", "--format", "json", "--verify", "--sirportly-url", server.baseURL])
        try await server.stop()
        #expect(out.status == 1)
        #expect((try out.json()["stats"] as? [String: Any])?["verifiedPairs"] as? [String: Int]
            == ["live": 1, "restricted": 0, "rejected": 0, "unknown": 0])
    }
}
