import Foundation
import Testing

/// `tokenaudit validate …` through the built binary: output, redaction, exit codes, streaming.
@Suite("tokenaudit validate")
struct ValidateCLITests {
    /// Generated values of the right shape (never real credentials).
    static let token = "9f1c2e4a-3b5d-4c7e-8f90-a1b2c3d4e5f6"
    static let secret = "Qw3rPAWW2SzUO5DxcCS2IENieKQeckyIeQ7sKZvKjmLhdvh9NF"
    static let app = "5e6f7a8b-1c2d-4e3f-9a0b-c1d2e3f4a5b6"
    static let exampleToken = "d3f269a9-932e-eeb0-05e7-14fdff8696b2"
    static let exampleSecret = "us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d"

    /// Writes `text` to a new 0600 file in a fresh temporary directory.
    static func write(_ text: String, name: String) throws -> URL {
        let dir = try BinaryRunner.makeTemporaryDirectory()
        let url = dir.appendingPathComponent(name)
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]))
        return url
    }

    static func cleanUp(_ url: URL) {
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any])
        }
    }

    struct ValueCase: Sendable, CustomTestStringConvertible {
        var kind: String
        var value: String
        var status: Int32
        var output: String
        var testDescription: String { "\(kind) \(value.debugDescription)" }
    }

    @Test(arguments: [
        ValueCase(kind: "token", value: token, status: 0, output: "9f1c…: valid\n"),
        ValueCase(kind: "app-token", value: app, status: 0, output: "5e6f…: valid\n"),
        ValueCase(kind: "secret", value: secret, status: 0, output: "Qw3r…: valid\n"),
        ValueCase(kind: "token", value: String(token.dropLast()), status: 1, output: "9f1c…: invalid: wrong length: got 35, expected 36\n"),
        ValueCase(kind: "token", value: token + "0", status: 1, output: "9f1c…: invalid: wrong length: got 37, expected 36\n"),
        ValueCase(kind: "secret", value: String(secret.dropLast()), status: 1, output: "Qw3r…: invalid: wrong length: got 49, expected 50\n"),
        ValueCase(kind: "token", value: token.uppercased(), status: 1, output: "9F1C…: invalid: uppercase hex digit at position 2 (and 14 more) (hint: the format is lowercase)\n"),
        ValueCase(kind: "token", value: "9f1c2e4a-3b5d-4c7e-8f90-a1b2c3d4e5g6", status: 1, output: "9f1c…: invalid: invalid character 'g' at position 35\n"),
        ValueCase(kind: "secret", value: "Qw3rPAWW2SzUO5DxcCS2IENieKQeckyIeQ7sKZvKjmLhdvh9-F", status: 1, output: "Qw3r…: invalid: invalid character '-' at position 49\n"),
        ValueCase(kind: "secret", value: " \(secret)", status: 1, output: " Qw3…: invalid: surrounding whitespace (hint: trim it)\n"),
        ValueCase(kind: "app-token", value: "'\(app)'", status: 1, output: "'5e6…: invalid: surrounded by quotes (hint: remove them)\n"),
        ValueCase(kind: "token", value: "", status: 1, output: "(empty): invalid: empty value\n"),
        ValueCase(kind: "token", value: exampleToken, status: 0, output: "d3f2…: valid (this is the Sirportly documentation's example token, also printed as its example application token)\n"),
        ValueCase(kind: "secret", value: exampleSecret, status: 0, output: "us1y…: valid (this is the Sirportly documentation's example secret)\n"),
        ValueCase(kind: "token", value: "00000000-0000-0000-0000-000000000000", status: 0, output: "0000…: valid (looks like a placeholder: one character repeated ('0'))\n"),
        ValueCase(kind: "token", value: "your_token_here", status: 1, output: "…: invalid: wrong length: got 15, expected 36; invalid character 'y' at position 1 (and 11 more) (looks like a placeholder: placeholder word \"your\")\n"),
    ])
    func validatesOneValue(_ c: ValueCase) throws {
        let out = try BinaryRunner.run(["validate", c.kind, c.value])
        #expect(out.stdout == c.output)
        #expect(out.status == c.status)
        if c.value.count >= 12 {
            #expect(!out.stdout.contains(c.value), "values are redacted by default")
        }
    }

    @Test func manyValuesOneLineEachWithSummary() throws {
        let out = try BinaryRunner.run(["validate", "token", Self.token, "nope", Self.app])
        #expect(out.status == 1)
        #expect(out.stdout.split(separator: "\n").count == 3)
        #expect(out.stderr.contains("3 token values: 2 valid, 1 invalid"))
    }

    @Test func noRedactShowsTheValue() throws {
        let out = try BinaryRunner.run(["validate", "secret", "--no-redact", Self.secret])
        #expect(out.status == 0)
        #expect(out.stdout == "\(Self.secret): valid\n")
    }

    @Test func controlCharactersAreEscaped() throws {
        let out = try BinaryRunner.run(["validate", "token", "--no-redact", "ab\u{1B}[31mcd"])
        #expect(out.status == 1)
        #expect(out.stdout.hasPrefix("ab\\x1b[31mcd: invalid:"))
        #expect(!out.stdout.contains("\u{1B}"))
    }

    @Test(arguments: [
        (["validate", "token"], "Nothing to validate"),
        (["validate", "token", "--stdin", "x"], "not both"),
        (["validate", "token", "--format", "xml", "x"], "xml"),
        (["validate", "headers"], "capture file"),
        (["validate", "headers", "-", "-"], "only once"),
        (["validate", "bogus"], "bogus"),
    ])
    func usageErrorsExitTwo(_ args: [String], _ message: String) throws {
        let out = try BinaryRunner.run(args)
        #expect(out.status == 2)
        #expect(out.stderr.contains(message), "\(out.stderr)")
    }

    @Test func jsonForArguments() throws {
        let out = try BinaryRunner.run(["validate", "token", "--format", "json", Self.token, "abz"])
        #expect(out.status == 1)
        let lines = try Self.jsonLines(out.stdout)
        #expect(lines.count == 2)
        #expect(lines[0]["valid"] as? Bool == true)
        #expect(lines[0]["value"] as? String == "9f1c…")
        #expect(lines[0]["argument"] as? Int == 1)
        #expect(lines[1]["valid"] as? Bool == false)
        let problems = try #require(lines[1]["problems"] as? [[String: Any]])
        #expect(problems.compactMap { $0["code"] as? String } == ["wrong-length", "invalid-character"])
        #expect(out.stderr.isEmpty, "JSON mode prints no summary")
    }

    /// A stream of generated lines: every 7th value is one character short, one line is CRLF,
    /// one is far too long, empty lines are skipped.
    @Test func stdinStreamsManyLines() throws {
        let count = 60_000
        var text = ""
        text.reserveCapacity(count * 40)
        var expectedInvalid = 0
        for i in 0..<count {
            let hex = String(i, radix: 16)
            var value = String(Self.token.dropLast(hex.count)) + hex
            if i % 7 == 0 { value.removeLast(); expectedInvalid += 1 }
            text += value + (i == 5 ? "\r\n" : "\n")
            if i == 10 { text += "\n" }
        }
        text += String(repeating: "a", count: 100_000) + "\n"
        expectedInvalid += 1
        let out = try BinaryRunner.run(["validate", "token", "--stdin"], stdin: Data(text.utf8))
        #expect(out.status == 1)
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == count + 1)
        #expect(lines.filter { $0.contains(": invalid: ") }.count == expectedInvalid)
        #expect(lines[5] == "line 6: 9f1c…: valid", "CRLF is a line ending, not whitespace")
        #expect(lines[11].hasPrefix("line 13: "), "the empty line 12 is skipped but counted")
        #expect(lines.last == "line \(count + 2): aaaa…: invalid: wrong length: got 100000, expected 36")
        #expect(out.stderr.contains("\(count + 1) token values: \(count + 1 - expectedInvalid) valid, \(expectedInvalid) invalid"))
    }

    @Test func stdinInvalidOnlyAndJSON() throws {
        let input = "\(Self.secret)\nshort\n\(Self.exampleSecret)\n"
        let out = try BinaryRunner.run(["validate", "secret", "--stdin", "--invalid-only", "--format", "json"], stdin: Data(input.utf8))
        #expect(out.status == 1)
        let lines = try Self.jsonLines(out.stdout)
        #expect(lines.count == 1)
        #expect(lines[0]["line"] as? Int == 2)
        #expect(lines[0]["kind"] as? String == "secret")
        #expect(lines[0]["redacted"] as? Bool == true)
    }

    @Test func stdinAllValidExitsZero() throws {
        let out = try BinaryRunner.run(["validate", "app-token", "--stdin"], stdin: Data("\(Self.app)\n\(Self.token)".utf8))
        #expect(out.status == 0)
        #expect(out.stdout == "line 1: 5e6f…: valid\nline 2: 9f1c…: valid\n", "a last line without newline counts")
    }

    // MARK: headers

    static let rawRequest = """
        POST /api/v2/tickets/submit?password=hunter2 HTTP/1.1\r
        Host: helpdesk.example.com\r
        x-auth-token: \(token)\r
        X-Auth-Secret: \(secret)\r
        \r
        GET /api/v2/tickets/all HTTP/1.1\r
        Host: helpdesk.example.com\r
        X-Auth-Token: \(token)\r
        \r

        """

    @Test func headersFromRawRequests() throws {
        let file = try Self.write(Self.rawRequest, name: "request.txt")
        defer { Self.cleanUp(file) }
        let out = try BinaryRunner.run(["validate", "headers", file.path])
        #expect(out.status == 1)
        #expect(out.stdout.contains("line 1 POST http://helpdesk.example.com/api/v2/tickets/submit?…: account authentication (token + secret): invalid"))
        #expect(out.stdout.contains("X-Auth-Token (sent as x-auth-token): 9f1c…: valid"))
        #expect(out.stdout.contains("problem: a password is sent on a call that is not the login call"))
        #expect(out.stdout.contains("line 6 GET http://helpdesk.example.com/api/v2/tickets/all: incomplete: invalid"))
        #expect(out.stdout.contains("problem: X-Auth-Token is sent without X-Auth-Secret"))
        #expect(!out.stdout.contains(Self.token) && !out.stdout.contains(Self.secret) && !out.stdout.contains("hunter2"))
        #expect(out.stderr.contains("2 requests with Sirportly authentication: 0 valid, 2 invalid"))
    }

    @Test func headersValidAccountRequestExitsZero() throws {
        let text = "GET /api/v2/tickets/all HTTP/1.1\nHost: h.example.com\nX-Auth-Token: \(Self.token)\nX-Auth-Secret: \(Self.secret)\n\n"
        let file = try Self.write(text, name: "ok.http")
        defer { Self.cleanUp(file) }
        let out = try BinaryRunner.run(["validate", "headers", "--no-redact", file.path])
        #expect(out.status == 0)
        #expect(out.stdout.contains("account authentication (token + secret): valid"))
        #expect(out.stdout.contains("X-Auth-Secret: \(Self.secret): valid"))
    }

    @Test func headersFromCurlVerboseOnStdin() throws {
        let text = """
            * Connected to helpdesk.example.com (192.0.2.1) port 443
            > GET /api/v2/tickets/all HTTP/2
            > Host: helpdesk.example.com
            > X-Auth-Application: \(Self.app)
            > X-Auth-Token: \(Self.token)
            > X-Auth-Secret: \(Self.secret)
            >
            < HTTP/2 200

            """
        let out = try BinaryRunner.run(["validate", "headers", "-"], stdin: Data(text.utf8))
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.hasPrefix("standard input line 2 GET https://helpdesk.example.com/api/v2/tickets/all: user authentication"))
        #expect(out.stderr.contains("curl -v output"))
    }

    static let har = """
        {"log": {"version": "1.2", "entries": [
          {"request": {"method": "POST", "url": "https://helpdesk.example.com/api/v2/users/authenticate",
            "headers": [{"name": "X-Auth-Application", "value": "\(app)"}],
            "postData": {"mimeType": "application/json", "text": "{\\"username\\": \\"u\\", \\"password\\": \\"p\\"}"}}},
          {"request": {"method": "GET", "url": "https://cdn.example.com/app.js", "headers": []}},
          {"request": {"method": "GET", "url": "https://helpdesk.example.com/api/v2/tickets/all",
            "headers": [{"name": "X-Auth-Application", "value": "\(app)"}, {"name": "X-Auth-Token", "value": "\(token)"},
                        {"name": "X-Auth-Secret", "value": "\(String(secret.dropLast()))"}]}}
        ]}}
        """

    @Test func headersFromHARPerRequestJSON() throws {
        let file = try Self.write(Self.har, name: "capture.har")
        defer { Self.cleanUp(file) }
        let out = try BinaryRunner.run(["validate", "headers", "--format", "json", file.path])
        #expect(out.status == 1)
        let lines = try Self.jsonLines(out.stdout)
        #expect(lines.map { $0["location"] as? String } == ["log.entries[0]", "log.entries[2]"])
        #expect(lines.map { $0["mode"] as? String } == ["login", "user"])
        #expect(lines.map { $0["valid"] as? Bool } == [true, false])
        let notes = try #require(lines[0]["notes"] as? [String])
        #expect(notes.contains { $0.contains("password in plain text") })
        let headers = try #require(lines[1]["headers"] as? [[String: Any]])
        #expect(headers.map { $0["value"] as? String } == ["5e6f…", "9f1c…", "Qw3r…"])
        let problems = try #require(lines[1]["problems"] as? [[String: Any]])
        #expect(problems.map { $0["code"] as? String } == ["malformed-value"])
    }

    @Test func headersTextSkipsUnrelatedRequests() throws {
        let file = try Self.write(Self.har, name: "capture.har")
        defer { Self.cleanUp(file) }
        let out = try BinaryRunner.run(["validate", "headers", file.path])
        #expect(out.status == 1)
        #expect(!out.stdout.contains("cdn.example.com"))
        #expect(out.stderr.contains("HAR, 2 requests with Sirportly authentication: 1 valid, 1 invalid; 1 other request skipped"))
    }

    @Test func unparseableHARSaysWhereAndWhatToDo() throws {
        let file = try Self.write("{\"log\": {\"entries\": [\n  {\"request\": }\n]}}", name: "broken.har")
        defer { Self.cleanUp(file) }
        let out = try BinaryRunner.run(["validate", "headers", file.path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("\(file.path): line 2, column 15: not valid JSON"), "\(out.stderr)")
        #expect(out.stderr.contains("hint: export the capture again as HAR"))
    }

    @Test func unreadableFileSaysWhichAndWhy() throws {
        let out = try BinaryRunner.run(["validate", "headers", "/nonexistent/capture.har"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("cannot read /nonexistent/capture.har: No such file or directory"))
        let dir = try BinaryRunner.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outDir = try BinaryRunner.run(["validate", "headers", dir.path])
        #expect(outDir.status == 2)
        #expect(outDir.stderr.contains("cannot read \(dir.path): Is a directory"))
    }

    @Test func noSirportlyHeadersExitsOne() throws {
        let file = try Self.write("GET / HTTP/1.1\nHost: example.com\nAccept: */*\n\n", name: "plain.txt")
        defer { Self.cleanUp(file) }
        let out = try BinaryRunner.run(["validate", "headers", file.path])
        #expect(out.status == 1)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains("no X-Auth-Token, X-Auth-Secret or X-Auth-Application header in 1 request"))
    }

    /// A generated HAR of many entries with large responses: streamed, every request with
    /// Sirportly headers reported, in order (memory and time are measured outside the tests).
    @Test func headersStreamsALargeHAR() throws {
        let body = String(repeating: "<p>lorem \\u00e9 ipsum</p>", count: 4_000)
        var text = "{\"log\": {\"version\": \"1.2\", \"entries\": ["
        let count = 300
        for i in 0..<count {
            if i > 0 { text += "," }
            let auth = i % 2 == 0 ? ", {\"name\": \"X-Auth-Token\", \"value\": \"\(Self.token)\"}, {\"name\": \"X-Auth-Secret\", \"value\": \"\(Self.secret)\"}" : ""
            text += "{\"request\": {\"method\": \"GET\", \"url\": \"https://helpdesk.example.com/api/v2/tickets/\(i)\", \"headers\": [{\"name\": \"Accept\", \"value\": \"*/*\"}\(auth)]}, \"response\": {\"status\": 200, \"content\": {\"text\": \"\(body)\"}}}"
        }
        text += "]}}"
        let file = try Self.write(text, name: "large.har")
        defer { Self.cleanUp(file) }
        let out = try BinaryRunner.run(["validate", "headers", "--format", "json", file.path])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = try Self.jsonLines(out.stdout)
        #expect(lines.map { $0["location"] as? String } == stride(from: 0, to: count, by: 2).map { "log.entries[\($0)]" })
        #expect(lines.allSatisfy { $0["mode"] as? String == "account" })
    }

    @Test func headersReportsRequestsBeforeASyntaxErrorAndExitsTwo() throws {
        let text = "{\"log\": {\"entries\": [{\"request\": {\"url\": \"https://h.example.com/a\", \"headers\": [{\"name\": \"X-Auth-Token\", \"value\": \"\(Self.token)\"}]}}, {\"request\": " + String(repeating: "[", count: 5_000)
        let file = try Self.write(text, name: "nested.har")
        defer { Self.cleanUp(file) }
        let out = try BinaryRunner.run(["validate", "headers", file.path])
        #expect(out.status == 2)
        #expect(out.stdout.contains("log.entries[0] https://h.example.com/a: incomplete: invalid"))
        #expect(out.stderr.contains("line 1, column 679: not valid JSON: nesting deeper than 512 levels"), "\(out.stderr)")
    }

    /// Regression: validate showed 4 leading and 2 trailing characters of any value of 12 bytes or
    /// more; it now uses the one redaction policy, like scan.
    @Test(arguments: [("abcdefghijkl", "…"), ("abcdefghijklmnop", "ab…"), (token, "9f1c…")])
    func redactionIsTheSharedPolicy(_ value: String, _ shown: String) throws {
        let out = try BinaryRunner.run(["validate", "secret", value])
        #expect(out.stdout.hasPrefix(shown + ": invalid"), "\(out.stdout)")
        #expect(!out.stdout.contains(String(value.suffix(2))), "the value's end is never shown")
    }

    @Test(arguments: [["validate", "--help"], ["validate", "token", "--help"], ["validate", "headers", "--help"]])
    func helpTeachesWithExamples(_ args: [String]) throws {
        let out = try BinaryRunner.run(args)
        #expect(out.status == 0)
        #expect(out.stdout.contains("Examples:"))
        #expect(out.stdout.contains("Exit codes"))
    }
}
