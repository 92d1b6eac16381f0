/// One part of a gitleaks configuration that `GitleaksImport` did not convert, converted with a
/// change in meaning, or wants the user to know about; printed as
/// `path:line:column: not converted: rule `x`: why`.
public struct GitleaksImportNote: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable {
        /// Left out of the converted config.
        case notConverted = "not converted"
        /// Converted, but it behaves (or is written) differently.
        case changed
    }

    public var level: Level
    /// Where in the gitleaks file (1-based; columns count Unicode scalars).
    public var position: SourcePosition
    /// What it is about: "rule `aws-key`", "[extend]", "[[rules.allowlists]] of `x`".
    public var subject: String
    public var message: String

    /// `path:line:column: level: subject: message`.
    public func formatted(path: String) -> String {
        "\(path):\(position.line):\(position.column): \(level.rawValue): \(subject): \(message)"
    }
}

/// The conversion of a gitleaks configuration (`gitleaks.toml`, `.gitleaks.toml`) into a
/// `.tokenaudit.toml` (docs/RULES.md, "Importing a gitleaks configuration").
///
/// What converts: top-level `title`; `[extend] useDefault` (gitleaks' default rules become
/// TokenAudit's built-in rules) and `disabledRules` (ids that are also TokenAudit built-in ids);
/// `[[rules]]` with `id`, `description`, `regex`, `secretGroup`, `entropy`, `keywords`, `path`,
/// `tags` and rule allowlists; global `[allowlist]` / `[[allowlists]]` with `description`,
/// `regexes`, `regexTarget`, `paths`, `stopwords`, `condition`. Regexes are translated from Go RE2
/// to PCRE2 (`GoRegexTranslation`) and compiled.
///
/// What does not, each a note with its position: rules with only a `path` (gitleaks reports the
/// file; a TokenAudit rule needs a regex), `skipReport` rules, regexes that do not translate or
/// compile, allowlist `commits`, `[extend] path` and `url`, `disabledRules` naming gitleaks ids
/// TokenAudit does not have, and unknown keys. `[[rules.required]]` companions are dropped (the
/// rule is kept and reports on its own; noted as a change).
///
/// Without `[extend] useDefault = true` gitleaks uses only the file's rules, so the converted
/// config then says `useDefault = false`. The result is parsed back with `ConfigFile.parse`, so it
/// is always a valid config.
public struct GitleaksImport: Sendable {
    /// The converted config, in TokenAudit's schema.
    public var toml: String
    /// The converted rules, in file order.
    public var rules: [Rule]
    /// How many `[[rules]]` tables the gitleaks file has.
    public var rulesInSource: Int
    public var notes: [GitleaksImportNote]

    /// Converts `text`. `builtinIDs` are TokenAudit's built-in rule ids (for `disabledRules`).
    /// Throws the TOML syntax error of a file that is not TOML.
    public static func convert(_ text: String, builtinIDs: Set<String>) throws(TOMLError) -> GitleaksImport {
        let document = try TOMLDocument(parsing: text)
        var converter = GitleaksConverter(builtinIDs: builtinIDs)
        return converter.convert(document.root)
    }
}

/// The conversion's working state: notes and the ids used so far.
struct GitleaksConverter {
    let builtinIDs: Set<String>
    var notes: [GitleaksImportNote] = []
    var usedIDs = Set<String>()

    static let ruleKeys: Set<String> = ["id", "description", "regex", "secretGroup", "entropy", "keywords", "path", "tags", "allowlists", "allowlist", "required", "skipReport"]
    static let allowlistKeys: Set<String> = ["description", "regexes", "regexTarget", "paths", "stopwords", "commits", "condition"]

    mutating func note(_ level: GitleaksImportNote.Level, _ position: SourcePosition, _ subject: String, _ message: String) {
        notes.append(GitleaksImportNote(level: level, position: position, subject: subject, message: message))
    }

    mutating func convert(_ root: TOMLTable) -> GitleaksImport {
        var out = TOMLWriter()
        var useDefault = false
        var disabled: [String] = []
        var title: String?
        for entry in root.entries {
            switch entry.key {
            case "title": title = stringValue(entry.node)
            case "extend":
                guard case .table(let t) = entry.node.value else { break }
                for e in t.entries {
                    switch e.key {
                    case "useDefault": if case .boolean(let b) = e.node.value { useDefault = b }
                    case "disabledRules":
                        for node in arrayNodes(e.node) {
                            guard let id = stringValue(node) else { continue }
                            if builtinIDs.contains(id) {
                                disabled.append(id)
                            } else {
                                note(.notConverted, node.position, "[extend] disabledRules", "`\(id)` is a gitleaks rule id and no TokenAudit built-in rule has it; find the equivalent with `tokenaudit rules list` and add it to disabledRules")
                            }
                        }
                    case "path", "url":
                        note(.notConverted, e.keyPosition, "[extend] \(e.key)", "TokenAudit does not extend other config files; import that file too and paste its rules into this one")
                    default:
                        note(.notConverted, e.keyPosition, "[extend]", "unknown key `\(e.key)`")
                    }
                }
            case "rules", "allowlist", "allowlists": break
            default:
                note(.notConverted, entry.keyPosition, "top level", "`\(entry.key)` is not a gitleaks setting TokenAudit has; left out")
            }
        }
        out.line("# Converted from a gitleaks configuration by `tokenaudit rules import`.")
        if let title { out.assign("title", .string(title)) }
        out.blank()
        out.header("[extend]")
        out.assign("useDefault", .boolean(useDefault))
        if !disabled.isEmpty { out.assign("disabledRules", .strings(disabled)) }
        if !useDefault && root["extend"] == nil {
            note(.changed, SourcePosition(line: 1, column: 1), "[extend]", "without `[extend] useDefault = true` gitleaks uses only this file's rules; the converted config says `useDefault = false` (TokenAudit's built-in rules off) to match — set it to true to add them")
        }

        var rules: [Rule] = []
        var sourceCount = 0
        if let e = root["rules"] {
            for node in arrayNodes(e.node) {
                guard case .table(let t) = node.value else { continue }
                sourceCount += 1
                if let (rule, allowlists) = convertRule(t, header: node.position) {
                    rules.append(rule)
                    out.blank()
                    out.header("[[rules]]")
                    out.rule(rule)
                    for a in allowlists {
                        out.blank()
                        out.header("  [[rules.allowlists]]")
                        out.allowlist(a, indent: "  ")
                    }
                }
            }
        }
        var globals: [(TOMLTable, SourcePosition, String)] = []
        if let e = root["allowlist"], case .table(let t) = e.node.value { globals.append((t, e.keyPosition, "[allowlist]")) }
        if let e = root["allowlists"] {
            for node in arrayNodes(e.node) { if case .table(let t) = node.value { globals.append((t, node.position, "[[allowlists]]")) } }
        }
        for (t, position, name) in globals {
            if let a = convertAllowlist(t, at: position, subject: name) {
                out.blank()
                out.header("[[allowlists]]")
                out.allowlist(a, indent: "")
            }
        }
        notes.sort { $0.position < $1.position }
        return GitleaksImport(toml: out.text, rules: rules, rulesInSource: sourceCount, notes: notes)
    }

    /// The rule, or nil (with a note) when it cannot be converted.
    mutating func convertRule(_ t: TOMLTable, header: SourcePosition) -> (Rule, [Allowlist])? {
        let rawID = t["id"].flatMap { stringValue($0.node) } ?? ""
        let subject = rawID.isEmpty ? "a rule" : "rule `\(rawID)`"
        for e in t.entries where !Self.ruleKeys.contains(e.key) {
            note(.notConverted, e.keyPosition, subject, "unknown key `\(e.key)`, left out")
        }
        if let e = t["skipReport"], case .boolean(true) = e.node.value {
            note(.notConverted, e.keyPosition, subject, "`skipReport` rules exist only as another rule's `required` companion; TokenAudit has no composite rules")
            return nil
        }
        guard let regexEntry = t["regex"], let source = stringValue(regexEntry.node) else {
            let position = t["path"]?.keyPosition ?? header
            let why = t["path"] != nil
                ? "a `path`-only rule (gitleaks reports the file by its name) has no TokenAudit equivalent: a rule needs a `regex`; list such files with an allowlist-free scan or a CI check instead"
                : "the rule has no `regex`"
            note(.notConverted, position, subject, why)
            return nil
        }
        var id = kebabCase(rawID.isEmpty ? "imported-rule" : rawID)
        if id != rawID {
            note(.changed, t["id"]?.node.position ?? header, subject, "id written `\(id)` (TokenAudit ids are kebab-case)")
        }
        if usedIDs.contains(id) {
            var n = 2
            while usedIDs.contains("\(id)-\(n)") { n += 1 }
            note(.changed, t["id"]?.node.position ?? header, subject, "duplicate id; written `\(id)-\(n)`")
            id = "\(id)-\(n)"
        }
        let translated = GoRegexTranslation.translate(source)
        guard let pattern = translated.pattern else {
            let position = regexEntry.node.position(ofUTF8Offset: translated.failureOffset ?? 0)
            note(.notConverted, position, subject, "regex: " + translated.notes.joined(separator: "; "))
            return nil
        }
        for n in translated.notes { note(.changed, regexEntry.node.position, subject, "regex: " + n) }
        usedIDs.insert(id)
        if builtinIDs.contains(id) {
            note(.changed, t["id"]?.node.position ?? header, subject, "a TokenAudit built-in rule has this id; with `useDefault = true` this rule replaces it")
        }
        let description = t["description"].flatMap { stringValue($0.node) } ?? ""
        var rule = Rule(id: id, title: description.isEmpty ? id : description, description: description, regex: pattern)
        if let e = t["secretGroup"], case .integer(let g) = e.node.value, g >= 0 { rule.secretGroup = g }
        if let e = t["entropy"] {
            switch e.node.value {
            case .float(let v) where v >= 0 && v <= 8: rule.entropy = v
            case .integer(let v) where v >= 0 && v <= 8: rule.entropy = Double(v)
            default: note(.notConverted, e.node.position, subject, "`entropy` must be a number between 0 and 8; left out")
            }
        }
        rule.keywords = arrayNodes(t["keywords"]?.node).compactMap(stringValue).filter { !$0.isEmpty }
        if rule.keywords.isEmpty {
            note(.changed, header, subject, "no keywords: the rule's regex runs on every buffer (slower); add keywords the secret always sits next to")
        }
        rule.tags = arrayNodes(t["tags"]?.node).compactMap(stringValue)
        if let e = t["path"], let p = stringValue(e.node) {
            let tp = GoRegexTranslation.translate(p)
            if let converted = tp.pattern {
                rule.path = converted
            } else {
                note(.notConverted, e.node.position, subject, "path regex left out (the rule applies to every file): " + tp.notes.joined(separator: "; "))
            }
        }
        if let e = t["required"] {
            note(.changed, e.keyPosition, subject, "`[[rules.required]]` companions are not supported: the rule reports on its own; pair it with `pairWith` or add `[[rules.context]]` with `near` words")
        }
        var allowlists: [Allowlist] = []
        if let e = t["allowlist"], case .table(let at) = e.node.value {
            if let a = convertAllowlist(at, at: e.keyPosition, subject: "[rules.allowlist] of `\(id)`") { allowlists.append(a) }
        }
        for node in arrayNodes(t["allowlists"]?.node) {
            guard case .table(let at) = node.value else { continue }
            if let a = convertAllowlist(at, at: node.position, subject: "[[rules.allowlists]] of `\(id)`") { allowlists.append(a) }
        }
        rule.allowlists = allowlists
        return (rule, allowlists)
    }

    /// The allowlist, or nil (with a note) when nothing in it converts.
    mutating func convertAllowlist(_ t: TOMLTable, at position: SourcePosition, subject: String) -> Allowlist? {
        var a = Allowlist()
        for e in t.entries {
            switch e.key {
            case "description": a.description = stringValue(e.node)
            case "regexes", "paths":
                for node in arrayNodes(e.node) {
                    guard let s = stringValue(node) else { continue }
                    let tr = GoRegexTranslation.translate(s)
                    if let p = tr.pattern {
                        if e.key == "regexes" { a.regexes.append(p) } else { a.paths.append(p) }
                    } else {
                        note(.notConverted, node.position, subject, "\(e.key) entry left out: " + tr.notes.joined(separator: "; "))
                    }
                }
            case "regexTarget":
                if let s = stringValue(e.node), let target = AllowlistTarget(rawValue: s.lowercased()) {
                    a.regexTarget = target
                } else {
                    note(.notConverted, e.node.position, subject, "unknown regexTarget; \"secret\" used")
                }
            case "stopwords": a.stopwords = arrayNodes(e.node).compactMap(stringValue)
            case "condition": a.matchAll = stringValue(e.node)?.uppercased() == "AND"
            case "commits":
                note(.notConverted, e.keyPosition, subject, "commit allowlists are not supported; allow a finding by its `fingerprints` (shown in reports) or with a baseline")
            default:
                note(.notConverted, e.keyPosition, subject, "unknown key `\(e.key)`, left out")
            }
        }
        if a.regexes.isEmpty && a.paths.isEmpty && a.stopwords.isEmpty {
            note(.notConverted, position, subject, "nothing in this allowlist converts; it is left out")
            return nil
        }
        return a
    }
}

private func stringValue(_ node: TOMLNode) -> String? {
    if case .string(let s) = node.value { return s }
    return nil
}

private func arrayNodes(_ node: TOMLNode?) -> [TOMLNode] {
    if let node, case .array(let nodes) = node.value { return nodes }
    return []
}

/// `AWS Access Key` → `aws-access-key`; a kebab-case id is returned as it is.
func kebabCase(_ id: String) -> String {
    var out = ""
    var pendingHyphen = false
    for scalar in id.unicodeScalars {
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            if pendingHyphen && !out.isEmpty { out += "-" }
            pendingHyphen = false
            out.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "A") <= UInt8(scalar.value) && UInt8(scalar.value) <= UInt8(ascii: "Z") ? scalar.value + 32 : scalar.value)!)
        } else {
            pendingHyphen = true
        }
    }
    return out.isEmpty ? "imported-rule" : out
}
