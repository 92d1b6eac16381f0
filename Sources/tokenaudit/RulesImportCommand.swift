import ArgumentParser
import Foundation
import SecretReport
import SecretRules

/// `tokenaudit rules import gitleaks.toml`: converts a gitleaks configuration into a
/// `.tokenaudit.toml` (`GitleaksImport`) and reports, on standard error, what could not be
/// converted and why, with positions in the gitleaks file.
struct RulesImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a gitleaks configuration into a .tokenaudit.toml.",
        discussion: """
            Rules, allowlists and [extend] are converted; Go RE2 regexes are rewritten for PCRE2 and \
            compiled. What cannot be converted (path-only rules, commit allowlists, gitleaks rule ids \
            in disabledRules, regexes that do not compile, ...) is listed on standard error as \
            FILE:LINE:COLUMN: not converted: ... The converted config goes to standard output, or \
            to -o FILE (created with mode 0600).
            Exit codes: 0 everything converted, 1 something was not converted (the rest is written), \
            2 the file cannot be read or is not TOML.
            """
    )

    @Argument(help: ArgumentHelp("The gitleaks configuration (TOML).", valueName: "gitleaks.toml"))
    var file: String

    @Option(name: [.short, .long], help: ArgumentHelp("Write the converted config to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            StandardStreams.writeError("\(TerminalText.neutralised(file)): error: cannot read the gitleaks config: \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
        let builtinIDs: Set<String>
        do {
            builtinIDs = Set(try BuiltinRules.forScanning().map(\.id))
        } catch {
            StandardStreams.writeError("\(error)\n(this is a bug in a built-in rule pack)\n")
            throw ExitCode(2)
        }
        let result: GitleaksImport
        do {
            result = try GitleaksImport.convert(text, builtinIDs: builtinIDs)
        } catch {
            StandardStreams.writeError("\(TerminalText.neutralised(file)):\(error.line):\(error.column): error: \(TerminalText.neutralised(error.message))\n")
            throw ExitCode(2)
        }
        do {
            _ = try ConfigFile.parse(result.toml, path: output ?? "<converted>")
        } catch {
            StandardStreams.writeError("error: the converted config does not read back: \(TerminalText.neutralised(error.description))\n(this is a bug in rules import)\n")
            throw ExitCode(2)
        }
        if let output {
            do {
                let destination = try ReportDestination.privateFile(output)
                try destination.write(result.toml)
                try destination.commit()
            } catch {
                StandardStreams.writeError("\(TerminalText.neutralised(output)): error: cannot write the converted config: \(error.localizedDescription)\n")
                throw ExitCode(2)
            }
        } else {
            StandardStreams.writeOutput(result.toml)
        }
        var report = ""
        for note in result.notes {
            report += TerminalText.neutralised(note.formatted(path: file)) + "\n"
        }
        let skipped = result.notes.filter { $0.level == .notConverted }.count
        report += "converted \(result.rules.count) of \(result.rulesInSource) rule\(result.rulesInSource == 1 ? "" : "s"); \(skipped) item\(skipped == 1 ? "" : "s") not converted, \(result.notes.count - skipped) changed\n"
        StandardStreams.writeError(report)
        if skipped > 0 { throw ExitCode(1) }
    }
}
