import ScanResults
/// One input to scan, as a walker yields it: a display path, a way to open its bytes, and
/// optionally where it came from and which lines count.
public struct ScanTarget: Sendable, Hashable {
    /// How to open the input's bytes (the byte-source layer reads it).
    public enum Source: Sendable, Hashable {
        /// A file system path (absolute, or relative to the working directory of the request), a
        /// `PathBytes` string of any length.
        case file(String)
        /// Standard input.
        case standardInput
        /// Bytes already in memory (e.g. a git blob read by a walker).
        case bytes([UInt8])
    }

    /// The path shown in reports: the scan root as the user named it joined with the path below it.
    /// A `PathBytes` string: a name that is not UTF-8 keeps its bytes (reports show
    /// `PathBytes.displayed(path)`).
    public var path: String
    /// The path relative to the scan root (for a file named directly: the path as named), a
    /// `PathBytes` string.
    public var relativePath: String
    public var source: Source
    /// Named on the command line (not found by a walk): symlinks are followed and FIFOs read.
    public var isExplicit: Bool
    /// Where the input came from in git history; copied onto its findings.
    public var provenance: Provenance?
    /// Only findings on these lines are reported (git: added or changed lines); nil: every line.
    public var lineFilter: LineFilter?

    public init(
        path: String, relativePath: String, source: Source, isExplicit: Bool, provenance: Provenance? = nil,
        lineFilter: LineFilter? = nil
    ) {
        self.path = path
        self.relativePath = relativePath
        self.source = source
        self.isExplicit = isExplicit
        self.provenance = provenance
        self.lineFilter = lineFilter
    }
}

/// A set of 1-based line numbers, as sorted disjoint ranges (git: the added lines of a change).
public struct LineFilter: Sendable, Hashable {
    /// Sorted, non-overlapping, non-empty ranges.
    public private(set) var ranges: [ClosedRange<Int>]

    /// Sorts and merges `ranges`.
    public init(_ ranges: [ClosedRange<Int>]) {
        var merged: [ClosedRange<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
    }

    /// Whether `line` is in the set (binary search).
    public func contains(_ line: Int) -> Bool {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound < line { lo = mid + 1 } else { hi = mid }
        }
        return lo < ranges.count && ranges[lo].contains(line)
    }
}

/// A walker: yields the inputs of a scan, in a deterministic order, and everything it left out
/// with a typed reason. The directory walker is one; git walkers (index, ranges, history) are
/// others. The linter scans what `walk()` returns, in the plan's order.
public protocol InputWalker {
    /// Walks every root. Throws for problems with the run itself (a root that does not exist).
    mutating func walk() throws(ScanError) -> ScanPlan
}

/// The result of the walk phase: what will be scanned, and what was left out.
public struct ScanPlan: Sendable {
    /// Targets sorted by display path, without duplicates.
    public var targets: [ScanTarget]
    /// Entries the walk could not or would not scan (symlinks, loops, FIFOs, unreadable directories).
    public var skipped: [SkippedInput]
    /// Entries left out by ignore files.
    public var ignored: Int

    public init(targets: [ScanTarget] = [], skipped: [SkippedInput] = [], ignored: Int = 0) {
        self.targets = targets
        self.skipped = skipped
        self.ignored = ignored
    }
}

/// Walks the paths of a request into a `ScanPlan`.
///
/// Directories are walked depth-first in byte order of names. `.git` directories are skipped;
/// hidden files and dotfiles are scanned. Ignore files (`.gitignore`, `.ignore`,
/// `.tokenauditignore`) are read in every directory from the scan root down when
/// `useIgnoreFiles` is set; then, in a git work tree (the scan root inside one, or one found below
/// it), files git tracks are scanned even when `.gitignore` matches them, and every ignored path is
/// listed as skipped with the ignore file that decided (see `TrackedFiles`). Symlinks found during
/// the walk are skipped unless `followSymlinks`; when followed, a link never takes the walk out of
/// the scan roots (a link to `/` or to an ancestor of a root is `symlinkOutsideRoots`) unless
/// `followSymlinksOutsideRoots`, a link to a
/// directory on the current path is a `symlinkLoop`, and a link to a directory already walked is
/// `symlinkDuplicate` (directories are told apart by device and inode, so every directory is
/// walked at most once through links). FIFOs, sockets and devices found during the walk are skipped.
///
/// Paths are bytes: names are read and kept as `PathBytes` strings, so a name that is not UTF-8 is
/// walked, opened and reported (shown escaped). Paths longer than `PATH_MAX` (deep nesting) are
/// reached with `openat` one chunk at a time (`PathResolution`); below `maxDepth` directory
/// levels a directory is not entered and is listed as skipped with `depthLimit`.
struct DirectoryWalker: InputWalker {
    /// Paths as the user named them; `-` is standard input (at most once).
    var roots: [String]
    var stdinName: String
    var useIgnoreFiles: Bool
    var followSymlinks: Bool
    /// With `followSymlinks`: follow links that lead outside the roots too.
    var followSymlinksOutsideRoots = false
    var workingDirectory: String?

    private(set) var plan = ScanPlan()
    /// The canonical paths (`realpath`) of the directory roots: followed symlinks stay inside them.
    private var rootCanonicalPaths: [[UInt8]] = []
    /// Every directory walked so far (device and inode): a followed link to one is not walked again.
    private var walkedDirectories: Set<FileIdentity> = []
    /// The directories on the current walk path (the root and every directory above the entry).
    private var onPath: Set<FileIdentity> = []

    /// How many directory levels below a root are walked. Deeper directories are listed as
    /// skipped (`depthLimit`), never dropped silently; the limit also bounds the walk's recursion.
    static let maxDepth = 1024

    init(
        roots: [String] = [], stdinName: String = "<stdin>", useIgnoreFiles: Bool, followSymlinks: Bool,
        workingDirectory: String?
    ) {
        self.roots = roots
        self.stdinName = stdinName
        self.useIgnoreFiles = useIgnoreFiles
        self.followSymlinks = followSymlinks
        self.workingDirectory = workingDirectory
    }

    /// Walks every root into a plan: targets in path (byte) order without duplicates, skipped
    /// entries in path order. Throws when a root does not exist or cannot be listed, or when
    /// standard input is named twice.
    mutating func walk() throws(ScanError) -> ScanPlan {
        if roots.count(where: { $0 == "-" }) > 1 { throw .stdinTwice }
        plan = ScanPlan()
        walkedDirectories = []
        rootCanonicalPaths = roots.filter { $0 != "-" }.compactMap { canonicalPath(fileSystemPath($0)) }
        for root in roots {
            try addRoot(root, stdinName: stdinName)
        }
        return finish()
    }

    /// The file system path for a path as the user named it.
    func fileSystemPath(_ named: String) -> String {
        if named.hasPrefix("/") { return named }
        guard let workingDirectory, !workingDirectory.isEmpty else { return named }
        return workingDirectory.hasSuffix("/") ? workingDirectory + named : workingDirectory + "/" + named
    }

    /// `named` without trailing slashes and leading `./`; `.` becomes the empty prefix.
    static func displayRoot(_ named: String) -> String {
        var path = Substring(named)
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        while path.hasPrefix("./") {
            path = path.dropFirst(2)
            while path.hasPrefix("/") { path = path.dropFirst() }
        }
        if path == "." { return "" }
        return String(path)
    }

    static func join(_ prefix: String, _ name: String) -> String {
        if prefix.isEmpty { return name }
        return prefix.hasSuffix("/") ? prefix + name : prefix + "/" + name
    }

    /// Adds one path named by the user. Throws when it does not exist or cannot be listed.
    mutating func addRoot(_ named: String, stdinName: String) throws(ScanError) {
        if named == "-" {
            plan.targets.append(ScanTarget(path: stdinName, relativePath: stdinName, source: .standardInput, isExplicit: true))
            return
        }
        let fsPath = fileSystemPath(named)
        let status: EntryStatus
        switch EntryStatus.of(fsPath, followingSymlink: true) {
        case .success(let s): status = s
        case .failure(let error): throw .unreadableRoot(path: PathBytes.displayed(named), message: error.message)
        }
        let display = Self.displayRoot(named)
        switch status.kind {
        case .directory:
            let ignores: IgnoreStack
            switch directoryEntries(fsPath) {
            case .failure(let error): throw .unreadableRoot(path: PathBytes.displayed(named), message: error.message)
            case .success(let names):
                walkedDirectories.insert(status.identity)
                ignores = loadIgnores(in: fsPath, names: names, relative: "", into: IgnoreStack())
                let repository = useIgnoreFiles ? TrackedFiles.inWorkTree(at: fsPath).map { WalkRepository(directory: "", tracked: $0) } : nil
                onPath = [status.identity]
                walk(fsPath: fsPath, names: names, display: display, relative: "", ignores: ignores,
                     repository: repository, insideIgnored: nil, depth: 1)
            }
        case .regular, .fifo, .device:
            if status.kind == .regular {
                // A file the user named that cannot be opened is an error of the run (exit 2), as
                // for a directory: skipping it would let a CI gate pass a file it never read.
                do {
                    _ = try OpenFile(path: fsPath, noFollow: false)
                } catch {
                    throw .unreadableRoot(path: PathBytes.displayed(named), message: error.message)
                }
            }
            let shown = display.isEmpty ? named : display
            plan.targets.append(ScanTarget(path: shown, relativePath: shown, source: .file(fsPath), isExplicit: true))
        case .symlink, .socket, .other:
            skip(display.isEmpty ? named : display, status.kind.skipReason ?? .device)
        }
    }

    /// Sorts targets and skipped entries by path and drops duplicate targets (overlapping roots).
    mutating func finish() -> ScanPlan {
        var seen = Set<String>()
        plan.targets = plan.targets
            .map { (PathBytes.bytes(of: $0.path), $0) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
            .map(\.1)
            .filter { seen.insert($0.path).inserted }
        plan.skipped.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return plan
    }

    private func loadIgnores(in fsPath: String, names: [String], relative: String, into stack: IgnoreStack) -> IgnoreStack {
        guard useIgnoreFiles else { return stack }
        var stack = stack
        for name in IgnoreFile.names where names.contains(name) {
            guard let text = readSmallTextFile(Self.join(fsPath, name)) else { continue }
            stack = stack.adding(IgnoreFile(text: text), forDirectory: relative, name: name)
        }
        return stack
    }

    private mutating func walk(
        fsPath: String, names: [String], display: String, relative: String, ignores: IgnoreStack,
        repository: WalkRepository?, insideIgnored: String?, depth: Int
    ) {
        for name in names {
            let childFS = Self.join(fsPath, name)
            let childRelative = Self.join(relative, name)
            let childDisplay = Self.join(display, childRelative)
            guard case .success(let status) = EntryStatus.of(childFS, followingSymlink: false) else {
                // Listed a moment ago and gone now: the scan phase reports it when opening fails.
                plan.targets.append(ScanTarget(path: childDisplay, relativePath: childRelative, source: .file(childFS), isExplicit: false))
                continue
            }
            if status.kind == .directory && name == ".git" { continue }
            var childInsideIgnored: String? = nil
            if useIgnoreFiles {
                switch Self.verdict(relativePath: childRelative, isDirectory: status.kind == .directory, ignores: ignores,
                                    repository: repository, insideIgnored: insideIgnored) {
                case .ignored(let file):
                    plan.ignored += 1
                    skip(childDisplay, .ignored(file: PathBytes.displayed(file)))
                    continue
                case .walk(let inside):
                    childInsideIgnored = inside
                }
            }
            var resolved = status
            if status.kind == .symlink {
                guard followSymlinks else {
                    skip(childDisplay, .symlink)
                    continue
                }
                guard case .success(let target) = EntryStatus.of(childFS, followingSymlink: true) else {
                    skip(childDisplay, .brokenSymlink)
                    continue
                }
                if target.kind == .directory && onPath.contains(target.identity) {
                    skip(childDisplay, .symlinkLoop)
                    continue
                }
                guard followSymlinksOutsideRoots || isInsideRoots(childFS) else {
                    skip(childDisplay, .symlinkOutsideRoots)
                    continue
                }
                if target.kind == .directory && walkedDirectories.contains(target.identity) {
                    skip(childDisplay, .symlinkDuplicate)
                    continue
                }
                resolved = target
            }
            switch resolved.kind {
            case .directory:
                guard depth <= Self.maxDepth else {
                    skip(childDisplay, .depthLimit(levels: Self.maxDepth))
                    continue
                }
                switch directoryEntries(childFS) {
                case .failure(let error):
                    skip(childDisplay, .unreadable(message: error.message))
                case .success(let childNames):
                    walkedDirectories.insert(resolved.identity)
                    onPath.insert(resolved.identity)
                    defer { onPath.remove(resolved.identity) }
                    let childIgnores = loadIgnores(in: childFS, names: childNames, relative: childRelative, into: ignores)
                    // A work tree below the scan root (a nested repository or a submodule) lists its own files.
                    let nested = useIgnoreFiles && childNames.contains(".git")
                        ? TrackedFiles.inWorkTree(at: childFS).map { WalkRepository(directory: childRelative, tracked: $0) } : nil
                    walk(fsPath: childFS, names: childNames, display: display, relative: childRelative,
                         ignores: childIgnores,
                         repository: nested ?? repository, insideIgnored: nested == nil ? childInsideIgnored : nil,
                         depth: depth + 1)
                }
            case .regular:
                plan.targets.append(ScanTarget(path: childDisplay, relativePath: childRelative, source: .file(childFS), isExplicit: false))
            default:
                skip(childDisplay, resolved.kind.skipReason ?? .device)
            }
        }
    }

    /// Lists `path` (a `PathBytes` string) as skipped, shown escaped.
    private mutating func skip(_ path: String, _ reason: SkipReason) {
        plan.skipped.append(SkippedInput(path: PathBytes.displayed(path), reason: reason))
    }

    /// Whether the symlink at `fsPath` resolves to a path inside one of the directory roots. A
    /// link that cannot be resolved counts as outside (it is not followed).
    private func isInsideRoots(_ fsPath: String) -> Bool {
        guard let target = canonicalPath(fsPath) else { return false }
        return rootCanonicalPaths.contains { root in
            root == [UInt8(ascii: "/")] || target == root
                || (target.count > root.count && target.starts(with: root) && target[root.count] == UInt8(ascii: "/"))
        }
    }

    /// The text of a small file (ignore files, configs), or nil when it cannot be read.
    private func readSmallTextFile(_ path: String) -> String? {
        readTextFile(path, limit: 4 << 20)
    }
}

/// The UTF-8 text of a file up to `limit` bytes, or nil when it cannot be opened or read.
func readTextFile(_ path: String, limit: Int) -> String? {
    guard let file = try? OpenFile(path: path, noFollow: false) else { return nil }
    file.makeBlocking()
    guard (try? file.status().kind) == .regular else { return nil }
    var bytes: [UInt8] = []
    do {
        _ = try fill(&bytes, upTo: limit) { buffer in try file.read(into: buffer) }
    } catch {
        return nil
    }
    return String(decoding: bytes, as: UTF8.self)
}
