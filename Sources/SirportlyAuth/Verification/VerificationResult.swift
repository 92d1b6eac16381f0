import Foundation

/// What Sirportly said about one credential pair.
public enum VerificationStatus: Sendable, Hashable, CustomStringConvertible {
    /// The API accepted the pair: the credential works and must be revoked.
    case live
    /// The API refused the pair as unknown or wrong.
    case rejected
    /// A 403 that reads as an IP-address or permission restriction on a real credential: the pair
    /// exists but this machine may not use it. Not dead: treat it as a leak.
    case restricted
    /// No verdict: timeout, network or TLS error, a redirect (never followed), an unexpected status
    /// or an ambiguous refusal. `reason` is written by TokenAudit, never copied from the response.
    case unknown(reason: String)

    /// `live`, `rejected`, `restricted` or `unknown` (the machine-readable name in reports).
    public var name: String {
        switch self {
        case .live: "live"
        case .rejected: "rejected"
        case .restricted: "restricted"
        case .unknown: "unknown"
        }
    }

    /// The reason for `unknown`, nil otherwise.
    public var reason: String? {
        if case .unknown(let reason) = self { return reason }
        return nil
    }

    public var description: String { reason.map { "unknown (\($0))" } ?? name }
}

/// The verdict on one pair, when it was reached and against which host. Holds no credential, so
/// it can be written into any report; the pair it belongs to is the key it is stored under.
public struct VerificationResult: Sendable, Hashable {
    public var status: VerificationStatus
    /// `host` or `host:port` of the endpoint that was asked (see `SirportlyEndpoint.authority`).
    public var host: String
    /// When the verdict was reached.
    public var checkedAt: Date

    public init(status: VerificationStatus, host: String, checkedAt: Date) {
        self.status = status
        self.host = host
        self.checkedAt = checkedAt
    }
}

/// How an HTTP response to the verification call maps to a status.
///
/// - 2xx: `live`.
/// - 401: `rejected`, whatever the body says.
/// - 403: the body decides (JSON `error`/`message`/`errors` or plain text, compared lowercased):
///   words of a restriction on a real credential (`ip address`, `source ip`, `not allowed from`,
///   `permission`, `not permitted`, `restricted`, `not authorised/authorized for`) give
///   `restricted`; words of a bad credential (`invalid`, `incorrect`, `unknown token`,
///   `no token`, `not found`, `authentication failed`, `access denied`, `token/secret`) give
///   `rejected`; anything else is `unknown`, because a 403 alone cannot tell a dead credential
///   from a restricted live one.
/// - 3xx: `unknown` ("redirect not followed"): redirects are never followed.
/// - 429: `unknown` ("rate limited by the server"); 5xx and the rest: `unknown` with the status.
public enum VerificationResponseClassifier {
    static let restrictionWords = [
        "ip address", "source ip", "your ip", "ip not", "not allowed from", "permission", "not permitted",
        "restricted", "not authorised for", "not authorized for",
    ]
    static let rejectionWords = [
        "invalid", "incorrect", "unknown token", "no token", "not found", "authentication failed",
        "access denied", "token/secret", "bad token", "bad secret",
    ]

    /// The status for an HTTP response `status` code with (at most the first 64 KiB of) `body`.
    public static func classify(status: Int, body: some Collection<UInt8>) -> VerificationStatus {
        switch status {
        case 200..<300: return .live
        case 401: return .rejected
        case 403: return classifyForbidden(body: String(decoding: body, as: UTF8.self).lowercased())
        case 300..<400: return .unknown(reason: "redirect (HTTP \(status)) not followed")
        case 429: return .unknown(reason: "rate limited by the server (HTTP 429)")
        default: return .unknown(reason: "unexpected HTTP status \(status)")
        }
    }

    private static func classifyForbidden(body: String) -> VerificationStatus {
        if restrictionWords.contains(where: body.contains) { return .restricted }
        if rejectionWords.contains(where: body.contains) { return .rejected }
        return .unknown(reason: "HTTP 403 without a recognised reason (restricted or rejected)")
    }
}
