// A TOML parser for rule packs and `.tokenaudit.toml`.
//
// Scope: what gitleaks-compatible configs and TokenAudit's rule packs use — comments; bare, quoted
// and dotted keys; `[tables]`, `[[arrays.of.tables]]` (nested: `[[rules.allowlists]]` attaches to
// the last `[[rules]]`); basic and literal strings, single- and multi-line, with every TOML escape
// (plus TOML 1.1's `\e` and `\xHH`); integers (decimal, `0x`, `0o`, `0b`, `_` separators); floats
// (`inf`, `nan`); booleans; arrays (multi-line, trailing commas, comments inside); inline tables
// (TOML 1.1 leniency: newlines and a trailing comma are accepted). Dates and times are rejected
// with a clear error, since no TokenAudit setting is a date.
//
// Every key and value keeps its 1-based line and column (columns count Unicode scalars), so config
// errors can point at the exact spot. Errors are `TOMLError` values with a position and a message.
//
// The parser works on the UTF-8 bytes of the text. It runs once per config file or rule pack, so it
// favours clear code over speed, but a config comes from the scanned repository and may be hostile:
// the parser is linear in the input (a position is a lookup in a table of scalar counts, never a
// rescan of the line; a growing `[[array]]` is appended in place, never copied) and nesting is capped
// at `TOMLDocument.maxNesting` levels, so a file of 20,000 `[` or 100,000 dotted keys is an error
// with a position instead of a stack overflow or a hang.

/// A 1-based line and column in a text. Columns count Unicode scalars.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A TOML syntax or structure error: where it is and what is wrong.
public struct TOMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var position: SourcePosition
    public var message: String

    public init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }

    public var line: Int { position.line }
    public var column: Int { position.column }
    public var description: String { "\(position.line):\(position.column): \(message)" }
}

/// A TOML value.
public enum TOMLValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case array([TOMLNode])
    case table(TOMLTable)

    /// The TOML type name used in error messages: "string", "integer", "float", "boolean",
    /// "array", "table".
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .array: "array"
        case .table: "table"
        }
    }
}

/// A value with the position where it starts in the source.
public struct TOMLNode: Sendable, Hashable {
    public var value: TOMLValue
    /// The first character of the value (the opening quote of a string, `[` of an array, `{` of an
    /// inline table; for a `[table]` or `[[array of tables]]` element, its header's `[`).
    public var position: SourcePosition
    /// For a string written on one line whose source text equals its value (a literal string, or
    /// a basic string without escapes, in single or triple quotes): the position of the first character inside the quotes, so that an
    /// offset into the value maps to a column. Nil otherwise.
    public var verbatimStart: SourcePosition?

    public init(_ value: TOMLValue, at position: SourcePosition, verbatimStart: SourcePosition? = nil) {
        self.value = value
        self.position = position
        self.verbatimStart = verbatimStart
    }

    /// The position of the character `utf8Offset` bytes into a string value, when the source text
    /// of the string equals its value; otherwise the value's own position.
    public func position(ofUTF8Offset utf8Offset: Int) -> SourcePosition {
        guard let start = verbatimStart, case .string(let s) = value else { return position }
        let prefix = s.utf8.prefix(max(0, utf8Offset))
        let scalars = prefix.reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
        return SourcePosition(line: start.line, column: start.column + scalars)
    }
}

/// A key inside a table, with where it was written (for `[table]` headers: the header).
public struct TOMLEntry: Sendable, Hashable {
    public var key: String
    public var keyPosition: SourcePosition
    public var node: TOMLNode
}

/// A TOML table: keys in the order they first appear.
public struct TOMLTable: Sendable, Hashable {
    public private(set) var entries: [TOMLEntry] = []
    private var index: [String: Int] = [:]

    public init() {}

    init(entries: [TOMLEntry]) {
        for e in entries { append(e) }
    }

    mutating func append(_ entry: TOMLEntry) {
        index[entry.key] = entries.count
        entries.append(entry)
    }

    /// The entry for `key`, or nil.
    public subscript(key: String) -> TOMLEntry? {
        index[key].map { entries[$0] }
    }

    /// The keys in source order.
    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }
}

/// A parsed TOML document.
public struct TOMLDocument: Sendable, Hashable {
    /// The top-level table.
    public var root: TOMLTable

    /// The deepest nesting accepted: tables (header keys, dotted keys), arrays and inline tables
    /// together, counted from the top level. Deeper input is a `TOMLError` at the first value or
    /// key part past the limit. No TokenAudit config needs more than a handful of levels.
    public static let maxNesting = 64

    /// Parses `text`. Throws `TOMLError` with the position of the first problem.
    public init(parsing text: String) throws(TOMLError) {
        var parser = TOMLParser(text)
        root = try parser.parseDocument()
    }
}

// MARK: - Building

/// A table under construction. A class so that nested headers can reach into tables that were
/// already started; converted to value types when parsing ends.
private final class TableBuilder {
    enum Item {
        case value(TOMLNode)
        case table(TableBuilder)
        case tableArray(TableArrayBuilder)
    }

    /// How the table came to exist; decides whether it may be reopened or extended.
    enum Origin {
        /// Created on the way to a deeper header or dotted key: `[a.b]` creates `a`.
        case implicit
        /// Opened by its own `[header]` (may not be opened again).
        case header
        /// Created by a dotted key inside a table (may be extended by more dotted keys there,
        /// but not reopened by a header).
        case dotted
        /// An element of `[[array]]`.
        case arrayElement
        /// `{ inline }`: closed once written.
        case inline
    }

    var order: [String] = []
    var items: [String: Item] = [:]
    var keyPositions: [String: SourcePosition] = [:]
    var origin: Origin
    let position: SourcePosition

    init(origin: Origin, position: SourcePosition) {
        self.origin = origin
        self.position = position
    }

    func set(_ key: String, _ item: Item, at position: SourcePosition) {
        if items[key] == nil {
            order.append(key)
            keyPositions[key] = position
        }
        items[key] = item
    }

    func build() -> TOMLTable {
        var table = TOMLTable()
        for key in order {
            let node: TOMLNode
            switch items[key]! {
            case .value(let n):
                node = n
            case .table(let t):
                node = TOMLNode(.table(t.build()), at: t.position)
            case .tableArray(let array):
                let ts = array.elements
                node = TOMLNode(
                    .array(ts.map { TOMLNode(.table($0.build()), at: $0.position) }),
                    at: ts.first?.position ?? keyPositions[key]!)
            }
            table.append(TOMLEntry(key: key, keyPosition: keyPositions[key]!, node: node))
        }
        return table
    }
}

/// The elements of an `[[array.of.tables]]` under construction: a class so that each new element
/// is appended in place (an array inside an enum inside a dictionary would be copied on every
/// append, which made a config of 20,000 `[[rules]]` quadratic).
private final class TableArrayBuilder {
    var elements: [TableBuilder]

    init(_ elements: [TableBuilder]) { self.elements = elements }
}

// MARK: - Parsing

private struct TOMLParser {
    let bytes: [UInt8]
    /// `scalarsBefore[k]`: the Unicode scalars (bytes that are not UTF-8 continuation bytes) in
    /// `bytes[..<k]`; a column is a difference of two entries, so no position rescans its line.
    let scalarsBefore: [Int32]
    var i = 0
    var line = 1
    var lineStart = 0
    /// How deep the value or key being parsed sits (see `TOMLDocument.maxNesting`).
    var depth = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
        var counts = [Int32](repeating: 0, count: bytes.count + 1)
        var n: Int32 = 0
        for (k, b) in bytes.enumerated() {
            counts[k] = n
            if b & 0xC0 != 0x80 { n += 1 }
        }
        counts[bytes.count] = n
        scalarsBefore = counts
    }

    // MARK: positions and errors

    /// The position of byte `offset` (which must be on the current line or later on it).
    func position(of offset: Int) -> SourcePosition {
        let end = min(max(offset, lineStart), bytes.count)
        return SourcePosition(line: line, column: Int(scalarsBefore[end] - scalarsBefore[lineStart]) + 1)
    }

    /// Throws when one more level (a table key part, an array, an inline table) at `offset` would
    /// nest deeper than `TOMLDocument.maxNesting`.
    func checkDepth(_ level: Int, at offset: Int) throws(TOMLError) {
        guard level <= TOMLDocument.maxNesting else {
            throw error("nesting is deeper than \(TOMLDocument.maxNesting) levels (tables, dotted keys, arrays and inline tables together)", at: offset)
        }
    }

    var here: SourcePosition { position(of: i) }

    func error(_ message: String, at offset: Int? = nil) -> TOMLError {
        TOMLError(message, at: position(of: offset ?? i))
    }

    var atEnd: Bool { i >= bytes.count }
    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }
    func peek(_ k: Int) -> UInt8? { i + k < bytes.count ? bytes[i + k] : nil }

    func describe(_ b: UInt8?) -> String {
        guard let b else { return "end of file" }
        switch b {
        case 0x0A: return "end of line"
        case 0x0D: return "carriage return"
        case 0x09: return "tab"
        case 0x20: return "space"
        case 0x21...0x7E: return "'\(String(UnicodeScalar(b)))'"
        default: return "byte 0x\(String(b, radix: 16, uppercase: true))"
        }
    }

    // MARK: whitespace, comments, newlines

    mutating func skipSpaces() {
        while let b = peek, b == 0x20 || b == 0x09 { i += 1 }
    }

    /// Consumes a newline (LF or CRLF) if one is next. Returns whether it did.
    mutating func consumeNewline() throws(TOMLError) -> Bool {
        if peek == 0x0A {
            i += 1
            line += 1
            lineStart = i
            return true
        }
        if peek == 0x0D {
            guard peek(1) == 0x0A else { throw error("a carriage return must be followed by a line feed") }
            i += 2
            line += 1
            lineStart = i
            return true
        }
        return false
    }

    /// Skips a `#` comment up to (not including) the end of the line.
    mutating func skipComment() throws(TOMLError) {
        guard peek == 0x23 else { return }
        while let b = peek, b != 0x0A {
            if b == 0x0D && peek(1) == 0x0A { break }
            if (b < 0x20 && b != 0x09) || b == 0x7F {
                throw error("control character \(describe(b)) is not allowed in a comment")
            }
            i += 1
        }
    }

    /// Skips spaces, comments and newlines (between array elements, between statements).
    mutating func skipBlank() throws(TOMLError) {
        while true {
            skipSpaces()
            try skipComment()
            if try !consumeNewline() { return }
        }
    }

    /// After a statement: only spaces and a comment may follow on the line.
    mutating func expectEndOfLine(after what: String) throws(TOMLError) {
        skipSpaces()
        try skipComment()
        if atEnd { return }
        if try consumeNewline() { return }
        throw error("unexpected \(describe(peek)) after \(what); expected the end of the line")
    }

    // MARK: document

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        let root = TableBuilder(origin: .header, position: SourcePosition(line: 1, column: 1))
        var current = root
        // Skip a UTF-8 byte order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3; lineStart = 3 }
        while true {
            try skipBlank()
            guard let b = peek else { break }
            if b == 0x5B {  // '['
                (current, depth) = try parseHeader(root: root)
            } else {
                try parseKeyValue(into: current, dottedOrigin: .dotted)
                try expectEndOfLine(after: "a value")
            }
        }
        return root.build()
    }

    /// `[a.b]` or `[[a.b]]`; returns the table that following key/values go into and its depth.
    mutating func parseHeader(root: TableBuilder) throws(TOMLError) -> (TableBuilder, Int) {
        let headerPosition = here
        let isArray = peek(1) == 0x5B
        i += isArray ? 2 : 1
        skipSpaces()
        depth = 0
        let keys = try parseKey()
        skipSpaces()
        if isArray {
            guard peek == 0x5D, peek(1) == 0x5D else {
                throw error("expected ']]' to close the array-of-tables header")
            }
            i += 2
        } else {
            guard peek == 0x5D else { throw error("expected ']' to close the table header") }
            i += 1
        }
        let name = keys.map(\.name).joined(separator: ".")
        try expectEndOfLine(after: isArray ? "[[\(name)]]" : "[\(name)]")

        // Walk to the parent, creating implicit tables; an array of tables resolves to its last element.
        var table = root
        for (level, key) in keys.dropLast().enumerated() {
            var path: String { keys[...level].map(\.name).joined(separator: ".") }  // for errors only
            switch table.items[key.name] {
            case nil:
                let t = TableBuilder(origin: .implicit, position: key.position)
                table.set(key.name, .table(t), at: key.position)
                table = t
            case .table(let t):
                if t.origin == .inline {
                    throw TOMLError("`\(path)` is an inline table and cannot be extended by a header", at: key.position)
                }
                table = t
            case .tableArray(let array):
                table = array.elements[array.elements.count - 1]
            case .value(let node):
                if case .array = node.value {
                    throw TOMLError(
                        "`\(path)` is a static array (defined with `=`), so `[\(name)]` cannot add to it; "
                            + "write its elements as `[[\(path)]]` tables instead", at: key.position)
                }
                throw TOMLError(
                    "`\(path)` is already a \(node.value.typeName) (line \(node.position.line)), not a table",
                    at: key.position)
            }
        }
        let last = keys[keys.count - 1]
        if isArray {
            let element = TableBuilder(origin: .arrayElement, position: headerPosition)
            switch table.items[last.name] {
            case nil:
                table.set(last.name, .tableArray(TableArrayBuilder([element])), at: last.position)
            case .tableArray(let array):
                array.elements.append(element)
            case .table:
                throw TOMLError("`\(name)` is already a table, so it cannot also be an array of tables `[[\(name)]]`", at: last.position)
            case .value(let node):
                throw TOMLError(
                    "`\(name)` is already defined as a \(node.value.typeName) (line \(node.position.line)); "
                        + "it cannot also be an array of tables", at: last.position)
            }
            return (element, keys.count)
        }
        switch table.items[last.name] {
        case nil:
            let t = TableBuilder(origin: .header, position: headerPosition)
            table.set(last.name, .table(t), at: last.position)
            return (t, keys.count)
        case .table(let t):
            switch t.origin {
            case .implicit:
                t.origin = .header
                return (t, keys.count)
            case .header, .arrayElement:
                throw TOMLError("table `[\(name)]` is defined twice (first at line \(t.position.line))", at: headerPosition)
            case .dotted:
                throw TOMLError("table `\(name)` was already defined with dotted keys (line \(t.position.line)); it cannot be reopened with `[\(name)]`", at: headerPosition)
            case .inline:
                throw TOMLError("`\(name)` is an inline table (line \(t.position.line)); it cannot be reopened with `[\(name)]`", at: headerPosition)
            }
        case .tableArray:
            throw TOMLError("`\(name)` is an array of tables; write `[[\(name)]]` to add an element", at: headerPosition)
        case .value(let node):
            throw TOMLError("`\(name)` is already defined as a \(node.value.typeName) (line \(node.position.line)), not a table", at: headerPosition)
        }
    }

    /// `key = value` (key may be dotted) into `table`.
    mutating func parseKeyValue(into table: TableBuilder, dottedOrigin: TableBuilder.Origin) throws(TOMLError) {
        let tableDepth = depth
        let keys = try parseKey()
        skipSpaces()
        guard peek == 0x3D else {
            throw error("expected '=' after the key `\(keys.map(\.name).joined(separator: "."))`, found \(describe(peek))")
        }
        i += 1
        skipSpaces()
        // The value sits below the table and every dotted part before its own key.
        depth = tableDepth + keys.count - 1
        let node = try parseValue()
        depth = tableDepth
        var target = table
        for (level, key) in keys.dropLast().enumerated() {
            var path: String { keys[...level].map(\.name).joined(separator: ".") }  // for errors only
            switch target.items[key.name] {
            case nil:
                let t = TableBuilder(origin: dottedOrigin, position: key.position)
                target.set(key.name, .table(t), at: key.position)
                target = t
            case .table(let t):
                guard t.origin == .dotted || t.origin == .implicit && dottedOrigin == .dotted else {
                    throw TOMLError("`\(path)` is already defined as a table (line \(t.position.line)); dotted keys cannot add to it here", at: key.position)
                }
                t.origin = dottedOrigin
                target = t
            case .tableArray:
                throw TOMLError("`\(path)` is an array of tables; dotted keys cannot add to it", at: key.position)
            case .value(let existing):
                throw TOMLError("`\(path)` is already a \(existing.value.typeName) (line \(existing.position.line)), not a table", at: key.position)
            }
        }
        let last = keys[keys.count - 1]
        if let existing = target.items[last.name] {
            let first: SourcePosition
            switch existing {
            case .value(let n): first = target.keyPositions[last.name] ?? n.position
            case .table(let t): first = t.position
            case .tableArray(let array): first = array.elements[0].position
            }
            let name = keys.map(\.name).joined(separator: ".")
            throw TOMLError("duplicate key `\(name)` (first defined at line \(first.line), column \(first.column))", at: last.position)
        }
        if case .table(let inline) = node.value {
            // Keep inline tables closed: rebuild as a builder marked inline.
            let t = TableBuilder(origin: .inline, position: node.position)
            for e in inline.entries { t.set(e.key, .value(e.node), at: e.keyPosition) }
            target.set(last.name, .table(t), at: last.position)
        } else {
            target.set(last.name, .value(node), at: last.position)
        }
    }

    // MARK: keys

    struct KeyPart {
        var name: String
        var position: SourcePosition
    }

    /// A possibly dotted key: `a`, `"a b"`, `'x'`, `a.b."c"`.
    mutating func parseKey() throws(TOMLError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            skipSpaces()
            try checkDepth(depth + parts.count + 1, at: i)
            let position = here
            guard let b = peek else { throw error("expected a key, found end of file") }
            if b == 0x22 {
                if peek(1) == 0x22 && peek(2) == 0x22 { throw error("a key cannot be a multi-line string") }
                parts.append(KeyPart(name: try parseBasicString(), position: position))
            } else if b == 0x27 {
                if peek(1) == 0x27 && peek(2) == 0x27 { throw error("a key cannot be a multi-line string") }
                parts.append(KeyPart(name: try parseLiteralString(), position: position))
            } else if isBareKeyByte(b) {
                let start = i
                while let c = peek, isBareKeyByte(c) { i += 1 }
                parts.append(KeyPart(name: String(decoding: bytes[start..<i], as: UTF8.self), position: position))
            } else {
                throw error("expected a key, found \(describe(b)); bare keys may contain only A-Z a-z 0-9 _ -, other keys must be quoted")
            }
            skipSpaces()
            if peek == 0x2E {
                i += 1
                continue
            }
            return parts
        }
    }

    func isBareKeyByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D
    }

    // MARK: values

    mutating func parseValue() throws(TOMLError) -> TOMLNode {
        let position = here
        guard let b = peek else { throw error("expected a value, found end of file") }
        switch b {
        case 0x22:
            if peek(1) == 0x22 && peek(2) == 0x22 {
                let start = i
                let s = try parseMultilineBasicString()
                // Verbatim when written on one line without escapes: `"""..."""`.
                let inner = bytes[(start + 3)..<max(start + 3, i - 3)]
                let verbatim = !inner.contains(0x5C) && !inner.contains(0x0A) && !inner.contains(0x22)
                return TOMLNode(.string(s), at: position, verbatimStart: verbatim ? SourcePosition(line: position.line, column: position.column + 3) : nil)
            }
            let start = i
            let s = try parseBasicString()
            // Verbatim when no escape was used: the source between the quotes is the value.
            let verbatim = !bytes[(start + 1)..<(i - 1)].contains(0x5C)
            return TOMLNode(.string(s), at: position, verbatimStart: verbatim ? SourcePosition(line: position.line, column: position.column + 1) : nil)
        case 0x27:
            if peek(1) == 0x27 && peek(2) == 0x27 {
                let startLine = line
                let s = try parseMultilineLiteralString()
                // Verbatim when written on one line: the usual form of a regex.
                let verbatim = line == startLine && !s.utf8.contains(0x27)
                return TOMLNode(.string(s), at: position, verbatimStart: verbatim ? SourcePosition(line: position.line, column: position.column + 3) : nil)
            }
            let s = try parseLiteralString()
            return TOMLNode(.string(s), at: position, verbatimStart: SourcePosition(line: position.line, column: position.column + 1))
        case 0x5B:
            return TOMLNode(.array(try parseArray()), at: position)
        case 0x7B:
            return TOMLNode(.table(try parseInlineTable()), at: position)
        case 0x74, 0x66:  // t, f
            if matchWord("true") { return TOMLNode(.boolean(true), at: position) }
            if matchWord("false") { return TOMLNode(.boolean(false), at: position) }
            throw error("expected a value, found \(wordPreview()); strings must be quoted")
        default:
            if b == 0x2B || b == 0x2D || (b >= 0x30 && b <= 0x39) || b == 0x69 || b == 0x6E {
                return try parseNumber(at: position)
            }
            if b == 0x0A || b == 0x0D || b == 0x23 {
                throw error("expected a value after '='")
            }
            throw error("expected a value, found \(wordPreview()); strings must be quoted")
        }
    }

    /// The bare word at the cursor, for error messages.
    func wordPreview() -> String {
        var k = i
        while k < bytes.count, k - i < 40, !(bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A || bytes[k] == 0x0D || bytes[k] == 0x2C || bytes[k] == 0x5D || bytes[k] == 0x7D) {
            k += 1
        }
        if k == i { return describe(peek) }
        return "`\(String(decoding: bytes[i..<k], as: UTF8.self))`"
    }

    /// Consumes `word` when it is next and not followed by a bare-key character.
    mutating func matchWord(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { return false }
        if let next = i + w.count < bytes.count ? bytes[i + w.count] : nil, isBareKeyByte(next) { return false }
        i += w.count
        return true
    }

    mutating func parseArray() throws(TOMLError) -> [TOMLNode] {
        let open = i
        try checkDepth(depth + 1, at: open)
        depth += 1
        defer { depth -= 1 }
        i += 1
        var elements: [TOMLNode] = []
        while true {
            try skipBlank()
            guard let b = peek else {
                throw TOMLError("unterminated array: expected ']' before the end of file", at: positionOfOffset(open))
            }
            if b == 0x5D {
                i += 1
                return elements
            }
            elements.append(try parseValue())
            try skipBlank()
            if atEnd {
                throw TOMLError("unterminated array: expected ']' before the end of file", at: positionOfOffset(open))
            }
            if peek == 0x2C {
                i += 1
                continue
            }
            if peek == 0x5D {
                i += 1
                return elements
            }
            throw error("expected ',' or ']' in the array, found \(describe(peek))")
        }
    }

    mutating func parseInlineTable() throws(TOMLError) -> TOMLTable {
        let open = i
        let position = here
        try checkDepth(depth + 1, at: open)
        depth += 1
        defer { depth -= 1 }
        i += 1
        let table = TableBuilder(origin: .inline, position: position)
        try skipBlank()
        if peek == 0x7D {
            i += 1
            return table.build()
        }
        while true {
            try skipBlank()
            if peek == 0x7D {  // trailing comma (TOML 1.1)
                i += 1
                return table.build()
            }
            guard !atEnd else {
                throw TOMLError("unterminated inline table: expected '}' before the end of file", at: positionOfOffset(open))
            }
            try parseKeyValue(into: table, dottedOrigin: .dotted)
            try skipBlank()
            if peek == 0x2C {
                i += 1
                continue
            }
            if peek == 0x7D {
                i += 1
                return table.build()
            }
            throw error("expected ',' or '}' in the inline table, found \(describe(peek))")
        }
    }

    /// The position of an earlier offset (scans from the start of the text; used for errors only).
    func positionOfOffset(_ offset: Int) -> SourcePosition {
        var l = 1, start = 0
        var k = 0
        while k < offset {
            if bytes[k] == 0x0A {
                l += 1
                start = k + 1
            }
            k += 1
        }
        var column = 1
        for b in bytes[start..<offset] where b & 0xC0 != 0x80 { column += 1 }
        return SourcePosition(line: l, column: column)
    }

    // MARK: strings

    mutating func parseBasicString() throws(TOMLError) -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard let b = peek else { throw TOMLError("unterminated string: expected '\"' before the end of file", at: positionOfOffset(open)) }
            switch b {
            case 0x22:
                i += 1
                return String(decoding: out, as: UTF8.self)
            case 0x5C:
                try parseEscape(into: &out)
            case 0x0A, 0x0D:
                throw error("unterminated string: a \"basic\" string must end on the line it starts; use \"\"\" for multi-line text")
            default:
                if (b < 0x20 && b != 0x09) || b == 0x7F {
                    throw error("control character \(describe(b)) must be escaped in a string")
                }
                out.append(b)
                i += 1
            }
        }
    }

    mutating func parseLiteralString() throws(TOMLError) -> String {
        let open = i
        i += 1
        let start = i
        while true {
            guard let b = peek else { throw TOMLError("unterminated literal string: expected \"'\" before the end of file", at: positionOfOffset(open)) }
            if b == 0x27 {
                let s = String(decoding: bytes[start..<i], as: UTF8.self)
                i += 1
                return s
            }
            if b == 0x0A || b == 0x0D {
                throw error("unterminated literal string: a 'literal' string must end on the line it starts; use ''' for multi-line text")
            }
            if (b < 0x20 && b != 0x09) || b == 0x7F {
                throw error("control character \(describe(b)) is not allowed in a literal string")
            }
            i += 1
        }
    }

    mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        let open = i
        i += 3
        _ = try consumeNewline()  // a newline right after the opening delimiter is trimmed
        var out: [UInt8] = []
        while true {
            guard let b = peek else { throw TOMLError("unterminated multi-line string: expected '\"\"\"' before the end of file", at: positionOfOffset(open)) }
            if b == 0x22 && peek(1) == 0x22 && peek(2) == 0x22 {
                // Up to two quotes may directly precede the closing delimiter.
                var run = 3
                while peek(run) == 0x22 { run += 1 }
                guard run <= 5 else { throw error("too many quotes: at most two '\"' may come right before the closing '\"\"\"'") }
                out.append(contentsOf: repeatElement(0x22, count: run - 3))
                i += run
                return String(decoding: out, as: UTF8.self)
            }
            if b == 0x5C {
                // A line-ending backslash trims the newline and all whitespace that follows.
                var k = i + 1
                while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
                if k < bytes.count, bytes[k] == 0x0A || (bytes[k] == 0x0D && k + 1 < bytes.count && bytes[k + 1] == 0x0A) {
                    i = k
                    while true {
                        skipSpaces()
                        if try !consumeNewline() { break }
                    }
                    continue
                }
                try parseEscape(into: &out)
                continue
            }
            if b == 0x0A || b == 0x0D {
                _ = try consumeNewline()
                out.append(0x0A)
                continue
            }
            if (b < 0x20 && b != 0x09) || b == 0x7F {
                throw error("control character \(describe(b)) must be escaped in a string")
            }
            out.append(b)
            i += 1
        }
    }

    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        let open = i
        i += 3
        _ = try consumeNewline()
        var out: [UInt8] = []
        while true {
            guard let b = peek else { throw TOMLError("unterminated multi-line literal string: expected \"'''\" before the end of file", at: positionOfOffset(open)) }
            if b == 0x27 && peek(1) == 0x27 && peek(2) == 0x27 {
                var run = 3
                while peek(run) == 0x27 { run += 1 }
                guard run <= 5 else { throw error("too many quotes: at most two \"'\" may come right before the closing \"'''\"") }
                out.append(contentsOf: repeatElement(0x27, count: run - 3))
                i += run
                return String(decoding: out, as: UTF8.self)
            }
            if b == 0x0A || b == 0x0D {
                _ = try consumeNewline()
                out.append(0x0A)
                continue
            }
            if (b < 0x20 && b != 0x09) || b == 0x7F {
                throw error("control character \(describe(b)) is not allowed in a literal string")
            }
            out.append(b)
            i += 1
        }
    }

    /// An escape sequence at the cursor (which is on the backslash).
    mutating func parseEscape(into out: inout [UInt8]) throws(TOMLError) {
        let start = i
        i += 1
        guard let e = peek else { throw error("unterminated escape sequence at the end of file") }
        i += 1
        switch e {
        case 0x62: out.append(0x08)  // \b
        case 0x74: out.append(0x09)  // \t
        case 0x6E: out.append(0x0A)  // \n
        case 0x66: out.append(0x0C)  // \f
        case 0x72: out.append(0x0D)  // \r
        case 0x65: out.append(0x1B)  // \e (TOML 1.1)
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x78: try appendScalar(hexDigits: 2, escapeStart: start, into: &out)  // \xHH (TOML 1.1)
        case 0x75: try appendScalar(hexDigits: 4, escapeStart: start, into: &out)
        case 0x55: try appendScalar(hexDigits: 8, escapeStart: start, into: &out)
        default:
            throw error(
                "invalid escape sequence `\\\(String(decoding: [e], as: UTF8.self))`; in a \"basic\" string write `\\\\` for a backslash, "
                    + "or use a 'literal' string (single quotes), which has no escapes — the usual choice for regexes",
                at: start)
        }
    }

    mutating func appendScalar(hexDigits: Int, escapeStart: Int, into out: inout [UInt8]) throws(TOMLError) {
        var value: UInt32 = 0
        for _ in 0..<hexDigits {
            guard let h = peek, let d = hexValue(h) else {
                throw error("expected \(hexDigits) hexadecimal digits in the escape sequence", at: escapeStart)
            }
            value = value * 16 + UInt32(d)
            i += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("escape sequence is not a Unicode scalar value (U+\(String(value, radix: 16, uppercase: true)))", at: escapeStart)
        }
        out.append(contentsOf: String(Character(scalar)).utf8)
    }

    func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 0x30...0x39: Int(b - 0x30)
        case 0x41...0x46: Int(b - 0x41 + 10)
        case 0x61...0x66: Int(b - 0x61 + 10)
        default: nil
        }
    }

    // MARK: numbers

    mutating func parseNumber(at position: SourcePosition) throws(TOMLError) -> TOMLNode {
        let start = i
        while let b = peek, !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x2C || b == 0x5D || b == 0x7D || b == 0x23) {
            i += 1
        }
        let raw = String(decoding: bytes[start..<i], as: UTF8.self)
        func bad(_ why: String) -> TOMLError { TOMLError("invalid number `\(raw)`: \(why)", at: position) }

        // Dates/times look like numbers at first.
        if raw.count >= 5, raw.utf8.dropFirst(4).first == 0x2D, raw.utf8.prefix(4).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            throw TOMLError("dates and times are not supported in TokenAudit configs; write the value as a string", at: position)
        }
        if raw.utf8.count >= 3, raw.utf8.dropFirst(2).first == 0x3A {
            throw TOMLError("dates and times are not supported in TokenAudit configs; write the value as a string", at: position)
        }

        var body = Substring(raw)
        var negative = false
        if body.first == "+" || body.first == "-" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        if body == "inf" { return TOMLNode(.float(negative ? -.infinity : .infinity), at: position) }
        if body == "nan" { return TOMLNode(.float(.nan), at: position) }
        if body.isEmpty { throw bad("expected digits") }

        // Underscores only between digits.
        func checkUnderscores(_ s: Substring) throws(TOMLError) {
            let u = Array(s.utf8)
            for (k, c) in u.enumerated() where c == 0x5F {
                let before = k > 0 ? u[k - 1] : 0
                let after = k + 1 < u.count ? u[k + 1] : 0
                if hexValue(before) == nil || hexValue(after) == nil {
                    throw bad("an underscore must sit between two digits")
                }
            }
        }

        if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") {
            if raw.first == "+" || raw.first == "-" { throw bad("hexadecimal, octal and binary integers cannot have a sign") }
            let radix = body.hasPrefix("0x") ? 16 : body.hasPrefix("0o") ? 8 : 2
            let digits = body.dropFirst(2)
            try checkUnderscores(digits)
            let clean = digits.filter { $0 != "_" }
            guard !clean.isEmpty, let v = Int(clean, radix: radix) else {
                throw bad("not a valid base-\(radix) integer (or too large for 64 bits)")
            }
            return TOMLNode(.integer(v), at: position)
        }

        try checkUnderscores(body)
        let clean = String(body.filter { $0 != "_" })
        let isFloat = clean.contains(".") || clean.contains("e") || clean.contains("E")
        let u = Array(clean.utf8)
        guard let first = u.first, first >= 0x30 && first <= 0x39 else {
            throw TOMLError("expected a value, found `\(raw)`; strings must be quoted", at: position)
        }
        if !isFloat {
            guard u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw bad("unexpected characters; strings must be quoted") }
            if u.count > 1 && first == 0x30 { throw bad("leading zeros are not allowed") }
            guard let v = Int((negative ? "-" : "") + clean) else { throw bad("too large for a 64-bit integer") }
            return TOMLNode(.integer(v), at: position)
        }
        // Float: int part, optional .digits, optional e[+-]digits.
        var k = 0
        func digitsRun() -> Int {
            let s = k
            while k < u.count, u[k] >= 0x30 && u[k] <= 0x39 { k += 1 }
            return k - s
        }
        let intDigits = digitsRun()
        if intDigits > 1 && first == 0x30 { throw bad("leading zeros are not allowed") }
        if k < u.count, u[k] == 0x2E {
            k += 1
            if digitsRun() == 0 { throw bad("a decimal point must be followed by digits") }
        }
        if k < u.count, u[k] == 0x65 || u[k] == 0x45 {
            k += 1
            if k < u.count, u[k] == 0x2B || u[k] == 0x2D { k += 1 }
            if digitsRun() == 0 { throw bad("an exponent needs digits") }
        }
        guard k == u.count, let v = Double(clean) else { throw bad("unexpected characters; strings must be quoted") }
        return TOMLNode(.float(negative ? -v : v), at: position)
    }
}
