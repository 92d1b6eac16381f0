import SirportlyAuth
import Testing
import TokenFormat

/// Generated credential-shaped values for capture tests (never real ones).
enum CaptureValues {
    static let token = "9f1c2e4a-3b5d-4c7e-8f90-a1b2c3d4e5f6"
    static let secret = "Qw3rPAWW2SzUO5DxcCS2IENieKQeckyIeQ7sKZvKjmLhdvh9NF"
    static let app = "5e6f7a8b-1c2d-4e3f-9a0b-c1d2e3f4a5b6"
}

@Suite("HTTP capture parsing")
struct HTTPCaptureParserTests {
    typealias V = CaptureValues

    @Test(arguments: [
        ("POST /x HTTP/1.1\r\nHost: h\r\n\r\n", HTTPCaptureFormat.raw),
        ("X-Auth-Token: abc\n", .raw),
        ("* Trying 10.0.0.1:443...\n> GET /x HTTP/2\n> Host: h\n>\n< HTTP/2 200\n", .curlVerbose),
        ("  {\"log\": {\"entries\": []}}", .har),
    ])
    func detectsFormat(_ text: String, _ format: HTTPCaptureFormat) {
        #expect(HTTPCaptureParser.detectFormat(Array(text.utf8)) == format)
    }

    @Test func rawRequestsWithBodiesAndCRLF() throws {
        let text = "POST /api/v2/tickets/submit HTTP/1.1\r\nHost: helpdesk.example.com\r\nX-Auth-Token: \(V.token)\r\n"
            + "x-auth-secret: \(V.secret)\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nsubject=Hi&body=x\r\n"
            + "GET /api/v2/tickets/all?page=2 HTTP/1.1\r\nHost: helpdesk.example.com\r\n\r\n"
        let capture = try HTTPCaptureParser.parse(Array(text.utf8))
        #expect(capture.format == .raw)
        #expect(capture.requests.count == 2)
        let first = capture.requests[0]
        #expect(first.method == "POST")
        #expect(first.url == "http://helpdesk.example.com/api/v2/tickets/submit")
        #expect(first.path == "/api/v2/tickets/submit")
        #expect(first.headers(named: "X-AUTH-SECRET").first?.valueText == V.secret)
        #expect(first.headers(named: "x-auth-token").first?.line == 3)
        #expect(String(decoding: first.body, as: UTF8.self) == "subject=Hi&body=x")
        #expect(first.location == "line 1")
        #expect(capture.requests[1].query == "page=2")
        #expect(capture.requests[1].location == "line 8")
    }

    @Test func bareHeaderLinesFormOneRequest() throws {
        let text = "# pasted from the app config\nX-Auth-Token: \(V.token)\nX-Auth-Secret:   \(V.secret)  \n"
        let capture = try HTTPCaptureParser.parse(Array(text.utf8))
        #expect(capture.requests.count == 1)
        #expect(capture.requests[0].method == nil && capture.requests[0].url == nil)
        #expect(capture.requests[0].headers.map(\.name) == ["X-Auth-Token", "X-Auth-Secret"])
        #expect(capture.requests[0].headers[1].valueText == V.secret)
        #expect(capture.requests[0].location == "line 2")
    }

    @Test func curlVerboseOutput() throws {
        let text = """
            *   Trying 192.0.2.10:443...
            * Connected to helpdesk.example.com (192.0.2.10) port 443
            * SSL connection using TLSv1.3
            > GET /api/v2/tickets/all?password=hunter2 HTTP/1.1
            > Host: helpdesk.example.com
            > User-Agent: curl/8.5.0
            > X-Auth-Token: \(V.token)
            > X-Auth-Secret: \(V.secret)
            >
            < HTTP/1.1 200 OK
            < Content-Type: application/json
            <
            { [512 bytes data]
            """
        let capture = try HTTPCaptureParser.parse(Array(text.utf8))
        #expect(capture.format == .curlVerbose)
        #expect(capture.requests.count == 1)
        let request = capture.requests[0]
        #expect(request.url == "https://helpdesk.example.com/api/v2/tickets/all?password=hunter2")
        #expect(request.headers.map(\.name) == ["Host", "User-Agent", "X-Auth-Token", "X-Auth-Secret"])
        #expect(request.headers(named: "content-type").isEmpty, "response headers are not request headers")
    }

    static func har(_ entries: [String]) -> String {
        "{\"log\": {\"version\": \"1.2\", \"entries\": [\(entries.joined(separator: ","))]}}"
    }

    @Test func harEntries() throws {
        let text = Self.har([
            """
            {"request": {"method": "POST", "url": "https://helpdesk.example.com/api/v2/users/authenticate",
             "headers": [{"name": "X-Auth-Application", "value": "\(V.app)"}],
             "postData": {"mimeType": "application/x-www-form-urlencoded", "params": [{"name": "username", "value": "u"}, {"name": "password", "value": "p"}]}}}
            """,
            """
            {"request": {"method": "GET", "url": "https://cdn.example.com/app.js", "headers": []}}
            """,
            """
            {"request": {"method": "POST", "url": "https://helpdesk.example.com/api/v2/tickets/submit",
             "headers": [{"name": ":method", "value": "POST"}, {"name": "x-auth-token", "value": "\(V.token)"}],
             "postData": {"mimeType": "application/json", "text": "{\\"ticket\\": {\\"subject\\": \\"\\u00e9\\"}}"}}}
            """,
        ])
        let capture = try HTTPCaptureParser.parse(Array(text.utf8))
        #expect(capture.format == .har)
        #expect(capture.requests.map(\.location) == ["log.entries[0]", "log.entries[1]", "log.entries[2]"])
        #expect(capture.requests[0].formParameters.map(\.name) == ["username", "password"])
        #expect(capture.requests[2].headers.map(\.name) == ["x-auth-token"], "pseudo-headers are not headers")
        #expect(String(decoding: capture.requests[2].body, as: UTF8.self) == "{\"ticket\": {\"subject\": \"é\"}}")
        #expect(capture.requests[2].bodyMediaType == "application/json")
    }

    struct BadHAR: Sendable, CustomTestStringConvertible {
        var text: String
        var location: String
        var message: String
        var testDescription: String { location + ": " + message }
    }

    @Test(arguments: [
        BadHAR(text: "{\"log\": {\"entries\": [\n  {,}]}}", location: "line 2, column 4", message: "quoted member name"),
        BadHAR(text: "{\"log\": {\"entries\": [", location: "line 1, column 22", message: "unexpected end of input"),
        BadHAR(text: "{\"log\": {}}", location: "log.entries", message: "missing or not an array"),
        BadHAR(text: "{\"entries\": []}", location: "top level", message: "not a HAR file"),
        BadHAR(text: "{\"log\": {\"entries\": [{\"response\": {}}]}}", location: "log.entries[0].request", message: "missing"),
        BadHAR(text: "{\"log\": {\"entries\": [{\"request\": {\"headers\": {}}}]}}", location: "log.entries[0].request.headers", message: "expected an array"),
        BadHAR(text: "{\"log\": {\"entries\": [{\"request\": {\"headers\": [{\"name\": 1}]}}]}}", location: "log.entries[0].request.headers[0]", message: "expected {"),
        BadHAR(text: "{\"log\": {\"entries\": []}} trailing", location: "line 1, column 26", message: "unexpected text after"),
    ])
    func harErrorsSayWhereAndWhat(_ c: BadHAR) {
        do {
            _ = try HTTPCaptureParser.parse(Array(c.text.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.location == c.location)
            #expect(error.message.contains(c.message), "\(error.message)")
            #expect(error.hint.contains("HAR"))
        }
    }

    @Test(arguments: [
        ("\"a\\u0041\\ud83d\\ude00\"", JSONValue.string("aA😀")),
        ("[1, -2.5e3, true, false, null]", .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])),
        ("{\"a\": {\"b\": []}}", .object([JSONMember(key: "a", value: .object([JSONMember(key: "b", value: .array([]))]))])),
    ])
    func jsonValues(_ text: String, _ value: JSONValue) throws {
        #expect(try HTTPRequestJSON.parse(Array(text.utf8)) == value)
    }

    @Test(arguments: ["01", "[1,]", "{\"a\" 1}", "\"\u{1}\"", "tru", "\"\\x\"", "-", "1.", String(repeating: "[", count: 600)])
    func jsonRejects(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try HTTPRequestJSON.parse(Array(text.utf8)) }
    }
}

@Suite("Sirportly request audit")
struct SirportlyRequestAuditTests {
    typealias V = CaptureValues

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var url: String?
        var headers: [(String, String)]
        var body: String = ""
        var mediaType: String? = nil
        var mode: SirportlyAuthMode
        var problems: [String]
        var testDescription: String { name }
    }

    static let api = "https://helpdesk.example.com/api/v2/tickets/all"
    static let login = "https://helpdesk.example.com/api/v2/users/authenticate"

    static let cases: [Case] = [
        Case(name: "account", url: api, headers: [("X-Auth-Token", V.token), ("X-Auth-Secret", V.secret)], mode: .account, problems: []),
        Case(name: "any header case", url: api, headers: [("x-AUTH-token", V.token), ("X-AUTH-SECRET", V.secret)], mode: .account, problems: []),
        Case(name: "user", url: api, headers: [("X-Auth-Application", V.app), ("X-Auth-Token", V.token), ("X-Auth-Secret", V.secret)], mode: .user, problems: []),
        Case(name: "login with password", url: login, headers: [("X-Auth-Application", V.app)], body: "username=u&password=p", mode: .login, problems: []),
        Case(name: "login without application token", url: login, headers: [], body: "username=u&password=p", mode: .none, problems: ["login-without-application-token"]),
        Case(name: "application token alone off the login call", url: api, headers: [("X-Auth-Application", V.app)], mode: .incomplete, problems: ["application-token-without-credentials"]),
        Case(name: "application token alone, no URL", url: nil, headers: [("X-Auth-Application", V.app)], mode: .login, problems: []),
        Case(name: "token without secret", url: api, headers: [("X-Auth-Token", V.token)], mode: .incomplete, problems: ["token-without-secret"]),
        Case(name: "secret without token", url: api, headers: [("X-Auth-Secret", V.secret)], mode: .incomplete, problems: ["secret-without-token"]),
        Case(name: "application token and token without secret", url: api, headers: [("X-Auth-Application", V.app), ("X-Auth-Token", V.token)], mode: .incomplete, problems: ["token-without-secret"]),
        Case(name: "malformed secret", url: api, headers: [("X-Auth-Token", V.token), ("X-Auth-Secret", String(V.secret.dropLast()))], mode: .account, problems: ["malformed-value"]),
        Case(name: "duplicate token", url: api, headers: [("X-Auth-Token", V.token), ("X-Auth-Token", V.token), ("X-Auth-Secret", V.secret)], mode: .account, problems: ["duplicate-header"]),
        Case(name: "password in query", url: api + "?password=hunter2", headers: [("X-Auth-Token", V.token), ("X-Auth-Secret", V.secret)], mode: .account, problems: ["password-outside-login"]),
        Case(name: "password in JSON body", url: api, headers: [("X-Auth-Token", V.token), ("X-Auth-Secret", V.secret)], body: "{\"user\": {\"Password\": \"p\"}}", mediaType: "application/json", mode: .account, problems: ["password-outside-login"]),
        Case(name: "password in form body", url: api, headers: [("X-Auth-Token", V.token), ("X-Auth-Secret", V.secret)], body: "user%5Bpassword%5D=p", mode: .account, problems: ["password-outside-login"]),
        Case(name: "password in multipart body", url: api, headers: [("X-Auth-Token", V.token), ("X-Auth-Secret", V.secret)], body: "--b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\np\r\n--b--", mediaType: "multipart/form-data; boundary=b", mode: .account, problems: ["password-outside-login"]),
        Case(name: "basic auth", url: api, headers: [("Authorization", "Basic dXNlcjpodW50ZXIy")], mode: .none, problems: ["password-outside-login"]),
        Case(name: "password in URL user info", url: "https://u:p@helpdesk.example.com/api/v2/tickets", headers: [("X-Auth-Token", V.token), ("X-Auth-Secret", V.secret)], mode: .account, problems: ["password-outside-login"]),
        Case(name: "password-like words that are not password fields", url: api + "?password_hint_shown=1", headers: [("X-Auth-Token", V.token), ("X-Auth-Secret", V.secret)], body: "{\"subject\": \"reset my password\"}", mediaType: "application/json", mode: .account, problems: []),
        Case(name: "nothing Sirportly", url: api, headers: [("Accept", "*/*")], mode: .none, problems: []),
    ]

    @Test(arguments: cases)
    func audit(_ c: Case) {
        let request = HTTPRequest(
            method: "POST", url: c.url,
            headers: c.headers.map { HTTPHeaderField(name: $0.0, value: Array($0.1.utf8)) },
            body: Array(c.body.utf8), bodyMediaType: c.mediaType, location: "line 1")
        let audit = SirportlyRequestAuditor.audit(request)
        #expect(audit.mode == c.mode)
        #expect(audit.problems.map(\.code) == c.problems)
        #expect(audit.isValid == c.problems.isEmpty)
        #expect(audit.isRelevant == (c.name != "nothing Sirportly"))
    }

    @Test func knownExampleHeadersAreNoted() {
        let request = HTTPRequest(url: Self.api, headers: [
            HTTPHeaderField(name: "X-Auth-Token", value: KnownExamples.tokenBytes),
            HTTPHeaderField(name: "X-Auth-Secret", value: KnownExamples.secretBytes),
        ], location: "line 1")
        let audit = SirportlyRequestAuditor.audit(request)
        #expect(audit.isValid)
        #expect(audit.notes.count == 2)
        #expect(audit.notes.allSatisfy { $0.contains("example") })
    }

    @Test(arguments: [
        ("/api/v2/users/authenticate", true), ("/api/v2/authentication/authenticate", true), ("/login", true),
        ("/api/v2/tickets/all", false), ("/api/v2/authors", false), ("/", false),
    ])
    func loginPaths(_ path: String, _ isLogin: Bool) {
        #expect(SirportlyRequestAuditor.isLoginPath(path) == isLogin)
    }
}
