import Foundation
import SirportlyAuthMock
@testable import SirportlyAuth
import Testing

/// The verifier against a mock Sirportly server on loopback. No test talks to the internet and
/// none measures time: they assert what the server received, how often, and in what order.
@Suite("Verification against a mock Sirportly server")
struct VerificationTests {
    static func verifier(_ server: MockSirportlyServer, timeout: Duration = .seconds(20), cap: Int = 4)
        throws -> CredentialVerifier
    {
        CredentialVerifier(configuration: .init(
            endpoint: try SirportlyEndpoint(server.baseURL), maxConcurrentRequests: cap, requestsPerSecond: 1000,
            timeout: timeout))
    }

    @Test(arguments: [
        (200, "[]", VerificationStatus.live),
        (401, #"{"error":"Unauthorized"}"#, .rejected),
        (403, #"{"error":"Invalid token or secret"}"#, .rejected),
        (403, "Access Denied", .rejected),
        (403, #"{"error":"Access from your IP address is not permitted"}"#, .restricted),
        (403, "{}", .unknown(reason: "HTTP 403 without a recognised reason (restricted or rejected)")),
        (503, "", .unknown(reason: "unexpected HTTP status 503")),
    ])
    func statusFromTheServer(status: Int, body: String, expected: VerificationStatus) async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: status, body: body) }
        let pair = TestPairs.pair(1)
        let results = try await Self.verifier(server).verify([pair], clock: VirtualClock())
        try await server.stop()
        #expect(results[pair]?.status == expected)
        #expect(results[pair]?.host == "127.0.0.1:\(server.port)")
        // One read-only call with both halves of the pair, nothing else.
        #expect(server.requests == [MockRequest(
            method: "POST", uri: "/api/v2/objects/statuses", hostHeader: "127.0.0.1:\(server.port)",
            token: pair.token, secret: pair.secret)])
    }

    @Test func slowServerIsATimeoutNotARejection() async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: 200, hang: true) }
        let pair = TestPairs.pair(2)
        let results = try await Self.verifier(server, timeout: .milliseconds(300)).verify([pair], clock: VirtualClock())
        try await server.stop()
        #expect(results[pair]?.status == .unknown(reason: "timeout"))
        #expect(server.requests.count == 1)
    }

    /// A redirect to another host must not carry the credentials there.
    @Test(arguments: [301, 302, 307, 308])
    func redirectToAnotherHostIsRefused(status: Int) async throws {
        let elsewhere = try await MockSirportlyServer.start { _ in MockResponse(status: 200) }
        let server = try await MockSirportlyServer.start { request in
            MockResponse(status: status, headers: [("Location", "http://localhost:\(elsewhere.port)\(request.uri)")])
        }
        let pair = TestPairs.pair(3)
        let results = try await Self.verifier(server).verify([pair], clock: VirtualClock())
        try await server.stop()
        try await elsewhere.stop()
        #expect(results[pair]?.status == .unknown(reason: "redirect (HTTP \(status)) not followed"))
        #expect(server.requests.count == 1)
        #expect(elsewhere.requests.isEmpty)
    }

    /// A refused connection is not retried: it is reported at once with its reason (see also
    /// `VerificationConnectTests`).
    @Test func unreachableServerIsANetworkError() async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: 200) }
        let endpoint = try SirportlyEndpoint(server.baseURL)
        try await server.stop()
        let pair = TestPairs.pair(4)
        let verifier = CredentialVerifier(configuration: .init(endpoint: endpoint, timeout: .milliseconds(500)))
        let results = await verifier.verify([pair], clock: VirtualClock())
        #expect(results[pair]?.status.name == "unknown")
        #expect(results[pair]?.status.reason == "connection refused")
    }

    /// 500 distinct pairs, each appearing three times: every pair reaches the server exactly once,
    /// never more than the cap are in flight, and every start waits for its rate-limit slot.
    @Test func burstOf500PairsHonoursRateLimitAndSendsEachPairOnce() async throws {
        let server = try await MockSirportlyServer.start { request in
            MockResponse(status: request.token!.hasPrefix("0") ? 200 : 401, delay: .milliseconds(1))
        }
        let pairs = (0..<500).map(TestPairs.pair)
        let input = pairs + pairs.reversed() + pairs
        let clock = VirtualClock()
        let cap = 3
        let verifier = CredentialVerifier(configuration: .init(
            endpoint: try SirportlyEndpoint(server.baseURL), maxConcurrentRequests: cap, requestsPerSecond: 4))
        let results = await verifier.verify(input, clock: clock)
        try await server.stop()

        #expect(results.count == 500)
        let received = server.requests
        #expect(received.count == 500)
        #expect(Set(received.map { "\($0.token!) \($0.secret!)" }) == Set(pairs.map { "\($0.token) \($0.secret)" }))
        #expect(server.maxInFlight <= cap)
        // Rate limit: one sleep per request, and the reserved start times are 250 ms apart.
        let starts = clock.sleeps.sorted()
        #expect(starts.count == 500)
        #expect(zip(starts, starts.dropFirst()).allSatisfy { $1 - $0 >= .milliseconds(250) })
        #expect(starts.last == .milliseconds(250 * 499))
        for pair in pairs {
            #expect(results[pair]?.status == (pair.token.hasPrefix("0") ? .live : .rejected))
        }
    }

    @Test func selfHostedBaseURLWithPathPrefix() async throws {
        let server = try await MockSirportlyServer.start { request in
            MockResponse(status: request.uri == "/helpdesk/api/v2/objects/statuses" ? 200 : 404)
        }
        let endpoint = try SirportlyEndpoint("http://localhost:\(server.port)/helpdesk/")
        let pair = TestPairs.pair(5)
        let results = await CredentialVerifier(configuration: .init(endpoint: endpoint)).verify([pair], clock: VirtualClock())
        try await server.stop()
        #expect(results[pair]?.status == .live)
        #expect(results[pair]?.host == "localhost:\(server.port)")
        #expect(server.requests.map(\.hostHeader) == ["localhost:\(server.port)"])
    }

    @Test func documentationExampleIsNeverSent() async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: 200) }
        let example = try SirportlyCredentialPair(
            token: "d3f269a9-932e-eeb0-05e7-14fdff8696b2", secret: "us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d")
        let results = try await Self.verifier(server).verify([example], clock: VirtualClock())
        try await server.stop()
        #expect(results[example]?.status == .unknown(reason: "documentation example value, not sent"))
        #expect(server.requests.isEmpty)
    }

    /// Results are what reports carry: nothing in them may reveal the secret.
    @Test func resultsHoldNoCredential() async throws {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: 200) }
        let pair = TestPairs.pair(6)
        let results = try await Self.verifier(server).verify([pair], clock: VirtualClock())
        try await server.stop()
        let result = try #require(results[pair])
        let dumped = String(reflecting: result) + "\(result)"
        #expect(!dumped.contains(pair.secret))
        #expect(!dumped.contains(pair.token))
    }
}
