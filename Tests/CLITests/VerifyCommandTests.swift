import Foundation
import SirportlyAuthMock
import Testing

/// `scan --verify` through the binary against a mock Sirportly API on loopback.
@Suite("tokenaudit scan --verify")
struct VerifyCommandTests {
    /// Standard error from the summary on: notes printed before it (e.g. the per-run fingerprint
    /// key note) are not part of the summary.
    static func summary(_ stderr: String) -> String {
        stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.hasPrefix("tokenaudit: note:") }.joined(separator: "\n")
    }

    static func server(status: Int, body: String = "[]") async throws -> MockSirportlyServer {
        try await MockSirportlyServer.start { _ in MockResponse(status: status, body: body) }
    }

    @Test func livePairIsReportedInJSONAndFailsTheRun() async throws {
        let server = try await Self.server(status: 200)
        let tree = try ScanTree()
        let pair = PlantedPair()
        // The same pair in two files: one request.
        try tree.write("a/.env", pair.dotenv)
        try tree.write("b/.env", pair.dotenv)
        let out = try tree.scan([".", "--format", "json", "--verify", "--sirportly-url", server.baseURL])
        try await server.stop()
        #expect(out.status == 1)
        #expect(server.requests.count == 1)
        #expect(server.requests.first?.token == pair.token && server.requests.first?.secret == pair.secret)
        let findings = try out.findings()
        let paired = findings.filter { ["sirportly-token", "sirportly-secret"].contains($0["ruleID"] as? String) }
        #expect(paired.count == 4)
        for finding in paired {
            let verification = try #require(finding["verification"] as? [String: Any])
            #expect(verification["status"] as? String == "live")
            #expect(verification["host"] as? String == "127.0.0.1:\(server.port)")
            #expect((verification["checkedAt"] as? String)?.hasSuffix("Z") == true)
        }
        #expect(Self.summary(out.stderr).hasPrefix("1 live Sirportly credential pair ("))
        #expect(!out.stdout.contains(pair.secret) && !out.stderr.contains(pair.secret))
    }

    @Test(arguments: [
        (401, "", "rejected"),
        (403, #"{"error":"Access from your IP address is not permitted"}"#, "restricted"),
        (500, "", "unknown"),
    ])
    func statusInTextAndSummary(status: Int, body: String, expected: String) async throws {
        let server = try await Self.server(status: status, body: body)
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        let out = try tree.scan([".", "--verify", "--sirportly-url", server.baseURL])
        try await server.stop()
        #expect(out.stdout.contains("verified: \(expected)"))
        #expect(out.stdout.contains("against 127.0.0.1:\(server.port) at "))
        // The summary leads with the live count.
        #expect(Self.summary(out.stderr).hasPrefix("0 live Sirportly credential pairs ("))
        #expect(server.requests.count == 1)
    }

    @Test func liveIsFirstInTheSummary() async throws {
        let server = try await Self.server(status: 200)
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        let out = try tree.scan([".", "--verify", "--sirportly-url", server.baseURL])
        try await server.stop()
        #expect(out.status == 1)
        #expect(Self.summary(out.stderr).hasPrefix("1 live Sirportly credential pair (restricted 0, rejected 0, unknown 0)"))
        #expect(out.stdout.contains("verified: LIVE against"))
    }

    /// A live pair fails the run whatever `--fail-on` says: in a test-fixture path the pair is
    /// only `high`, below `--fail-on critical`, so a rejected pair passes and a live one fails.
    @Test(arguments: [(200, 1), (401, 0)])
    func livePairFailsTheRunAboveFailOn(status: Int, exit: Int32) async throws {
        let server = try await Self.server(status: status)
        let tree = try ScanTree()
        try tree.write("tests/fixtures/sirportly.env", PlantedPair().dotenv)
        let out = try tree.scan([".", "--format", "json", "--fail-on", "critical", "--verify", "--sirportly-url", server.baseURL])
        try await server.stop()
        let severities = Set(try out.findings().compactMap { $0["severity"] as? String })
        #expect(!severities.isEmpty && !severities.contains("critical"), "\(severities)")
        #expect(out.status == exit, "\(out.stderr)")
    }

    @Test func withoutVerifyNothingIsSent() async throws {
        let server = try await Self.server(status: 200)
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        let out = try tree.scan([".", "--format", "json"])
        try await server.stop()
        #expect(server.requests.isEmpty)
        #expect(try out.findings().allSatisfy { $0["verification"] == nil })
    }

    @Test func configSirportlyURLIsUsed() async throws {
        let server = try await Self.server(status: 401)
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        try tree.write(".tokenaudit.toml", "sirportlyURL = \"\(server.baseURL)\"\n")
        let out = try tree.scan([".", "--format", "json", "--verify"])
        try await server.stop()
        #expect(server.requests.count == 1)
        let verification = try #require(try out.findings().first?["verification"] as? [String: Any])
        #expect(verification["status"] as? String == "rejected")
    }

    @Test(arguments: ["http://sirportly.example.com", "ftp://127.0.0.1", "https://user:pw@api.sirportly.com"])
    func refusedURLIsAnErrorAndSendsNothing(url: String) async throws {
        let tree = try ScanTree()
        try tree.write(".env", PlantedPair().dotenv)
        let fromFlag = try tree.scan([".", "--verify", "--sirportly-url", url])
        #expect(fromFlag.status == 2)
        #expect(fromFlag.stderr.contains("refusing Sirportly URL"))
        try tree.write(".tokenaudit.toml", "sirportlyURL = \"\(url)\"\n")
        let fromConfig = try tree.scan([".", "--verify"])
        #expect(fromConfig.status == 2)
        #expect(fromConfig.stderr.contains(".tokenaudit.toml: error: sirportlyURL: refusing Sirportly URL"))
    }

    /// Verification results reach disk only inside the report, which never holds the secret.
    @Test(arguments: [("json", "\"status\": \"live\""), ("text", "verified: LIVE against")])
    func writtenReportHoldsTheVerificationButNotTheSecret(format: String, shown: String) async throws {
        let server = try await Self.server(status: 200)
        let tree = try ScanTree()
        let pair = PlantedPair()
        try tree.write(".env", pair.dotenv)
        let out = try tree.scan([".", "--verify", "--sirportly-url", server.baseURL, "--format", format, "-o", "report.out"])
        try await server.stop()
        #expect(out.status == 1)
        let written = try String(contentsOf: tree.url("report.out"), encoding: .utf8)
        #expect(written.contains(shown))
        #expect(!written.contains(pair.secret))
        let entries = try FileManager.default.contentsOfDirectory(atPath: tree.root.path).sorted()
        #expect(entries == [".env", "report.out"])
    }

    @Test func sirportlyURLNeedsVerify() throws {
        let tree = try ScanTree()
        let out = try tree.scan([".", "--sirportly-url", "https://help.example.com"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("--sirportly-url needs --verify"))
    }
}

/// `validate headers --verify` through the binary against the mock.
@Suite("tokenaudit validate headers --verify")
struct ValidateHeadersVerifyTests {
    static func request(token: String, secret: String?) -> String {
        var text = "POST /api/v2/tickets/all HTTP/1.1\r\nHost: helpdesk.example.com\r\nX-Auth-Token: \(token)\r\n"
        if let secret { text += "X-Auth-Secret: \(secret)\r\n" }
        return text + "\r\n"
    }

    @Test(arguments: [(200, "LIVE", Int32(1)), (401, "rejected", Int32(0))])
    func eachUniquePairIsVerifiedOnce(status: Int, shown: String, exit: Int32) async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: status) }
        let tree = try ScanTree()
        let pair = PlantedPair()
        try tree.write("one.txt", Self.request(token: pair.token, secret: pair.secret))
        try tree.write("two.txt", Self.request(token: pair.token, secret: pair.secret))
        let out = try BinaryRunner.run(
            ["validate", "headers", "one.txt", "two.txt", "--verify", "--sirportly-url", server.baseURL], in: tree.root)
        try await server.stop()
        #expect(out.status == exit)
        #expect(server.requests.count == 1)
        #expect(out.stdout.contains("with its X-Auth-Secret: \(shown) against 127.0.0.1:\(server.port) at "))
        #expect(out.stderr.contains("\(status == 200 ? 1 : 0) live Sirportly credential"))
        #expect(!out.stdout.contains(pair.secret) && !out.stderr.contains(pair.secret))
    }

    @Test func aLoneTokenIsNeverSent() async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: 200) }
        let tree = try ScanTree()
        try tree.write("one.txt", Self.request(token: PlantedPair().token, secret: nil))
        let out = try BinaryRunner.run(
            ["validate", "headers", "one.txt", "--verify", "--sirportly-url", server.baseURL], in: tree.root)
        try await server.stop()
        #expect(server.requests.isEmpty)
        #expect(out.stderr.contains("0 live Sirportly credential pairs"))
    }

    @Test func jsonLineCarriesTheVerification() async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: 503) }
        let tree = try ScanTree()
        let pair = PlantedPair()
        try tree.write("one.txt", Self.request(token: pair.token, secret: pair.secret))
        let out = try BinaryRunner.run(
            ["validate", "headers", "one.txt", "--format", "json", "--verify", "--sirportly-url", server.baseURL],
            in: tree.root)
        try await server.stop()
        let last = try #require(out.stdout.split(separator: "\n").last)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        let verification = try #require(json["verification"] as? [String: Any])
        #expect(verification["status"] as? String == "unknown")
        #expect(verification["reason"] as? String == "unexpected HTTP status 503")
        #expect(verification["host"] as? String == "127.0.0.1:\(server.port)")
    }
}
