// The TOML parser behind `TOMLDocument` (TOMLDocument.swift): table building, the document, headers,
// keys and composite values. Strings and numbers are in TOMLParser+Scalars.swift.

// MARK: - Building

/// A table under construction. A class so that nested headers can reach into tables that were
/// already started; converted to value types when parsing ends.
final class TableBuilder {
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
final class TableArrayBuilder {
    var elements: [TableBuilder]

    init(_ elements: [TableBuilder]) { self.elements = elements }
}

// MARK: - Parsing

struct TOMLParser {
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
}
