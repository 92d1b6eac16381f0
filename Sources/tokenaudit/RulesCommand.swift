import ArgumentParser

// Placeholder until the Rules subcommand lands; its owner replaces this whole file.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "(not yet available)")
    func run() throws { throw ExitCode(2) }
}
