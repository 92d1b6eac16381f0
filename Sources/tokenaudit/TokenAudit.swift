import ArgumentParser
import Foundation
import PCRE2
import SecretReport
import SecretRules

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
            subcommands: [
                ValidateCommand.self, RulesCommand.self, ScanCommand.self, GitCommand.self, InstallHookCommand.self,
                UninstallHookCommand.self, BaselineCommand.self, ReportCommand.self,
            ]
        )
    }

    /// Runs the command, mapping ArgumentParser's usage-error status (64, EX_USAGE) to TokenAudit's
    /// documented exit code 2 so that scripts see one code for "the run itself failed".
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // A failed write to standard error (a full disk, a closed pipe) is status 2 whatever
            // the run found: part of the output is missing.
            if StandardStreams.errorFailed { Foundation.exit(2) }
            if code == .success || code == ExitCode(1) || code == ExitCode(2) {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                StandardStreams.writeError(message + "\n")
            }
            Foundation.exit(2)
        }
        if StandardStreams.errorFailed { Foundation.exit(2) }
    }

    /// `tokenaudit --version`: the tool version, the PCRE2 version and whether JIT is on.
    static var versionText: String {
        let jit = PCRE2Library.jitSupported ? "JIT available (policy: auto; --no-jit turns it off)" : "JIT unavailable (interpreter)"
        return "tokenaudit \(toolVersion)\nPCRE2 \(PCRE2Library.version), \(jit)"
    }
}


// Argument types, parsed once: every command takes these types, never strings re-parsed later.

extension Severity: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
}

extension JITPolicy: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
}

extension ReportFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
}

/// A byte count given on the command line: digits with an optional unit (K, M, G, KB, MB, …),
/// parsed by `ByteSize`, the same parser as the config's `maxFileSize`.
struct ByteCount: ExpressibleByArgument, Sendable, Hashable {
    var bytes: Int64

    init?(argument: String) {
        guard let value = ByteSize.parse(argument) else { return nil }
        bytes = Int64(value)
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
