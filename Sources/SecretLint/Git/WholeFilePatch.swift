import Crypto

/// Rebuilds each file's new side from a patch whose context covers whole files
/// (`git diff -p -U<WholeFilePatch.context>`), one line at a time as git writes it, so that the
/// pre-commit scan needs one git process for names, blob ids, content and added lines.
///
/// With a context longer than any file, git prints every line of the new side as context (` `)
/// or added (`+`) in one hunk starting at line 1; removed lines (`-`) are dropped and
/// `\ No newline at end of file` removes the line end of the line before it when that line is on
/// the new side. A section git judged binary (`Binary files … differ`, e.g. a `-diff` attribute)
/// has no lines. The rebuilt bytes are trusted only when they hash to the blob id git listed
/// (`isBlob(_:id:)`): a config that changes how a patch is printed can make the scan read the
/// blob, never scan other bytes.
public struct WholeFilePatch: Sendable {
    /// The `-U` value: more lines than any file has (xdiff counts lines in `long`).
    public static let context = 1 << 30

    /// One file section of the patch, in patch order (the order of the `--raw` entries).
    public struct Section: Sendable, Hashable {
        /// git printed `Binary files … differ` instead of lines.
        public var binary = false
        /// The lines were not one hunk starting at line 1, or a line could not be read: `content`
        /// is not the whole new side (the added lines are still right).
        public var partial = false
        /// The new side's lines that the change added (1-based).
        public var added = AddedLines()
        /// The new side, rebuilt, while it is at most the reader's `limit` bytes (else empty).
        public var content: [UInt8] = []
        /// Bytes of the new side seen (may exceed `limit`).
        public var size = 0
        /// Whether `content` holds all `size` bytes.
        public var kept: Bool { content.count == size }

        public init() {}
    }

    /// Most bytes of one section's new side kept in `content`; larger sections count their size only.
    public let limit: Int
    private var current: Section?
    private var oldLeft = 0
    private var newLeft = 0
    private var newLine = 0
    private var hunks = 0
    /// Whether the last content line read is on the new side (context or added).
    private var lastOnNewSide = false

    public init(limit: Int) { self.limit = limit }

    static let diffHeader = Array("diff --git ".utf8)
    static let hunkHeader = Array("@@ ".utf8)
    static let binaryMarker = Array("Binary files ".utf8)

    /// Reads one line of the patch (without its `\n`); returns the previous section when `line`
    /// starts the next one.
    public mutating func consume(_ line: ArraySlice<UInt8>) -> Section? {
        if oldLeft > 0 || newLeft > 0 {
            hunkLine(line)
            return nil
        }
        if line.starts(with: Self.diffHeader) {
            let finished = finish()
            current = Section()
            return finished
        }
        guard current != nil else { return nil }
        if line.first == UInt8(ascii: "\\") {
            noNewlineMarker()
        } else if line.starts(with: Self.hunkHeader) {
            startHunk(line)
        } else if hunks == 0 && line.starts(with: Self.binaryMarker) {
            current!.binary = true
        } else if hunks > 0 {
            current!.partial = true  // a line after the hunk that is none of the above
        }
        return nil
    }

    /// Ends the patch; returns the last section.
    public mutating func finish() -> Section? {
        defer {
            current = nil
            oldLeft = 0; newLeft = 0; newLine = 0; hunks = 0; lastOnNewSide = false
        }
        guard var section = current else { return nil }
        if oldLeft > 0 || newLeft > 0 { section.partial = true }  // the patch ended inside a hunk
        return section
    }

    /// Parses `@@ -a[,b] +c[,d] @@` and expects b old and d new lines.
    private mutating func startHunk(_ line: ArraySlice<UInt8>) {
        hunks += 1
        guard let (old, new) = Self.hunkRanges(line) else {
            current!.partial = true
            return
        }
        oldLeft = old.count
        newLeft = new.count
        newLine = new.lowerBound
        // The whole new side is one hunk from line 1 (an empty new side: `+0,0`).
        if hunks > 1 || (new.lowerBound != 1 && !new.isEmpty) { current!.partial = true }
    }

    private mutating func hunkLine(_ line: ArraySlice<UInt8>) {
        switch line.first {
        case UInt8(ascii: " "):
            oldLeft -= 1; newLeft -= 1
            appendNewSide(line.dropFirst())
        case UInt8(ascii: "+"):
            newLeft -= 1
            let number = newLine
            if let last = current!.added.ranges.last, last.upperBound == number {
                current!.added.ranges[current!.added.ranges.count - 1] = last.lowerBound..<(number + 1)
            } else {
                current!.added.ranges.append(number..<(number + 1))
            }
            appendNewSide(line.dropFirst())
        case UInt8(ascii: "-"):
            oldLeft -= 1
            lastOnNewSide = false
        case UInt8(ascii: "\\"):
            noNewlineMarker()
        default:
            // Not a hunk line: the counts were wrong. Stop reading this hunk.
            current!.partial = true
            oldLeft = 0; newLeft = 0
        }
        if oldLeft < 0 || newLeft < 0 {
            current!.partial = true
            oldLeft = 0; newLeft = 0
        }
    }

    private mutating func appendNewSide(_ text: ArraySlice<UInt8>) {
        newLine += 1
        lastOnNewSide = true
        let size = current!.size + text.count + 1
        if size <= limit && current!.kept {
            current!.content.append(contentsOf: text)
            current!.content.append(UInt8(ascii: "\n"))
        } else if current!.kept {
            current!.content = []  // over the limit: keep counting only
        }
        current!.size = size
    }

    /// `\ No newline at end of file`: the line before it has no line end (on the side it is on).
    private mutating func noNewlineMarker() {
        guard lastOnNewSide else { return }
        lastOnNewSide = false
        if current!.kept && !current!.content.isEmpty { current!.content.removeLast() }
        current!.size -= 1
    }

    /// The old and new line ranges of a hunk header (`@@ -a,b +c,d @@`; a missing count is 1).
    static func hunkRanges(_ line: ArraySlice<UInt8>) -> (old: Range<Int>, new: Range<Int>)? {
        let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 3)
        guard fields.count >= 3, fields[1].first == UInt8(ascii: "-"), fields[2].first == UInt8(ascii: "+"),
              let old = range(fields[1].dropFirst()), let new = range(fields[2].dropFirst())
        else { return nil }
        return (old, new)
    }

    private static func range(_ text: ArraySlice<UInt8>) -> Range<Int>? {
        let parts = text.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard let start = number(parts[0]) else { return nil }
        let count = parts.count > 1 ? number(parts[1]) : 1
        guard let count, parts.count <= 2 else { return nil }
        return start..<(start + count)
    }

    /// A decimal number of 1 to 18 digits (no sign), so that a sum of two cannot overflow.
    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count < 19 else { return nil }
        var value = 0
        for d in digits {
            guard d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(d - UInt8(ascii: "0"))
        }
        return value
    }

    /// Whether `content` is the blob `id` (git's object id: SHA-1, or SHA-256 for a 64-digit id,
    /// of `blob <size>\0` and the content).
    public static func isBlob(_ content: [UInt8], id: ObjectID) -> Bool {
        let header = Array("blob \(content.count)".utf8) + [0]
        let hex: String
        switch id.hex.utf8.count {
        case 40:
            var hasher = Insecure.SHA1()
            hasher.update(data: header)
            hasher.update(data: content)
            hex = hexString(hasher.finalize())
        case 64:
            var hasher = SHA256()
            hasher.update(data: header)
            hasher.update(data: content)
            hex = hexString(hasher.finalize())
        default:
            return false
        }
        return hex == id.hex
    }

    private static func hexString(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
