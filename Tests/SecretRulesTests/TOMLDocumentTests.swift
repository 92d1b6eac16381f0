import Testing
@testable import SecretRules

/// Looks up a dotted path in a document; numeric components index arrays: "rules.1.id".
func tomlValue(_ document: TOMLDocument, _ path: String) -> TOMLNode? {
    var node = TOMLNode(.table(document.root), at: SourcePosition(line: 1, column: 1))
    for part in path.split(separator: ".") {
        switch node.value {
        case .table(let t):
            guard let e = t[String(part)] else { return nil }
            node = e.node
        case .array(let a):
            guard let k = Int(part), k < a.count else { return nil }
            node = a[k]
        default:
            return nil
        }
    }
    return node
}

/// A scalar expectation, so that test arguments stay simple values.
enum Scalar: Sendable, Equatable, CustomStringConvertible {
    case s(String)
    case i(Int)
    case f(Double)
    case b(Bool)
    case count(Int)  // an array or table with this many elements

    init?(_ value: TOMLValue) {
        switch value {
        case .string(let v): self = .s(v)
        case .integer(let v): self = .i(v)
        case .float(let v): self = .f(v)
        case .boolean(let v): self = .b(v)
        case .array(let a): self = .count(a.count)
        case .table(let t): self = .count(t.entries.count)
        }
    }

    var description: String {
        switch self {
        case .s(let v): "string \(v.debugDescription)"
        case .i(let v): "integer \(v)"
        case .f(let v): "float \(v)"
        case .b(let v): "boolean \(v)"
        case .count(let n): "container of \(n)"
        }
    }
}

struct ValueCase: Sendable, CustomTestStringConvertible {
    var name: String
    var toml: String
    var path: String
    var expected: Scalar
    var testDescription: String { name }
}

struct ErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var toml: String
    var line: Int
    var column: Int
    var fragment: String
    var testDescription: String { name }
}

@Suite("TOML parser")
struct TOMLDocumentTests {
    static let valueCases: [ValueCase] = [
        ValueCase(name: "bare key", toml: "a = 1", path: "a", expected: .i(1)),
        ValueCase(name: "bare key with dash and underscore", toml: "a-b_c9 = true", path: "a-b_c9", expected: .b(true)),
        ValueCase(name: "quoted key", toml: #""a b" = "x""#, path: "a b", expected: .s("x")),
        ValueCase(name: "literal quoted key", toml: "'k\\x' = false", path: "k\\x", expected: .b(false)),
        ValueCase(name: "dotted key", toml: "a.b.c = 'v'", path: "a.b.c", expected: .s("v")),
        ValueCase(name: "dotted key with spaces and quotes", toml: #"a . "b" . c = 2"#, path: "a.b.c", expected: .i(2)),
        ValueCase(name: "comment after value", toml: "a = 3 # three", path: "a", expected: .i(3)),
        ValueCase(name: "hash inside string is not a comment", toml: #"a = "x # y""#, path: "a", expected: .s("x # y")),
        ValueCase(name: "basic escapes", toml: #"a = "t\tn\nq\"b\\e\e""#, path: "a", expected: .s("t\tn\nq\"b\\e\u{1B}")),
        ValueCase(name: "unicode escapes", toml: #"a = "\u00e9\U0001F511\x41""#, path: "a", expected: .s("é🔑A")),
        ValueCase(name: "literal string keeps backslashes", toml: #"a = '(?i)\b[0-9a-f]{8}\b'"#, path: "a", expected: .s(#"(?i)\b[0-9a-f]{8}\b"#)),
        ValueCase(name: "multi-line basic trims first newline", toml: "a = \"\"\"\nline1\nline2\"\"\"", path: "a", expected: .s("line1\nline2")),
        ValueCase(name: "multi-line basic line-ending backslash", toml: "a = \"\"\"\none \\\n     two\"\"\"", path: "a", expected: .s("one two")),
        ValueCase(name: "multi-line basic quotes before close", toml: "a = \"\"\"say \"hi\"\"\"\"\"", path: "a", expected: .s("say \"hi\"\"")),
        ValueCase(name: "multi-line literal", toml: "a = '''\n\\d+\n'x' '''", path: "a", expected: .s("\\d+\n'x' ")),
        ValueCase(name: "multi-line literal quote before close", toml: "a = '''it''''", path: "a", expected: .s("it'")),
        ValueCase(name: "CRLF in multi-line string becomes LF", toml: "a = '''\r\nx\r\ny'''\r\n", path: "a", expected: .s("x\ny")),
        ValueCase(name: "negative integer", toml: "a = -17", path: "a", expected: .i(-17)),
        ValueCase(name: "plus integer", toml: "a = +5", path: "a", expected: .i(5)),
        ValueCase(name: "underscored integer", toml: "a = 1_000_000", path: "a", expected: .i(1_000_000)),
        ValueCase(name: "hex integer", toml: "a = 0xDEAD_beef", path: "a", expected: .i(0xDEAD_BEEF)),
        ValueCase(name: "octal integer", toml: "a = 0o755", path: "a", expected: .i(0o755)),
        ValueCase(name: "binary integer", toml: "a = 0b1010", path: "a", expected: .i(10)),
        ValueCase(name: "float", toml: "a = 3.5", path: "a", expected: .f(3.5)),
        ValueCase(name: "float exponent", toml: "a = -2e-3", path: "a", expected: .f(-0.002)),
        ValueCase(name: "float fraction and exponent", toml: "a = 6.626E+2", path: "a", expected: .f(662.6)),
        ValueCase(name: "inf", toml: "a = -inf", path: "a", expected: .f(-.infinity)),
        ValueCase(name: "zero", toml: "a = 0", path: "a", expected: .i(0)),
        ValueCase(name: "array", toml: "a = [1, 2, 3]", path: "a.2", expected: .i(3)),
        ValueCase(name: "multi-line array with comments and trailing comma", toml: "a = [\n  'x', # first\n  # between\n  'y',\n]", path: "a", expected: .count(2)),
        ValueCase(name: "nested arrays", toml: "a = [[1, 2], ['x']]", path: "a.1.0", expected: .s("x")),
        ValueCase(name: "empty array", toml: "a = [ ]", path: "a", expected: .count(0)),
        ValueCase(name: "inline table", toml: "a = { x = 1, y.z = 'w' }", path: "a.y.z", expected: .s("w")),
        ValueCase(name: "inline table multi-line with trailing comma", toml: "a = {\n x = 1,\n}", path: "a.x", expected: .i(1)),
        ValueCase(name: "empty inline table", toml: "a = {}", path: "a", expected: .count(0)),
        ValueCase(name: "nested inline tables", toml: "a = { b = { c = 'd' } }", path: "a.b.c", expected: .s("d")),
        ValueCase(name: "array of inline tables", toml: "a = [{ n = 1 }, { n = 2 }]", path: "a.1.n", expected: .i(2)),
        ValueCase(name: "dotted keys inside an array-of-tables element", toml: "[[rules]]\nallowlist.stopwords = ['x']", path: "rules.0.allowlist.stopwords.0", expected: .s("x")),
        ValueCase(name: "table", toml: "[t]\nk = 'v'", path: "t.k", expected: .s("v")),
        ValueCase(name: "dotted table header", toml: "[a.b]\nk = 1\n[a.c]\nk = 2", path: "a.c.k", expected: .i(2)),
        ValueCase(name: "implicit parent then explicit", toml: "[a.b]\nk = 1\n[a]\nz = 2", path: "a.z", expected: .i(2)),
        ValueCase(name: "array of tables", toml: "[[rules]]\nid = 'a'\n[[rules]]\nid = 'b'", path: "rules.1.id", expected: .s("b")),
        ValueCase(
            name: "nested array of tables attaches to the last element",
            toml: "[[rules]]\nid = 'a'\n[[rules]]\nid = 'b'\n[[rules.allowlists]]\nregexes = ['x']\n[[rules.allowlists]]\npaths = ['y']",
            path: "rules.1.allowlists.1.paths.0", expected: .s("y")),
        ValueCase(
            name: "sub-table of an array element",
            toml: "[[rules]]\nid = 'a'\n[rules.allowlist]\nstopwords = ['s']\n[[rules]]\nid = 'b'",
            path: "rules.0.allowlist.stopwords.0", expected: .s("s")),
        ValueCase(name: "first rules element unaffected by nested", toml: "[[rules]]\nid='a'\n[[rules.context]]\nnear=['n']\n[[rules]]\nid='b'", path: "rules.1", expected: .count(1)),
        ValueCase(name: "CRLF line ends", toml: "[t]\r\nk = 1\r\n# c\r\nj = 2\r\n", path: "t.j", expected: .i(2)),
        ValueCase(name: "byte order mark", toml: "\u{FEFF}a = 1", path: "a", expected: .i(1)),
        ValueCase(name: "tab whitespace", toml: "\ta\t=\t1\t", path: "a", expected: .i(1)),
        ValueCase(name: "empty document", toml: "# only a comment\n\n", path: "", expected: .count(0)),
        ValueCase(name: "non-ASCII in strings", toml: "a = 'déjà 🔑'", path: "a", expected: .s("déjà 🔑")),
    ]

    @Test(arguments: valueCases)
    func parsesValue(_ c: ValueCase) throws {
        let document = try TOMLDocument(parsing: c.toml)
        let node = try #require(tomlValue(document, c.path), "no value at \(c.path)")
        #expect(Scalar(node.value) == c.expected)
    }

    @Test func nanParses() throws {
        let document = try TOMLDocument(parsing: "a = nan")
        guard case .float(let v) = tomlValue(document, "a")?.value else {
            Issue.record("nan did not parse as a float")
            return
        }
        #expect(v.isNaN)
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(name: "missing equals", toml: "a 1", line: 1, column: 3, fragment: "expected '='"),
        ErrorCase(name: "missing value", toml: "a =\n", line: 1, column: 4, fragment: "expected a value"),
        ErrorCase(name: "unquoted string", toml: "a = hello", line: 1, column: 5, fragment: "strings must be quoted"),
        ErrorCase(name: "unterminated basic string", toml: "a = \"abc\nb = 1", line: 1, column: 9, fragment: "unterminated string"),
        ErrorCase(name: "unterminated literal string", toml: "x = 1\na = 'abc", line: 2, column: 5, fragment: "unterminated literal string"),
        ErrorCase(name: "unterminated multi-line string", toml: "a = \"\"\"abc\n\n", line: 1, column: 5, fragment: "unterminated multi-line string"),
        ErrorCase(name: "unterminated multi-line literal", toml: "\na = '''abc", line: 2, column: 5, fragment: "unterminated multi-line literal"),
        ErrorCase(name: "invalid escape suggests literal string", toml: #"a = "\d+""#, line: 1, column: 6, fragment: "literal"),
        ErrorCase(name: "short unicode escape", toml: #"a = "\u12""#, line: 1, column: 6, fragment: "hexadecimal digits"),
        ErrorCase(name: "surrogate escape", toml: #"a = "\uD800""#, line: 1, column: 6, fragment: "Unicode scalar"),
        ErrorCase(name: "duplicate key", toml: "a = 1\na = 2", line: 2, column: 1, fragment: "duplicate key `a` (first defined at line 1"),
        ErrorCase(name: "duplicate dotted key", toml: "a.b = 1\na.b = 2", line: 2, column: 3, fragment: "duplicate key `a.b`"),
        ErrorCase(name: "duplicate table", toml: "[t]\n[t]", line: 2, column: 1, fragment: "defined twice"),
        ErrorCase(name: "table over value", toml: "t = 1\n[t]", line: 2, column: 1, fragment: "already defined as a integer"),
        ErrorCase(name: "array of tables over table", toml: "[t]\n[[t]]", line: 2, column: 3, fragment: "already a table"),
        ErrorCase(name: "table over array of tables", toml: "[[t]]\n[t]", line: 2, column: 1, fragment: "array of tables"),
        ErrorCase(name: "header into static array", toml: "a = [1]\n[a.b]", line: 2, column: 2, fragment: "static array"),
        ErrorCase(name: "extending an inline table", toml: "a = {x = 1}\n[a.b]", line: 2, column: 2, fragment: "inline table"),
        ErrorCase(name: "garbage after value", toml: "a = 1 2", line: 1, column: 7, fragment: "expected the end of the line"),
        ErrorCase(name: "garbage after header", toml: "[t] x", line: 1, column: 5, fragment: "after [t]"),
        ErrorCase(name: "unclosed header", toml: "[t\nk = 1", line: 1, column: 3, fragment: "expected ']'"),
        ErrorCase(name: "unclosed array-of-tables header", toml: "[[t]\n", line: 1, column: 4, fragment: "expected ']]'"),
        ErrorCase(name: "unterminated array", toml: "a = [1,\n2", line: 1, column: 5, fragment: "unterminated array"),
        ErrorCase(name: "missing comma in array", toml: "a = [1 2]", line: 1, column: 8, fragment: "expected ',' or ']'"),
        ErrorCase(name: "missing comma in inline table", toml: "a = {x = 1 y = 2}", line: 1, column: 12, fragment: "expected ',' or '}'"),
        ErrorCase(name: "bad key character", toml: "a$ = 1", line: 1, column: 2, fragment: "expected '='"),
        ErrorCase(name: "key starting with bad character", toml: "$a = 1", line: 1, column: 1, fragment: "bare keys may contain only"),
        ErrorCase(name: "leading zero", toml: "a = 007", line: 1, column: 5, fragment: "leading zeros"),
        ErrorCase(name: "bad underscore", toml: "a = 1__0", line: 1, column: 5, fragment: "underscore"),
        ErrorCase(name: "trailing dot float", toml: "a = 1.", line: 1, column: 5, fragment: "decimal point"),
        ErrorCase(name: "integer overflow", toml: "a = 99999999999999999999", line: 1, column: 5, fragment: "too large"),
        ErrorCase(name: "date is rejected", toml: "when = 1979-05-27", line: 1, column: 8, fragment: "dates and times are not supported"),
        ErrorCase(name: "time is rejected", toml: "when = 07:32:00", line: 1, column: 8, fragment: "dates and times are not supported"),
        ErrorCase(name: "lone carriage return", toml: "a = 1\rb = 2", line: 1, column: 6, fragment: "carriage return"),
        ErrorCase(name: "control character in string", toml: "a = \"x\u{01}\"", line: 1, column: 7, fragment: "control character"),
        ErrorCase(name: "multi-line key", toml: "\"\"\"k\"\"\" = 1", line: 1, column: 1, fragment: "multi-line"),
        ErrorCase(name: "column counts scalars, not bytes", toml: "a = 'é🔑' x", line: 1, column: 10, fragment: "end of the line"),
        ErrorCase(name: "position on a later line", toml: "[[rules]]\nid = 'x'\nregex = '''abc'''\nkeywords = [\"a\", b]", line: 4, column: 18, fragment: "strings must be quoted"),
    ]

    @Test(arguments: errorCases)
    func rejectsMalformed(_ c: ErrorCase) {
        do {
            _ = try TOMLDocument(parsing: c.toml)
            Issue.record("expected an error for \(c.name)")
        } catch {
            #expect(error.line == c.line, "\(error)")
            #expect(error.column == c.column, "\(error)")
            #expect(error.message.contains(c.fragment), "\(error)")
        }
    }

    @Test func keysAndValuesKeepPositions() throws {
        let text = """
            # header comment
            title = "x"
            [[rules]]
              id = 'tok'   # the id
            regex = '''a(b)c'''
            [[rules.allowlists]]
            paths = [
              'one',
                'two',
            ]
            """
        let document = try TOMLDocument(parsing: text)
        #expect(document.root["title"]?.keyPosition == SourcePosition(line: 2, column: 1))
        #expect(document.root["title"]?.node.position == SourcePosition(line: 2, column: 9))
        let rule = try #require(tomlValue(document, "rules.0"))
        #expect(rule.position == SourcePosition(line: 3, column: 1))
        guard case .table(let t) = rule.value else {
            Issue.record("rules.0 is not a table")
            return
        }
        #expect(t["id"]?.keyPosition == SourcePosition(line: 4, column: 3))
        #expect(t["id"]?.node.position == SourcePosition(line: 4, column: 8))
        #expect(t["regex"]?.node.position == SourcePosition(line: 5, column: 9))
        #expect(tomlValue(document, "rules.0.allowlists.0")?.position == SourcePosition(line: 6, column: 1))
        #expect(tomlValue(document, "rules.0.allowlists.0.paths.1")?.position == SourcePosition(line: 9, column: 5))
        #expect(t.keys == ["id", "regex", "allowlists"])
    }

    @Test(arguments: [
        ("a = 'x(y'", 2, SourcePosition(line: 1, column: 8)),
        ("a = \"x(y\"", 2, SourcePosition(line: 1, column: 8)),
        ("a = 'é(y'", 3, SourcePosition(line: 1, column: 8)),  // é is 2 bytes, 1 column
        ("a = '''x(y'''", 2, SourcePosition(line: 1, column: 10)),
        ("a = \"\"\"x(y\"\"\"", 2, SourcePosition(line: 1, column: 10)),
        ("a = \"\\tx(y\"", 2, SourcePosition(line: 1, column: 5)),  // escapes: not verbatim, value position
        ("a = '''\nx(y'''", 2, SourcePosition(line: 1, column: 5)),  // spans lines: value position
    ])
    func offsetsInsideStringsMapToColumns(toml: String, offset: Int, expected: SourcePosition) throws {
        let node = try #require(tomlValue(try TOMLDocument(parsing: toml), "a"))
        #expect(node.position(ofUTF8Offset: offset) == expected)
    }

    /// Every key and string value of every built-in pack: the recorded position points at the key
    /// (or its opening quote) and at the value's opening quote in the source.
    @Test(arguments: BuiltinRules.sources.map(\.name))
    func positionsInBuiltinPacksPointAtTheirText(pack: String) throws {
        let toml = try #require(BuiltinRules.sources.first { $0.name == pack }?.toml)
        let lines = toml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        func text(at p: SourcePosition, count: Int) -> String {
            guard p.line - 1 < lines.count else { return "" }
            let line = lines[p.line - 1]
            let start = min(line.count, p.column - 1)
            return String(String.UnicodeScalarView(line[start..<min(line.count, start + count)]))
        }
        var checked = 0
        func visit(_ table: TOMLTable) {
            for entry in table.entries {
                if case .table = entry.node.value {
                } else if case .array(let items) = entry.node.value, items.first.map({ if case .table = $0.value { true } else { false } }) == true {
                } else {
                    let atKey = text(at: entry.keyPosition, count: entry.key.count + 1)
                    #expect(atKey.hasPrefix(entry.key) || atKey.hasPrefix("\"") || atKey.hasPrefix("'"), "key \(entry.key) at \(entry.keyPosition): \(atKey)")
                }
                visit(entry.node)
            }
        }
        func visit(_ node: TOMLNode) {
            switch node.value {
            case .string:
                let first = text(at: node.position, count: 1)
                #expect(first == "\"" || first == "'", "string at \(node.position) starts with \(first.debugDescription)")
                checked += 1
            case .array(let items):
                for item in items { visit(item) }
            case .table(let t):
                visit(t)
            default:
                break
            }
        }
        visit(try TOMLDocument(parsing: toml).root)
        #expect(checked > 0 || toml.isEmpty)
    }

    @Test func keyOrderIsSourceOrder() throws {
        let document = try TOMLDocument(parsing: "z = 1\na = 2\n[m]\n[b]")
        #expect(document.root.keys == ["z", "a", "m", "b"])
    }
}

/// Malformed input never crashes the parser or the config decoder: every mutation of a real config
/// either parses or fails with an error whose position lies inside the text.
@Suite("TOML parser on mutated input")
struct TOMLMutationTests {
    static let inserts: [String] = ["[", "]", "\"", "'", "\\", "\n", "\r", "=", "{", "}", ",", "#", ".", "\"\"\"", "'''", "é", "\u{0}"]

    @Test(arguments: Array(0..<inserts.count))
    func mutationsParseOrFailWithAPosition(insert: Int) {
        let base = ConfigFileTests.fullConfig
        let scalars = Array(base.unicodeScalars)
        let lineCount = base.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        // Insert the fragment at every 11th position, and delete the character there.
        for at in stride(from: insert % 11, to: scalars.count, by: 11) {
            var inserted = String.UnicodeScalarView(scalars[..<at])
            inserted.append(contentsOf: Self.inserts[insert].unicodeScalars)
            inserted.append(contentsOf: scalars[at...])
            var deleted = String.UnicodeScalarView(scalars[..<at])
            deleted.append(contentsOf: scalars[(at + 1)...])
            for text in [String(inserted), String(deleted)] {
                do {
                    _ = try ConfigFile.parse(text, path: "c.toml", compilePatterns: false)
                } catch {
                    #expect(error.line >= 1 && error.line <= lineCount && error.column >= 1, "\(error)")
                    #expect(!error.message.isEmpty)
                }
            }
        }
    }
}
