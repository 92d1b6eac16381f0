import ArgumentParser
import PCRE2

/// `tokenaudit`: the command. A translator: flags → options value → one library call → exit code.
@main
struct TokenAudit: ParsableCommand {
    static let toolVersion = "0.1.0"

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "tokenaudit",
            abstract: "Validate Sirportly API credential formats and find leaked credentials and stored passwords.",
            discussion: """
                Exit codes: 0 nothing found (or everything valid), 1 findings (or something \
                invalid), 2 usage or input error.
                """,
            version: versionText,
            subcommands: [ValidateCommand.self, RulesCommand.self, ScanCommand.self]
        )
    }

    /// `tokenaudit --version`: the tool version, the PCRE2 version and whether JIT is on.
    static var versionText: String {
        let jit = PCRE2Library.jitSupported ? "JIT available (policy: auto; --no-jit turns it off)" : "JIT unavailable (interpreter)"
        return "tokenaudit \(toolVersion)\nPCRE2 \(PCRE2Library.version), \(jit)"
    }
}
