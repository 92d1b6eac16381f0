extension BuiltinRules {
    /// Built-in sirportly rules, in the same TOML schema users write in `.tokenaudit.toml` (docs/RULES.md).
    static let sirportlyTOML = #"""
    """#
}
