/// One piece of evidence that fired for a finding: a stable id and its weight in the decision.
///
/// Findings carry the evidence that made them (strongest first), so that a user can see why a
/// value was reported, trust it, or tune the rule that fired. Weights are in `[-1, 1]`: positive
/// evidence supports the value being a live credential, negative evidence (example material, a
/// known example) lowers the finding's severity without hiding it.
///
/// ## The ids and their weights
/// | id | weight | fires when |
/// |---|---|---|
/// | `pattern` | 0.5 | a rule's pattern or exact shape matched (every finding has it) |
/// | `key-name` | 0.6 | a context `key` regex held for the value's name (`X-Auth-Token`, `SIRPORTLY_SECRET`) |
/// | `client-argument` | 0.6 | the key regex held for a call argument (`Sirportly::Client.new(0)`) |
/// | `sirportly-mention` | 0.3 | a context alternative needed the file to mention Sirportly, and it does |
/// | `nearby-word` | 0.3 | a context alternative needed a word near the value (`secret` near a token) |
/// | `paired-secret` | 0.8 | the value was paired with its partner (token + secret): a credential pair |
/// | `password-key` | 0.6 | a stored password's key ends in `password`, `passwd`, `passphrase`, `passwort` |
/// | `short-password-key` | 0.2 | the key ends in `pass`, `pw` or `pwd` only |
/// | `quoted-literal` | 0.3 | the value is a quoted literal |
/// | `bare-literal` | 0.1 | the value is written bare where bare words are values (config, shell) |
/// | `mixed-character-classes` | 0.2 | the value mixes three of lower, upper, digits, symbols |
/// | `test-fixture` | -0.5 | the path is a test fixture (`PathRole`): severity lowered |
/// | `documentation` | -0.5 | the path is documentation or an example (`PathRole`): severity lowered |
/// | `known-example` | -1.0 | the value is one printed in a provider's documentation |
public struct FindingEvidence: Sendable, Hashable {
    /// The kinds of evidence, with their stable ids and weights.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case pattern
        case keyName = "key-name"
        case clientArgument = "client-argument"
        case sirportlyMention = "sirportly-mention"
        case nearbyWord = "nearby-word"
        case pairedSecret = "paired-secret"
        case passwordKey = "password-key"
        case shortPasswordKey = "short-password-key"
        case quotedLiteral = "quoted-literal"
        case bareLiteral = "bare-literal"
        case mixedCharacterClasses = "mixed-character-classes"
        case testFixture = "test-fixture"
        case documentation
        case knownExample = "known-example"

        /// The weight documented in the table above.
        public var weight: Double {
            switch self {
            case .pattern: 0.5
            case .keyName, .clientArgument, .passwordKey: 0.6
            case .sirportlyMention, .nearbyWord, .quotedLiteral: 0.3
            case .pairedSecret: 0.8
            case .shortPasswordKey, .mixedCharacterClasses: 0.2
            case .bareLiteral: 0.1
            case .testFixture, .documentation: -0.5
            case .knownExample: -1.0
            }
        }
    }

    public var id: String
    public var weight: Double

    public init(id: String, weight: Double) {
        self.id = id
        self.weight = weight
    }

    public init(_ kind: Kind) {
        self.init(id: kind.rawValue, weight: kind.weight)
    }

    /// Sorts strongest first (by absolute weight, then id), without duplicates.
    public static func ordered(_ items: [FindingEvidence]) -> [FindingEvidence] {
        var seen = Set<String>()
        return items.filter { seen.insert($0.id).inserted }.sorted {
            abs($0.weight) != abs($1.weight) ? abs($0.weight) > abs($1.weight) : $0.id < $1.id
        }
    }
}
