/// Which rules a command uses: `--rules` and `--exclude-rules` lists.
///
/// A list is comma-separated entries; each entry is one of
/// - `ID`: the rule with exactly this id (`sirportly-token`);
/// - `PREFIX*`: every rule whose id starts with `PREFIX` (`password-*`);
/// - `tag:TAG`: every rule with the tag `TAG` (`tag:aws`);
/// - `FAMILY`: a word that is no rule's id selects every rule whose id starts with `FAMILY-`
///   (`sirportly` selects `sirportly-token`, `sirportly-secret` and `sirportly-application-token`).
///
/// Matching is exact (ids and tags are lowercase kebab-case). Whitespace around entries is
/// ignored; empty entries are not allowed. A rule is used when the include list is empty or
/// selects it, and the exclude list does not. Every entry must select at least one rule of the
/// set it is resolved against: an entry that selects nothing is an error naming the entry and the
/// nearest id (usually a typo), because a selection that silently selects nothing would scan with
/// fewer rules than the user believes.
public struct RuleSelection: Sendable, Hashable {
    /// One entry of a list.
    public enum Entry: Sendable, Hashable, CustomStringConvertible {
        /// An exact id, or (when no rule has this id) a family prefix `ID-`.
        case id(String)
        /// `PREFIX*`.
        case prefix(String)
        /// `tag:TAG`.
        case tag(String)

        public var description: String {
            switch self {
            case .id(let id): id
            case .prefix(let p): p + "*"
            case .tag(let t): "tag:" + t
            }
        }

        /// Whether the entry selects `rule`; `ids` are the ids of the whole set (an `.id` entry
        /// that names one of them selects only that rule).
        func selects(_ rule: Rule, ids: Set<String>) -> Bool {
            switch self {
            case .id(let id): ids.contains(id) ? rule.id == id : rule.id.hasPrefix(id + "-")
            case .prefix(let p): rule.id.hasPrefix(p)
            case .tag(let t): rule.tags.contains(t)
            }
        }
    }

    /// Entries a rule must match one of (empty: every rule).
    public var include: [Entry]
    /// Entries no used rule may match.
    public var exclude: [Entry]

    public init(include: [Entry] = [], exclude: [Entry] = []) {
        self.include = include
        self.exclude = exclude
    }

    /// Parses `--rules` and `--exclude-rules` values (each nil or a comma-separated list).
    public init(rules: String?, excludeRules: String?) throws(RuleSelectionError) {
        self.include = try rules.map { (s) throws(RuleSelectionError) in try Self.parseList(s, option: "--rules") } ?? []
        self.exclude = try excludeRules.map { (s) throws(RuleSelectionError) in try Self.parseList(s, option: "--exclude-rules") } ?? []
    }

    /// Whether this selection keeps every rule.
    public var isEverything: Bool { include.isEmpty && exclude.isEmpty }

    /// Parses one comma-separated list; `option` names it in errors.
    public static func parseList(_ list: String, option: String) throws(RuleSelectionError) -> [Entry] {
        var entries: [Entry] = []
        for raw in list.split(separator: ",", omittingEmptySubsequences: false) {
            let text = raw.trimmingSpaces()
            guard !text.isEmpty else {
                throw RuleSelectionError(option: option, entry: "", message: "\(option) has an empty entry; separate ids, PREFIX* and tag:TAG entries with single commas")
            }
            if text.hasPrefix("tag:") {
                let tag = String(text.dropFirst(4))
                guard !tag.isEmpty else {
                    throw RuleSelectionError(option: option, entry: text, message: "\(option): `tag:` needs a tag name, e.g. `tag:aws`")
                }
                entries.append(.tag(tag))
            } else if text.hasSuffix("*") {
                let prefix = String(text.dropLast())
                guard !prefix.isEmpty, !prefix.contains("*") else {
                    throw RuleSelectionError(option: option, entry: text, message: "\(option): `\(text)` is not a prefix pattern; write `PREFIX*` with one `*` at the end, e.g. `password-*`")
                }
                entries.append(.prefix(prefix))
            } else {
                guard !text.contains("*") else {
                    throw RuleSelectionError(option: option, entry: text, message: "\(option): `*` may only end an entry (`PREFIX*`), not appear in `\(text)`")
                }
                entries.append(.id(text))
            }
        }
        return entries
    }

    /// The rules of `rules` this selection keeps, in their order.
    /// - Throws: `RuleSelectionError` for the first entry (include list first) that selects no rule
    ///   of `rules`, naming the nearest id or tag.
    public func apply(to rules: [Rule]) throws(RuleSelectionError) -> [Rule] {
        guard !isEverything else { return rules }
        let ids = Set(rules.map(\.id))
        for (entries, option) in [(include, "--rules"), (exclude, "--exclude-rules")] {
            for entry in entries where !rules.contains(where: { entry.selects($0, ids: ids) }) {
                throw RuleSelectionError(option: option, entry: entry.description, message: Self.noMatchMessage(entry, option: option, rules: rules))
            }
        }
        return rules.filter { rule in
            (include.isEmpty || include.contains { $0.selects(rule, ids: ids) })
                && !exclude.contains { $0.selects(rule, ids: ids) }
        }
    }

    /// Each id's prefixes ending in a hyphen (`password-`, `password-in-`), without repeats.
    private static func familyPrefixes(_ rules: [Rule]) -> [String] {
        var prefixes: [String] = []
        var seen = Set<String>()
        for rule in rules {
            var prefix = ""
            for c in rule.id {
                prefix.append(c)
                if c == "-", seen.insert(prefix).inserted { prefixes.append(prefix) }
            }
        }
        return prefixes
    }

    private static func noMatchMessage(_ entry: Entry, option: String, rules: [Rule]) -> String {
        var message = "\(option): `\(entry)` selects no rule"
        let suggestion: String?
        switch entry {
        case .id(let word):
            // Ids, and family names (`sirportly`): every id's prefix before one of its hyphens.
            suggestion = nearestName(word, in: rules.map(\.id) + familyPrefixes(rules).map { String($0.dropLast()) })
        case .prefix(let word):
            suggestion = nearestName(word, in: familyPrefixes(rules)).map { $0 + "*" }
        case .tag(let tag):
            var tags: [String] = []
            for rule in rules { for t in rule.tags where !tags.contains(t) { tags.append(t) } }
            suggestion = nearestName(tag, in: tags).map { "tag:" + $0 }
        }
        if let suggestion { message += "; did you mean `\(suggestion)`?" }
        return message + " (`tokenaudit rules list` shows the ids and, with --verbose, the tags)"
    }
}

/// A `--rules` / `--exclude-rules` entry that does not parse or selects nothing.
public struct RuleSelectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `--rules` or `--exclude-rules`.
    public var option: String
    /// The entry as written (empty for an empty entry).
    public var entry: String
    public var message: String

    public init(option: String, entry: String, message: String) {
        self.option = option
        self.entry = entry
        self.message = message
    }

    public var description: String { message }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
