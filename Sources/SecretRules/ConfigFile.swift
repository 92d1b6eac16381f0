import PCRE2

/// A configuration problem, pointing at the spot in the file: prints as
/// `path:line:column: error: message`. The message says what is wrong and what to do.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The config file's path as the user named it (`Sources/SecretRules/Builtin/<pack>.toml` for a built-in pack).
    public var path: String
    /// 1-based line and column (columns count Unicode scalars).
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    init(path: String, at position: SourcePosition, _ message: String) {
        self.init(path: path, line: position.line, column: position.column, message: message)
    }

    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}

/// A parsed `.tokenaudit.toml` (or a built-in rule pack, which uses the same schema).
///
/// Schema (docs/RULES.md): top-level `title`; `[extend]` with `useDefault` (default true) and
/// `disabledRules`; `[[rules]]`; global `[[allowlists]]` (gitleaks' singular `[allowlist]` too);
/// TokenAudit settings `failOn` (a severity), `maxFileSize` (bytes, or a string like "10MB") and
/// `sirportlyURL` (the base URL `--verify` uses).
public struct ConfigFile: Sendable, Hashable {
    /// The path errors are reported against.
    public var path: String
    public var title: String?
    /// Whether the built-in rules are used (`[extend] useDefault`, default true).
    public var useDefault: Bool
    /// Ids of built-in rules to leave out (`[extend] disabledRules`).
    public var disabledRules: [String]
    /// The rules defined in this file, in file order.
    public var rules: [Rule]
    /// Global allowlists: they apply to every rule's findings.
    public var allowlists: [Allowlist]
    /// The lowest severity that makes a scan fail (exit 1). Nil: any finding fails.
    public var failOn: Severity?
    /// Files larger than this many bytes are skipped (and reported as skipped). Nil: the default.
    public var maxFileSize: Int?
    /// The Sirportly API base URL `--verify` sends credential pairs to (a self-hosted install);
    /// checked by the command (https, or http on loopback). Nil: Sirportly's hosted API.
    public var sirportlyURL: String?
    /// Where each rule in `rules` was defined (its `[[rules]]` header), by rule id.
    public var rulePositions: [String: SourcePosition]
    /// Where each entry of `disabledRules` was written (same order).
    public var disabledRulePositions: [SourcePosition]
    /// Where each rule's examples and negative examples are written, by rule id.
    public var exampleLocations: [String: ExampleLocations]

    public init(
        path: String = "", title: String? = nil, useDefault: Bool = true, disabledRules: [String] = [],
        rules: [Rule] = [], allowlists: [Allowlist] = [], failOn: Severity? = nil, maxFileSize: Int? = nil
    ) {
        self.path = path
        self.title = title
        self.useDefault = useDefault
        self.disabledRules = disabledRules
        self.rules = rules
        self.allowlists = allowlists
        self.failOn = failOn
        self.maxFileSize = maxFileSize
        self.rulePositions = [:]
        self.disabledRulePositions = []
        self.exampleLocations = [:]
    }

    /// Parses and validates a config. Every pattern (rule `regex`, `decodedRegex`, `path`, context
    /// `key`, allowlist `regexes` and `paths`) is compiled once to report PCRE2's error at the
    /// pattern's position. Throws the first problem found.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFile {
        try parse(text, path: path, compilePatterns: true)
    }

    /// Parses a config; `compilePatterns: false` skips compiling patterns (built-in packs, whose
    /// patterns the rule checker verifies in the test suite, so start-up does not compile every rule).
    public static func parse(_ text: String, path: String, compilePatterns: Bool) throws(ConfigError) -> ConfigFile {
        let document: TOMLDocument
        do {
            document = try TOMLDocument(parsing: text)
        } catch {
            throw ConfigError(path: path, at: error.position, error.message)
        }
        var decoder = ConfigDecoder(path: path, compilePatterns: compilePatterns)
        return try decoder.decodeConfig(document.root)
    }

    /// The rules a scan with this config uses: the built-ins (when `useDefault`) minus
    /// `disabledRules`, with a user rule replacing the built-in of the same id in place, followed
    /// by the user's other rules in file order. A `disabledRules` id that names no built-in rule is
    /// an error (it is usually a typo).
    public func effectiveRules(builtins: [Rule]) throws(ConfigError) -> [Rule] {
        let builtinIDs = Set(builtins.map(\.id))
        for (k, id) in disabledRules.enumerated() where !builtinIDs.contains(id) {
            let position = k < disabledRulePositions.count ? disabledRulePositions[k] : SourcePosition(line: 1, column: 1)
            var message = "`disabledRules` names `\(id)`, which is not a built-in rule"
            if let near = nearestName(id, in: builtins.map(\.id)) { message += "; did you mean `\(near)`?" }
            message += " (`tokenaudit rules list` shows the built-in ids)"
            throw ConfigError(path: path, at: position, message)
        }
        let disabled = Set(disabledRules)
        var userByID: [String: Rule] = [:]
        for rule in rules { userByID[rule.id] = rule }
        var placed = Set<String>()
        var result: [Rule] = []
        if useDefault {
            for rule in builtins where !disabled.contains(rule.id) {
                if let replacement = userByID[rule.id] {
                    result.append(replacement)
                    placed.insert(rule.id)
                } else {
                    result.append(rule)
                }
            }
        }
        for rule in rules where !placed.contains(rule.id) { result.append(rule) }
        return result
    }
}

/// Where a rule's examples are written: the file and the position of each example (and negative
/// example) string, so that `rules check` reports a failing example as `file:line:column`.
public struct ExampleLocations: Sendable, Hashable {
    public var path: String
    /// One position per element of `Rule.examples`.
    public var examples: [SourcePosition]
    /// One position per element of `Rule.negativeExamples`.
    public var negativeExamples: [SourcePosition]

    public init(path: String, examples: [SourcePosition], negativeExamples: [SourcePosition]) {
        self.path = path
        self.examples = examples
        self.negativeExamples = negativeExamples
    }
}

// MARK: - Decoding

/// The nearest of `candidates` to `word` (case-insensitive edit distance), when it is close
/// enough to be a plausible typo.
func nearestName(_ word: String, in candidates: [String]) -> String? {
    let w = Array(word.lowercased().utf8)
    var best: (name: String, distance: Int)?
    for c in candidates {
        let d = editDistance(w, Array(c.lowercased().utf8))
        if d < (best?.distance ?? Int.max) { best = (c, d) }
    }
    guard let best, best.distance <= max(2, w.count / 3) else { return nil }
    return best.name
}

private func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// Reads TOML tables into the rule model, with precise errors.
struct ConfigDecoder {
    let path: String
    let compilePatterns: Bool

    static let topLevelKeys = ["title", "extend", "rules", "allowlists", "allowlist", "failOn", "maxFileSize", "sirportlyURL"]
    static let extendKeys = ["useDefault", "disabledRules"]
    static let ruleKeys = [
        "id", "title", "description", "severity", "keywords", "regex", "secretGroup", "shape", "entropy", "path",
        "decode", "decodedRegex", "pairWith", "references", "tags", "kind", "yields", "value", "window", "anchor", "maxKeywordDistance", "keywordGuard", "base64Documents",
        "examples",
        "negativeExamples", "context", "allowlists", "allowlist",
    ]
    static let contextKeys = ["near", "notNear", "fileMentions", "key", "linesBefore", "linesAfter"]
    static let allowlistKeys = ["description", "regexes", "regexTarget", "paths", "stopwords", "fingerprints", "condition"]

    /// gitleaks keys TokenAudit does not support, with what to do instead.
    static let unsupportedHints: [String: String] = [
        "required": "gitleaks composite rules (`[[rules.required]]`) are not supported; use `pairWith` to pair two rules, or `[[rules.context]]` with `near` for a required neighbour",
        "skipReport": "`skipReport` is not supported; a rule that should not report is better disabled via `[extend] disabledRules`",
        "commits": "commit allowlists are not supported; allow a finding by its `fingerprints` (shown in reports) instead",
        "url": "`[extend] url` is not supported (TokenAudit does not fetch configs); paste the rules into this file",
    ]

    // MARK: config

    mutating func decodeConfig(_ root: TOMLTable) throws(ConfigError) -> ConfigFile {
        var config = ConfigFile(path: path)
        try checkKeys(root, known: Self.topLevelKeys, in: "the top level of the config")
        if let e = root["title"] { config.title = try string(e) }
        if let e = root["extend"] {
            let table = try table(e, in: "[extend]")
            if let p = table["path"] {
                throw ConfigError(path: path, at: p.keyPosition, "`[extend] path` is not supported: TokenAudit extends only its built-in rules; paste the other file's rules into this one")
            }
            try checkKeys(table, known: Self.extendKeys, in: "[extend]")
            if let u = table["useDefault"] { config.useDefault = try bool(u) }
            if let d = table["disabledRules"] {
                for node in try array(d) {
                    config.disabledRules.append(try stringValue(node, key: "disabledRules"))
                    config.disabledRulePositions.append(node.position)
                }
            }
        }
        if let e = root["failOn"] {
            config.failOn = try severity(e)
        }
        if let e = root["maxFileSize"] {
            config.maxFileSize = try fileSize(e)
        }
        if let e = root["sirportlyURL"] {
            config.sirportlyURL = try string(e)
        }
        if let e = root["rules"] {
            var seen: [String: SourcePosition] = [:]
            for node in try tableArray(e, name: "rules") {
                guard case .table(let t) = node.value else { continue }
                let rule = try decodeRule(t, header: node.position)
                if let first = seen[rule.id] {
                    let idPosition = t["id"]?.node.position ?? node.position
                    throw ConfigError(
                        path: path, at: idPosition,
                        "duplicate rule id `\(rule.id)` (first defined at line \(first.line)); give each rule a unique id, or remove one of them")
                }
                seen[rule.id] = node.position
                config.rules.append(rule)
                config.exampleLocations[rule.id] = ExampleLocations(
                    path: path, examples: positions(t["examples"]), negativeExamples: positions(t["negativeExamples"]))
            }
            config.rulePositions = seen
        }
        if let e = root["allowlists"] {
            for node in try tableArray(e, name: "allowlists") {
                guard case .table(let t) = node.value else { continue }
                config.allowlists.append(try decodeAllowlist(t, in: "[[allowlists]]"))
            }
        }
        if let e = root["allowlist"] {
            config.allowlists.append(try decodeAllowlist(try table(e, in: "[allowlist]"), in: "[allowlist]"))
        }
        return config
    }

    // MARK: rules

    /// The positions of an array's elements (empty when absent or not an array).
    func positions(_ e: TOMLEntry?) -> [SourcePosition] {
        guard let e, case .array(let nodes) = e.node.value else { return [] }
        return nodes.map(\.position)
    }

    func decodeRule(_ t: TOMLTable, header: SourcePosition) throws(ConfigError) -> Rule {
        guard let idEntry = t["id"] else {
            throw ConfigError(path: path, at: header, "a [[rules]] entry has no `id`; add `id = \"my-rule-id\"` (kebab-case, unique)")
        }
        let id = try string(idEntry)
        guard !id.isEmpty else {
            throw ConfigError(path: path, at: idEntry.node.position, "a rule id cannot be empty; use a kebab-case id such as `my-service-token`")
        }
        let where_ = "[[rules]] `\(id)`"
        try checkKeys(t, known: Self.ruleKeys, in: where_)

        let description = try t["description"].map { (e) throws(ConfigError) in try string(e) } ?? ""
        let title = try t["title"].map { (e) throws(ConfigError) in try string(e) } ?? (description.isEmpty ? id : description)
        var rule = Rule(id: id, title: title, description: description)
        if let e = t["severity"] { rule.severity = try severity(e) }
        if let e = t["keywords"] {
            rule.keywords = try strings(e)
            if let k = rule.keywords.firstIndex(of: ""), case .array(let nodes) = e.node.value {
                throw ConfigError(path: path, at: nodes[k].position, "an empty keyword would match everywhere; remove it")
            }
        }
        if let e = t["regex"] {
            rule.regex = try string(e)
            try compile(e, caseless: false, what: "regex")
        }
        if let e = t["secretGroup"] {
            let g = try integer(e)
            guard g >= 0 else { throw ConfigError(path: path, at: e.node.position, "`secretGroup` must be 0 (the whole match) or a capture group number, not \(g)") }
            rule.secretGroup = g
        }
        if let e = t["shape"] {
            let s = try string(e)
            guard let shape = Shape(rawValue: s) else {
                throw ConfigError(path: path, at: e.node.position, "unknown shape \"\(s)\"; use one of: \(Shape.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
            }
            rule.shape = shape
        }
        if let e = t["entropy"] {
            let v = try number(e)
            guard v >= 0 && v <= 8 else {
                throw ConfigError(path: path, at: e.node.position, "`entropy` is a Shannon entropy in bits per byte, between 0 and 8; \(v) is out of range")
            }
            rule.entropy = v
        }
        if let e = t["path"] {
            rule.path = try string(e)
            try compile(e, caseless: false, what: "path regex")
        }
        if let e = t["decode"] {
            let s = try string(e)
            guard let enc = Encoding(rawValue: s.lowercased()) else {
                throw ConfigError(path: path, at: e.node.position, "unknown encoding \"\(s)\" for `decode`; use one of: \(Encoding.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
            }
            rule.decode = enc
        }
        if let e = t["decodedRegex"] {
            rule.decodedRegex = try string(e)
            try compile(e, caseless: false, what: "decodedRegex")
            if t["decode"] == nil {
                throw ConfigError(path: path, at: e.keyPosition, "`decodedRegex` applies only to decoded values; add `decode = \"base64\"` (or \"url\"), or remove `decodedRegex`")
            }
        }
        if let e = t["pairWith"] { rule.pairWith = try string(e) }
        if let e = t["references"] { rule.references = try strings(e) }
        if let e = t["tags"] { rule.tags = try strings(e) }
        if let e = t["kind"] { rule.kind = try choice(e, RuleKind.self, meaning: "what the rule reports") }
        if let e = t["yields"] { rule.yields = try choice(e, RuleYielding.self, meaning: "whether the rule's findings give way to other rules'") }
        if let e = t["value"] { rule.value = try choice(e, ValueForm.self, meaning: "whether the secret is a literal, a literal sent as written (verbatim) or a run-time expression") }
        if let e = t["base64Documents"] {
            rule.base64Documents = try strings(e)
            if let k = rule.base64Documents.firstIndex(of: ""), case .array(let nodes) = e.node.value {
                throw ConfigError(path: path, at: nodes[k].position, "an empty `base64Documents` word would match every document; remove it")
            }
        }
        if let e = t["window"] { rule.window = try choice(e, RuleWindow.self, meaning: "how far around a candidate the regex may look") }
        if let e = t["anchor"] { rule.anchor = try choice(e, RuleAnchor.self, meaning: "where the regex's matches may start") }
        if let e = t["maxKeywordDistance"] {
            let n = try integer(e)
            guard (0...Self.maxKeywordDistanceLimit).contains(n) else {
                throw ConfigError(path: path, at: e.node.position, "`maxKeywordDistance` is a byte count from 0 to \(Self.maxKeywordDistanceLimit); \(n) is out of range")
            }
            rule.maxKeywordDistance = n
        }
        if let e = t["keywordGuard"] {
            let guardRegex = try string(e)
            guard !guardRegex.isEmpty else {
                throw ConfigError(path: path, at: e.node.position, "an empty `keywordGuard` would keep every keyword hit; remove it")
            }
            rule.keywordGuard = guardRegex
        }
        try checkAnchor(rule, t, header: header)
        if let e = t["examples"] { rule.examples = try strings(e) }
        if let e = t["negativeExamples"] { rule.negativeExamples = try strings(e) }
        if let e = t["context"] {
            for node in try tableArray(e, name: "rules.context") {
                guard case .table(let ct) = node.value else { continue }
                rule.context.append(try decodeContext(ct, at: node.position, in: "[[rules.context]] of `\(id)`"))
            }
        }
        if let e = t["allowlists"] {
            for node in try tableArray(e, name: "rules.allowlists") {
                guard case .table(let at) = node.value else { continue }
                rule.allowlists.append(try decodeAllowlist(at, in: "[[rules.allowlists]] of `\(id)`"))
            }
        }
        if let e = t["allowlist"] {
            rule.allowlists.append(try decodeAllowlist(try table(e, in: "[rules.allowlist] of `\(id)`"), in: "[rules.allowlist] of `\(id)`"))
        }
        if rule.regex == nil && rule.shape == nil {
            throw ConfigError(
                path: path, at: header,
                "rule `\(id)` has neither `regex` nor `shape`; add `regex = '...'` (a PCRE2 pattern with the secret in a capture group) or `shape = \"sirportly-token\"`")
        }
        return rule
    }

    func decodeContext(_ t: TOMLTable, at position: SourcePosition, in where_: String) throws(ConfigError) -> ContextRequirement {
        try checkKeys(t, known: Self.contextKeys, in: where_)
        var c = ContextRequirement()
        if let e = t["near"] { c.near = try strings(e) }
        if let e = t["notNear"] { c.notNear = try strings(e) }
        if let e = t["fileMentions"] { c.fileMentions = try strings(e) }
        if let e = t["key"] {
            c.key = try string(e)
            try compile(e, caseless: true, what: "context key regex")
        }
        if let e = t["linesBefore"] { c.linesBefore = try lineCount(e) }
        if let e = t["linesAfter"] { c.linesAfter = try lineCount(e) }
        if c.isEmpty {
            throw ConfigError(path: path, at: position, "\(where_) has no condition; give it at least one of `near`, `notNear`, `fileMentions`, `key`")
        }
        return c
    }

    func decodeAllowlist(_ t: TOMLTable, in where_: String) throws(ConfigError) -> Allowlist {
        try checkKeys(t, known: Self.allowlistKeys, in: where_)
        var a = Allowlist()
        if let e = t["description"] { a.description = try string(e) }
        if let e = t["regexes"] {
            a.regexes = try strings(e)
            try compileEach(e, what: "allowlist regex")
        }
        if let e = t["regexTarget"] {
            let s = try string(e)
            guard let target = AllowlistTarget(rawValue: s.lowercased()) else {
                throw ConfigError(path: path, at: e.node.position, "unknown regexTarget \"\(s)\"; use \"secret\" (the default), \"match\" or \"line\"")
            }
            a.regexTarget = target
        }
        if let e = t["paths"] {
            a.paths = try strings(e)
            try compileEach(e, what: "allowlist path regex")
        }
        if let e = t["stopwords"] { a.stopwords = try strings(e) }
        if let e = t["fingerprints"] { a.fingerprints = try strings(e) }
        if let e = t["condition"] {
            switch try string(e).uppercased() {
            case "OR": a.matchAll = false
            case "AND": a.matchAll = true
            default:
                throw ConfigError(path: path, at: e.node.position, "`condition` must be \"OR\" (any condition allows; the default) or \"AND\" (all non-empty conditions must hold)")
            }
        }
        return a
    }

    // MARK: typed readers

    func checkKeys(_ t: TOMLTable, known: [String], in where_: String) throws(ConfigError) {
        for entry in t.entries where !known.contains(entry.key) {
            if let hint = Self.unsupportedHints[entry.key] {
                throw ConfigError(path: path, at: entry.keyPosition, "unsupported key `\(entry.key)` in \(where_): \(hint)")
            }
            var message = "unknown key `\(entry.key)` in \(where_)"
            if let near = nearestName(entry.key, in: known) {
                message += "; did you mean `\(near)`?"
            } else {
                message += "; known keys: \(known.joined(separator: ", "))"
            }
            throw ConfigError(path: path, at: entry.keyPosition, message)
        }
    }

    func typeError(_ e: TOMLEntry, expected: String) -> ConfigError {
        ConfigError(path: path, at: e.node.position, "`\(e.key)` must be \(expected), not \(article(e.node.value.typeName))")
    }

    func article(_ typeName: String) -> String {
        (typeName.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + typeName
    }

    func string(_ e: TOMLEntry) throws(ConfigError) -> String {
        guard case .string(let s) = e.node.value else { throw typeError(e, expected: "a string") }
        return s
    }

    func stringValue(_ node: TOMLNode, key: String) throws(ConfigError) -> String {
        guard case .string(let s) = node.value else {
            throw ConfigError(path: path, at: node.position, "every element of `\(key)` must be a string, not \(article(node.value.typeName))")
        }
        return s
    }

    func bool(_ e: TOMLEntry) throws(ConfigError) -> Bool {
        guard case .boolean(let b) = e.node.value else { throw typeError(e, expected: "true or false") }
        return b
    }

    func integer(_ e: TOMLEntry) throws(ConfigError) -> Int {
        guard case .integer(let v) = e.node.value else { throw typeError(e, expected: "an integer") }
        return v
    }

    func number(_ e: TOMLEntry) throws(ConfigError) -> Double {
        switch e.node.value {
        case .integer(let v): return Double(v)
        case .float(let v): return v
        default: throw typeError(e, expected: "a number")
        }
    }

    func lineCount(_ e: TOMLEntry) throws(ConfigError) -> Int {
        let v = try integer(e)
        guard v >= 0 && v <= 1000 else {
            throw ConfigError(path: path, at: e.node.position, "`\(e.key)` is a number of lines between 0 and 1000, not \(v)")
        }
        return v
    }

    func array(_ e: TOMLEntry) throws(ConfigError) -> [TOMLNode] {
        guard case .array(let nodes) = e.node.value else { throw typeError(e, expected: "an array") }
        return nodes
    }

    func strings(_ e: TOMLEntry) throws(ConfigError) -> [String] {
        if case .string = e.node.value {
            throw ConfigError(path: path, at: e.node.position, "`\(e.key)` must be an array of strings; write it as [\"...\"]")
        }
        var out: [String] = []
        for node in try array(e) { out.append(try stringValue(node, key: e.key)) }
        return out
    }

    func table(_ e: TOMLEntry, in where_: String) throws(ConfigError) -> TOMLTable {
        guard case .table(let t) = e.node.value else {
            throw ConfigError(path: path, at: e.node.position, "`\(e.key)` must be a table (\(where_)), not \(article(e.node.value.typeName))")
        }
        return t
    }

    /// An array of tables (`[[name]]`); a single `[name]` table is accepted as one element.
    func tableArray(_ e: TOMLEntry, name: String) throws(ConfigError) -> [TOMLNode] {
        switch e.node.value {
        case .table:
            return [e.node]
        case .array(let nodes):
            for n in nodes {
                guard case .table = n.value else {
                    throw ConfigError(path: path, at: n.position, "`\(e.key)` must be written as [[\(name)]] tables, but an element is \(article(n.value.typeName))")
                }
            }
            return nodes
        default:
            throw ConfigError(path: path, at: e.node.position, "`\(e.key)` must be written as [[\(name)]] tables, not \(article(e.node.value.typeName))")
        }
    }

    /// A string naming one case of `T` (exactly, lowercase): `kind`, `yields`, `value`, `window`.
    func choice<T: RawRepresentable & CaseIterable>(_ e: TOMLEntry, _ type: T.Type, meaning: String) throws(ConfigError) -> T
    where T.RawValue == String {
        let s = try string(e)
        if let v = T(rawValue: s) { return v }
        let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        var message = "unknown \(e.key) \"\(s)\" (\(meaning)); use one of: \(allowed)"
        if let near = nearestName(s, in: T.allCases.map(\.rawValue)), near != s { message += "; did you mean \"\(near)\"?" }
        throw ConfigError(path: path, at: e.node.position, message)
    }

    func severity(_ e: TOMLEntry) throws(ConfigError) -> Severity {
        let s = try string(e)
        guard let v = Severity(rawValue: s.lowercased()) else {
            throw ConfigError(path: path, at: e.node.position, "unknown severity \"\(s)\"; use one of: \"low\", \"medium\", \"high\", \"critical\"")
        }
        return v
    }

    /// `maxFileSize`: an integer number of bytes, or a string such as "500KB", "10MB", "1.5GB", "2MiB".
    /// Units are binary: 1 KB = 1 KiB = 1024 bytes.
    func fileSize(_ e: TOMLEntry) throws(ConfigError) -> Int {
        let bad = ConfigError(path: path, at: e.node.position, "`maxFileSize` must be a positive number of bytes (e.g. 10485760) or a string such as \"10MB\" (units B, KB, MB, GB; 1 KB = 1024 bytes)")
        switch e.node.value {
        case .integer(let v):
            guard v > 0 else { throw bad }
            return v
        case .string(let s):
            guard let v = ByteSize.parse(s) else { throw bad }
            return v
        default:
            throw bad
        }
    }

    // MARK: patterns

    func compile(_ e: TOMLEntry, caseless: Bool, what: String) throws(ConfigError) {
        guard compilePatterns, case .string(let source) = e.node.value else { return }
        try compile(source, node: e.node, caseless: caseless, what: what)
    }

    func compileEach(_ e: TOMLEntry, what: String) throws(ConfigError) {
        guard compilePatterns, case .array(let nodes) = e.node.value else { return }
        for node in nodes {
            guard case .string(let source) = node.value else { continue }
            try compile(source, node: node, caseless: false, what: what)
        }
    }

    func compile(_ source: String, node: TOMLNode, caseless: Bool, what: String) throws(ConfigError) {
        do {
            _ = try Pattern(source, options: caseless ? .caseless : [], jit: .never)
        } catch {
            throw ConfigError(
                path: path, at: node.position(ofUTF8Offset: error.offset),
                "\(what) does not compile: \(error.message) (PCRE2, at offset \(error.offset)); fix the pattern — regexes are best written as 'literal strings', which need no escaping")
        }
    }
}
