@testable import SirportlyAuth
import Testing
import TokenFormat

@Suite("Verification: endpoint, pair and response rules")
struct VerificationEndpointTests {
    @Test(arguments: [
        ("https://api.sirportly.com", "https://api.sirportly.com"),
        ("https://help.example.com/sirportly/", "https://help.example.com/sirportly"),
        ("HTTPS://Help.Example.COM:8443", "https://help.example.com:8443"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://127.1.2.3", "http://127.1.2.3"),
        ("http://localhost:9", "http://localhost:9"),
        ("http://[::1]:9", "http://[::1]:9"),
    ])
    func acceptedBaseURLs(input: String, shown: String) throws {
        let endpoint = try SirportlyEndpoint(input)
        #expect(endpoint.description == shown)
        #expect(endpoint.verificationURL == shown + "/api/v2/objects/statuses")
    }

    @Test(arguments: [
        ("http://api.sirportly.com", "loopback"),
        ("http://10.0.0.1", "loopback"),
        ("http://127.0.0.1.example.com", "loopback"),
        ("http://localhost.example.com", "loopback"),
        ("ftp://api.sirportly.com", "https"),
        ("https://user:pw@api.sirportly.com", "user info"),
        ("https://api.sirportly.com/?x=1", "query"),
        ("https://api.sirportly.com/#top", "fragment"),
        ("api.sirportly.com", "absolute"),
        ("https:///path", "host"),
    ])
    func refusedBaseURLs(input: String, reasonMentions: String) {
        let refusal = #expect(throws: SirportlyEndpoint.Refusal.self) { _ = try SirportlyEndpoint(input) }
        #expect(refusal?.reason.contains(reasonMentions) == true)
    }

    @Test func defaultEndpointIsSirportlysHostedAPI() {
        #expect(CredentialVerifier.Configuration().endpoint.verificationURL
            == "https://api.sirportly.com/api/v2/objects/statuses")
    }

    /// Never verify a value without its pair: half a pair, or a value of the wrong shape, cannot
    /// become a `SirportlyCredentialPair`, the only input `verify` takes.
    @Test(arguments: [
        ("", String(repeating: "a", count: 50)),
        (TestPairs.pair(1).token, ""),
        (TestPairs.pair(1).token, TestPairs.pair(1).token),
        (TestPairs.pair(1).secret, TestPairs.pair(1).secret),
        (TestPairs.pair(1).token, String(TestPairs.pair(1).secret.dropLast())),
    ])
    func pairNeedsAWellFormedTokenAndSecret(token: String, secret: String) {
        #expect(throws: SirportlyCredentialPair.Problem.self) {
            _ = try SirportlyCredentialPair(token: token, secret: secret)
        }
    }

    @Test func pairDescriptionNeverShowsTheSecret() {
        let pair = TestPairs.pair(7)
        #expect(!"\(pair)".contains(pair.secret))
        #expect(!String(reflecting: pair.description).contains(pair.token))
    }

    @Test(arguments: [
        (200, "[]", VerificationStatus.live),
        (204, "", .live),
        (401, "", .rejected),
        (401, #"{"error":"Unauthorized"}"#, .rejected),
        (403, #"{"error":"Invalid token or secret"}"#, .rejected),
        (403, #"{"errors":["No token found with that token/secret"]}"#, .rejected),
        (403, "Access Denied", .rejected),
        (403, #"{"error":"Access from your IP address is not permitted"}"#, .restricted),
        (403, #"{"error":"This token does not have permission for objects/statuses"}"#, .restricted),
        (403, "API access restricted", .restricted),
        (403, "", .unknown(reason: "HTTP 403 without a recognised reason (restricted or rejected)")),
        (301, "", .unknown(reason: "redirect (HTTP 301) not followed")),
        (429, "", .unknown(reason: "rate limited by the server (HTTP 429)")),
        (500, "", .unknown(reason: "unexpected HTTP status 500")),
        (404, "", .unknown(reason: "unexpected HTTP status 404")),
    ])
    func responseClassification(status: Int, body: String, expected: VerificationStatus) {
        #expect(VerificationResponseClassifier.classify(status: status, body: Array(body.utf8)) == expected)
    }

    /// The gate hands out start times `interval` apart in the order slots were granted.
    @Test func gateSpacesStartsByTheInterval() async {
        let clock = VirtualClock()
        let gate = RequestGate(clock: clock, interval: .milliseconds(250), maxInFlight: 1)
        var starts: [Duration] = []
        for _ in 0..<5 {
            let start = await gate.enter()
            try? await clock.sleep(until: start, tolerance: nil)
            starts.append(start.offset)
            await gate.leave()
        }
        #expect(starts == (0..<5).map { Duration.milliseconds(250 * $0) })
    }
}
