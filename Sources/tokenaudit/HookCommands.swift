import ArgumentParser
import Foundation
import SecretLint
import SecretReport

/// `tokenaudit install-hook`: writes a pre-commit hook that runs `tokenaudit git staged`.
struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install a git pre-commit hook that runs `tokenaudit git staged` (honours core.hooksPath).",
        discussion: """
            A hook not written by tokenaudit is left alone (exit 2) unless --force, which keeps it as \
            pre-commit.tokenaudit-backup. Bypass the hook once with `git commit --no-verify`.
            """
    )

    @Option(name: .customLong("repository"), help: "A directory inside the work tree (default: the current directory).")
    var repository: String = "."

    @Flag(help: "Replace a hook that tokenaudit did not write (a backup copy is kept).")
    var force = false

    @Option(help: "The command the hook runs (default: this tokenaudit executable's absolute path).")
    var command: String?

    func run() throws {
        let executable = command ?? Self.currentExecutable()
        do {
            switch try HookInstaller(directory: repository).install(command: executable, force: force) {
            case .installed(let path, let backup):
                StandardStreams.writeError("Installed \(TerminalText.neutralised(path))\n")
                if let backup { StandardStreams.writeError("The previous hook was kept as \(TerminalText.neutralised(backup))\n") }
            case .alreadyInstalled(let path):
                StandardStreams.writeError("Already installed: \(TerminalText.neutralised(path))\n")
            case .removed, .notInstalled:
                break
            }
        } catch {
            StandardStreams.writeError("tokenaudit: error: \(TerminalText.neutralised(error.description))\n")
            throw ExitCode(2)
        }
    }

    /// The running executable's absolute path (`/proc/self/exe`), else `tokenaudit` from PATH.
    static func currentExecutable() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath ?? "tokenaudit"
    }
}

/// `tokenaudit uninstall-hook`: removes the hook `install-hook` wrote (restoring a backup).
struct UninstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall-hook",
        abstract: "Remove the pre-commit hook written by install-hook, restoring the hook it replaced."
    )

    @Option(name: .customLong("repository"), help: "A directory inside the work tree (default: the current directory).")
    var repository: String = "."

    func run() throws {
        do {
            switch try HookInstaller(directory: repository).uninstall() {
            case .removed(let path, let restored):
                StandardStreams.writeError("Removed \(TerminalText.neutralised(path))\n")
                if restored != nil { StandardStreams.writeError("Restored the previous hook\n") }
            case .notInstalled(let path):
                StandardStreams.writeError("No hook at \(TerminalText.neutralised(path))\n")
            case .installed, .alreadyInstalled:
                break
            }
        } catch {
            StandardStreams.writeError("tokenaudit: error: \(TerminalText.neutralised(error.description))\n")
            throw ExitCode(2)
        }
    }
}
