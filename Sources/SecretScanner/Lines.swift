#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Offsets of line breaks in a buffer, built only when a scan has findings; answers line numbers
/// and Unicode-scalar columns. A line ends at `\n`; a `\r` before it belongs to the line's end, so
/// CRLF text numbers lines like LF text.
struct LineIndex {
    /// Offsets of every `\n`, ascending.
    let newlines: [Int]

    init(_ buffer: UnsafeRawBufferPointer) {
        var offsets: [Int] = []
        guard let base = buffer.baseAddress else {
            newlines = []
            return
        }
        var i = 0
        let count = buffer.count
        while i < count, let hit = memchr(base + i, 0x0A, count - i) {
            let offset = base.distance(to: UnsafeRawPointer(hit))
            offsets.append(offset)
            i = offset + 1
        }
        newlines = offsets
    }

    /// 0-based number of the line containing byte `offset` (the number of `\n` before it).
    func lineNumber(of offset: Int) -> Int {
        var lo = 0, hi = newlines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if newlines[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Offset of the first byte of 0-based line `line`.
    func lineStart(_ line: Int) -> Int { line == 0 ? 0 : newlines[line - 1] + 1 }
}

/// Line-based byte windows around a range.
enum LineWindow {
    /// From the start of the line `linesBefore` lines above `range` to the end (before `\n`) of the
    /// line `linesAfter` lines below it.
    static func around(_ range: Range<Int>, in buffer: UnsafeRawBufferPointer, linesBefore: Int, linesAfter: Int) -> Range<Int> {
        let start = backward(from: range.lowerBound, lines: linesBefore, reach: Int.max, in: buffer)
        let end = forward(from: range.upperBound, lines: linesAfter, reach: Int.max, in: buffer)
        return start..<max(start, end)
    }

    /// The line(s) holding `range`: from the start of its first line to the end of its last.
    static func lines(of range: Range<Int>, in buffer: UnsafeRawBufferPointer) -> Range<Int> {
        around(range.lowerBound..<max(range.lowerBound, range.upperBound - 1), in: buffer, linesBefore: 0, linesAfter: 0)
    }

    /// Start of the line `lines` lines above the one holding `offset`, but at most `reach` bytes
    /// back; a capped start is moved back to just after a separator (at most `slack` more bytes) so
    /// a window does not begin in the middle of a token.
    static func backward(from offset: Int, lines: Int, reach: Int, slack: Int = 1024,
                         in buffer: UnsafeRawBufferPointer) -> Int {
        guard offset > 0, let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        var remaining = lines + 1
        let limit = reach >= offset ? 0 : offset - reach
        var i = min(offset, buffer.count)
        while i > limit {
            if base[i - 1] == 0x0A {
                remaining -= 1
                if remaining == 0 { return i }
            }
            i -= 1
        }
        if i == 0 { return 0 }
        let slackLimit = max(0, i - slack)
        while i > slackLimit && !isSeparator(base[i - 1]) { i -= 1 }
        return i
    }

    /// End (the offset of the `\n`, or the buffer end) of the line `lines` lines below the one
    /// holding `offset - 1`, but at most `reach` bytes on; a capped end is moved on to a separator
    /// (at most `slack` more bytes).
    static func forward(from offset: Int, lines: Int, reach: Int, slack: Int = 1024,
                        in buffer: UnsafeRawBufferPointer) -> Int {
        let count = buffer.count
        guard offset < count, let base = buffer.baseAddress else { return count }
        var remaining = lines + 1
        let limit = reach >= count - offset ? count : offset + reach
        var i = offset
        while i < limit, let hit = memchr(base + i, 0x0A, limit - i) {
            let at = base.distance(to: UnsafeRawPointer(hit))
            remaining -= 1
            if remaining == 0 { return at }
            i = at + 1
        }
        if limit == count { return count }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        var j = limit
        let slackLimit = min(count, limit + slack)
        while j < slackLimit && !isSeparator(bytes[j]) { j += 1 }
        return j
    }

    @inline(__always)
    static func isSeparator(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: ","),
             UInt8(ascii: ";"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "&"):
            true
        default:
            false
        }
    }
}

/// Per-buffer line facts that every finding of the buffer asks for, each computed once so a
/// finding's cost does not depend on the length of its line: the line index, where the
/// inline-ignore markers are, and Unicode-scalar counts at fixed steps along the line last asked
/// about. A 1 MB one-line export with thousands of candidates reads its line once, not once per
/// candidate. Belongs to one buffer: start a new one for each buffer (`ScanWorker.scanChunk`).
struct OuterLines {
    private var index: LineIndex?
    /// Ranges of every inline-ignore marker in the buffer, ascending by start.
    private var markers: [Range<Int>]?
    /// The 0-based line `columnMarks` describe.
    private var markedLine = -1
    /// `columnMarks[k]`: Unicode scalars that start in `lineStart ..< lineStart + k * markStride`.
    private var columnMarks: [Int] = []

    /// Bytes between column marks: a column costs at most this many byte reads once its line's
    /// marks up to it exist.
    static let markStride = 4096

    private mutating func lineIndex(_ buffer: UnsafeRawBufferPointer) -> LineIndex {
        if let index { return index }
        let built = LineIndex(buffer)
        index = built
        return built
    }

    /// The line(s) holding `range`: from the start of its first line to the end (the `\\n`, or the
    /// buffer end) of its last; the same span as `LineWindow.lines(of:in:)`, found by binary search.
    mutating func span(of range: Range<Int>, in buffer: UnsafeRawBufferPointer) -> Range<Int> {
        let index = lineIndex(buffer)
        let start = index.lineStart(index.lineNumber(of: range.lowerBound))
        let last = max(range.lowerBound, range.upperBound - 1)
        guard last < buffer.count else { return start..<max(start, buffer.count) }
        let lastLine = index.lineNumber(of: last)
        let end = lastLine < index.newlines.count ? index.newlines[lastLine] : buffer.count
        return start..<max(start, end)
    }

    /// Whether an inline-ignore marker (`CandidateFilter.inlineIgnoreMarkers`) lies wholly inside
    /// `span`. The buffer is searched for markers once, on the first call.
    mutating func hasInlineIgnore(in span: Range<Int>, of buffer: UnsafeRawBufferPointer) -> Bool {
        if markers == nil { markers = Self.findMarkers(in: buffer) }
        let found = markers!
        guard !found.isEmpty else { return false }
        var lo = 0, hi = found.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if found[mid].lowerBound < span.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        while lo < found.count, found[lo].lowerBound < span.upperBound {
            if found[lo].upperBound <= span.upperBound { return true }
            lo += 1
        }
        return false
    }

    static func findMarkers(in buffer: UnsafeRawBufferPointer) -> [Range<Int>] {
        guard let base = buffer.baseAddress else { return [] }
        var found: [Range<Int>] = []
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        for marker in CandidateFilter.inlineIgnoreMarkers {
            let first = Int32(marker[0])
            let last = buffer.count - marker.count
            var i = 0
            while i <= last, let hit = memchr(base + i, first, last + 1 - i) {
                let at = base.distance(to: UnsafeRawPointer(hit))
                var j = 1
                while j < marker.count && bytes[at + j] == marker[j] { j += 1 }
                if j == marker.count { found.append(at..<(at + marker.count)) }
                i = at + 1
            }
        }
        found.sort { $0.lowerBound < $1.lowerBound }
        return found
    }

    /// 0-based line and 1-based Unicode-scalar column of byte `offset`. Scalars are counted from the
    /// nearest column mark of the line, so a finding deep in a long line costs at most
    /// `markStride` byte reads once the marks before it exist (each mark is counted once per line).
    mutating func position(of offset: Int, in buffer: UnsafeRawBufferPointer) -> (line: Int, column: Int) {
        let index = lineIndex(buffer)
        let line = index.lineNumber(of: offset)
        let start = index.lineStart(line)
        if markedLine != line {
            markedLine = line
            columnMarks = [0]
        }
        let stride = Self.markStride
        let k = (offset - start) / stride
        while columnMarks.count <= k {
            let from = start + (columnMarks.count - 1) * stride
            columnMarks.append(columnMarks[columnMarks.count - 1] + Self.scalarStarts(in: from..<(from + stride), of: buffer))
        }
        let from = start + k * stride
        return (line, 1 + columnMarks[k] + Self.scalarStarts(in: from..<offset, of: buffer))
    }

    /// Bytes in `range` that start a Unicode scalar (are not UTF-8 continuation bytes).
    static func scalarStarts(in range: Range<Int>, of buffer: UnsafeRawBufferPointer) -> Int {
        var n = 0
        for i in range where buffer[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
