import ArgumentParser
import Foundation
import SecretReport
import SecretRules
import SecretScanner

/// `tokenaudit rules`: list the detection rules and check them.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, check and import detection rules (built-in, from a config file, from a gitleaks config).",
        discussion: "The rule schema, how to add rules and how to paste gitleaks rules: docs/RULES.md.",
        subcommands: [RulesListCommand.self, RulesCheckCommand.self, RulesImportCommand.self]
    )
}

/// `--config FILE`, shared by the `rules` subcommands.
struct RulesConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A .tokenaudit.toml whose rules are added to (or replace) the built-in ones.", valueName: "file"))
    var config: String?

    /// The built-in rules, or the effective rules of `--config`. A config that cannot be read or
    /// is invalid is printed to standard error as `path:line:column: error: message` and exits 2.
    func loadRules() throws -> [Rule] {
        try loadRulesWithLocations().rules
    }

    /// The rules of `loadRules()`, with where each one's examples are written.
    func loadRulesWithLocations() throws -> (rules: [Rule], locations: [String: ExampleLocations]) {
        let builtins: [Rule]
        var locations: [String: ExampleLocations]
        do {
            builtins = try BuiltinRules.all()
            locations = try BuiltinRules.exampleLocations()
        } catch {
            StandardStreams.writeError("\(error)\n(this is a bug in a built-in rule pack)\n")
            throw ExitCode(2)
        }
        guard let config else { return (builtins, locations) }
        let text: String
        do {
            text = try String(contentsOfFile: config, encoding: .utf8)
        } catch {
            StandardStreams.writeError("\(config): error: cannot read the config file: \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
        do {
            let file = try ConfigFile.parse(text, path: config)
            locations.merge(file.exampleLocations) { _, user in user }
            return (try file.effectiveRules(builtins: builtins), locations)
        } catch {
            StandardStreams.writeError("\(error)\n")
            throw ExitCode(2)
        }
    }
}

/// `tokenaudit rules list`: id, severity and title of every rule, in aligned columns (or JSON).
struct RulesListCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the rules: id, severity and title.",
        discussion: "Exit codes: 0 listed, 2 the config is invalid."
    )

    @OptionGroup var options: RulesConfigOptions

    @Option(name: .long, help: "Output format: text (aligned columns) or json.")
    var format: Format = .text

    @Flag(name: .shortAndLong, help: "Text format: add each rule's description, keywords, tags and references.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Only these rules: comma-separated ids, PREFIX* and tag:TAG entries (a family name such as `sirportly` selects its rules).", valueName: "list"))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp("Leave out these rules (same syntax as --rules).", valueName: "list"))
    var excludeRules: String?

    func validate() throws {
        if verbose && format == .json {
            throw ValidationError("--verbose applies to the text format; the JSON format always has every field.")
        }
        do {
            _ = try RuleSelection(rules: rules, excludeRules: excludeRules)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        let selection = try RuleSelection(rules: rules, excludeRules: excludeRules)
        let listed: [Rule]
        do {
            listed = try selection.apply(to: try options.loadRules())
        } catch let error as RuleSelectionError {
            StandardStreams.writeError("error: \(TerminalText.neutralised(error.message))\n")
            throw ExitCode(2)
        }
        switch format {
        case .text:
            let text = verbose ? RuleListing.verboseText(listed.map(Self.displaySafe)) : RuleListing.text(listed.map(Self.displaySafe))
            StandardStreams.writeOutput(text)
        case .json:
            StandardStreams.writeOutput(RulesJSON.encode(listed) + "\n")
        }
    }

    /// The rule with every text field a config could smuggle a terminal escape into neutralised
    /// (`TerminalText.neutralised`), for the text listing.
    static func displaySafe(_ rule: Rule) -> Rule {
        var safe = rule
        safe.id = TerminalText.neutralised(rule.id)
        safe.title = TerminalText.neutralised(rule.title)
        safe.description = TerminalText.neutralised(rule.description)
        safe.keywords = rule.keywords.map(TerminalText.neutralised)
        safe.tags = rule.tags.map(TerminalText.neutralised)
        safe.references = rule.references.map(TerminalText.neutralised)
        safe.pairWith = rule.pairWith.map(TerminalText.neutralised)
        return safe
    }
}

/// The JSON form of `rules list` (docs/RULES.md, "rules list --format json"): `{"rules": [...]}`
/// with one object per rule, one per line, in rule order. Each object has, in this order: `id`,
/// `title`, `severity`, `kind`, `yields`, `value`, `window`, `description`, `keywords`, `shape`
/// (string or null), `pairWith` (string or null), `tags`, `references`, `base64Documents`. Strings are written with
/// `JSONString.quoted`, so control characters and terminal escapes in a user's rule are `\u`
/// escapes. New fields are only ever added.
enum RulesJSON {
    static func encode(_ rules: [Rule]) -> String {
        func q(_ s: String) -> String { JSONString.quoted(s) }
        func list(_ a: [String]) -> String { "[" + a.map(q).joined(separator: ",") + "]" }
        func optional(_ s: String?) -> String { s.map(q) ?? "null" }
        let lines = rules.map { rule in
            let fields = [
                "\"id\":\(q(rule.id))", "\"title\":\(q(rule.title))", "\"severity\":\(q(rule.severity.rawValue))",
                "\"kind\":\(q(rule.kind.rawValue))", "\"yields\":\(q(rule.yields.rawValue))",
                "\"value\":\(q(rule.value.rawValue))", "\"window\":\(q(rule.window.rawValue))",
                "\"description\":\(q(rule.description))", "\"keywords\":\(list(rule.keywords))",
                "\"shape\":\(optional(rule.shape?.rawValue))", "\"pairWith\":\(optional(rule.pairWith))",
                "\"tags\":\(list(rule.tags))", "\"references\":\(list(rule.references))",
                "\"base64Documents\":\(list(rule.base64Documents))",
            ]
            return "  {" + fields.joined(separator: ",") + "}"
        }
        return "{\"rules\": [\n" + lines.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n") + "]}"
    }
}

/// `tokenaudit rules check`: runs `RuleChecker` with the engine over every rule.
struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the rules: ids, patterns, examples and negative examples.",
        discussion: """
            Every pattern must compile, every example must report exactly its marked «secret» span, \
            and no negative example may report anything (errors). Rules without examples, without \
            negative examples, or regex rules without keywords are warnings.
            Exit codes: 0 no errors (and no warnings with --warnings-as-errors), 1 problems, \
            2 the config is invalid.
            """
    )

    @OptionGroup var options: RulesConfigOptions

    @Flag(name: .long, help: "Treat warnings as problems (exit 1).")
    var warningsAsErrors = false

    func run() throws {
        let (rules, locations) = try options.loadRulesWithLocations()
        let checker = RuleChecker.engineBacked(locations: locations)
        let problems = checker.check(rules)
        var out = ""
        for problem in problems {
            // Ids, messages and examples come from the user's config: neutralise terminal escapes.
            out += TerminalText.neutralised(problem.description) + "\n"
            if let example = problem.example {
                out += "    in: \(TerminalText.neutralised(Self.oneLine(example)))\n"
            }
        }
        let errors = problems.filter { $0.level == .error }.count
        let warnings = problems.count - errors
        let checked = "\(rules.count) rule\(rules.count == 1 ? "" : "s")"
        out += "checked \(checked): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        StandardStreams.writeOutput(out)
        if errors > 0 || (warningsAsErrors && warnings > 0) {
            throw ExitCode(1)
        }
    }

    /// The example on one line: line breaks and tabs shown as `\n`, `\r`, `\t`.
    static func oneLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
