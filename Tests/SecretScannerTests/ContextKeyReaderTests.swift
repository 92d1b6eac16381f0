import SecretRules
import Testing

@testable import SecretScanner

/// One row of a reader's example table: a text with one value marked «…», and what the reader
/// should answer about it.
struct ReaderCase<Expected: Equatable & Sendable>: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let expected: Expected

    init(_ name: String, _ text: String, _ expected: Expected) {
        self.name = name
        self.text = text
        self.expected = expected
    }

    var testDescription: String { name }
}

/// Runs `body` on the `ContextWindow` of the single «marked» value of `text`.
func withMarkedWindow<R>(_ text: String, _ body: (ContextWindow) -> R) -> R {
    let (plain, spans) = ExampleMarker.strip(text)
    precondition(spans.count == 1, "mark exactly one value")
    return Array(plain.utf8).withUnsafeBytes { body(ContextWindow(buffer: $0, value: spans[0])) }
}

/// Offset of the innermost unmatched `(` before the value (a test's way to find the call).
func innermostParen(_ window: ContextWindow) -> Int? {
    var depth = 0
    var i = window.value.lowerBound - 1
    while i >= 0 {
        switch window.at(i) {
        case UInt8(ascii: ")"): depth += 1
        case UInt8(ascii: "("):
            if depth == 0 { return i }
            depth -= 1
        default: break
        }
        i -= 1
    }
    return nil
}

private let T = SirportlyTestValues.token

/// A key as `LineKeyReader` reads it: its parts and how it was written.
struct ReadKey: Equatable, Sendable {
    var parts: [String]
    var form: String
}

let lineKeyCases: [ReaderCase<ReadKey?>] = [
    ReaderCase("assignment", "token = «\(T)»", ReadKey(parts: ["token"], form: "separated")),
    ReaderCase("quoted JSON key", #""X-Auth-Token": "«\#(T)»""#, ReadKey(parts: ["X-Auth-Token"], form: "separated")),
    ReaderCase("hash rocket", "'token' => '«\(T)»'", ReadKey(parts: ["token"], form: "separated")),
    ReaderCase("compound operator", "token ||= '«\(T)»'", ReadKey(parts: ["token"], form: "separated")),
    ReaderCase("member chain", "config.sirportly.secret = «\(T)»", ReadKey(parts: ["config", "sirportly", "secret"], form: "separated")),
    ReaderCase("PHP arrow", "$this->token = '«\(T)»'", ReadKey(parts: ["token"], form: "separated")),
    ReaderCase("subscript", "headers['X-Auth-Token'] = '«\(T)»'", ReadKey(parts: ["headers", "X-Auth-Token"], form: "separated")),
    ReaderCase("typed declaration", "let token: String = \"«\(T)»\"", ReadKey(parts: ["token"], form: "separated")),
    ReaderCase("scheme word skipped", "Authorization: Bearer «\(T)»", ReadKey(parts: ["Authorization"], form: "separated")),
    ReaderCase("command-line flag", "cli --token «\(T)»", ReadKey(parts: ["token"], form: "spaced")),
    ReaderCase("prose copula", "the token is «\(T)»", ReadKey(parts: ["token"], form: "spaced")),
    ReaderCase("XML attribute", "<sirportly token=\"«\(T)»\"/>", ReadKey(parts: ["token"], form: "xmlAttribute")),
    ReaderCase("XML element", "<token>«\(T)»</token>", ReadKey(parts: ["token"], form: "xmlElement")),
    ReaderCase("Ruby scope operator is no separator", "Foo :: «\(T)»", nil),
    ReaderCase("nothing before the value", "«\(T)»", nil),
    ReaderCase("a word glued to a symbol", "x+«\(T)»", nil),
]

let xmlCases: [ReaderCase<String?>] = [
    ReaderCase("element name", "<token>«\(T)»</token>", "token"),
    ReaderCase("namespaced element", "<sirportly:token>«\(T)»", "sirportly:token"),
    ReaderCase("Android string resource", "<string name=\"sirportly_api_token\">«\(T)»</string>", "sirportly_api_token"),
    ReaderCase("entry key attribute", "<entry key=\"token\" type=\"s\">«\(T)»</entry>", "token"),
    ReaderCase("plist key before the string", "<key>SirportlyToken</key>\n\t<string>«\(T)»</string>", "SirportlyToken"),
    ReaderCase("self-closing tag names nothing", "<br/>«\(T)»", nil),
    ReaderCase("closing tag names nothing", "</b>«\(T)»", nil),
]

/// What `CallReader` says about the innermost call around the value.
struct CallAnswer: Equatable, Sendable {
    var callee: String?
    var index: Int
    var previousName: String?
}

let callCases: [ReaderCase<CallAnswer>] = [
    ReaderCase("Ruby constructor", "Sirportly::Client.new('«\(T)»', s)", CallAnswer(callee: "Sirportly::Client.new", index: 0)),
    ReaderCase("new keyword dropped", "new SirportlyClient(a, '«\(T)»')", CallAnswer(callee: "SirportlyClient", index: 1)),
    ReaderCase("header pair", "xhr.setRequestHeader('X-Auth-Secret', '«\(T)»')",
               CallAnswer(callee: "xhr.setRequestHeader", index: 1, previousName: "X-Auth-Secret")),
    ReaderCase("nested call is one argument", "f(g(1, 2), '«\(T)»')", CallAnswer(callee: "f", index: 1)),
    ReaderCase("comma inside a string", "f('a,b', '«\(T)»')", CallAnswer(callee: "f", index: 1)),
    ReaderCase("symbol is not a name literal", "f(:token, '«\(T)»')", CallAnswer(callee: "f", index: 1)),
    ReaderCase("hex literal is not a name", "f('abc-123', '«\(T)»')", CallAnswer(callee: "f", index: 1)),
    ReaderCase("control flow is no call", "if ('«\(T)»')", CallAnswer(callee: nil, index: 0)),
    ReaderCase("PHP namespaced method", #"Sirportly\\Client->__construct('«\#(T)»')"#,
               CallAnswer(callee: #"Sirportly\\Client->__construct"#, index: 0)),
]

let labelledAfterCases: [ReaderCase<String?>] = [
    ReaderCase("Swift setValue", "request.setValue(\"«\(T)»\", forHTTPHeaderField: \"X-Auth-Token\")", "X-Auth-Token"),
    ReaderCase("set forKey", "defaults.set(\"«\(T)»\", forKey: \"sirportlyToken\")", "sirportlyToken"),
    ReaderCase("other label", "f(\"«\(T)»\", with: \"x\")", nil),
    ReaderCase("no comma", "f(\"«\(T)»\")", nil),
]

@Suite struct ContextKeyReaderTests {
    @Test(arguments: lineKeyCases)
    func lineKeyReader(_ row: ReaderCase<ReadKey?>) {
        let key = withMarkedWindow(row.text) { window -> ReadKey? in
            let ls = window.lineStart(of: window.value.lowerBound)
            return LineKeyReader(window: window).leftKey(lineStart: ls).map { ReadKey(parts: $0.parts, form: "\($0.form)") }
        }
        #expect(key == row.expected)
    }

    @Test(arguments: xmlCases)
    func xmlReader(_ row: ReaderCase<String?>) {
        let name = withMarkedWindow(row.text) { window -> String? in
            let gt = window.value.lowerBound - 1
            return XMLReader(window: window).xmlElementKey(closingAt: gt, lineStart: window.lineStart(of: gt))?.parts.last
        }
        #expect(name == row.expected)
    }

    @Test(arguments: callCases)
    func callReader(_ row: ReaderCase<CallAnswer>) {
        let answer = withMarkedWindow(row.text) { window -> CallAnswer? in
            guard let paren = innermostParen(window) else { return nil }
            let calls = CallReader(window: window)
            let scan = calls.scanArguments(from: paren + 1)
            return CallAnswer(callee: calls.calleeName(before: paren), index: scan.index, previousName: scan.previousNameLiteral)
        }
        #expect(answer == row.expected)
    }

    @Test(arguments: labelledAfterCases)
    func labelledNameAfterValue(_ row: ReaderCase<String?>) {
        #expect(withMarkedWindow(row.text) { CallReader(window: $0).labelledNameAfterValue() } == row.expected)
    }
}
