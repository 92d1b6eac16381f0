import TokenFormat

/// A Sirportly API token and the secret found with it: the only thing live verification accepts.
///
/// Verification never sends a value on its own. A lone token or a lone secret cannot be verified
/// (Sirportly needs both, and guessing the other half would be probing), so the type can only be
/// built from a well-formed token *and* a well-formed secret (`SirportlyToken.validate` and
/// `SirportlySecret.validate` from TokenFormat). Two pairs are equal when both halves are equal.
///
/// The secret is never part of the description: `"\(pair)"` shows the token's redacted form only.
public struct SirportlyCredentialPair: Sendable, Hashable, CustomStringConvertible {
    /// The 36-character API token (the `X-Auth-Token` header).
    public let token: String
    /// The 50-character API secret (the `X-Auth-Secret` header).
    public let secret: String

    /// Why a pair could not be built.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case token(FormatValidation)
        case secret(FormatValidation)

        public var description: String {
            switch self {
            case .token(let validation): "token is not a Sirportly API token: \(validation.reason ?? "invalid")"
            case .secret(let validation): "secret is not a Sirportly API secret: \(validation.reason ?? "invalid")"
            }
        }
    }

    /// A pair from a token and a secret, both of which must have Sirportly's exact shape.
    public init(token: String, secret: String) throws(Problem) {
        let tokenCheck = SirportlyToken.validate(token)
        guard tokenCheck.isValid else { throw .token(tokenCheck) }
        let secretCheck = SirportlySecret.validate(secret)
        guard secretCheck.isValid else { throw .secret(secretCheck) }
        self.token = token
        self.secret = secret
    }

    /// Whether either half is one of the example values printed in Sirportly's documentation.
    /// Such a pair is public knowledge and never sent.
    public var isDocumentationExample: Bool {
        token == KnownExamples.token || secret == KnownExamples.secret
    }

    /// The token redacted by the project's one policy; the secret is not shown at all.
    public var description: String {
        "SirportlyCredentialPair(token: \(Redaction.redact(token)), secret: <not shown>)"
    }
}
