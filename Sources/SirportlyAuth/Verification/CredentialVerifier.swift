import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Opt-in live verification of Sirportly credential pairs, safe by construction.
///
/// `verify(_:)` asks the configured endpoint, once per unique pair, whether the pair works, with a
/// cheap read-only call (`POST /api/v2/objects/statuses` with `X-Auth-Token` and `X-Auth-Secret`).
///
/// Safety rules, each enforced here and tested in `VerificationTests`:
/// - Only whole pairs are sent (`SirportlyCredentialPair` cannot hold half of one); the
///   documentation's example values are never sent (`unknown`, "documentation example").
/// - Credentials go to `configuration.endpoint` only: the endpoint checks its URL (https, or http
///   on loopback), redirects are never followed (a 3xx is `unknown`), no proxy is configured and
///   TLS certificates are verified.
/// - At most `maxConcurrentRequests` requests in flight and at most `requestsPerSecond` starts per
///   second to the host; each request has a `timeout` (a timeout is `unknown`, never `rejected`).
/// - Connecting has its own, shorter `connectTimeout`, and a connection that fails (refused, no
///   route, DNS) is not retried: the pair is `unknown` with the reason at once, instead of after
///   the whole request `timeout` spent retrying.
/// - Each unique pair is sent exactly once per call, however often it appears in the input.
/// - Results hold no credential and nothing is written to disk; the caller keeps the map in memory.
public struct CredentialVerifier: Sendable {
    /// How and where to verify.
    public struct Configuration: Sendable {
        /// The only place credentials are sent. Default: Sirportly's hosted API.
        public var endpoint: SirportlyEndpoint
        /// Most requests in flight at once to the endpoint's host.
        public var maxConcurrentRequests: Int
        /// Most request starts per second to the endpoint's host.
        public var requestsPerSecond: Double
        /// Time allowed for one request, from connecting to the end of the response.
        public var timeout: Duration
        /// Time allowed to establish the connection (at most `timeout`).
        public var connectTimeout: Duration
        /// The most response body read to classify a refusal.
        public var maxBodyBytes: Int

        public init(
            endpoint: SirportlyEndpoint = .hosted, maxConcurrentRequests: Int = 4, requestsPerSecond: Double = 5,
            timeout: Duration = .seconds(10), connectTimeout: Duration = .seconds(3), maxBodyBytes: Int = 64 * 1024
        ) {
            self.endpoint = endpoint
            self.maxConcurrentRequests = max(1, maxConcurrentRequests)
            self.requestsPerSecond = requestsPerSecond > 0 ? requestsPerSecond : 1
            self.timeout = timeout
            self.connectTimeout = min(connectTimeout, timeout)
            self.maxBodyBytes = max(0, maxBodyBytes)
        }

        /// The least time between two request starts.
        var interval: Duration { .nanoseconds(Int64((1_000_000_000 / requestsPerSecond).rounded(.up))) }
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Verifies every unique pair in `pairs` once and returns one result per unique pair.
    public func verify(_ pairs: some Sequence<SirportlyCredentialPair>) async -> [SirportlyCredentialPair: VerificationResult] {
        await verify(pairs, clock: ContinuousClock())
    }

    /// `verify(_:)` with the clock that paces requests (tests pass a virtual clock).
    public func verify<C: Clock>(
        _ pairs: some Sequence<SirportlyCredentialPair>, clock: C
    ) async -> [SirportlyCredentialPair: VerificationResult] where C.Duration == Duration {
        var seen = Set<SirportlyCredentialPair>()
        var unique: [SirportlyCredentialPair] = []
        for pair in pairs where seen.insert(pair).inserted { unique.append(pair) }
        var results: [SirportlyCredentialPair: VerificationResult] = [:]
        let host = configuration.endpoint.authority
        var toSend: [SirportlyCredentialPair] = []
        for pair in unique {
            if pair.isDocumentationExample {
                results[pair] = VerificationResult(
                    status: .unknown(reason: "documentation example value, not sent"), host: host, checkedAt: Date())
            } else {
                toSend.append(pair)
            }
        }
        guard !toSend.isEmpty else { return results }

        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Self.clientConfiguration(configuration))
        let gate = RequestGate(clock: clock, interval: configuration.interval, maxInFlight: configuration.maxConcurrentRequests)
        let configuration = self.configuration
        await withTaskGroup(of: (SirportlyCredentialPair, VerificationResult).self) { group in
            for pair in toSend {
                group.addTask {
                    let start = await gate.enter()
                    try? await clock.sleep(until: start, tolerance: nil)
                    let status = await Self.send(pair, with: client, configuration: configuration)
                    await gate.leave()
                    return (pair, VerificationResult(status: status, host: host, checkedAt: Date()))
                }
            }
            for await (pair, result) in group { results[pair] = result }
        }
        try? await client.shutdown()
        return results
    }

    /// The HTTP client settings that keep credentials at the endpoint.
    static func clientConfiguration(_ configuration: Configuration) -> HTTPClient.Configuration {
        var pool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: configuration.maxConcurrentRequests)
        // A failed connection is an answer (`unknown`, with why), not something to retry until
        // the request's deadline.
        pool.retryConnectionEstablishment = false
        return HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(
                connect: timeAmount(configuration.connectTimeout), read: timeAmount(configuration.timeout)),
            connectionPool: pool,
            proxy: nil,
            decompression: .disabled)
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(Int64(duration.components.seconds) * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// Sends the verification call for one pair and classifies the answer.
    static func send(
        _ pair: SirportlyCredentialPair, with client: HTTPClient, configuration: Configuration
    ) async -> VerificationStatus {
        var request = HTTPClientRequest(url: configuration.endpoint.verificationURL)
        request.method = .POST
        request.headers.add(name: "X-Auth-Token", value: pair.token)
        request.headers.add(name: "X-Auth-Secret", value: pair.secret)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "tokenaudit-verify")
        request.body = .bytes(ByteBuffer())
        let deadline = NIODeadline.now() + timeAmount(configuration.timeout)
        do {
            let response = try await client.execute(request, deadline: deadline)
            var body = ByteBuffer()
            // Read at most maxBodyBytes (only a refusal's body is looked at); stopping early closes
            // the connection instead of reading an endless answer.
            for try await var chunk in response.body {
                let room = configuration.maxBodyBytes - body.readableBytes
                if room <= 0 { break }
                if chunk.readableBytes > room { chunk = chunk.getSlice(at: chunk.readerIndex, length: room) ?? chunk }
                body.writeBuffer(&chunk)
            }
            return VerificationResponseClassifier.classify(
                status: Int(response.status.code), body: body.readableBytesView)
        } catch let error as HTTPClientError {
            switch error {
            case .connectTimeout:
                return .unknown(reason: "connect timeout")
            case .deadlineExceeded, .readTimeout, .getConnectionFromPoolTimeout:
                return .unknown(reason: "timeout")
            default:
                return .unknown(reason: "network error")
            }
        } catch {
            return .unknown(reason: Self.describe(error))
        }
    }

    /// A short, credential-free description of a transport error.
    static func describe(_ error: any Error) -> String {
        if error is CancellationError { return "cancelled" }
        if let io = error as? IOError {
            return io.errnoCode == ECONNREFUSED ? "connection refused" : "network error (errno \(io.errnoCode))"
        }
        // NIO reports a refused connect as NIOConnectionError (NIOPosix) listing each address's
        // IOError; its description is read only to pick one of our fixed reasons.
        if String(describing: error).lowercased().contains("connection refused") { return "connection refused" }
        return "network error"
    }
}
