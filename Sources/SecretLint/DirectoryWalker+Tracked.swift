import ScanResults

/// The files git tracks in one work tree directory, as `git ls-files -z` lists them from there.
///
/// `.gitignore` has no effect on a tracked file (gitignore(5)): a committed `.env` listed in
/// `.gitignore` is in every clone, so the directory walker scans it. The walker asks git once per
/// repository it meets (the scan root inside a work tree, or a work tree found below it) and uses
/// this set to tell tracked paths, which `.gitignore` cannot hide, from untracked ones, which it can.
struct TrackedFiles: Sendable {
    /// Tracked paths relative to the directory git was asked in, `/`-separated.
    private(set) var files: Set<String> = []
    /// Every directory (relative, no trailing `/`) that holds at least one tracked path.
    private(set) var directories: Set<String> = []

    /// Parses `git ls-files -z` output: NUL-terminated paths relative to the directory it ran in.
    init(listing: some Collection<UInt8>) {
        for path in listing.split(separator: 0, omittingEmptySubsequences: true) {
            let text = PathBytes.string(path)
            files.insert(text)
            var end = text.endIndex
            while let slash = text[..<end].lastIndex(of: "/") {
                guard directories.insert(String(text[..<slash])).inserted else { break }
                end = slash
            }
        }
    }

    /// The tracked files below `directory` (a file system path), or nil when it is not inside a git
    /// work tree, git is not on `PATH`, or git fails there: the walk then behaves as without git.
    /// `GIT_DIR` and similar variables from the environment are not used (see `GitRunner`).
    static func inWorkTree(at directory: String) -> TrackedFiles? {
        guard let runner = try? GitRunner(directory: directory),
              let listing = try? runner.output(["ls-files", "-z", "--cached"]) else { return nil }
        return TrackedFiles(listing: listing)
    }

    /// Whether the entry at `relativePath` (relative to the directory git listed) is tracked, or,
    /// for a directory, holds a tracked path.
    func contains(_ relativePath: String, isDirectory: Bool) -> Bool {
        isDirectory ? directories.contains(relativePath) || files.contains(relativePath) : files.contains(relativePath)
    }
}

/// The work tree the walk is in at one point: its tracked files and where it starts.
struct WalkRepository: Sendable {
    /// The work tree's directory relative to the scan root (empty: the scan root itself).
    var directory: String
    var tracked: TrackedFiles

    /// Whether the entry at `relativePath` (relative to the scan root) is tracked by this work tree.
    func tracks(_ relativePath: String, isDirectory: Bool) -> Bool {
        if directory.isEmpty { return tracked.contains(relativePath, isDirectory: isDirectory) }
        guard relativePath.hasPrefix(directory + "/") else { return false }
        return tracked.contains(String(relativePath.dropFirst(directory.count + 1)), isDirectory: isDirectory)
    }
}

extension DirectoryWalker {
    /// How an ignore rule applies to one walked entry.
    enum IgnoreVerdict: Equatable {
        /// Scan the file or walk the directory. `insideIgnored` names the ignore file that ignored
        /// an enclosing directory, kept only because it holds tracked paths.
        case walk(insideIgnored: String?)
        /// Leave the entry out; `file` is the ignore file (relative to the scan root) that decided.
        case ignored(file: String)
    }

    /// Decides whether to walk the entry at `relativePath`. Tracked entries (and directories that
    /// hold tracked paths) ignore `.gitignore` as git does, while `.ignore` and `.tokenauditignore`
    /// still apply to them; untracked entries inside an ignored directory stay ignored.
    static func verdict(
        relativePath: String, isDirectory: Bool, ignores: IgnoreStack, repository: WalkRepository?,
        insideIgnored: String?
    ) -> IgnoreVerdict {
        let tracked = repository?.tracks(relativePath, isDirectory: isDirectory) ?? false
        if tracked {
            if let file = ignores.ignoringFile(relativePath: relativePath, isDirectory: isDirectory, skipping: ".gitignore") {
                return .ignored(file: file)
            }
            let byGitignore = ignores.ignoringFile(relativePath: relativePath, isDirectory: isDirectory)
            return .walk(insideIgnored: insideIgnored ?? byGitignore)
        }
        if let insideIgnored { return .ignored(file: insideIgnored) }
        if let file = ignores.ignoringFile(relativePath: relativePath, isDirectory: isDirectory) {
            return .ignored(file: file)
        }
        return .walk(insideIgnored: nil)
    }
}
