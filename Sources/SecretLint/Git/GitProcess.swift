import ScanResults
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why git input could not be read. Every case is a problem with the run itself (exit status 2).
public enum GitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No `git` executable on `PATH`.
    case gitNotFound
    /// The directory is not inside a git work tree.
    case notARepository(path: String)
    /// The repository has no commit yet (an unborn branch), so there is nothing to diff against.
    case noCommits
    /// A revision could not be resolved; `shallow` when the repository is a shallow clone, which is
    /// the usual reason in CI.
    case unknownRevision(String, shallow: Bool)
    /// A git command failed; `message` is git's own (first lines of its standard error).
    case commandFailed(arguments: [String], status: Int32, message: String)
    /// git's output could not be understood (or an object could not be read: a corrupt repository).
    case unexpectedOutput(String)

    public var description: String {
        switch self {
        case .gitNotFound:
            "git was not found on PATH (install git, or put it on PATH)"
        case .notARepository(let path):
            "\(path) is not inside a git work tree"
        case .noCommits:
            "the repository has no commits yet"
        case .unknownRevision(let revision, let shallow):
            shallow
                ? "revision \(revision) is not in this shallow clone; fetch more history (git fetch --deepen=N, or --unshallow; in GitHub Actions: fetch-depth: 0)"
                : "unknown revision \(revision)"
        case .commandFailed(let arguments, let status, let message):
            "git \(arguments.joined(separator: " ")) failed (status \(status)): \(message)"
        case .unexpectedOutput(let message):
            "unexpected git output: \(message)"
        }
    }
}

/// How git is run: never through a shell, always with argument arrays, in one repository.
///
/// The environment passed to git is the caller's minus every `GIT_*` variable that could point git
/// at another repository, object store, config or index (`GIT_DIR`, `GIT_WORK_TREE`,
/// `GIT_OBJECT_DIRECTORY`, `GIT_CONFIG*`, …), unless `trustGitEnvironment` is set. Inside a git
/// hook git itself sets `GIT_DIR` and `GIT_INDEX_FILE`; those two are what make `git commit -a`
/// and `git commit --only` stage into a temporary index, so hooks pass `trustGitEnvironment`.
/// Network access is disabled with `-c protocol.allow=never`, and pagers, external diff drivers,
/// textconv and colour are turned off on every command.
public struct GitRunner: Sendable {
    /// The work tree (or any directory inside it) git runs in.
    public var directory: String
    /// Keep `GIT_DIR`, `GIT_INDEX_FILE` and friends from the environment (set inside hooks).
    public var trustGitEnvironment: Bool
    /// The `git` executable found on `PATH` (or the given path).
    public let executable: String

    /// Finds `git` on `PATH`; throws `.gitNotFound` when it is not there.
    public init(directory: String, trustGitEnvironment: Bool = false, environment: [String: String]? = nil) throws(GitError) {
        self.directory = directory
        self.trustGitEnvironment = trustGitEnvironment
        let env = environment ?? GitRunner.currentEnvironment()
        guard let found = GitRunner.findExecutable("git", path: env["PATH"] ?? "/usr/bin:/bin") else { throw .gitNotFound }
        self.executable = found
    }

    /// Options put before every subcommand.
    static let safetyOptions = [
        "-c", "protocol.allow=never", "-c", "core.quotePath=false", "-c", "diff.external=",
        "-c", "color.ui=false", "-c", "core.fsmonitor=false", "--no-pager",
    ]

    /// `GIT_*` variables that redirect the repository and are dropped unless trusted.
    static let redirectingVariables: Set<String> = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM",
        "GIT_CONFIG", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
        "GIT_REPLACE_REF_BASE", "GIT_NO_REPLACE_OBJECTS", "GIT_GRAFT_FILE", "GIT_SHALLOW_FILE", "GIT_EXTERNAL_DIFF",
        "GIT_PAGER", "GIT_EXEC_PATH", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS", "GIT_TRACE", "GIT_TRACE2",
    ]

    /// The environment strings (`NAME=value`) a git child gets.
    func childEnvironment() -> [String] {
        var result: [String] = []
        for (name, value) in GitRunner.currentEnvironment() {
            if name.hasPrefix("GIT_CONFIG_KEY_") || name.hasPrefix("GIT_CONFIG_VALUE_") { continue }
            if !trustGitEnvironment && GitRunner.redirectingVariables.contains(name) { continue }
            if trustGitEnvironment && (name.hasPrefix("GIT_CONFIG") || name == "GIT_EXTERNAL_DIFF" || name == "GIT_PAGER") { continue }
            result.append("\(name)=\(value)")
        }
        result.append("GIT_TERMINAL_PROMPT=0")
        result.append("LC_ALL=C")
        return result
    }

    /// Runs `git args…` to completion and returns its standard output. Throws
    /// `.commandFailed` with git's message when the status is not 0 (unless it is in `allowed`).
    public func output(_ arguments: [String], input: [UInt8] = [], allowed: Set<Int32> = [0]) throws(GitError) -> [UInt8] {
        let child = try GitChild(runner: self, arguments: arguments)
        let (out, err) = child.communicate(input: input)
        let status = child.wait()
        guard allowed.contains(status) else {
            throw .commandFailed(arguments: arguments, status: status, message: GitRunner.firstLines(err))
        }
        return out
    }

    /// Runs `git args…` and returns its exit status and standard error, ignoring its output.
    func status(_ arguments: [String]) throws(GitError) -> (status: Int32, stderr: [UInt8], stdout: [UInt8]) {
        let child = try GitChild(runner: self, arguments: arguments)
        let (out, err) = child.communicate(input: [])
        return (child.wait(), err, out)
    }

    /// The first three lines of git's standard error, as text.
    static func firstLines(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.split(separator: "\n").prefix(3).joined(separator: "; ")
    }

    static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let string = String(cString: entry)
            if let eq = string.firstIndex(of: "=") {
                result[String(string[..<eq])] = String(string[string.index(after: eq)...])
            }
            pointer += 1
        }
        return result
    }

    static func findExecutable(_ name: String, path: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for directory in path.split(separator: ":", omittingEmptySubsequences: false) {
            let dir = directory.isEmpty ? "." : String(directory)
            let candidate = dir + "/" + name
            var st = stat()
            if stat(candidate, &st) == 0, st.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// One running git process with pipes to its standard input, output and error. Owns the pipe
/// descriptors and reaps the child (in `wait()`, or in `deinit` if never waited for).
final class GitChild {
    let pid: pid_t
    private(set) var stdinFD: Int32
    let stdoutFD: Int32
    let stderrFD: Int32
    private var reaped = false

    init(runner: GitRunner, arguments: [String]) throws(GitError) {
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            throw .commandFailed(arguments: arguments, status: -1, message: String(cString: strerror(errno)))
        }
        for fd in [inPipe[1], outPipe[0], errPipe[0]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in [inPipe[0], outPipe[1], errPipe[1]] { posix_spawn_file_actions_addclose(&actions, fd) }

        let argv = [runner.executable, "-C", runner.directory] + GitRunner.safetyOptions + arguments
        let env = runner.childEnvironment()
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }
        var child: pid_t = 0
        let rc = posix_spawn(&child, runner.executable, &actions, nil, &cArgs, &cEnv)
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            if rc == ENOENT { throw .gitNotFound }
            throw .commandFailed(arguments: arguments, status: -1, message: String(cString: strerror(rc)))
        }
        pid = child
        stdinFD = inPipe[1]
        stdoutFD = outPipe[0]
        stderrFD = errPipe[0]
    }

    deinit {
        if stdinFD >= 0 { close(stdinFD) }
        close(stdoutFD)
        close(stderrFD)
        if !reaped { _ = wait() }
    }

    /// Forgets the standard input descriptor without closing it (another owner closes it).
    func forgetInput() { stdinFD = -1 }

    /// Closes the child's standard input (end of requests).
    func closeInput() {
        if stdinFD >= 0 { close(stdinFD); stdinFD = -1 }
    }

    /// Writes `input`, closes standard input and reads standard output and error to their end,
    /// with `poll` so that neither pipe can fill up and block the child.
    func communicate(input: [UInt8]) -> (stdout: [UInt8], stderr: [UInt8]) {
        var out: [UInt8] = [], err: [UInt8] = []
        var written = 0
        if input.isEmpty { closeInput() } else { _ = fcntl(stdinFD, F_SETFL, fcntl(stdinFD, F_GETFL) | O_NONBLOCK) }
        var outOpen = true, errOpen = true
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while outOpen || errOpen {
            var fds: [pollfd] = []
            if outOpen { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
            if errOpen { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
            if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 { if errno == EINTR { continue } else { break } }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdinFD {
                    let n = input.withUnsafeBytes { raw in
                        write(stdinFD, raw.baseAddress! + written, raw.count - written)
                    }
                    if n > 0 { written += n }
                    if n < 0 && errno != EAGAIN && errno != EINTR { closeInput() }
                    if written >= input.count { closeInput() }
                    continue
                }
                let n = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if entry.fd == stdoutFD { out.append(contentsOf: buffer[0..<n]) } else { err.append(contentsOf: buffer[0..<n]) }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    if entry.fd == stdoutFD { outOpen = false } else { errOpen = false }
                }
            }
        }
        closeInput()
        return (out, err)
    }

    /// Waits for the child and returns its exit status (128 + signal when killed).
    @discardableResult
    func wait() -> Int32 {
        if reaped { return 0 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }

    /// Reads all of standard error (after standard output has ended).
    func drainStandardError() -> [UInt8] {
        var err: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(stderrFD, $0.baseAddress, $0.count) }
            if n > 0 { err.append(contentsOf: buffer[0..<n]) } else if n < 0 && errno == EINTR { continue } else { break }
        }
        return err
    }
}
