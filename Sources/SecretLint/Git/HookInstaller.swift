import ScanResults
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Installs and removes the pre-commit hook that runs `tokenaudit git staged`.
///
/// The hooks directory is git's own answer (`git rev-parse --git-path hooks`), which honours
/// `core.hooksPath` and linked work trees. A hook TokenAudit wrote carries `marker`; any other
/// hook is foreign and is only replaced with `force`, after a backup copy
/// (`pre-commit.tokenaudit-backup`, or with a numeric suffix when that exists). Uninstalling
/// removes only a TokenAudit hook and puts the most recent backup back.
public struct HookInstaller: Sendable {
    public static let marker = "# tokenaudit-managed-hook"

    public enum Outcome: Sendable, Hashable {
        case installed(path: String, backup: String?)
        case alreadyInstalled(path: String)
        case removed(path: String, restored: String?)
        case notInstalled(path: String)
    }

    public enum HookError: Error, Sendable, CustomStringConvertible {
        case git(GitError)
        case foreignHook(path: String)
        case io(path: String, message: String)

        public var description: String {
            switch self {
            case .git(let error): error.description
            case .foreignHook(let path):
                "\(path) exists and was not written by tokenaudit; use --force to replace it (a backup is kept), or call `tokenaudit git staged --hook` from it"
            case .io(let path, let message): "\(path): \(message)"
            }
        }
    }

    public var directory: String
    public init(directory: String) { self.directory = directory }

    /// The hook script: runs `command git staged --hook`, passing on extra arguments.
    public static func script(command: String) -> String {
        let quoted = command.shellSingleQuoted
        return """
            #!/bin/sh
            \(marker) (remove with `tokenaudit uninstall-hook`)
            # Scans the staged changes for leaked credentials and stored passwords.
            # Bypass once: git commit --no-verify. Allow a line: add tokenaudit:allow to it.
            exec \(quoted) git staged --hook "$@"

            """
    }

    /// The `pre-commit` path in the repository's hooks directory.
    public func hookPath() throws(HookError) -> String {
        do {
            let repository = try GitRepository.open(directory: directory, trustGitEnvironment: false)
            let out = try repository.runner.output(["rev-parse", "--path-format=absolute", "--git-path", "hooks"])
            return String(decoding: out, as: UTF8.self).trimmingNewlines + "/pre-commit"
        } catch {
            throw .git(error)
        }
    }

    public func install(command: String, force: Bool) throws(HookError) -> Outcome {
        let path = try hookPath()
        let script = Self.script(command: command)
        var backup: String?
        if let existing = Self.read(path) {
            if existing == script { return .alreadyInstalled(path: path) }
            if !existing.contains(Self.marker) {
                guard force else { throw .foreignHook(path: path) }
                let target = Self.freeBackupPath(path)
                guard rename(path, target) == 0 else { throw .io(path: target, message: String(cString: strerror(errno))) }
                backup = target
            }
        }
        let directory = String(path.dropLast("/pre-commit".count))
        Self.makeDirectories(directory)
        try Self.writeExecutable(script, to: path)
        return .installed(path: path, backup: backup)
    }

    public func uninstall() throws(HookError) -> Outcome {
        let path = try hookPath()
        guard let existing = Self.read(path) else { return .notInstalled(path: path) }
        guard existing.contains(Self.marker) else { throw .foreignHook(path: path) }
        guard unlink(path) == 0 else { throw .io(path: path, message: String(cString: strerror(errno))) }
        let backups = [path + ".tokenaudit-backup"] + (1...99).map { "\(path).tokenaudit-backup.\($0)" }
        guard let latest = backups.last(where: { access($0, F_OK) == 0 }) else { return .removed(path: path, restored: nil) }
        guard rename(latest, path) == 0 else { throw .io(path: latest, message: String(cString: strerror(errno))) }
        return .removed(path: path, restored: path)
    }

    static func freeBackupPath(_ path: String) -> String {
        let base = path + ".tokenaudit-backup"
        if access(base, F_OK) != 0 { return base }
        var n = 1
        while access("\(base).\(n)", F_OK) == 0 { n += 1 }
        return "\(base).\(n)"
    }

    static func read(_ path: String) -> String? {
        guard let text = readTextFile(path, limit: 1 << 20) else { return nil }
        return text
    }

    static func makeDirectories(_ path: String) {
        var current = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            current += (current.isEmpty && path.hasPrefix("/") && part.isEmpty) ? "/" : (current.hasSuffix("/") || current.isEmpty ? "" : "/") + part
            if !current.isEmpty { mkdir(current, 0o755) }
        }
    }

    static func writeExecutable(_ text: String, to path: String) throws(HookError) {
        let temporary = path + ".tokenaudit-tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o755)
        guard fd >= 0 else { throw .io(path: temporary, message: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fchmod(fd, 0o755)
        close(fd)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .io(path: path, message: String(cString: strerror(errno)))
        }
    }
}

extension String {
    /// The text inside POSIX shell single quotes: each `'` becomes `'\\''`.
    var shellSingleQuoted: String {
        "'" + split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
