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
