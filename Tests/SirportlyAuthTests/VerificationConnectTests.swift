import Foundation
import SirportlyAuthMock
@testable import SirportlyAuth
import Testing

/// Connecting is bounded on its own: a refused connection is an answer, not something to retry
/// until the request's deadline. The tests assert the reason given, never the time taken.
@Suite("Verification connect failures")
struct VerificationConnectTests {
    /// A loopback port nobody listens on: a mock server's, after it stopped.
    static func closedPort() async throws -> Int {
        let server = try await MockSirportlyServer.start { _ in MockResponse(status: 200) }
        let port = server.port
        try await server.stop()
        return port
    }

    /// Regression: a refused connection was retried until the request timeout and then reported
    /// as a `timeout`. With generous timeouts, a retry loop would end in `timeout`; the refusal
    /// itself must come back as `connection refused`.
    @Test func refusedConnectionIsUnknownWithItsReason() async throws {
        let port = try await Self.closedPort()
        let verifier = CredentialVerifier(configuration: .init(
            endpoint: try SirportlyEndpoint("http://127.0.0.1:\(port)"), requestsPerSecond: 1000,
            timeout: .seconds(60), connectTimeout: .seconds(60)))
        let pairs = [TestPairs.pair(40), TestPairs.pair(41)]
        let results = try await verifier.verify(pairs, clock: VirtualClock())
        for pair in pairs {
            #expect(results[pair]?.status == .unknown(reason: "connection refused"))
            #expect(results[pair]?.host == "127.0.0.1:\(port)")
        }
    }

    @Test(arguments: [(Duration.seconds(10), Duration.seconds(3), Duration.seconds(3)), (.seconds(2), .seconds(5), .seconds(2))])
    func connectTimeoutIsSeparateAndAtMostTheRequestTimeout(timeout: Duration, connect: Duration, expected: Duration) throws {
        let configuration = CredentialVerifier.Configuration(
            endpoint: try SirportlyEndpoint("http://127.0.0.1:1"), timeout: timeout, connectTimeout: connect)
        #expect(configuration.connectTimeout == expected)
        let client = CredentialVerifier.clientConfiguration(configuration)
        #expect(client.timeout.connect == CredentialVerifier.timeAmount(expected))
        #expect(client.timeout.read == CredentialVerifier.timeAmount(timeout))
        #expect(client.connectionPool.retryConnectionEstablishment == false)
    }
}
