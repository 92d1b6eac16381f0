import ArgumentParser

// Placeholder until the Validate subcommand lands; its owner replaces this whole file.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(not yet available)")
    func run() throws { throw ExitCode(2) }
}
