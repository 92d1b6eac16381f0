/// A JSON value, as parsed by `HTTPRequestJSON` (enough JSON for HAR files and request bodies,
/// without Foundation). Object members keep their order and duplicates.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's text as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// The first member named `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The JSON type's name, for messages ("object", "array", "string", …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// One member of a JSON object.
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON syntax error: where (1-based line and column, in bytes) and what.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 JSON parser over bytes, for request bodies. Nesting is limited
/// (``JSONPullParser/maximumDepth`` levels) so hostile input cannot exhaust the stack.
public enum HTTPRequestJSON {
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONPullParser(JSONByteStream(bytes))
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        try parser.expectEnd()
        return value
    }
}

/// Bytes for `JSONPullParser`: a whole buffer in memory, or a file descriptor read in 256 KiB
/// blocks (only one block is held at a time). It counts lines as whitespace is skipped (a JSON
/// newline can only be whitespace), so an error's line and column cost nothing until needed.
public struct JSONByteStream {
    var buffer: [UInt8]
    var count: Int
    var index = 0
    /// Offset in the whole input of `buffer[0]`.
    var bufferOffset = 0
    /// The descriptor still to read, or -1 (in memory, or at end of input).
    var descriptor: Int32
    /// 1-based line of the current byte, and the input offset where that line starts.
    var line = 1
    var lineStart = 0
    /// Why reading failed (`strerror`), if it did; the parser reports it as the error.
    var readError: String?

    static let blockSize = 1 << 18

    /// A stream over `bytes` in memory.
    public init(_ bytes: [UInt8]) {
        buffer = bytes
        count = bytes.count
        descriptor = -1
    }

    /// A stream over `descriptor` (not closed here), starting with `prefix` already read from it.
    public init(descriptor: Int32, prefix: [UInt8] = []) {
        buffer = prefix
        count = prefix.count
        self.descriptor = descriptor
    }

    /// Offset in the whole input of the current byte.
    var offset: Int { bufferOffset + index }

    /// The current byte, reading the next block when the buffer is used up; nil at end of input.
    @inline(__always)
    mutating func peek() -> UInt8? {
        if index < count { return buffer[index] }
        return refill() ? buffer[index] : nil
    }

    mutating func refill() -> Bool {
        guard descriptor >= 0 else { return false }
        bufferOffset += count
        index = 0
        if buffer.count != Self.blockSize { buffer = [UInt8](repeating: 0, count: Self.blockSize) }
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                readError = String(cString: strerror(errno))
                count = 0
                descriptor = -1
                return false
            }
            count = n
            if n == 0 { descriptor = -1; return false }
            return true
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// A pull parser for JSON text: callers walk objects and arrays member by member and either build
/// a value (``value(depth:)``) or skip it without keeping it (``skipValue(depth:)``), so a huge
/// document can be read with memory bounded by the largest value kept. Strict RFC 8259; nesting is
/// capped at ``maximumDepth`` (skipped values included), so no input crashes or exhausts the stack,
/// and every error carries the line and column (1-based, in bytes) of the byte at fault.
public struct JSONPullParser {
    public static let maximumDepth = 512
    var stream: JSONByteStream

    public init(_ stream: JSONByteStream) { self.stream = stream }

    /// An error at the current byte, or at `offset` on the current line. A read failure takes
    /// precedence: it is what went wrong.
    func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        let column = (offset ?? stream.offset) - stream.lineStart + 1
        if let reason = stream.readError {
            return JSONSyntaxError(line: stream.line, column: column, message: "read error: \(reason)")
        }
        return JSONSyntaxError(line: stream.line, column: column, message: message)
    }

    @inline(__always)
    mutating func current() -> UInt8? { stream.peek() }

    @inline(__always)
    mutating func advance() { stream.index += 1 }

    public mutating func skipWhitespace() {
        while let b = stream.peek() {
            switch b {
            case 0x20, 0x09, 0x0D: stream.index += 1
            case 0x0A:
                stream.index += 1
                stream.line += 1
                stream.lineStart = stream.offset
            default: return
            }
        }
    }

    /// Skips a UTF-8 byte order mark at the very start (browsers on Windows write one).
    public mutating func skipByteOrderMark() {
        guard stream.offset == 0, current() == 0xEF, stream.count >= 3,
              stream.buffer[1] == 0xBB, stream.buffer[2] == 0xBF else { return }
        stream.index = 3
    }

    /// Throws unless only whitespace is left.
    public mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        if current() != nil { throw error("unexpected text after the JSON value") }
        if stream.readError != nil { throw error("") }
    }

    /// The current byte after whitespace, without consuming it.
    public mutating func peekValueStart() -> UInt8? {
        skipWhitespace()
        return current()
    }

    // MARK: Walking objects and arrays

    /// Consumes `{` (the caller has checked it is there).
    public mutating func beginObject() { advance() }

    /// The next member's name (its `:` consumed), or nil at the object's `}` (consumed).
    /// `first` is true for the first call on an object, and is cleared.
    public mutating func nextMember(first: inout Bool) throws(JSONSyntaxError) -> String? {
        skipWhitespace()
        if first {
            first = false
            if current() == UInt8(ascii: "}") { advance(); return nil }
        } else {
            if current() == UInt8(ascii: ",") {
                advance()
                skipWhitespace()
            } else if current() == UInt8(ascii: "}") {
                advance(); return nil
            } else {
                throw error(current() == nil ? "unexpected end of input in object" : "expected ',' or '}' in object")
            }
        }
        guard current() == UInt8(ascii: "\"") else {
            throw error(current() == nil ? "unexpected end of input, expected a quoted member name" : "expected a quoted member name")
        }
        let key = try string()
        skipWhitespace()
        guard current() == UInt8(ascii: ":") else { throw error("expected ':' after member name \"\(key)\"") }
        advance()
        skipWhitespace()
        return key
    }

    /// Consumes `[` (the caller has checked it is there).
    public mutating func beginArray() { advance() }

    /// Whether another element follows (positioned at it), or false at the array's `]` (consumed).
    public mutating func nextElement(first: inout Bool) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        if first {
            first = false
            if current() == UInt8(ascii: "]") { advance(); return false }
            return true
        }
        if current() == UInt8(ascii: ",") { advance(); skipWhitespace(); return true }
        if current() == UInt8(ascii: "]") { advance(); return false }
        throw error(current() == nil ? "unexpected end of input in array" : "expected ',' or ']' in array")
    }

    // MARK: Values

    /// Parses the value at the current byte into a `JSONValue`; `depth` is its nesting level.
    public mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        guard let b = current() else { throw error("unexpected end of input, expected a value") }
        switch b {
        case UInt8(ascii: "{"):
            beginObject()
            var members: [JSONMember] = []
            var first = true
            while let key = try nextMember(first: &first) {
                members.append(JSONMember(key: key, value: try value(depth: depth + 1)))
            }
            return .object(members)
        case UInt8(ascii: "["):
            beginArray()
            var elements: [JSONValue] = []
            var first = true
            while try nextElement(first: &first) {
                elements.append(try value(depth: depth + 1))
            }
            return .array(elements)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number(keep: true))
        default: throw error("unexpected character \(describe(b)), expected a value")
        }
    }

    /// Checks and consumes the value at the current byte without keeping any of it.
    public mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        guard let b = current() else { throw error("unexpected end of input, expected a value") }
        switch b {
        case UInt8(ascii: "{"):
            beginObject()
            var first = true
            while try skipMemberName(first: &first) { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            beginArray()
            var first = true
            while try nextElement(first: &first) { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number(keep: false)
        default: throw error("unexpected character \(describe(b)), expected a value")
        }
    }

    /// `nextMember` for skipped objects: the name is checked, not kept.
    mutating func skipMemberName(first: inout Bool) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        if first {
            first = false
            if current() == UInt8(ascii: "}") { advance(); return false }
        } else if current() == UInt8(ascii: ",") {
            advance()
            skipWhitespace()
        } else if current() == UInt8(ascii: "}") {
            advance(); return false
        } else {
            throw error(current() == nil ? "unexpected end of input in object" : "expected ',' or '}' in object")
        }
        guard current() == UInt8(ascii: "\"") else {
            throw error(current() == nil ? "unexpected end of input, expected a quoted member name" : "expected a quoted member name")
        }
        try skipString()
        skipWhitespace()
        guard current() == UInt8(ascii: ":") else { throw error("expected ':' after member name") }
        advance()
        skipWhitespace()
        return true
    }

    func describe(_ b: UInt8) -> String {
        b >= 0x21 && b <= 0x7E ? "'\(String(UnicodeScalar(b)))'" : "byte 0x" + String(b, radix: 16)
    }

    /// Consumes `text`; a mismatch is reported where the literal starts.
    mutating func literal(_ text: StaticString) throws(JSONSyntaxError) {
        let start = stream.offset
        var matched = true
        text.withUTF8Buffer { expected in
            for b in expected {
                if current() == b { advance() } else { matched = false; return }
            }
        }
        if !matched { throw error("invalid literal (expected \(text))", at: start) }
    }

    /// Consumes digits, appending them to `out` when `keep`; returns how many.
    mutating func digits(keep: Bool, into out: inout [UInt8]) -> Int {
        var n = 0
        while let c = current(), c >= 0x30, c <= 0x39 {
            if keep { out.append(c) }
            advance()
            n += 1
        }
        return n
    }

    /// Consumes a number; returns its text as written when `keep` (else "").
    mutating func number(keep: Bool) throws(JSONSyntaxError) -> String {
        var text: [UInt8] = []
        if current() == UInt8(ascii: "-") { if keep { text.append(UInt8(ascii: "-")) }; advance() }
        guard let firstDigit = current(), firstDigit >= 0x30, firstDigit <= 0x39 else { throw error("invalid number") }
        if firstDigit == UInt8(ascii: "0") {
            if keep { text.append(firstDigit) }
            advance()
            if let c = current(), c >= 0x30, c <= 0x39 { throw error("invalid number: leading zero") }
        } else {
            _ = digits(keep: keep, into: &text)
        }
        if current() == UInt8(ascii: ".") {
            if keep { text.append(UInt8(ascii: ".")) }
            advance()
            guard digits(keep: keep, into: &text) > 0 else { throw error("invalid number: digits expected after '.'") }
        }
        if let e = current(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            if keep { text.append(e) }
            advance()
            if let s = current(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { if keep { text.append(s) }; advance() }
            guard digits(keep: keep, into: &text) > 0 else { throw error("invalid number: digits expected in exponent") }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A string at the current byte (`"`), unescaped.
    public mutating func string() throws(JSONSyntaxError) -> String {
        var out: [UInt8] = []
        try scanString(keep: true, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Consumes a string at the current byte (`"`) without keeping it.
    mutating func skipString() throws(JSONSyntaxError) {
        var none: [UInt8] = []
        try scanString(keep: false, into: &none)
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current() else { throw error("truncated \\u escape") }
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            v = v << 4 | d
            advance()
        }
        return v
    }

    /// Consumes a string, checking it, and appends its unescaped UTF-8 to `out` when `keep`.
    /// Runs of ordinary bytes are scanned inside the current block in one tight loop.
    mutating func scanString(keep: Bool, into out: inout [UInt8]) throws(JSONSyntaxError) {
        advance()  // the opening quote
        while true {
            let runStart = stream.index
            let end = stream.count
            let stop = stream.buffer.withUnsafeBufferPointer { buf -> Int in
                var i = runStart
                while i < end {
                    let c = buf[i]
                    if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
                    i += 1
                }
                return i
            }
            if keep, stop > runStart { out.append(contentsOf: stream.buffer[runStart..<stop]) }
            stream.index = stop
            guard let c = current() else { throw error("unterminated string") }
            if c == UInt8(ascii: "\"") { advance(); return }
            if c < 0x20 { throw error("control character in string (escape it)") }
            if c != UInt8(ascii: "\\") { continue }  // the next block starts with ordinary bytes
            advance()
            try escape(keep: keep, into: &out)
        }
    }

    /// Consumes one escape whose backslash is already consumed.
    mutating func escape(keep: Bool, into out: inout [UInt8]) throws(JSONSyntaxError) {
        guard let e = current() else { throw error("unterminated escape") }
        let decoded: UInt8
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded = e
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            advance()
            var scalar = try hex4()
            if scalar >= 0xD800 && scalar < 0xDC00, current() == UInt8(ascii: "\\") {
                advance()
                guard current() == UInt8(ascii: "u") else {
                    // A lone high surrogate, then another escape.
                    if keep { append(0xFFFD, to: &out) }
                    try escape(keep: keep, into: &out)
                    return
                }
                advance()
                let low = try hex4()
                if low >= 0xDC00 && low < 0xE000 {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    if keep { append(0xFFFD, to: &out) }
                    scalar = low
                }
            }
            if keep { append(scalar, to: &out) }
            return
        default:
            throw error("invalid escape \\\(String(UnicodeScalar(e)))")
        }
        if keep { out.append(decoded) }
        advance()
    }

    /// Appends the UTF-8 of `scalar` (U+FFFD for a surrogate).
    func append(_ scalar: UInt32, to out: inout [UInt8]) {
        let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        out.append(contentsOf: String(Character(s)).utf8)
    }
}
