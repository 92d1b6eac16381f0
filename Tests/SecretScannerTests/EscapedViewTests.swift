import SecretRules
import Testing
@testable import SecretScanner

// The escaped-text view (issue 10): Sirportly values written with string-literal or markup escapes
// are found by every rule and reported at the span of the escaped text. Every credential is
// generated (right shape, never issued).

struct UnescapeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        /// nil: nothing decoded.
        var decoded: String?
        var testDescription: String { input }
    }

    @Test(arguments: [
        Case(input: #"a\u002db"#, decoded: "a-b"),
        Case(input: #"a\x2db"#, decoded: "a-b"),
        Case(input: #"a\u{2d}b"#, decoded: "a-b"),
        Case(input: "a&#45;b", decoded: "a-b"),
        Case(input: "a&#x2d;b&#X2D;c", decoded: "a-b-c"),
        Case(input: #"{\"k\":\"v\"}"#, decoded: #"{"k":"v"}"#),
        Case(input: "&quot;k&quot;:&amp;", decoded: "\"k\":&"),
        Case(input: #"caf\u00e9"#, decoded: "café"),
        Case(input: #"\ud83d\ude00"#, decoded: "😀"),
        // Escaped backslash: `\\u002d` is a backslash and the text `u002d`.
        Case(input: #"a\\u002d"#, decoded: #"a\u002d"#),
        // Left as written: line-break escapes, control characters, lone surrogates, bad hex.
        Case(input: #"a\nb\tc"#, decoded: nil),
        Case(input: #"a\x00b\x1b"#, decoded: nil),
        Case(input: #"\ud83d!"#, decoded: nil),
        Case(input: #"\u00zz &#; &#x; &#45"#, decoded: nil),
    ])
    func decodes(_ c: Case) {
        let result = Decoding.unescape(Array(c.input.utf8))
        #expect(result.map { String(decoding: $0.bytes, as: UTF8.self) } == c.decoded)
        if let result {
            #expect(result.origin.count == result.bytes.count + 1)
            #expect(result.origin.last == c.input.utf8.count)
            #expect(result.origin == result.origin.sorted())
        }
    }

    /// Numeric escapes of printable, non-blank ASCII make a view, and so does an escaped quote
    /// followed by `:`.
    @Test(arguments: [
        (#"x\u002dy"#, 1), (#"x\x41y"#, 1), ("x&#45;y", 1), ("x&#x41;y", 1),
        (#"caf\u00e9"#, 0), (#"\u0020"#, 0), (#"a\\u002d"#, 0), (#"\n\t\""#, 0), ("&quot;&amp;", 0), (#"C:\x"#, 0),
        // An escaped quote that closes a key of escaped JSON (a JSON event logged as a string).
        (#"{\"password\":\"v\"}"#, 1), (#"{\"a\" : 1, \"b\":\"c\"}"#, 2), ("{&quot;token&quot;: &quot;v&quot;}", 1),
        (#"say \"hi\" to them"#, 0), ("&quot;hi&quot; there", 0),
    ])
    func triggers(_ input: String, _ count: Int) {
        let bytes = Array(input.utf8)
        let found = bytes.withUnsafeBytes { ScanWorker.escapeTriggers(in: $0) }
        #expect(found.count == count)
    }

    /// The scan asks the rules' keywords about each escaped key: only keys they name make a view.
    @Test func escapedKeysAreKeptOnlyWhenTheCheckAcceptsThem() {
        let input = #"{\"request_id\":\"a1\",\"db_password\":\"b2\"} <i data-x="{&quot;trace&quot;:1,&quot;api_token&quot;:2}">"#
        let bytes = Array(input.utf8)
        var keys: [String] = []
        let found = bytes.withUnsafeBytes { raw in
            ScanWorker.escapeTriggers(in: raw, keyCounts: { key in
                let name = String(decoding: key, as: UTF8.self)
                keys.append(name)
                return name.contains("password") || name.contains("token")
            })
        }
        #expect(keys.sorted() == ["api_token", "db_password", "request_id", "trace"])
        #expect(found.count == 2)
        #expect(found.allSatisfy { bytes[$0] == UInt8(ascii: "\\") || bytes[$0] == UInt8(ascii: "&") })
    }
}

struct EscapedViewEngineTests {
    static let token = "4b9e0c7a-81d2-e3f5-27a6-90cd1e4b5f38"
    static let secret = "k3v9q2m8x7w1p4n6z5r0t2y8u3i7o1a9s4d6f2g8h5j3l0c7b9"
    static let uuid4 = "0f8fad5b-d9cb-469f-a165-70867728950e"

    static func escaped(_ text: String, _ form: (Character) -> String, only: Set<Character>? = nil) -> String {
        text.map { only == nil || only!.contains($0) ? form($0) : String($0) }.joined()
    }
    static func u(_ c: Character) -> String { "\\u" + String(repeating: "0", count: 4 - String(c.asciiValue!, radix: 16).count) + String(c.asciiValue!, radix: 16) }
    static func x(_ c: Character) -> String { "\\x" + String(c.asciiValue!, radix: 16) }
    static func dec(_ c: Character) -> String { "&#\(c.asciiValue!);" }
    static func hex(_ c: Character) -> String { "&#x\(String(c.asciiValue!, radix: 16));" }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// The text, with the escaped value between « and ».
        var marked: String
        var path: String
        var rule: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "JSON \\u002d", marked: #"{"sirportly":{"token":"«\#(escaped(token, u, only: ["-"]))»","secret":"\#(secret)"}}"#, path: "log.jsonl", rule: "sirportly-token"),
        Case(name: "JS every byte \\x", marked: #"var c={sirportlyToken:"«\#(escaped(token, x))»"};"#, path: "widget.min.js", rule: "sirportly-token"),
        Case(name: "Python \\x2d", marked: "# sirportly\nSIRPORTLY_TOKEN = \"«\(escaped(token, x, only: ["-"]))»\"\n", path: "settings.py", rule: "sirportly-token"),
        Case(name: "HTML &#45;", marked: #"<input name="x_auth_token" value="«\#(escaped(token, dec, only: ["-"]))»">"#, path: "form.html", rule: "sirportly-token"),
        Case(name: "HTML &#x2d; application", marked: #"<input name="x_auth_application" value="«\#(escaped(token, hex, only: ["-"]))»">"#, path: "form.html", rule: "sirportly-application-token"),
        Case(name: "secret with escaped digits", marked: "X-Auth-Secret: «\(escaped(secret, u, only: Set("0123456789")))»", path: "capture.txt", rule: "sirportly-secret"),
        Case(name: "escaped JSON event in a JSON log line", marked: #"{"level":"info","msg":"{\"sirportly_token\":\"«\#(token)»\",\"attempt\":2}"}"#, path: "app.log", rule: "sirportly-token"),
        Case(name: "escaped JSON in an HTML attribute", marked: #"<div data-config="{&quot;sirportly_token&quot;: &quot;«\#(token)»&quot;}"></div>"#, path: "page.html", rule: "sirportly-token"),
        Case(name: "URL %2D", marked: "GET /api/v2/tickets/all?auth_token=«\(token.replacingOccurrences(of: "-", with: "%2D"))»&auth_secret=\(secret) HTTP/1.1", path: "access.log", rule: "sirportly-token"),
    ]

    /// The value is found and reported at exactly the span of its escaped text.
    @Test(arguments: cases)
    func findsEscapedValueAtItsEscapedSpan(_ c: Case) throws {
        let open = try #require(c.marked.utf8.firstIndex(of: 0xC2))  // «
        let text = c.marked.replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: "")
        let start = c.marked.utf8.distance(from: c.marked.utf8.startIndex, to: open)
        let close = try #require(c.marked.range(of: "»"))
        let end = c.marked.utf8.distance(from: c.marked.utf8.startIndex, to: close.lowerBound.samePosition(in: c.marked.utf8)!) - 2
        let found = try EvidenceFixtures.findings(text, path: c.path).filter { $0.ruleID == c.rule }
        let hit = try #require(found.first)
        #expect(hit.secretRange == start..<end)
        #expect(String(decoding: hit.secret, as: UTF8.self) == (c.rule == "sirportly-secret" ? Self.secret : Self.token))
    }

    /// Escaped request and trace ids stay hard negatives, and an escape outside a value reports
    /// nothing new.
    @Test(arguments: [
        #"{"msg":"sirportly sync","request_id":"\#(escaped(uuid4, u, only: ["-"]))"}"#,
        "var trace=\"\(escaped(uuid4, x, only: ["-"]))\"; // sirportly widget",
        #"<input type="hidden" name="request_id" value="\#(escaped(uuid4, dec, only: ["-"]))"> sirportly"#,
        #"{"msg":"caf\u00e9 \u2014 sirportly","job_id":"\#(escaped(uuid4, u, only: ["-"]))"}"#,
        #"{"msg":"{\"app\":\"sirportly\",\"request_id\":\"\#(uuid4)\"}"}"#,
    ])
    func escapedIdsStayNegative(_ text: String) throws {
        #expect(try EvidenceFixtures.findings(text, path: "app.log").isEmpty)
    }

    /// A value written plainly next to an escape is the identity view's finding, reported once and
    /// without an encoding.
    @Test func passwordInAnEscapedJSONEventIsFoundOnce() throws {
        let value = "Kq8#vR2mW9zTp"
        let text = #"{"ts":"2026-12-05T06:10:00Z","msg":"{\"user\":\"dana\",\"password\":\"\#(value)\"}"}"#
        let found = try EvidenceFixtures.findings(text, path: "app.log").filter { $0.ruleID.hasPrefix("password-") }
        #expect(!found.isEmpty)
        #expect(Set(found.map { String(decoding: $0.secret, as: UTF8.self) }) == [value])
        #expect(Set(found.map(\.secretRange)).count == 1)
        #expect(found.allSatisfy { $0.encoding == .escape })
    }

    @Test func plainValueBesideAnEscapeIsReportedOnce() throws {
        let text = #"{"msg":"caf\u0065","sirportly":{"token":"\#(Self.token)","secret":"\#(Self.secret)"}}"#
        let found = try EvidenceFixtures.findings(text, path: "log.jsonl").filter { $0.ruleID == "sirportly-token" }
        #expect(found.count == 1)
        #expect(found.first?.encoding == nil)
    }
}
