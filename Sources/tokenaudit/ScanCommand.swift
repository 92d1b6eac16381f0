import ArgumentParser

// Placeholder until the Scan subcommand lands; its owner replaces this whole file.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scan", abstract: "(not yet available)")
    func run() throws { throw ExitCode(2) }
}
