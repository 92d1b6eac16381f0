import Foundation

/// The one place credentials may be sent: a Sirportly API base URL, checked when it is built.
///
/// Rules (each one a test in `VerificationEndpointTests`):
/// - `https` only. Plain `http` is accepted for loopback hosts alone (`localhost`, `127.0.0.0/8`,
///   `::1`), so that tests can run a mock server; any other `http` URL is refused.
/// - A host is required; user info (`user:pass@`), a query and a fragment are refused, so the URL
///   cannot smuggle anything into the request.
/// - An optional path prefix is kept (a self-hosted install may live under `/sirportly`); the API
///   path is appended to it.
///
/// The default is Sirportly's hosted API, `https://api.sirportly.com`.
public struct SirportlyEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// `https` or (loopback only) `http`.
    public let scheme: String
    /// The host name or address, lowercased, without brackets for IPv6.
    public let host: String
    /// The port if one was given.
    public let port: Int?
    /// The path prefix without a trailing slash ("" for none).
    public let pathPrefix: String

    /// Sirportly's hosted API.
    public static let hosted = try! SirportlyEndpoint("https://api.sirportly.com")

    /// The read-only call used to verify a pair: lists ticket statuses.
    public static let verificationPath = "/api/v2/objects/statuses"

    /// Why a base URL was refused.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        public var url: String
        public var reason: String
        public var description: String { "refusing Sirportly URL \(url.debugDescription): \(reason)" }
    }

    /// Parses and checks a base URL such as `https://help.example.com` or `http://127.0.0.1:8080`.
    public init(_ string: String) throws(Refusal) {
        func refuse(_ reason: String) -> Refusal { Refusal(url: string, reason: reason) }
        guard let components = URLComponents(string: string), let rawScheme = components.scheme else {
            throw refuse("not an absolute URL")
        }
        let scheme = rawScheme.lowercased()
        guard let rawHost = components.host, !rawHost.isEmpty else { throw refuse("no host") }
        var host = rawHost.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard components.user == nil, components.password == nil else { throw refuse("user info is not allowed") }
        guard components.query == nil else { throw refuse("a query is not allowed") }
        guard components.fragment == nil else { throw refuse("a fragment is not allowed") }
        switch scheme {
        case "https": break
        case "http":
            guard Self.isLoopback(host) else {
                throw refuse("plain http is allowed for loopback hosts only; use https")
            }
        default: throw refuse("scheme must be https")
        }
        if let port = components.port, !(1...65535).contains(port) { throw refuse("port out of range") }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        self.scheme = scheme
        self.host = host
        self.port = components.port
        self.pathPrefix = path
    }

    /// Whether `host` names this machine: `localhost`, an address in 127.0.0.0/8, or `::1`.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in UInt8(part).map { _ in !part.isEmpty } ?? false }
    }

    /// `host` or `host:port`, as shown in reports ("verified against …").
    public var authority: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return port.map { "\(shownHost):\($0)" } ?? shownHost
    }

    /// The full URL of the verification call.
    public var verificationURL: String { "\(scheme)://\(authority)\(pathPrefix)\(Self.verificationPath)" }

    public var description: String { "\(scheme)://\(authority)\(pathPrefix)" }
}
