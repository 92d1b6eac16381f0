// The `anchor` / `maxKeywordDistance` pair of rule fields and `keywordGuard`: how they are checked
// when a rule is read.

extension ConfigDecoder {
    /// Largest `maxKeywordDistance`: the engine's default window reach.
    static let maxKeywordDistanceLimit = 4096

    /// `anchor = "keyword"` needs keywords, a regex, no shape and a `maxKeywordDistance`;
    /// `maxKeywordDistance` means nothing without the anchor.
    /// `keywordGuard` filters keyword hits, so it needs keywords and a regex to run where they are.
    func checkAnchor(_ rule: Rule, _ t: TOMLTable, header: SourcePosition) throws(ConfigError) {
        if rule.keywordGuard != nil, rule.keywords.isEmpty || rule.regex == nil || rule.shape != nil {
            throw ConfigError(path: path, at: t["keywordGuard"]?.keyPosition ?? header,
                              "`keywordGuard` filters keyword hits: it needs `keywords` and a `regex` (and no `shape`)")
        }
        let at = t["anchor"]?.keyPosition ?? t["maxKeywordDistance"]?.keyPosition ?? header
        switch rule.anchor {
        case .window:
            if rule.maxKeywordDistance != nil {
                throw ConfigError(path: path, at: at, "`maxKeywordDistance` applies only with `anchor = \"keyword\"`; add the anchor or remove the distance")
            }
        case .keyword:
            if rule.keywords.isEmpty || rule.regex == nil || rule.shape != nil {
                throw ConfigError(path: path, at: at, "`anchor = \"keyword\"` needs `keywords` and a `regex` (and no `shape`): matches are tried only near keyword hits")
            }
            if rule.maxKeywordDistance == nil {
                throw ConfigError(path: path, at: at, "`anchor = \"keyword\"` needs `maxKeywordDistance`: the most bytes a match may start before its keyword")
            }
        }
    }
}
