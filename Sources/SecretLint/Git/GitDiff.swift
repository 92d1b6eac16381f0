import ScanResults
/// One changed path from `git diff --raw -z --no-abbrev` (or `diff-tree`): the new side's mode,
/// blob id and path. Paths are bytes, exactly as git stores them.
public struct DiffEntry: Sendable, Hashable {
    /// `A` added, `M` modified, `D` deleted, `R` renamed, `C` copied, `T` type changed, `U` unmerged.
    public var status: UInt8
    public var oldMode: String
    public var newMode: String
    public var newID: ObjectID
    /// The path on the new side (for a rename or copy: the destination).
    public var path: [UInt8]
    /// The source path of a rename or copy.
    public var sourcePath: [UInt8]?

    /// A gitlink: the new side is a submodule commit, not a blob.
    public var isSubmodule: Bool { newMode == "160000" }
    /// A symbolic link: its blob is the link target, not file content.
    public var isSymlink: Bool { newMode == "120000" }
    public var isDeletion: Bool { status == UInt8(ascii: "D") }
}

/// Parsers for git's machine-readable output. Pure functions over bytes, so they can be tested
/// (and fuzzed) without a repository.
public enum GitOutputParser {
    /// Parses `--raw -z` output: `:<old mode> <new mode> <old id> <new id> <status>[score]\0<path>\0`
    /// with a second path for renames and copies. Leading newlines (after `log` headers) are ignored.
    public static func rawEntries(_ bytes: some Collection<UInt8>) throws(GitError) -> [DiffEntry] {
        var tokens = Array(bytes).split(separator: 0, omittingEmptySubsequences: false)[...]
        var entries: [DiffEntry] = []
        while let token = tokens.popFirst() {
            let meta = token.drop { $0 == UInt8(ascii: "\n") }
            if meta.isEmpty { continue }
            guard let entry = try rawEntry(meta: meta, tokens: &tokens) else { continue }
            entries.append(entry)
        }
        return entries
    }

    /// One raw entry whose meta token is `meta`; its path tokens are taken from `tokens`.
    static func rawEntry(meta: ArraySlice<UInt8>, tokens: inout ArraySlice<ArraySlice<UInt8>>) throws(GitError) -> DiffEntry? {
        try rawEntry(meta: meta) { tokens.popFirst() }
    }

    /// One raw entry whose meta token is `meta`; `nextToken` gives its path tokens (NUL-separated).
    static func rawEntry(meta: ArraySlice<UInt8>, nextToken: () -> ArraySlice<UInt8>?) throws(GitError) -> DiffEntry? {
        guard meta.first == UInt8(ascii: ":") else {
            throw .unexpectedOutput("raw diff entry \(String(decoding: meta.prefix(80), as: UTF8.self))")
        }
        let fields = meta.dropFirst().split(separator: UInt8(ascii: " "))
        guard fields.count >= 5, let status = fields[4].first, let path = nextToken() else {
            throw .unexpectedOutput("raw diff entry \(String(decoding: meta.prefix(80), as: UTF8.self))")
        }
        var entry = DiffEntry(
            status: status, oldMode: String(decoding: fields[0], as: UTF8.self), newMode: String(decoding: fields[1], as: UTF8.self),
            newID: ObjectID(String(decoding: fields[3], as: UTF8.self)), path: Array(path), sourcePath: nil)
        if status == UInt8(ascii: "R") || status == UInt8(ascii: "C") {
            guard let destination = nextToken() else { throw .unexpectedOutput("rename without destination") }
            entry.sourcePath = Array(path)
            entry.path = Array(destination)
        }
        return entry
    }

    /// Added line numbers (1-based, new side) per file section of a `-U0` patch, in the order of the
    /// sections. A section is `nil` when git showed no hunks for a changed text file because it
    /// judged it binary (`Binary files … differ`), or when one of its hunk headers could not be
    /// read: the caller then treats every line as added (fail closed).
    public static func addedLines(patch bytes: [UInt8]) -> [AddedLines?] {
        var sections: [AddedLines?] = []
        var current = AddedLines()
        var binary = false
        var inSection = false
        func close() {
            if inSection { sections.append(binary ? nil : current) }
        }
        var lineStart = 0
        let diffHeader = Array("diff --git ".utf8), hunk = Array("@@ ".utf8), binaryMarker = Array("Binary files ".utf8)
        var inHunk = false
        while lineStart < bytes.count {
            let end = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[lineStart..<end]
            if line.starts(with: diffHeader) {
                close()
                inSection = true; current = AddedLines(); binary = false; inHunk = false
            } else if line.starts(with: hunk) {
                if let range = newSideRange(line) { current.ranges.append(range) } else { binary = true }
                inHunk = true
            } else if !inHunk && line.starts(with: binaryMarker) {
                binary = true
            }
            lineStart = end + 1
        }
        close()
        return sections
    }

    /// The new side `+c,d` of a hunk header as a line range (`d` missing: 1); nil unless `c` and
    /// `d` are plain decimal numbers (a sign or a 19-digit count made an invalid range or overflowed).
    static func newSideRange(_ line: ArraySlice<UInt8>) -> Range<Int>? {
        guard let plus = line.firstIndex(of: UInt8(ascii: "+")) else { return nil }
        let rest = line[(plus + 1)...].prefix { $0 != UInt8(ascii: " ") }
        let parts = rest.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard parts.count <= 2, let start = WholeFilePatch.number(parts[0]) else { return nil }
        let count = parts.count > 1 ? WholeFilePatch.number(parts[1]) : 1
        guard let count else { return nil }
        return start..<(start + count)
    }

    /// Parses a commit object: author name and email, author date (ISO 8601, UTC offset kept),
    /// and the message.
    public static func commit(_ bytes: [UInt8]) -> (author: String, date: String, message: [UInt8]) {
        var author = "", date = ""
        var position = 0
        while position < bytes.count {
            let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[position..<end]
            if line.isEmpty { return (author, date, Array(bytes[min(end + 1, bytes.count)...])) }
            if line.starts(with: Array("author ".utf8)) {
                let text = String(decoding: line.dropFirst(7), as: UTF8.self)
                if let close = text.lastIndex(of: ">") {
                    author = String(text[...close])
                    let stamp = text[text.index(after: close)...].split(separator: " ")
                    if stamp.count == 2, let seconds = Int(stamp[0]) { date = isoDate(seconds: seconds, offset: String(stamp[1])) ?? "" }
                } else {
                    author = text
                }
            }
            position = end + 1
        }
        return (author, date, [])
    }

    /// `seconds` since the epoch in the zone `offset` (`+0200`) as `2024-05-01T12:00:00+02:00`;
    /// nil when the local time is outside the years 0000–9999 (a commit object can hold any number,
    /// and one near `Int.max` overflowed here).
    public static func isoDate(seconds: Int, offset: String) -> String? {
        let sign = offset.hasPrefix("-") ? -1 : 1
        let digits = offset.dropFirst()
        let hours = Int(digits.prefix(2)) ?? 0, minutes = Int(digits.suffix(2)) ?? 0
        guard (0...99).contains(hours), (0...99).contains(minutes) else { return nil }
        let (local, overflow) = seconds.addingReportingOverflow(sign * (hours * 3600 + minutes * 60))
        guard !overflow, (-62_167_219_200...253_402_300_799).contains(local) else { return nil }
        var days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let secondOfDay = local - days * 86400
        // Civil from days (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let zone = "\(sign < 0 ? "-" : "+")\(two(hours)):\(two(minutes))"
        let yearDigits = String(year)
        return "\(String(repeating: "0", count: 4 - yearDigits.count))\(yearDigits)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))\(zone)"
    }

    /// A path for people: UTF-8 as is, other bytes as `\xNN`, control characters escaped.
    public static func displayPath(_ bytes: [UInt8]) -> String {
        // Most paths are printable ASCII without a backslash, shown as they are (called once per
        // blob of a history scan).
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        var index = 0
        while index < bytes.count {
            // Decode one scalar if the bytes form valid UTF-8.
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            if length > 0, index + length <= bytes.count,
               let scalar = String(validating: bytes[index..<(index + length)], as: UTF8.self) {
                if length == 1 && (byte < 0x20 || byte == 0x7F) {
                    switch byte {
                    case 0x0A: result += "\\n"
                    case 0x09: result += "\\t"
                    default: result += "\\x" + hex(byte)
                    }
                } else if byte == UInt8(ascii: "\\") {
                    result += "\\\\"
                } else {
                    result += scalar
                }
                index += length
            } else {
                result += "\\x" + hex(byte)
                index += 1
            }
        }
        return result
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}

/// The new-side lines a change added, as sorted 1-based line ranges.
public struct AddedLines: Sendable, Hashable {
    public var ranges: [Range<Int>] = []
    public init(ranges: [Range<Int>] = []) { self.ranges = ranges }

    /// Whether any line of `lines` (inclusive first/last) was added.
    public func contains(lines first: Int, _ last: Int) -> Bool {
        ranges.contains { $0.lowerBound <= last && first < $0.upperBound }
    }
}
