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
