/// The bounded neighbourhood of one candidate value, and the byte and line primitives every
/// context reader shares.
///
/// All reads go through `at(_:)`, which answers 0 outside `floor..<ceiling`, so no reader can leave
/// the window: a reader's cost is bounded by the window (`ContextAnalyzer.reach` bytes either side
/// of the value), never by the line or the file.
struct ContextWindow {
    let buffer: UnsafeRawBufferPointer
    let value: Range<Int>
    /// First byte a reader may read.
    let floor: Int
    /// One past the last byte a reader may read.
    let ceiling: Int

    init(buffer: UnsafeRawBufferPointer, value: Range<Int>, reach: Int = ContextAnalyzer.reach) {
        self.buffer = buffer
        self.value = value
        self.floor = max(0, value.lowerBound - reach)
        self.ceiling = min(buffer.count, value.upperBound + reach)
    }

    // MARK: Byte access

    @inline(__always) func at(_ i: Int) -> UInt8 {
        (i >= floor && i < ceiling) ? buffer[i] : 0
    }

    /// The text of `range` clipped to the window (invalid UTF-8 repaired).
    func text(_ range: Range<Int>) -> String {
        let lo = max(range.lowerBound, floor), hi = min(range.upperBound, ceiling)
        guard lo < hi else { return "" }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[lo..<hi]), as: UTF8.self)
    }

    // MARK: Lines

    /// Offset of the first byte of the line holding offset `p`, or of the byte `lineReach`
    /// before `p` on a longer line (never below `floor`).
    func lineStart(of p: Int) -> Int {
        var i = p
        let limit = max(floor, p - ContextAnalyzer.lineReach)
        while i > limit && buffer[i - 1] != newline { i -= 1 }
        return i
    }

    /// Offset of the line break ending the line holding `p` (or `ceiling`, or `lineReach` bytes
    /// after `p` on a longer line), excluding a `\r`.
    func lineEnd(of p: Int) -> Int {
        var i = p
        let limit = min(ceiling, p + ContextAnalyzer.lineReach)
        while i < limit && buffer[i] != newline { i += 1 }
        if i > p && at(i - 1) == carriageReturn { i -= 1 }
        return i
    }

    /// Whether `ls` (from `lineStart(of:)`) is a real line start, not a cut in a long line.
    func isLineStart(_ ls: Int) -> Bool { ls == 0 || at(ls - 1) == newline }

    /// Offset of the first non-blank byte at or after `start`, before `end`.
    func skipBlanks(_ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end && ASCII.isBlank(buffer[i]) { i += 1 }
        return i
    }

    /// Offset just after the last non-blank byte at or before `end - 1`, not below `start`.
    func skipBlanksBack(_ end: Int, _ start: Int) -> Int {
        var i = end
        while i > start && ASCII.isBlank(buffer[i - 1]) { i -= 1 }
        return i
    }

    /// Indentation of the line content starting at `lineStart`; a YAML list marker (`- `)
    /// counts as indentation, so `  - token: v` and `    secret: v` are siblings.
    func contentIndent(_ lineStart: Int, _ lineEnd: Int) -> Int {
        var i = skipBlanks(lineStart, lineEnd)
        while i + 1 < lineEnd && buffer[i] == dash && ASCII.isBlank(buffer[i + 1]) {
            i = skipBlanks(i + 1, lineEnd)
        }
        return i - lineStart
    }

    /// Whether the line is empty or a whole-line comment (`#`, `//`, `;`, `--`, `<!--`).
    func isBlankOrComment(_ lineStart: Int, _ lineEnd: Int) -> Bool {
        let i = skipBlanks(lineStart, lineEnd)
        if i >= lineEnd || buffer[i] == carriageReturn { return true }
        let b = buffer[i]
        if (b == hash && !ASCII.isDigit(at(i + 1))) || b == semicolon { return true }
        if b == slash && at(i + 1) == slash { return true }
        if b == slash && at(i + 1) == UInt8(ascii: "*") { return true }
        if b == UInt8(ascii: "*") && (at(i + 1) == 0x20 || at(i + 1) == slash) { return true }
        if b == less && at(i + 1) == UInt8(ascii: "!") && at(i + 2) == dash { return true }
        return false
    }

    /// Whether the value's line is a YAML list item (`- v`).
    func isListItem(_ ls: Int) -> Bool {
        let i = skipBlanks(ls, value.lowerBound)
        return at(i) == dash && ASCII.isBlank(at(i + 1))
    }

    /// Whether the value is glued to a longer word (an adjacent letter, digit, `_`, `-`, `+` or
    /// `/`, or a following `=`): it is then part of something else (a longer id, a base64 blob).
    func isEmbedded() -> Bool {
        let before = at(value.lowerBound - 1)
        let after = at(value.upperBound)
        func glue(_ b: UInt8) -> Bool {
            ASCII.isNameByte(b) || b == UInt8(ascii: "+") || b == slash
        }
        if value.lowerBound > floor && glue(before) { return true }
        if value.upperBound < ceiling && (glue(after) || after == equals) { return true }
        return false
    }
}

/// A syntax reader over one value's `ContextWindow`: it gets the window's primitives unqualified
/// (`at(i)`, `lineStart(of:)`, `readKey(endingAt:lineStart:)`), so a reader reads like the syntax
/// it recognises. Readers are small value types made on demand; they keep no state.
protocol ContextReading {
    var window: ContextWindow { get }
}

extension ContextReading {
    var buffer: UnsafeRawBufferPointer { window.buffer }
    var value: Range<Int> { window.value }
    var floor: Int { window.floor }
    var ceiling: Int { window.ceiling }
    @inline(__always) func at(_ i: Int) -> UInt8 { window.at(i) }
    func text(_ range: Range<Int>) -> String { window.text(range) }
    func lineStart(of p: Int) -> Int { window.lineStart(of: p) }
    func lineEnd(of p: Int) -> Int { window.lineEnd(of: p) }
    func isLineStart(_ ls: Int) -> Bool { window.isLineStart(ls) }
    func skipBlanks(_ start: Int, _ end: Int) -> Int { window.skipBlanks(start, end) }
    func skipBlanksBack(_ end: Int, _ start: Int) -> Int { window.skipBlanksBack(end, start) }
    func contentIndent(_ ls: Int, _ le: Int) -> Int { window.contentIndent(ls, le) }
    func isBlankOrComment(_ ls: Int, _ le: Int) -> Bool { window.isBlankOrComment(ls, le) }
    func isListItem(_ ls: Int) -> Bool { window.isListItem(ls) }
    func readKey(endingAt end: Int, lineStart ls: Int) -> KeyExpression? { window.readKey(endingAt: end, lineStart: ls) }
}

/// ASCII byte classes used by the context readers.
enum ASCII {
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    /// Space or tab.
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) static func isNewline(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
    /// `"`, `'` or a backtick.
    @inline(__always) static func isQuote(_ b: UInt8) -> Bool { b == 0x22 || b == 0x27 || b == 0x60 }
    /// Bytes of a name: letters, digits, `_`, `-`.
    @inline(__always) static func isNameByte(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x5F || b == 0x2D }
    /// Bytes of one part of a variable or member chain: a name plus sigils (`$`, `@`, `&`, `*`,
    /// `?`, `!`) that are stripped afterwards.
    @inline(__always) static func isChainByte(_ b: UInt8) -> Bool {
        isNameByte(b) || b == 0x24 || b == 0x40 || b == 0x26 || b == 0x2A || b == 0x3F || b == 0x21
    }
}

// Byte constants shared by the readers, named for readability.
let quoteDouble = UInt8(ascii: "\"")
let quoteSingle = UInt8(ascii: "'")
let backslash = UInt8(ascii: "\\")
let colon = UInt8(ascii: ":")
let equals = UInt8(ascii: "=")
let greater = UInt8(ascii: ">")
let less = UInt8(ascii: "<")
let dash = UInt8(ascii: "-")
let dot = UInt8(ascii: ".")
let comma = UInt8(ascii: ",")
let slash = UInt8(ascii: "/")
let hash = UInt8(ascii: "#")
let semicolon = UInt8(ascii: ";")
let openParen = UInt8(ascii: "(")
let closeParen = UInt8(ascii: ")")
let openBracket = UInt8(ascii: "[")
let closeBracket = UInt8(ascii: "]")
let openBrace = UInt8(ascii: "{")
let closeBrace = UInt8(ascii: "}")
let newline = UInt8(ascii: "\n")
let carriageReturn = UInt8(ascii: "\r")
