extension BuiltinRules {
    /// Built-in providers rules, in the same TOML schema users write in `.tokenaudit.toml` (docs/RULES.md).
    static let providersTOML = #"""
    """#
}
