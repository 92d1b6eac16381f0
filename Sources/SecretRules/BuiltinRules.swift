import Dispatch
import Locking

/// The rules compiled into the binary: the TOML packs in `Sources/SecretRules/Builtin/`, written in
/// the user schema (docs/RULES.md) and embedded at build time by the EmbedRulePacks plugin as
/// `embeddedPacks`.
public enum BuiltinRules {
    /// The order of the packs in `rules list` (and so in the committed snapshot). A pack file not
    /// named here follows these, in file-name order, so a new pack needs no line anywhere.
    static let listingOrder = [
        "sirportly", "passwords", "cloud-and-code-hosting", "chat-and-payments", "cloud-platforms", "email-and-sms",
        "package-registries", "platforms-and-commerce", "ai", "hosting-and-data", "observability", "infrastructure",
        "developer-services", "more-providers", "generic",
    ]

    /// Every built-in rule pack: (name, TOML source), `name` being the file name without `.toml`.
    /// Order is the order of `rules list`.
    public static let sources: [(name: String, toml: String)] = packs.map { ($0.name, $0.toml) }

    /// The embedded packs in listing order, each with its rules as compiled at build time.
    private static let packs: [(name: String, toml: String, compiled: String)] = {
        let packs = embeddedPacks.map { (name: String($0.file.dropLast(".toml".count)), toml: $0.toml, compiled: $0.compiled) }
        func rank(_ name: String) -> Int { listingOrder.firstIndex(of: name) ?? listingOrder.count }
        return packs.sorted { a, b in
            rank(a.name) != rank(b.name) ? rank(a.name) < rank(b.name) : a.name < b.name
        }
    }()

    /// The path a built-in pack's errors are reported against, as in the repository:
    /// `Sources/SecretRules/Builtin/<name>.toml`.
    public static func path(ofPack name: String) -> String { "Sources/SecretRules/Builtin/\(name).toml" }

    /// Every built-in rule, packs in `sources` order and rules in file order within a pack.
    ///
    /// The packs are parsed once, on first use (Swift initialises a `static let` exactly once, even
    /// when several threads ask at the same time), and the result is cached. Patterns are not
    /// compiled here — the engine compiles only the rules a scan needs; `RuleChecker` (run by the
    /// test suite and `tokenaudit rules check`) verifies that every pattern compiles. A pack that
    /// does not parse is a programming error, reported as the `ConfigError` of the first bad pack.
    public static func all() throws(ConfigError) -> [Rule] {
        try parsed.get().rules
    }

    /// Where each built-in rule's examples are written (`path(ofPack:)` and positions), by rule id.
    public static func exampleLocations() throws(ConfigError) -> [String: ExampleLocations] {
        try parsed.get().locations
    }

    /// Every built-in rule as a scan needs it: `all()` without `examples` and `negativeExamples`,
    /// read from the form the build compiled them to (the EmbedRulePacks plugin parses and checks
    /// every pack at build time and writes its rules with `RulePackCodec`), which takes a small
    /// fraction of the time parsing the TOML does. Start-up latency is what a pre-commit hook
    /// feels. The tests check that this equals `all()` without the examples.
    public static func forScanning() throws(ConfigError) -> [Rule] {
        try compiled.get()
    }

    /// Reads the compiled rules now, if no one has yet (e.g. on another thread while a command
    /// does other start-up work, such as asking git for the work tree).
    public static func prepare() { _ = compiled }

    private static let compiled: Result<[Rule], ConfigError> = {
        var rules: [Rule] = []
        for pack in packs {
            guard let decoded = RulePackCodec.decode(pack.compiled) else {
                // Not expected (the same build wrote it); parsing the TOML gives the same rules.
                return parsed.map { $0.rules.map(withoutExamples) }
            }
            rules += decoded
        }
        return .success(rules)
    }()

    /// `rule` as `forScanning()` holds it.
    static func withoutExamples(_ rule: Rule) -> Rule {
        var rule = rule
        rule.examples = []
        rule.negativeExamples = []
        return rule
    }

    private static let parsed: Result<(rules: [Rule], locations: [String: ExampleLocations]), ConfigError> = {
        var rules: [Rule] = []
        var locations: [String: ExampleLocations] = [:]
        // The packs are independent: parse them on every processor (start-up latency of a
        // pre-commit hook), then merge in `sources` order.
        let packs = Locked([Result<ConfigFile, ConfigError>?](repeating: nil, count: sources.count))
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            let (name, toml) = sources[index]
            let pack = Result { () throws(ConfigError) in
                try ConfigFile.parse(toml, path: path(ofPack: name), compilePatterns: false)
            }
            packs.withLock { $0[index] = pack }
        }
        for pack in packs.withLock({ $0 }) {
            switch pack! {
            case .success(let config):
                rules += config.rules
                locations.merge(config.exampleLocations) { first, _ in first }
            case .failure(let error): return .failure(error)
            }
        }
        return .success((rules, locations))
    }()
}
