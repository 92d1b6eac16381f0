/// The rules compiled into the binary, as TOML sources in the user schema (docs/RULES.md).
public enum BuiltinRules {
    /// Every built-in rule pack: (name, TOML source). Order is the order of `rules list`.
    public static let sources: [(name: String, toml: String)] = [
        ("sirportly", sirportlyTOML),
        ("passwords", passwordsTOML),
        ("providers", providersTOML),
    ]

    /// The path a built-in pack's errors are reported against: `builtin:<name>`.
    public static func path(ofPack name: String) -> String { "builtin:\(name)" }

    /// Every built-in rule, packs in `sources` order and rules in file order within a pack.
    ///
    /// The packs are parsed once, on first use (Swift initialises a `static let` exactly once, even
    /// when several threads ask at the same time), and the result is cached. Patterns are not
    /// compiled here — the engine compiles only the rules a scan needs; `RuleChecker` (run by the
    /// test suite and `tokenaudit rules check`) verifies that every pattern compiles. A pack that
    /// does not parse is a programming error, reported as the `ConfigError` of the first bad pack.
    public static func all() throws(ConfigError) -> [Rule] {
        try parsed.get()
    }

    private static let parsed: Result<[Rule], ConfigError> = {
        var rules: [Rule] = []
        for (name, toml) in sources {
            let pack = Result { () throws(ConfigError) in
                try ConfigFile.parse(toml, path: path(ofPack: name), compilePatterns: false)
            }
            switch pack {
            case .success(let config): rules += config.rules
            case .failure(let error): return .failure(error)
            }
        }
        return .success(rules)
    }()
}
