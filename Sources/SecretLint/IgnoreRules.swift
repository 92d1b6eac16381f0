/// One line of a gitignore-syntax file.
///
/// Follows gitignore(5): blank lines and `#` comments are skipped, `\#` and `\!` escape a leading
/// `#` or `!`, trailing unescaped spaces are dropped, `!` negates, a trailing `/` matches
/// directories only, a `/` at the start or in the middle anchors the pattern to the ignore file's
/// directory (otherwise it matches a name at any depth below it), `*` and `?` never match `/`,
/// `[...]` is a character class (`!` or `^` negates), and `**` matches across directories
/// (`**/x`, `x/**`, `a/**/b`).
public struct IgnorePattern: Sendable, Hashable {
    /// The pattern bytes without the `!`, leading `/` and trailing `/`.
    let glob: [UInt8]
    public let negated: Bool
    public let directoryOnly: Bool
    /// Matched against the whole path relative to the ignore file's directory, not a name.
    public let anchored: Bool

    /// Parses one line; nil for blank lines and comments.
    public init?(line: some StringProtocol) {
        var bytes = Array(line.utf8)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        // Trailing spaces are ignored unless escaped with a backslash.
        while bytes.last == UInt8(ascii: " ") {
            if bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: "\\") {
                bytes.remove(at: bytes.count - 2)
                break
            }
            bytes.removeLast()
        }
        guard let first = bytes.first, first != UInt8(ascii: "#") else { return nil }
        var negated = false
        if first == UInt8(ascii: "!") {
            negated = true
            bytes.removeFirst()
        } else if first == UInt8(ascii: "\\"), bytes.count > 1,
                  bytes[1] == UInt8(ascii: "#") || bytes[1] == UInt8(ascii: "!") {
            bytes.removeFirst()
        }
        var directoryOnly = false
        if bytes.last == UInt8(ascii: "/") {
            directoryOnly = true
            while bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        }
        guard !bytes.isEmpty else { return nil }
        var anchored = bytes.contains(UInt8(ascii: "/"))
        if bytes.first == UInt8(ascii: "/") {
            bytes.removeFirst()
            anchored = true
        }
        // `**/name` is the same as an unanchored `name`.
        while bytes.count > 3 && bytes.starts(with: Array("**/".utf8)) && !bytes.dropFirst(3).contains(UInt8(ascii: "/")) {
            bytes.removeFirst(3)
            anchored = false
        }
        guard !bytes.isEmpty else { return nil }
        self.glob = bytes
        self.negated = negated
        self.directoryOnly = directoryOnly
        self.anchored = anchored
    }

    /// Whether the pattern matches `relativePath` (relative to the ignore file's directory,
    /// `/`-separated, no leading `/`), whose last component is a directory when `isDirectory`.
    public func matches(relativePath: some Collection<UInt8>, isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        let path = Array(relativePath)
        if anchored {
            return Glob.matches(glob[...], path[...])
        }
        let name = path.lastIndex(of: UInt8(ascii: "/")).map { path[(path.index(after: $0))...] } ?? path[...]
        return Glob.matches(glob[...], name)
    }
}

/// Glob matching on bytes with gitignore semantics for `*`, `?`, `[...]`, `\x` and `**`.
enum Glob {
    private static let slash = UInt8(ascii: "/")
    private static let star = UInt8(ascii: "*")

    static func matches(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        while p < pattern.endIndex {
            let c = pattern[p]
            if c == star {
                let isDouble = p + 1 < pattern.endIndex && pattern[p + 1] == star
                    && (p == pattern.startIndex || pattern[p - 1] == slash)
                    && (p + 2 == pattern.endIndex || pattern[p + 2] == slash)
                if isDouble {
                    let rest = p + 2
                    if rest == pattern.endIndex { return true }  // `x/**`: everything below
                    // `**/rest`: zero or more whole directories, then rest.
                    let after = rest + 1
                    var start = t
                    while true {
                        if matches(pattern[after...], text[start...]) { return true }
                        guard let next = text[start...].firstIndex(of: slash) else { return false }
                        start = next + 1
                    }
                }
                // Single `*`: any run of non-`/` bytes.
                let rest = pattern[(p + 1)...]
                var end = t
                while true {
                    if matches(rest, text[end...]) { return true }
                    guard end < text.endIndex, text[end] != slash else { return false }
                    end += 1
                }
            }
            guard t < text.endIndex else { return false }
            switch c {
            case UInt8(ascii: "?"):
                guard text[t] != slash else { return false }
                p += 1
                t += 1
            case UInt8(ascii: "["):
                guard let (matched, next) = matchClass(pattern, at: p, byte: text[t]) else {
                    // An unterminated `[` is a literal.
                    guard text[t] == c else { return false }
                    p += 1
                    t += 1
                    continue
                }
                guard matched, text[t] != slash else { return false }
                p = next
                t += 1
            case UInt8(ascii: "\\") where p + 1 < pattern.endIndex:
                guard text[t] == pattern[p + 1] else { return false }
                p += 2
                t += 1
            default:
                guard text[t] == c else { return false }
                p += 1
                t += 1
            }
        }
        return t == text.endIndex
    }

    /// Matches `byte` against the class starting at `start` (`[`); returns whether it matched and
    /// the index after `]`, or nil when the class is unterminated.
    private static func matchClass(_ pattern: ArraySlice<UInt8>, at start: Int, byte: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < pattern.endIndex && (pattern[i] == UInt8(ascii: "!") || pattern[i] == UInt8(ascii: "^")) {
            negate = true
            i += 1
        }
        var matched = false
        var first = true
        while i < pattern.endIndex {
            var lo = pattern[i]
            if lo == UInt8(ascii: "]") && !first { return (matched != negate, i + 1) }
            first = false
            if lo == UInt8(ascii: "\\") && i + 1 < pattern.endIndex {
                i += 1
                lo = pattern[i]
            }
            var hi = lo
            if i + 2 < pattern.endIndex && pattern[i + 1] == UInt8(ascii: "-") && pattern[i + 2] != UInt8(ascii: "]") {
                hi = pattern[i + 2]
                i += 2
            }
            if lo <= byte && byte <= hi { matched = true }
            i += 1
        }
        return nil
    }
}

/// The patterns of the ignore files in one directory, in precedence order (later lines win).
public struct IgnoreFile: Sendable {
    /// The names read in each directory, lowest precedence first.
    public static let names = [".gitignore", ".ignore", ".tokenauditignore"]

    public var patterns: [IgnorePattern]

    public init(patterns: [IgnorePattern]) { self.patterns = patterns }

    /// Parses gitignore-syntax text.
    public init(text: String) {
        patterns = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" }).compactMap { IgnorePattern(line: $0) }
    }

    /// The decision of the last pattern matching the path: true ignored, false re-included
    /// (negated), nil no pattern matched.
    public func decision(relativePath: some Collection<UInt8>, isDirectory: Bool) -> Bool? {
        for pattern in patterns.reversed() where pattern.matches(relativePath: relativePath, isDirectory: isDirectory) {
            return !pattern.negated
        }
        return nil
    }
}

/// The ignore files in effect at one point of a walk: one `IgnoreFile` per directory from the
/// scan root down, each with the path of its directory relative to the root. Deeper files take
/// precedence, as in git.
public struct IgnoreStack: Sendable {
    struct Level: Sendable {
        var directory: [UInt8]  // relative to the scan root, no trailing slash; empty for the root
        var file: IgnoreFile
    }

    var levels: [Level] = []

    public init() {}

    /// A stack with `file` added for `directory` (relative to the scan root).
    public func adding(_ file: IgnoreFile, forDirectory directory: String) -> IgnoreStack {
        guard !file.patterns.isEmpty else { return self }
        var copy = self
        copy.levels.append(Level(directory: Array(directory.utf8), file: file))
        return copy
    }

    /// Whether the entry at `relativePath` (relative to the scan root) is ignored.
    public func isIgnored(relativePath: String, isDirectory: Bool) -> Bool {
        let path = Array(relativePath.utf8)
        for level in levels.reversed() {
            let sub: ArraySlice<UInt8>
            if level.directory.isEmpty {
                sub = path[...]
            } else {
                guard path.count > level.directory.count + 1, path.starts(with: level.directory),
                      path[level.directory.count] == UInt8(ascii: "/") else { continue }
                sub = path[(level.directory.count + 1)...]
            }
            if let decision = level.file.decision(relativePath: sub, isDirectory: isDirectory) { return decision }
        }
        return false
    }
}
