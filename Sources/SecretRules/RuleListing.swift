/// The text rendering of `tokenaudit rules list`: one rule per line — id, severity, title — in
/// aligned columns under a header. The golden snapshot `Tests/SecretRulesTests/Snapshots/rules-list.txt`
/// is this text for the built-in rules.
public enum RuleListing {
    /// The listing of `rules`, in the order given, ending with a newline.
    public static func text(_ rules: [Rule]) -> String {
        let header = ("ID", "SEVERITY", "TITLE")
        let idWidth = rules.reduce(header.0.count) { max($0, $1.id.count) }
        let severityWidth = rules.reduce(header.1.count) { max($0, $1.severity.rawValue.count) }
        func row(_ id: String, _ severity: String, _ title: String) -> String {
            id.padding(toLength: idWidth) + "  " + severity.padding(toLength: severityWidth) + "  " + title
        }
        var out = row(header.0, header.1, header.2) + "\n"
        for rule in rules {
            out += row(rule.id, rule.severity.rawValue, rule.title) + "\n"
        }
        return out
    }
}

extension RuleListing {
    /// The listing of `rules` with each rule's details below its row: description, keywords or
    /// shape, pairing, the typed engine fields that are not the default (`kind = password`), tags
    /// and references, indented by four spaces; a blank line between rules.
    public static func verboseText(_ rules: [Rule]) -> String {
        let rows = text(rules).split(separator: "\n", omittingEmptySubsequences: false)
        var out = String(rows[0]) + "\n"
        for (rule, row) in zip(rules, rows.dropFirst()) {
            out += "\n" + row + "\n"
            if !rule.description.isEmpty { out += "    \(rule.description)\n" }
            if let shape = rule.shape { out += "    shape: \(shape.rawValue)\n" }
            if !rule.keywords.isEmpty { out += "    keywords: \(rule.keywords.joined(separator: ", "))\n" }
            if let partner = rule.pairWith { out += "    pairs with: \(partner)\n" }
            // The typed engine fields, when not the default.
            var semantics: [String] = []
            if rule.kind != .token { semantics.append("kind = \(rule.kind.rawValue)") }
            if rule.yields != .never { semantics.append("yields = \(rule.yields.rawValue)") }
            if rule.value != .literal { semantics.append("value = \(rule.value.rawValue)") }
            if rule.window != .line { semantics.append("window = \(rule.window.rawValue)") }
            if rule.anchor != .window {
                semantics.append("anchor = \(rule.anchor.rawValue)" + (rule.maxKeywordDistance.map { " (\($0) bytes)" } ?? ""))
            }
            if let keywordGuard = rule.keywordGuard { semantics.append("keywordGuard = \(keywordGuard)") }
            if !rule.base64Documents.isEmpty { semantics.append("base64Documents = \(rule.base64Documents.joined(separator: ", "))") }
            if !semantics.isEmpty { out += "    \(semantics.joined(separator: "; "))\n" }
            if !rule.tags.isEmpty { out += "    tags: \(rule.tags.joined(separator: ", "))\n" }
            for reference in rule.references { out += "    see: \(reference)\n" }
        }
        return out
    }
}

extension String {
    /// The string right-padded with spaces to `length` characters (unchanged when longer).
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
