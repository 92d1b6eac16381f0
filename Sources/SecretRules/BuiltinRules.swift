/// The rules compiled into the binary, as TOML sources in the user schema (docs/RULES.md).
public enum BuiltinRules {
    /// Every built-in rule pack: (name, TOML source). Order is the order of `rules list`.
    public static let sources: [(name: String, toml: String)] = [
        ("sirportly", sirportlyTOML),
        ("passwords", passwordsTOML),
        ("providers", providersTOML),
    ]
}
