import ScanResults
import SecretRules

/// A SARIF `reportingDescriptor`: how `tool.driver.rules` describes one rule.
///
/// From the rule when it is known (the active rules or the built-in packs): `shortDescription` is
/// the title, `fullDescription` the description, `help` the description followed by the
/// references (plain text and Markdown), `helpUri` the first `http(s)` reference. A rule that is
/// not known (a user rule the reporter was not given) is described by its findings' title.
/// `defaultConfiguration.level` and `properties.security-severity` come from the rule's severity
/// (GitHub maps 9.0 and above to critical, 7.0–8.9 high, 4.0–6.9 medium, below 4.0 low; it shows
/// a security severity only for rules tagged `security`). Texts are cut to GitHub's 1,024
/// characters and tags to its 20 per rule.
struct SARIFRuleDescriptor: Sendable, Hashable {
    static let maxDescription = 1024
    static let maxTags = 20

    var id: String
    var title: String
    var description: String
    var references: [String]
    var severity: Severity
    var tags: [String]

    init(rule: Rule?, finding: ReportedFinding) {
        id = finding.ruleID
        title = rule?.title ?? finding.title
        let description = rule?.description ?? ""
        self.description = description.isEmpty ? title : description
        references = rule?.references ?? []
        severity = rule?.severity ?? finding.severity
        var tags = ["security", "secret"]
        for tag in rule?.tags ?? [] where !tags.contains(tag) { tags.append(tag) }
        self.tags = Array(tags.prefix(Self.maxTags))
    }

    /// GitHub's `security-severity` score for a severity.
    static func securityScore(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "2.0"
        }
    }

    /// `text` cut to at most `limit` characters, ending with `…` when cut.
    static func truncated(_ text: String, _ limit: Int = maxDescription) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "\u{2026}"
    }

    var helpText: String {
        guard !references.isEmpty else { return description }
        return description + "\n\nReferences:\n" + references.map { "- " + $0 }.joined(separator: "\n")
    }

    var helpMarkdown: String {
        var text = MarkdownText.escaped(description)
        if !references.isEmpty {
            text += "\n\n**References**\n\n" + references.map { reference in
                if Self.isWebURL(reference) { "- <\(reference)>" } else { "- " + MarkdownText.escaped(reference) }
            }.joined(separator: "\n")
        }
        return text
    }

    /// An `http(s)` URL without characters that would need escaping in a URI or a Markdown link.
    static func isWebURL(_ text: String) -> Bool {
        guard text.hasPrefix("https://") || text.hasPrefix("http://") else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && !"<>\"`{}|\\^ ".unicodeScalars.contains($0) }
    }

    func write(_ w: inout JSONWriter) {
        w.object { w in
            w.field("id", id)
            w.key("shortDescription")
            w.object { w in w.field("text", Self.truncated(title)) }
            w.key("fullDescription")
            w.object { w in w.field("text", Self.truncated(description)) }
            w.key("help")
            w.object { w in
                w.field("text", helpText)
                w.field("markdown", helpMarkdown)
            }
            if let uri = references.first(where: Self.isWebURL) { w.field("helpUri", uri) }
            w.key("defaultConfiguration")
            w.object { w in w.field("level", SARIFReporter.level(severity)) }
            w.key("properties")
            w.object { w in
                w.key("tags")
                w.array(tags) { w, tag in w.string(tag) }
                w.field("security-severity", Self.securityScore(severity))
                w.field("precision", "high")
            }
        }
    }
}
