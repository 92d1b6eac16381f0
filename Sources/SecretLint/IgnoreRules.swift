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
    /// Costs at most (pattern length × path length) byte comparisons, whatever the pattern.
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
///
/// At most (pattern length × text length) steps, never exponential: since `*`, `?` and classes never match `/`, the pattern and the path are
/// split at `/` into components. Components are matched with the greedy algorithm that remembers
/// only the last `*` (on a mismatch it lets that star swallow one more byte and retries from
/// there), and the component lists are matched the same way with `**` as the star. Either level
/// costs at most (pattern length × text length) steps, where the recursive matcher this replaced
/// was exponential in the number of stars (`*a*a*a*a*a*a*a*b` against 60 `a`s took 31 s).
///
/// `**` is special only as a whole component: `**/x` and `a/**/b` match zero or more directories,
/// a trailing `/**` matches one or more components (everything below, not the directory itself).
/// Elsewhere `**` is two `*`s. A `/` escaped as `\/` is a separator too.
enum Glob {
    private static let slash = UInt8(ascii: "/")
    private static let star = UInt8(ascii: "*")
    private static let backslash = UInt8(ascii: "\\")

    /// One component of a pattern: `**`, or a glob that matches one path component.
    enum Part: Equatable {
        case globstar
        case component(ArraySlice<UInt8>)
    }

    static func matches(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var parts = split(pattern)
        // A trailing `**` needs at least one component below: `x/**` matches `x/y`, not `x`.
        if parts.count > 1, parts.last == .globstar {
            parts.insert(.component(Array("*".utf8)[...]), at: parts.count - 1)
        }
        let names = text.split(separator: slash, omittingEmptySubsequences: false)
        // Greedy matching over components, with `**` as the star.
        var p = 0
        var t = 0
        var starPart = -1
        var starName = 0
        while t < names.count {
            if p < parts.count, parts[p] == .globstar {
                starPart = p
                starName = t
                p += 1
            } else if p < parts.count, case .component(let glob) = parts[p], matchesComponent(glob, names[t]) {
                p += 1
                t += 1
            } else if starPart >= 0 {
                p = starPart + 1
                starName += 1
                t = starName
            } else {
                return false
            }
        }
        while p < parts.count, parts[p] == .globstar { p += 1 }
        return p == parts.count
    }

    /// The pattern split at each `/` that is neither escaped-as-literal nor inside a `[...]` class.
    static func split(_ pattern: ArraySlice<UInt8>) -> [Part] {
        var parts: [Part] = []
        var start = pattern.startIndex
        var i = pattern.startIndex
        func close(_ end: Int) {
            let glob = pattern[start..<end]
            parts.append(glob.elementsEqual([star, star]) ? .globstar : .component(glob))
        }
        while i < pattern.endIndex {
            let c = pattern[i]
            if c == slash {
                close(i)
                i += 1
                start = i
            } else if c == backslash, i + 1 < pattern.endIndex {
                if pattern[i + 1] == slash {
                    close(i)
                    i += 2
                    start = i
                } else {
                    i += 2
                }
            } else if c == UInt8(ascii: "["), let (_, next) = matchClass(pattern, at: i, byte: 0) {
                i = next
            } else {
                i += 1
            }
        }
        close(pattern.endIndex)
        return parts
    }

    /// Whether `glob` (no `/` outside classes) matches the whole of `name` (no `/`).
    static func matchesComponent(_ glob: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
        var p = glob.startIndex
        var t = name.startIndex
        var starAt = -1  // index in `glob` of the last `*` seen
        var starText = 0  // where in `name` that star's match currently ends
        while t < name.endIndex {
            if p < glob.endIndex, glob[p] == star {
                starAt = p
                starText = t
                p += 1
            } else if p < glob.endIndex, let next = matchOne(glob, at: p, byte: name[t]) {
                p = next
                t += 1
            } else if starAt >= 0 {
                p = starAt + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < glob.endIndex, glob[p] == star { p += 1 }
        return p == glob.endIndex
    }

    /// When the single-byte token at `p` (`?`, a class, `\x` or a literal) matches `byte`, the
    /// index after the token; otherwise nil. No token matches `/`.
    private static func matchOne(_ glob: ArraySlice<UInt8>, at p: Int, byte: UInt8) -> Int? {
        guard byte != slash else { return nil }
        let c = glob[p]
        switch c {
        case UInt8(ascii: "?"):
            return p + 1
        case UInt8(ascii: "["):
            // An unterminated `[` is a literal.
            guard let (matched, next) = matchClass(glob, at: p, byte: byte) else { return byte == c ? p + 1 : nil }
            return matched ? next : nil
        case backslash where p + 1 < glob.endIndex:
            return byte == glob[p + 1] ? p + 2 : nil
        default:
            return byte == c ? p + 1 : nil
        }
    }

    /// Matches `byte` against the class starting at `start` (`[`); returns whether it matched and
    /// the index after `]`, or nil when the class is unterminated.
    static func matchClass(_ pattern: ArraySlice<UInt8>, at start: Int, byte: UInt8) -> (Bool, Int)? {
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

/// The ignore files in effect at one point of a walk: one `IgnoreFile` per ignore file from the
/// scan root down, each with the path of its directory relative to the root and its name. Deeper
/// files take precedence, as in git; in one directory `.tokenauditignore` beats `.ignore`, which
/// beats `.gitignore` (as if they were one file in that order).
public struct IgnoreStack: Sendable {
    struct Level: Sendable {
        var directory: [UInt8]  // relative to the scan root, no trailing slash; empty for the root
        var name: String  // the ignore file's name, e.g. `.gitignore`
        var file: IgnoreFile
    }

    var levels: [Level] = []

    public init() {}

    /// A stack with `file` (named `name` in its directory) added for `directory` (relative to the
    /// scan root).
    public func adding(_ file: IgnoreFile, forDirectory directory: String, name: String = ".gitignore") -> IgnoreStack {
        guard !file.patterns.isEmpty else { return self }
        var copy = self
        copy.levels.append(Level(directory: Array(directory.utf8), name: name, file: file))
        return copy
    }

    /// Whether the entry at `relativePath` (relative to the scan root) is ignored.
    public func isIgnored(relativePath: String, isDirectory: Bool) -> Bool {
        ignoringFile(relativePath: relativePath, isDirectory: isDirectory) != nil
    }

    /// The ignore file (its path relative to the scan root) whose pattern ignores the entry at
    /// `relativePath`, or nil when no file ignores it (no pattern matched, or the deciding pattern
    /// re-includes it). Files named `skipping` are not consulted (tracked files ignore `.gitignore`).
    public func ignoringFile(relativePath: String, isDirectory: Bool, skipping: String? = nil) -> String? {
        let path = Array(relativePath.utf8)
        for level in levels.reversed() where level.name != skipping {
            let sub: ArraySlice<UInt8>
            if level.directory.isEmpty {
                sub = path[...]
            } else {
                guard path.count > level.directory.count + 1, path.starts(with: level.directory),
                      path[level.directory.count] == UInt8(ascii: "/") else { continue }
                sub = path[(level.directory.count + 1)...]
            }
            if let decision = level.file.decision(relativePath: sub, isDirectory: isDirectory) {
                guard decision else { return nil }
                let directory = String(decoding: level.directory, as: UTF8.self)
                return directory.isEmpty ? level.name : directory + "/" + level.name
            }
        }
        return nil
    }
}
