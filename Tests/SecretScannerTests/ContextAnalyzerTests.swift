import SecretRules
import Testing

@testable import SecretScanner

/// Generated values with the Sirportly shapes (never real credentials).
enum SirportlyTestValues {
    static let token = "a4c123b1-612d-d272-d137-1c17149d4395"
    static let token2 = "36b3216f-daee-b975-729f-ae923d5a4fd1"
    static let appToken = "2aabfe22-8f21-9e9c-b0eb-53f16947ccf2"
    static let secret = "706i8j76b2lajlj4h9du7794g9dpmrcg629be2u66mr26846p7"
    static let mixedSecret = "Isc3lkr2aqxZv9upcZUtnwlavyf4r6Fmp6NafqQfjzBczbttEo"
}

/// One row of the context table: a text with the value marked «…» and the context expected.
struct ContextCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let key: String?
    var keyPath: [String] = []
    var callee: String? = nil
    var argumentIndex: Int? = nil

    var testDescription: String { name }

    var expected: ValueContext {
        ValueContext(key: key, keyPath: keyPath, callee: callee, argumentIndex: argumentIndex)
    }
}

/// Whether the regex `source` matches `subject` ignoring case: a stand-in for the engine's
/// caseless PCRE2 key pattern in `holds` tables (the patterns there are plain literals and
/// anchors; the engine's own key matching is tested through `Engine`).
func caselessMatch(_ source: String, _ subject: String) -> Bool {
    guard let regex = try? Regex(source).ignoresCase() else { return false }
    return subject.contains(regex)
}

/// Analyses the single «marked» value of `text`.
func contextOfMarkedValue(_ text: String) -> ValueContext {
    let (plain, spans) = ExampleMarker.strip(text)
    precondition(spans.count == 1, "mark exactly one value")
    return Array(plain.utf8).withUnsafeBytes { ContextAnalyzer.context(of: spans[0], in: $0) }
}

private let T = SirportlyTestValues.token
private let T2 = SirportlyTestValues.token2
private let S = SirportlyTestValues.secret

let contextCases: [ContextCase] = [
    // Raw headers, curl, HAR.
    ContextCase(name: "raw header", text: "X-Auth-Token: «\(T)»\r\n", key: "X-Auth-Token"),
    ContextCase(name: "curl -H", text: "curl -H \"X-Auth-Secret: «\(S)»\" https://acme.sirportly.com/api/v2/tickets/all", key: "X-Auth-Secret"),
    ContextCase(name: "curl --header, no space", text: "curl --header 'X-Auth-Token:«\(T)»' $URL", key: "X-Auth-Token"),
    ContextCase(name: "HAR one line", text: #"{"name": "X-Auth-Token", "value": "«\#(T)»"},"#, key: "X-Auth-Token"),
    ContextCase(
        name: "HAR multi-line",
        text: """
        "request": {
          "headers": [
            {
              "name": "X-Auth-Secret",
              "value": "«\(S)»"
            }
          ]
        }
        """,
        key: "X-Auth-Secret", keyPath: ["request", "headers"]),
    ContextCase(name: "Postman key/value", text: #"{"key":"X-Auth-Application","value":"«\#(T)»","type":"text"}"#, key: "X-Auth-Application"),
    ContextCase(name: "Rack env in a log", text: #"{"HTTP_X_AUTH_TOKEN"=>"«\#(T)»", "REMOTE_ADDR"=>"10.0.0.1"}"#, key: "HTTP_X_AUTH_TOKEN"),
    ContextCase(name: "Authorization scheme word", text: "Authorization: Bearer «\(T)»", key: "Authorization"),

    // Header-setting code.
    ContextCase(name: "Ruby subscript", text: "req['X-Auth-Token'] = '«\(T)»'", key: "X-Auth-Token", keyPath: ["req"]),
    ContextCase(
        name: "Ruby hash rocket in call", text: "HTTParty.get(url, headers: {'X-Auth-Token' => '«\(T)»'})",
        key: "X-Auth-Token", keyPath: ["headers"], callee: "HTTParty.get", argumentIndex: 1),
    ContextCase(
        name: "PHP curl_setopt header list", text: "curl_setopt($ch, CURLOPT_HTTPHEADER, ['X-Auth-Token: «\(T)»']);",
        key: "X-Auth-Token", callee: "curl_setopt", argumentIndex: 2),
    ContextCase(name: "PHP header append", text: "$headers[] = 'X-Auth-Secret: «\(S)»';", key: "X-Auth-Secret"),
    ContextCase(
        name: "JS fetch headers", text: "fetch(url, { headers: { 'X-Auth-Token': '«\(T)»' } })",
        key: "X-Auth-Token", keyPath: ["headers"], callee: "fetch", argumentIndex: 1),
    ContextCase(
        name: "JS setRequestHeader", text: "xhr.setRequestHeader('X-Auth-Secret', '«\(S)»');",
        key: "X-Auth-Secret", callee: "xhr.setRequestHeader", argumentIndex: 1),
    ContextCase(
        name: "Python requests headers", text: #"r = requests.get(url, headers={"X-Auth-Token": "«\#(T)»"})"#,
        key: "X-Auth-Token", keyPath: ["headers"], callee: "requests.get", argumentIndex: 1),
    ContextCase(
        name: "Go Header.Set", text: #"req.Header.Set("X-Auth-Token", "«\#(T)»")"#,
        key: "X-Auth-Token", callee: "req.Header.Set", argumentIndex: 1),
    ContextCase(
        name: "Go http.Header literal", text: #"h := http.Header{"X-Auth-Token": {"«\#(T)»"}}"#,
        key: "X-Auth-Token", keyPath: ["http.Header"]),
    ContextCase(
        name: "Java builder header", text: "    .header(\"X-Auth-Secret\", \"«\(S)»\")",
        key: "X-Auth-Secret", callee: "header", argumentIndex: 1),
    ContextCase(
        name: "Kotlin setRequestProperty", text: "connection.setRequestProperty(\"X-Auth-Token\", \"«\(T)»\")",
        key: "X-Auth-Token", callee: "connection.setRequestProperty", argumentIndex: 1),
    ContextCase(
        name: "Swift setValue, value first", text: "request.setValue(\"«\(T)»\", forHTTPHeaderField: \"X-Auth-Token\")",
        key: "X-Auth-Token", callee: "request.setValue", argumentIndex: 0),
    ContextCase(
        name: "C# DefaultRequestHeaders.Add", text: "client.DefaultRequestHeaders.Add(\"X-Auth-Token\", \"«\(T)»\");",
        key: "X-Auth-Token", callee: "client.DefaultRequestHeaders.Add", argumentIndex: 1),
    ContextCase(
        name: "Python list of pairs", text: #"headers = [("X-Auth-Token", "«\#(T)»")]"#,
        key: "X-Auth-Token", keyPath: ["headers"]),
    ContextCase(name: "nginx proxy_set_header", text: "    proxy_set_header X-Auth-Token «\(T)»;", key: "X-Auth-Token"),

    // Assignments and settings.
    ContextCase(name: ".env", text: "SIRPORTLY_TOKEN=«\(T)»\n", key: "SIRPORTLY_TOKEN"),
    ContextCase(name: "shell export", text: "export SIRPORTLY_SECRET=\"«\(S)»\"", key: "SIRPORTLY_SECRET"),
    ContextCase(name: "YAML flat", text: "sirportly_api_token: «\(T)»", key: "sirportly_api_token"),
    ContextCase(name: "Ruby module attribute", text: "Sirportly.token = '«\(T)»'", key: "token", keyPath: ["Sirportly"]),
    ContextCase(
        name: "member chain", text: "config.sirportly.secret = \"«\(S)»\"", key: "secret", keyPath: ["config", "sirportly"]),
    ContextCase(
        name: "PHP nested subscripts", text: "$config['sirportly']['token'] = '«\(T)»';",
        key: "token", keyPath: ["config", "sirportly"]),
    ContextCase(
        name: "PHP array", text: """
        return [
            'sirportly' => [
                'token' => '«\(T)»',
            ],
        ];
        """, key: "token", keyPath: ["sirportly"]),
    ContextCase(
        name: "PHP array()", text: "$settings = array(\n  'sirportly' => array(\n    'secret' => '«\(S)»',\n  ),\n);",
        key: "secret", keyPath: ["settings", "sirportly"]),
    ContextCase(
        name: "YAML nesting", text: "production:\n  sirportly:\n    # API credentials\n\n    token: «\(T)»\n",
        key: "token", keyPath: ["production", "sirportly"]),
    ContextCase(
        name: "YAML nesting, CRLF", text: "sirportly:\r\n  token: '«\(T)»'\r\n", key: "token", keyPath: ["sirportly"]),
    ContextCase(name: "INI section", text: "[general]\nname = x\n\n[sirportly]\n; from admin\ntoken = «\(T)»\n", key: "token", keyPath: ["sirportly"]),
    ContextCase(
        name: "TOML dotted table", text: "[services.sirportly]\nurl = \"https://acme.sirportly.com\"\nsecret = \"«\(S)»\"",
        key: "secret", keyPath: ["services", "sirportly"]),
    ContextCase(
        name: "JSON nesting", text: "{\n  \"sirportly\": {\n    \"url\": \"x\",\n    \"secret\": \"«\(S)»\"\n  }\n}",
        key: "secret", keyPath: ["sirportly"]),
    ContextCase(name: "JSON one line", text: #"{"sirportly":{"token":"«\#(T)»"}}"#, key: "token", keyPath: ["sirportly"]),
    ContextCase(name: "escaped JSON in a log", text: #"payload="{\"sirportly\":{\"token\":\"«\#(T)»\"}}""#, key: "token", keyPath: ["sirportly"]),
    ContextCase(name: "properties", text: "sirportly.api.token=«\(T)»", key: "token", keyPath: ["sirportly", "api"]),
    ContextCase(
        name: "XML nesting", text: "<config>\n  <sirportly>\n    <token>«\(T)»</token>\n  </sirportly>\n</config>",
        key: "token", keyPath: ["config", "sirportly"]),
    ContextCase(name: "XML attribute", text: "<sirportly token=\"«\(T)»\" />", key: "token", keyPath: ["sirportly"]),
    ContextCase(
        name: ".NET appSettings", text: "<appSettings>\n  <add key=\"SirportlyToken\" value=\"«\(T)»\" />\n</appSettings>",
        key: "SirportlyToken", keyPath: ["appSettings", "add"]),
    ContextCase(
        name: "Kubernetes env", text: "env:\n  - name: SIRPORTLY_TOKEN\n    value: \"«\(T)»\"\n  - name: OTHER\n    value: x",
        key: "SIRPORTLY_TOKEN", keyPath: ["env"]),
    ContextCase(name: "Swift typed let", text: "let sirportlyToken: String = \"«\(T)»\"", key: "sirportlyToken"),
    ContextCase(name: "Rust constant with a reference type", text: "const SIRPORTLY_TOKEN: &str = \"«\(T)»\";", key: "SIRPORTLY_TOKEN"),
    ContextCase(name: "Go var with type", text: "var sirportlyToken string = \"«\(T)»\"", key: "sirportlyToken"),
    ContextCase(name: "Go short declaration", text: "\ttoken := \"«\(T)»\"", key: "token"),
    ContextCase(name: "Java constant", text: "private static final String SIRPORTLY_TOKEN = \"«\(T)»\";", key: "SIRPORTLY_TOKEN"),
    ContextCase(
        name: "Ruby configure block", text: "Sirportly.configure do |config|\n  config.token = '«\(T)»'\nend",
        key: "token", keyPath: ["Sirportly.configure", "config"]),
    ContextCase(
        name: "Python class attribute", text: "class SirportlySettings(BaseSettings):\n    token = \"«\(T)»\"",
        key: "token", keyPath: ["SirportlySettings"]),
    ContextCase(name: "YAML list under a key", text: "sirportly_tokens:\n  - «\(T)»\n", key: "sirportly_tokens"),
    ContextCase(name: "URL query", text: "GET /api/v2/tickets/all?auth_token=«\(T)»&auth_secret=x HTTP/1.1", key: "auth_token"),
    ContextCase(name: "URL query, second parameter", text: "/login?a=1&auth_secret=«\(S)»", key: "auth_secret"),
    ContextCase(name: "CLI flag", text: "sirportly-cli --token «\(T)» --verbose", key: "token"),
    ContextCase(
        name: "ENV.fetch default", text: "ENV.fetch('SIRPORTLY_TOKEN', '«\(T)»')",
        key: "SIRPORTLY_TOKEN", callee: "ENV.fetch", argumentIndex: 1),
    ContextCase(
        name: "PHP define", text: "define('SIRPORTLY_TOKEN', '«\(T)»');", key: "SIRPORTLY_TOKEN", callee: "define", argumentIndex: 1),

    // Constructor and call arguments.
    ContextCase(
        name: "Ruby client, token", text: "client = Sirportly::Client.new('«\(T)»', '\(S)')",
        key: nil, callee: "Sirportly::Client.new", argumentIndex: 0),
    ContextCase(
        name: "Ruby client, secret", text: "client = Sirportly::Client.new('\(T)', '«\(S)»')",
        key: nil, callee: "Sirportly::Client.new", argumentIndex: 1),
    ContextCase(
        name: "Ruby keyword arguments", text: "Sirportly::Client.new(token: '«\(T)»', secret: '\(S)')",
        key: "token", callee: "Sirportly::Client.new", argumentIndex: 0),
    ContextCase(
        name: "PHP/JS new", text: "$client = new Sirportly('\(T)', '«\(S)»');", key: nil, callee: "Sirportly", argumentIndex: 1),
    ContextCase(
        name: "JS options object", text: "const client = new SirportlyClient({token: '«\(T)»', secret: '\(S)'});",
        key: "token", callee: "SirportlyClient", argumentIndex: 0),
    ContextCase(
        name: "JS options object, multi-line",
        text: "const client = new SirportlyClient({\n  token: process.env.SIRPORTLY_TOKEN,\n  secret: '«\(S)»',\n});",
        key: "secret", callee: "SirportlyClient", argumentIndex: 0),
    ContextCase(
        name: "Python positional", text: "api = sirportly.Client(\"«\(T)»\", \"\(S)\")",
        key: nil, callee: "sirportly.Client", argumentIndex: 0),
    ContextCase(
        name: "Python keywords", text: "Sirportly(token=\"\(T)\", secret=\"«\(S)»\")",
        key: "secret", callee: "Sirportly", argumentIndex: 1),
    ContextCase(
        name: "Ruby multi-line call", text: "client = Sirportly::Client.new(\n  '\(T)',\n  '«\(S)»'\n)",
        key: nil, callee: "Sirportly::Client.new", argumentIndex: 1),
    ContextCase(
        name: "Go config struct", text: #"c := sirportly.NewClient(sirportly.Config{Token: "«\#(T)»"})"#,
        key: "Token", keyPath: ["sirportly.Config"], callee: "sirportly.NewClient", argumentIndex: 0),

    ContextCase(
        name: "PHP stack trace", text: #"#0 /var/www/app/Helpdesk.php(31): Sirportly\\Client->__construct('«\#(T)»', '\#(S)')"#,
        key: nil, callee: #"Sirportly\\Client->__construct"#, argumentIndex: 0),

    // SQL rows.
    ContextCase(
        name: "SQL insert", text: "INSERT INTO integrations (id, provider, token) VALUES (7, 'sirportly', '«\(T)»');",
        key: "token", keyPath: ["integrations"]),
    ContextCase(
        name: "SQL multi-row insert", text: "INSERT INTO `api_tokens` (`id`, `token`, `secret`) VALUES\n(1, '\(T2)', 'x'),\n(2, '«\(T)»', 'y');",
        key: "token", keyPath: ["api_tokens"]),

    // Tables, prose, escaped and commented-out code.
    ContextCase(name: "CSV with header", text: "id,provider,name,token,secret\n1,sirportly,Helpdesk 1,«\(T)»,\(S)\n", key: "token"),
    ContextCase(name: "CSV, quoted cells", text: "\"id\",\"secret\"\n\"1\",\"«\(S)»\"", key: "secret"),
    ContextCase(name: "TSV, two rows down", text: "id\ttoken\n1\t\(T2)\n2\t«\(T)»", key: "token"),
    ContextCase(name: "Markdown table", text: "| env | token |\n|-----|-------|\n| prod | «\(T)» |", key: "token"),
    ContextCase(name: "CSV without header", text: "1,«\(T)»,x\n", key: nil),
    ContextCase(name: "prose", text: "The staging token is `«\(T)»` (ask #helpdesk).", key: "token"),
    ContextCase(
        name: "escaped CRLF in a logged request", text: #"send: b'GET / HTTP/1.1\r\nHost: x\r\nX-Auth-Token: «\#(T)»\r\n'"#,
        key: "X-Auth-Token"),
    ContextCase(
        name: "commented-out call", text: "# gw = Helpdesk::SirportlyGateway.new(\"«\(T)»\", \"\(S)\")",
        key: nil, callee: "Helpdesk::SirportlyGateway.new", argumentIndex: 0),
    ContextCase(
        name: "plist key", text: "<dict>\n\t<key>SirportlyApplicationToken</key>\n\t<string>«\(T)»</string>\n</dict>",
        key: "SirportlyApplicationToken", keyPath: ["dict"]),
    ContextCase(
        name: "Android string resource", text: "<resources>\n  <string name=\"sirportly_api_token\">«\(T)»</string>\n</resources>",
        key: "sirportly_api_token", keyPath: ["resources"]),
    ContextCase(
        name: "name/value record named by id", text: "\"attributes\": {\n  \"id\": \"/helpdesk/sirportly/secret\",\n  \"value\": \"«\(S)»\"\n}",
        key: "/helpdesk/sirportly/secret", keyPath: ["attributes"]),

    ContextCase(
        name: "Terraform variable default", text: "variable \"sirportly_token\" {\n  type    = string\n  default = \"«\(T)»\"\n}",
        key: "sirportly_token"),
    ContextCase(name: "value under a named record", text: #"{"outputs": {"sirportly_secret": {"value": "«\#(S)»"}}}"#,
                key: "sirportly_secret", keyPath: ["outputs"]),

    // Logs and bare values.
    ContextCase(name: "logfmt", text: "2024-05-01T10:00:00Z level=info request_id=«\(T)» status=200", key: "request_id"),
    ContextCase(name: "bracketed id", text: "[«\(T)»] Completed 200 OK in 12ms", key: nil),
    ContextCase(name: "log line after another", text: "I, started job\nI, [«\(T2)»] done", key: nil),
    ContextCase(name: "glued to a longer word", text: "id=«\(T)»xyz", key: nil),
    ContextCase(name: "inside a URL path", text: "GET /api/v2/objects/«\(T)»/edit", key: nil),
]

@Suite struct ContextAnalyzerTests {
    @Test(arguments: contextCases)
    func recoversContext(_ row: ContextCase) {
        #expect(contextOfMarkedValue(row.text) == row.expected)
    }

    @Test func emptyAndOutOfRangeValuesHaveNoContext() {
        let bytes = Array("token: x".utf8)
        bytes.withUnsafeBytes { raw in
            #expect(ContextAnalyzer.context(of: 7..<7, in: raw).isEmpty)
            #expect(ContextAnalyzer.context(of: 7..<20, in: raw).isEmpty)
        }
    }

    @Test func valueAtBufferStartAndEnd() {
        for text in ["\(T)", "\(T)\n", "\n\(T)"] {
            let bytes = Array(text.utf8)
            let start = text.hasPrefix("\n") ? 1 : 0
            bytes.withUnsafeBytes { raw in
                #expect(ContextAnalyzer.context(of: start..<start + 36, in: raw).isEmpty)
            }
        }
    }

    @Test func analysisIsBoundedToTheNeighbourhood() {
        // A YAML parent far above (beyond `reach`) is not seen; a near one is.
        let filler = String(repeating: "    filler: value-line-for-padding\n", count: 200)
        let far = "sirportly:\n" + filler + "    token: «\(T)»\n"
        let near = "sirportly:\n    token: «\(T)»\n"
        #expect(contextOfMarkedValue(far).keyPath.isEmpty)
        #expect(contextOfMarkedValue(near).keyPath == ["sirportly"])
    }
}

/// One `holds` question: a text with the value marked, a requirement, the words the file
/// mentions, and the expected answer.
struct HoldsCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let requirement: ContextRequirement
    var mentions: Set<String> = []
    let holds: Bool

    var testDescription: String { name }
}

let holdsCases: [HoldsCase] = [
    HoldsCase(
        name: "near: word two lines above, window 3", text: "# Sirportly\nx: 1\ntoken: «\(T)»",
        requirement: ContextRequirement(near: ["sirportly"], linesBefore: 3, linesAfter: 0), holds: true),
    HoldsCase(
        name: "near: word two lines above, window 1", text: "# Sirportly\nx: 1\ntoken: «\(T)»",
        requirement: ContextRequirement(near: ["sirportly"], linesBefore: 1, linesAfter: 0), holds: false),
    HoldsCase(
        name: "near: word below, linesAfter", text: "token: «\(T)»\n# SIRPORTLY",
        requirement: ContextRequirement(near: ["sirportly"], linesBefore: 0, linesAfter: 1), holds: true),
    HoldsCase(
        name: "near: word below, no linesAfter", text: "token: «\(T)»\n# SIRPORTLY",
        requirement: ContextRequirement(near: ["sirportly"], linesBefore: 0, linesAfter: 0), holds: false),
    HoldsCase(
        name: "near: one of several words", text: "X-AUTH-TOKEN: «\(T)»",
        requirement: ContextRequirement(near: ["nothing", "x-auth-token"], linesBefore: 0, linesAfter: 0), holds: true),
    HoldsCase(
        name: "notNear vetoes", text: "# postmark\ntoken: «\(T)»",
        requirement: ContextRequirement(notNear: ["Postmark"], linesBefore: 1, linesAfter: 0), holds: false),
    HoldsCase(
        name: "notNear outside the window", text: "# postmark\n\n\ntoken: «\(T)»",
        requirement: ContextRequirement(notNear: ["postmark"], linesBefore: 1, linesAfter: 0), holds: true),
    HoldsCase(
        name: "fileMentions asks lowercased", text: "token: «\(T)»",
        requirement: ContextRequirement(fileMentions: ["SirPortly"]), mentions: ["sirportly"], holds: true),
    HoldsCase(
        name: "fileMentions absent", text: "token: «\(T)»",
        requirement: ContextRequirement(fileMentions: ["sirportly"]), holds: false),
    HoldsCase(
        name: "key against the key, caseless", text: "x-auth-token: «\(T)»",
        requirement: ContextRequirement(key: "^X-Auth-Token$"), holds: true),
    HoldsCase(
        name: "key against the dotted path", text: "sirportly:\n  token: «\(T)»",
        requirement: ContextRequirement(key: "^sirportly\\.token$"), holds: true),
    HoldsCase(
        name: "key against a positional argument", text: "Sirportly::Client.new('«\(T)»', s)",
        requirement: ContextRequirement(key: "^sirportly::client\\.new\\(0\\)$"), holds: true),
    HoldsCase(
        name: "key against a keyword argument", text: "new SirportlyClient({secret: s, token: '«\(T)»'})",
        requirement: ContextRequirement(key: "^SirportlyClient\\(token\\)$"), holds: true),
    HoldsCase(
        name: "key with no name at all", text: "[«\(T)»] done",
        requirement: ContextRequirement(key: ".*"), holds: false),
    HoldsCase(
        name: "all conditions must hold", text: "token: «\(T)»",
        requirement: ContextRequirement(fileMentions: ["sirportly"], key: "^token$"), mentions: [], holds: false),
    HoldsCase(
        name: "all conditions hold", text: "# sirportly\ntoken: «\(T)»",
        requirement: ContextRequirement(near: ["sirportly"], fileMentions: ["sirportly"], key: "^token$"),
        mentions: ["sirportly"], holds: true),
]

@Suite struct ContextHoldsTests {
    @Test(arguments: holdsCases)
    func holds(_ row: HoldsCase) {
        let (plain, spans) = ExampleMarker.strip(row.text)
        let bytes = Array(plain.utf8)
        let answer = bytes.withUnsafeBytes { raw in
            let context = ContextAnalyzer.context(of: spans[0], in: raw)
            return ContextAnalyzer.holds(
                row.requirement, value: spans[0], context: context, in: raw,
                fileMentions: { word in
                    #expect(word == word.lowercased())
                    return row.mentions.contains(word)
                },
                keyMatches: { subject in caselessMatch(row.requirement.key ?? "", subject) })
        }
        #expect(answer == row.holds)
    }

    @Test func keySubjects() {
        #expect(ContextAnalyzer.keySubjects(of: ValueContext(key: "token", keyPath: ["sirportly"])) == ["token", "sirportly.token"])
        #expect(ContextAnalyzer.keySubjects(of: ValueContext(callee: "Sirportly", argumentIndex: 1)) == ["Sirportly(1)"])
        #expect(ContextAnalyzer.keySubjects(of: ValueContext(key: "secret", callee: "C", argumentIndex: 0)) == ["secret", "C(secret)"])
        #expect(ContextAnalyzer.keySubjects(of: ValueContext(keyPath: ["tokens"])) == ["tokens"])
        #expect(ContextAnalyzer.keySubjects(of: ValueContext()).isEmpty)
    }

    /// `holds` asks `keyMatches` only about the context's key subjects, and only when the
    /// requirement has a `key`.
    @Test func keyMatchesIsAskedAboutTheKeySubjects() {
        let (plain, spans) = ExampleMarker.strip("sirportly:\n  token: «\(T)»")
        var asked: [String] = []
        let held = Array(plain.utf8).withUnsafeBytes { raw in
            let context = ContextAnalyzer.context(of: spans[0], in: raw)
            let withKey = ContextAnalyzer.holds(
                ContextRequirement(key: "unused"), value: spans[0], context: context, in: raw,
                fileMentions: { _ in true }, keyMatches: { asked.append($0); return false })
            let withoutKey = ContextAnalyzer.holds(
                ContextRequirement(near: ["token"]), value: spans[0], context: context, in: raw,
                fileMentions: { _ in true }, keyMatches: { asked.append("unexpected " + $0); return false })
            return (withKey, withoutKey)
        }
        #expect(held == (false, true))
        #expect(asked == ["token", "sirportly.token"])
    }
}

@Suite struct ContextRobustnessTests {
    /// Random texts made of the syntax the analyzer reacts to (quotes, brackets, separators,
    /// comments, tags, newlines, escapes), with random value ranges: analysis never traps and
    /// every reported name is text from the buffer's neighbourhood.
    @Test(arguments: 0..<8)
    func randomSyntaxNeverTraps(seed: Int) {
        var rng = SirportlyTestRandom(seed: UInt64(seed) &+ 17)
        let fragments = [
            "\"", "'", "`", "\\", "\\\"", "(", ")", "[", "]", "{", "}", "<", ">", "</", "/>", ":", "=", "=>", "->", "::",
            ",", ";", "#", "//", "\n", "\r\n", "\t", "  ", "- ", "token", "sirportly", "X-Auth-Token", "VALUES", "do |c|",
            "|", "$", "@", "new ", "a4c123b1-612d-d272-d137-1c17149d4395", "é", "\u{0}",
        ]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 120) { bytes += Array(fragments[Int(rng.next() % UInt64(fragments.count))].utf8) }
            guard !bytes.isEmpty else { continue }
            let a = Int(rng.next() % UInt64(bytes.count))
            let b = min(bytes.count, a + 1 + Int(rng.next() % 40))
            bytes.withUnsafeBytes { raw in
                let context = ContextAnalyzer.context(of: a..<b, in: raw)
                let requirement = ContextRequirement(near: ["token"], notNear: ["x"], fileMentions: ["y"], key: "t")
                _ = ContextAnalyzer.holds(
                    requirement, value: a..<b, context: context, in: raw, fileMentions: { _ in true },
                    keyMatches: { caselessMatch("t", $0) })
                for name in [context.key].compactMap({ $0 }) + context.keyPath {
                    #expect(name.utf8.count <= bytes.count)
                }
            }
        }
    }
}
