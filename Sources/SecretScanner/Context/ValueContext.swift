/// Where a candidate value sits, as far as the bytes around it tell.
///
/// Produced by `ContextAnalyzer.context(of:in:)`. Names keep the text as written (no case
/// change); syntax around them is removed: quotes, sigils (`$`, `@`, `:` of a Ruby symbol, the
/// dashes of a `--flag`), and member-access chains are split, so `config.sirportly.secret = "v"`
/// gives `key` "secret" and `keyPath` ["config", "sirportly"]. Comparisons against these names are
/// case-insensitive (see `ContextAnalyzer.holds`).
public struct ValueContext: Sendable, Hashable {
    /// Nearest key/header/variable/setting name: "X-Auth-Token", "SIRPORTLY_SECRET", "token".
    public var key: String?
    /// Enclosing YAML/JSON keys, INI section, PHP array keys, XML elements, and the leading parts
    /// of a member chain, outermost first: ["sirportly"].
    public var keyPath: [String]
    /// The function/constructor the value is an argument of: "Sirportly::Client.new". A `new`
    /// keyword is not part of it (`new SirportlyClient(…)` gives "SirportlyClient").
    public var callee: String?
    /// 0-based position among that call's arguments (of the argument that contains the value,
    /// which may be an object literal holding it).
    public var argumentIndex: Int?

    public init(key: String? = nil, keyPath: [String] = [], callee: String? = nil, argumentIndex: Int? = nil) {
        self.key = key
        self.keyPath = keyPath
        self.callee = callee
        self.argumentIndex = argumentIndex
    }

    /// No key, no enclosing structure, no call: nothing ties the value to a name.
    public var isEmpty: Bool { key == nil && keyPath.isEmpty && callee == nil && argumentIndex == nil }
}
