extension BuiltinRules {
    /// Built-in passwords rules, in the same TOML schema users write in `.tokenaudit.toml` (docs/RULES.md).
    static let passwordsTOML = #"""
    """#
}
