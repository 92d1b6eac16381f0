import SecretReport
import SirportlyAuth
import TokenFormat

/// `validate headers --verify`: the account-authentication pairs (`X-Auth-Token` with
/// `X-Auth-Secret`, both well formed) of every audited request, verified once per unique pair
/// after the audit, one result line per pair.
struct HeaderPairVerification {
    let endpoint: SirportlyEndpoint
    private(set) var pairs: [SirportlyCredentialPair] = []

    init(endpoint: SirportlyEndpoint) { self.endpoint = endpoint }

    /// Keeps the request's pair, if it sends a whole, well-formed one; a lone value is never kept.
    mutating func collect(_ audit: RequestAudit) {
        guard let token = audit.headers.first(where: { $0.header == SirportlyToken.headerName }),
              let secret = audit.headers.first(where: { $0.header == SirportlySecret.headerName }),
              let pair = try? SirportlyCredentialPair(
                  token: String(decoding: token.value, as: UTF8.self),
                  secret: String(decoding: secret.value, as: UTF8.self))
        else { return }
        pairs.append(pair)
    }

    /// Verifies the collected pairs, prints one line per unique pair (in first-seen order) and a
    /// summary leading with the live count on standard error; returns 1 when a pair is live.
    func run(format: ValidateOutputFormat, redact: Bool, output: ByteOutput) -> Int32 {
        var unique: [SirportlyCredentialPair] = []
        var seen = Set<SirportlyCredentialPair>()
        for pair in pairs where seen.insert(pair).inserted { unique.append(pair) }
        let verifier = CredentialVerifier(configuration: .init(endpoint: endpoint))
        let toVerify = unique
        let results = ScanVerification.waitFor { await verifier.verify(toVerify) }
        var counts: [String: Int] = [:]
        for pair in unique {
            guard let result = results[pair] else { continue }
            counts[result.status.name, default: 0] += 1
            let token = CredentialDisplay.string(Array(pair.token.utf8), redact: redact)
            let when = VerificationMap.timestamp(result.checkedAt)
            switch format {
            case .text:
                output.append("verified: X-Auth-Token \(token) with its X-Auth-Secret: "
                    + "\(result.status.name == "live" ? "LIVE" : result.status.description) against \(result.host) at \(when)")
            case .json:
                var json = JSONWriter(style: .compact)
                json.beginObject()
                json.key("verification")
                json.beginObject()
                json.field("token", token)
                json.field("redacted", redact)
                json.field("status", result.status.name)
                json.field("reason", result.status.reason)
                json.field("host", result.host)
                json.field("checkedAt", when)
                json.endContainer()
                json.endContainer()
                output.append(json.take())
            }
            output.endLine()
        }
        output.flush()
        let live = counts["live"] ?? 0
        if format == .text {
            let rest = ["restricted", "rejected", "unknown"].map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
            StandardStreams.writeError("\(live) live Sirportly credential \(live == 1 ? "pair" : "pairs") (\(rest)) verified against \(endpoint.authority)\n")
        }
        return live > 0 ? 1 : 0
    }
}
