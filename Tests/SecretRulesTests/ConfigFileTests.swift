import Testing
@testable import SecretRules

struct ConfigErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var toml: String
    var line: Int
    var column: Int
    var fragments: [String]
    var testDescription: String { name }
}

@Suite("Config file")
struct ConfigFileTests {
    static let fullConfig = #"""
        title = "Acme secrets"
        failOn = "high"
        maxFileSize = "10MB"

        [extend]
        useDefault = true
        disabledRules = ["generic-api-key"]

        [[rules]]
        id = "acme-api-key"
        title = "Acme API key"
        description = "An Acme API key."
        severity = "critical"
        keywords = ["acme_"]
        regex = '''\b(acme_[A-Za-z0-9]{32})\b'''
        secretGroup = 1
        entropy = 3.5
        path = '''\.(env|ya?ml)$'''
        pairWith = "acme-api-secret"
        references = ["https://acme.example/docs/keys"]
        tags = ["acme", "key"]
        kind = "password"
        yields = "any-other-rule"
        value = "expression"
        window = "multiline"
        examples = ['ACME_KEY=«acme_0123456789abcdefABCDEF0123456789»']
        negativeExamples = ['ACME_KEY=acme_0123']

        [[rules.context]]
        near = ["acme"]
        notNear = ["example"]
        fileMentions = ["acme"]
        key = '(?:acme_)?key'
        linesBefore = 1
        linesAfter = 0

        [[rules.allowlists]]
        description = "test fixtures"
        regexes = ['''^acme_test''']
        regexTarget = "match"
        paths = ['''^test/''']
        stopwords = ["dummy"]
        fingerprints = ["abc123"]
        condition = "AND"

        [[rules]]
        id = "acme-api-secret"
        shape = "sirportly-secret"
        decode = "base64"
        decodedRegex = '^(.+)$'

        [[allowlists]]
        paths = ['''(^|/)vendor/''']
        """#

    @Test func decodesEveryField() throws {
        let config = try ConfigFile.parse(Self.fullConfig, path: ".tokenaudit.toml")
        #expect(config.title == "Acme secrets")
        #expect(config.failOn == .high)
        #expect(config.maxFileSize == 10 * 1024 * 1024)
        #expect(config.useDefault)
        #expect(config.disabledRules == ["generic-api-key"])
        #expect(config.disabledRulePositions == [SourcePosition(line: 7, column: 18)])
        #expect(config.rules.map(\.id) == ["acme-api-key", "acme-api-secret"])
        #expect(config.rulePositions["acme-api-secret"] == SourcePosition(line: 46, column: 1))
        let r = config.rules[0]
        #expect(r.title == "Acme API key")
        #expect(r.description == "An Acme API key.")
        #expect(r.severity == .critical)
        #expect(r.keywords == ["acme_"])
        #expect(r.regex == #"\b(acme_[A-Za-z0-9]{32})\b"#)
        #expect(r.secretGroup == 1)
        #expect(r.entropy == 3.5)
        #expect(r.path == #"\.(env|ya?ml)$"#)
        #expect(r.pairWith == "acme-api-secret")
        #expect(r.references == ["https://acme.example/docs/keys"])
        #expect(r.tags == ["acme", "key"])
        #expect((r.kind, r.yields, r.value, r.window) == (.password, .anyOtherRule, .expression, .multiline))
        #expect(r.examples == ["ACME_KEY=«acme_0123456789abcdefABCDEF0123456789»"])
        #expect(r.negativeExamples == ["ACME_KEY=acme_0123"])
        #expect(r.context == [ContextRequirement(near: ["acme"], notNear: ["example"], fileMentions: ["acme"], key: "(?:acme_)?key", linesBefore: 1, linesAfter: 0)])
        #expect(r.allowlists == [Allowlist(description: "test fixtures", regexes: ["^acme_test"], regexTarget: .match, paths: ["^test/"], stopwords: ["dummy"], fingerprints: ["abc123"], matchAll: true)])
        let s = config.rules[1]
        #expect(s.title == "acme-api-secret")  // no title, no description: the id
        #expect(s.severity == .medium)
        #expect(s.shape == .sirportlySecret)
        #expect(s.decode == .base64)
        #expect(s.decodedRegex == "^(.+)$")
        #expect((s.kind, s.yields, s.value, s.window) == (.token, .never, .literal, .line))  // the defaults
        #expect(config.allowlists == [Allowlist(paths: ["(^|/)vendor/"])])
    }

    @Test func defaultsOfAnEmptyConfig() throws {
        let config = try ConfigFile.parse("", path: "c.toml")
        #expect(config.useDefault)
        #expect(config.disabledRules.isEmpty)
        #expect(config.rules.isEmpty)
        #expect(config.allowlists.isEmpty)
        #expect(config.failOn == nil)
        #expect(config.maxFileSize == nil)
    }

    /// A config in gitleaks' own schema (as teams have them) parses unchanged.
    @Test func acceptsGitleaksConfig() throws {
        let gitleaks = #"""
            title = "gitleaks config"

            [extend]
            useDefault = false

            [[rules]]
            id = "internal-service-token"
            description = "Internal service token"
            regex = '''(?i)(?:svc)(?:[0-9a-z\-_\t .]{0,20})(?:[\s|']|[\s|"]){0,3}(?:=|>|:{1,3}=|\|\|:|<=|=>|:|\?=)(?:'|\"|\s|=|\x60){0,5}([a-z0-9]{32})(?:['|\"|\n|\r|\s|\x60|;]|$)'''
            secretGroup = 1
            entropy = 3
            keywords = ["svc"]
            tags = ["internal"]

            [rules.allowlist]
            regexTarget = "line"
            regexes = ['''EXAMPLE''']

            [[rules]]
            id = "legacy-key"
            description = "Legacy key"
            regex = '''legacy_[0-9a-f]{40}'''
            path = '''\.properties$'''
              [[rules.allowlists]]
              stopwords = ["sample"]

            [allowlist]
            description = "global allowlist"
            paths = ['''gitleaks\.toml''', '''(.*?)(jpg|gif|doc)$''']
            """#
        let config = try ConfigFile.parse(gitleaks, path: ".gitleaks.toml")
        #expect(config.useDefault == false)
        #expect(config.rules.count == 2)
        #expect(config.rules[0].title == "Internal service token")  // gitleaks' description doubles as title
        #expect(config.rules[0].entropy == 3)
        #expect(config.rules[0].allowlists == [Allowlist(regexes: ["EXAMPLE"], regexTarget: .line)])
        #expect(config.rules[1].allowlists == [Allowlist(stopwords: ["sample"])])
        #expect(config.allowlists.count == 1)
        #expect(config.allowlists[0].paths.count == 2)
    }

    static let errorCases: [ConfigErrorCase] = [
        ConfigErrorCase(name: "TOML syntax error keeps its position", toml: "[[rules]]\nid = 'x\n", line: 2, column: 8, fragments: ["unterminated literal string"]),
        ConfigErrorCase(name: "unknown top-level key suggests nearest", toml: "failon = 'high'", line: 1, column: 1, fragments: ["unknown key `failon`", "did you mean `failOn`?"]),
        ConfigErrorCase(name: "unknown rule key suggests nearest", toml: "[[rules]]\nid = 'a'\nregexx = 'a'", line: 3, column: 1, fragments: ["unknown key `regexx` in [[rules]] `a`", "did you mean `regex`?"]),
        ConfigErrorCase(name: "unknown key without near match lists keys", toml: "[extend]\nzzzzzzzz = 1", line: 2, column: 1, fragments: ["known keys: useDefault, disabledRules"]),
        ConfigErrorCase(name: "unknown context key", toml: "[[rules]]\nid = 'a'\nregex = 'a'\n[[rules.context]]\nnearby = ['x']", line: 5, column: 1, fragments: ["did you mean `near`?"]),
        ConfigErrorCase(name: "unknown allowlist key", toml: "[[allowlists]]\nregex = ['x']", line: 2, column: 1, fragments: ["did you mean `regexes`?"]),
        ConfigErrorCase(name: "gitleaks composite rule is explained", toml: "[[rules]]\nid = 'a'\nregex = 'a'\n[[rules.required]]\nid = 'b'", line: 4, column: 9, fragments: ["unsupported key `required`", "pairWith"]),
        ConfigErrorCase(name: "gitleaks commit allowlist is explained", toml: "[allowlist]\ncommits = ['abc']", line: 2, column: 1, fragments: ["fingerprints"]),
        ConfigErrorCase(name: "extend path is explained", toml: "[extend]\npath = 'other.toml'", line: 2, column: 1, fragments: ["paste the other file's rules"]),
        ConfigErrorCase(name: "wrong type for string", toml: "[[rules]]\nid = 5", line: 2, column: 6, fragments: ["`id` must be a string, not an integer"]),
        ConfigErrorCase(name: "unknown kind lists the kinds", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nkind = 'secret'", line: 4, column: 8, fragments: ["unknown kind \"secret\"", "\"token\", \"password\""]),
        ConfigErrorCase(name: "kind is lowercase", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nkind = 'Password'", line: 4, column: 8, fragments: ["unknown kind \"Password\"", "did you mean \"password\"?"]),
        ConfigErrorCase(name: "unknown yields", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nyields = 'other-rules'", line: 4, column: 10, fragments: ["unknown yields \"other-rules\"", "\"never\", \"any-other-rule\""]),
        ConfigErrorCase(name: "unknown value form", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nvalue = 'runtime'", line: 4, column: 9, fragments: ["unknown value \"runtime\"", "\"literal\", \"expression\""]),
        ConfigErrorCase(name: "unknown window", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nwindow = 'lines'", line: 4, column: 10, fragments: ["unknown window \"lines\"", "did you mean \"line\"?"]),
        ConfigErrorCase(name: "empty base64Documents word", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nbase64Documents = ['kind: Secret', '']", line: 4, column: 36, fragments: ["an empty `base64Documents` word"]),
        ConfigErrorCase(name: "window must be a string", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nwindow = 3", line: 4, column: 10, fragments: ["`window` must be a string, not an integer"]),
        ConfigErrorCase(name: "wrong type for array", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nkeywords = 'a'", line: 4, column: 12, fragments: ["must be an array of strings"]),
        ConfigErrorCase(name: "wrong element type", toml: "[[rules]]\nid = 'a'\nregex = 'a'\ntags = ['x', 2]", line: 4, column: 14, fragments: ["every element of `tags` must be a string"]),
        ConfigErrorCase(name: "wrong type for bool", toml: "[extend]\nuseDefault = 'yes'", line: 2, column: 14, fragments: ["must be true or false"]),
        ConfigErrorCase(name: "rules as a plain value", toml: "rules = 1", line: 1, column: 9, fragments: ["[[rules]] tables"]),
        ConfigErrorCase(name: "regex does not compile, column points into the pattern", toml: "[[rules]]\nid = 'a'\nregex = '''ab(c'''", line: 3, column: 16, fragments: ["regex does not compile", "missing closing parenthesis", "offset 4"]),
        ConfigErrorCase(name: "regex in single quotes points into the pattern", toml: "[[rules]]\nid = 'a'\nregex = 'x[z'", line: 3, column: 13, fragments: ["missing terminating ] for character class"]),
        ConfigErrorCase(name: "allowlist regex does not compile", toml: "[[allowlists]]\nregexes = ['ok', '(?<']", line: 2, column: 22, fragments: ["allowlist regex does not compile"]),
        ConfigErrorCase(name: "context key does not compile", toml: "[[rules]]\nid = 'a'\nregex = 'a'\n[[rules.context]]\nkey = '*x'", line: 5, column: 8, fragments: ["context key regex does not compile"]),
        ConfigErrorCase(name: "path does not compile", toml: "[[rules]]\nid = 'a'\nregex = 'a'\npath = '(('", line: 4, column: 11, fragments: ["path regex does not compile"]),
        ConfigErrorCase(name: "duplicate rule id", toml: "[[rules]]\nid = 'a'\nregex = 'a'\n[[rules]]\nid = 'a'\nregex = 'b'", line: 5, column: 6, fragments: ["duplicate rule id `a`", "first defined at line 1"]),
        ConfigErrorCase(name: "bad severity", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nseverity = 'severe'", line: 4, column: 12, fragments: ["unknown severity \"severe\"", "\"critical\""]),
        ConfigErrorCase(name: "bad failOn", toml: "failOn = 'urgent'", line: 1, column: 10, fragments: ["unknown severity"]),
        ConfigErrorCase(name: "bad shape", toml: "[[rules]]\nid = 'a'\nshape = 'uuid'", line: 3, column: 9, fragments: ["unknown shape \"uuid\"", "sirportly-token"]),
        ConfigErrorCase(name: "bad encoding", toml: "[[rules]]\nid = 'a'\nregex = 'a'\ndecode = 'hex'", line: 4, column: 10, fragments: ["unknown encoding \"hex\""]),
        ConfigErrorCase(name: "decodedRegex without decode", toml: "[[rules]]\nid = 'a'\nregex = 'a'\ndecodedRegex = 'b'", line: 4, column: 1, fragments: ["add `decode"]),
        ConfigErrorCase(name: "bad regexTarget", toml: "[[allowlists]]\nregexTarget = 'file'", line: 2, column: 15, fragments: ["unknown regexTarget"]),
        ConfigErrorCase(name: "bad condition", toml: "[[allowlists]]\ncondition = 'XOR'", line: 2, column: 13, fragments: ["\"OR\"", "\"AND\""]),
        ConfigErrorCase(name: "missing id", toml: "\n[[rules]]\nregex = 'a'", line: 2, column: 1, fragments: ["has no `id`"]),
        ConfigErrorCase(name: "empty id", toml: "[[rules]]\nid = ''\nregex = 'a'", line: 2, column: 6, fragments: ["cannot be empty"]),
        ConfigErrorCase(name: "missing regex and shape", toml: "[[rules]]\nid = 'a'\nkeywords = ['a']", line: 1, column: 1, fragments: ["neither `regex` nor `shape`"]),
        ConfigErrorCase(name: "negative secretGroup", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nsecretGroup = -1", line: 4, column: 15, fragments: ["secretGroup"]),
        ConfigErrorCase(name: "entropy out of range", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nentropy = 9.5", line: 4, column: 11, fragments: ["between 0 and 8"]),
        ConfigErrorCase(name: "empty keyword", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nkeywords = ['x', '']", line: 4, column: 18, fragments: ["empty keyword"]),
        ConfigErrorCase(name: "negative linesBefore", toml: "[[rules]]\nid = 'a'\nregex = 'a'\n[[rules.context]]\nnear = ['x']\nlinesBefore = -2", line: 6, column: 15, fragments: ["number of lines"]),
        ConfigErrorCase(name: "empty context", toml: "[[rules]]\nid = 'a'\nregex = 'a'\n[[rules.context]]\nlinesBefore = 2", line: 4, column: 1, fragments: ["has no condition"]),
        ConfigErrorCase(name: "keyword anchor without maxKeywordDistance", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nkeywords = ['a']\nanchor = 'keyword'", line: 5, column: 1, fragments: ["needs `maxKeywordDistance`"]),
        ConfigErrorCase(name: "keyword anchor without keywords", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nanchor = 'keyword'\nmaxKeywordDistance = 8", line: 4, column: 1, fragments: ["needs `keywords` and a `regex`"]),
        ConfigErrorCase(name: "maxKeywordDistance without the anchor", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nkeywords = ['a']\nmaxKeywordDistance = 8", line: 5, column: 1, fragments: ["applies only with `anchor = \"keyword\"`"]),
        ConfigErrorCase(name: "maxKeywordDistance out of range", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nkeywords = ['a']\nanchor = 'keyword'\nmaxKeywordDistance = 5000", line: 6, column: 22, fragments: ["from 0 to 4096"]),
        ConfigErrorCase(name: "keywordGuard without keywords", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nkeywordGuard = '(?<=a)'", line: 4, column: 1, fragments: ["`keywordGuard` filters keyword hits", "needs `keywords`"]),
        ConfigErrorCase(name: "empty keywordGuard", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nkeywords = ['a']\nkeywordGuard = ''", line: 5, column: 16, fragments: ["empty `keywordGuard`"]),
        ConfigErrorCase(name: "unknown anchor", toml: "[[rules]]\nid = 'a'\nregex = 'a'\nanchor = 'keywords'", line: 4, column: 10, fragments: ["unknown anchor \"keywords\"", "did you mean \"keyword\"?"]),
        ConfigErrorCase(name: "bad maxFileSize string", toml: "maxFileSize = '10 parsecs'", line: 1, column: 15, fragments: ["maxFileSize", "\"10MB\""]),
        ConfigErrorCase(name: "zero maxFileSize", toml: "maxFileSize = 0", line: 1, column: 15, fragments: ["positive number of bytes"]),
        ConfigErrorCase(name: "maxFileSize wrong type", toml: "maxFileSize = true", line: 1, column: 15, fragments: ["maxFileSize"]),
    ]

    @Test(arguments: errorCases)
    func reportsBadConfig(_ c: ConfigErrorCase) {
        do {
            _ = try ConfigFile.parse(c.toml, path: "conf/.tokenaudit.toml")
            Issue.record("expected an error for \(c.name)")
        } catch {
            #expect(error.path == "conf/.tokenaudit.toml")
            #expect(error.line == c.line, "\(error)")
            #expect(error.column == c.column, "\(error)")
            for fragment in c.fragments {
                #expect(error.message.contains(fragment), "\(error)")
            }
            #expect(error.description.hasPrefix("conf/.tokenaudit.toml:\(error.line):\(error.column): error: "))
        }
    }

    @Test(arguments: [
        ("1", 1), ("512B", 512), ("1KB", 1024), ("2 kb", 2048), ("10MB", 10_485_760), ("10MiB", 10_485_760),
        ("1.5GB", 1_610_612_736), ("3M", 3_145_728),
    ])
    func fileSizes(text: String, bytes: Int) throws {
        #expect(ByteSize.parse(text) == bytes)
        let config = try ConfigFile.parse("maxFileSize = \"\(text)\"", path: "c")
        #expect(config.maxFileSize == bytes)
    }

    @Test(arguments: ["", "MB", "-1MB", "10TB", "1.2.3KB", "ten"])
    func badFileSizes(text: String) {
        #expect(ByteSize.parse(text) == nil)
    }

    // MARK: effective rules

    static let builtins = [
        Rule(id: "one", title: "One", regex: "1"),
        Rule(id: "two", title: "Two", regex: "2"),
        Rule(id: "three", title: "Three", regex: "3"),
    ]

    @Test func userRuleReplacesBuiltinInPlaceAndNewRulesFollow() throws {
        let config = try ConfigFile.parse("""
            [[rules]]
            id = "extra"
            regex = 'x'
            [[rules]]
            id = "two"
            title = "Two, stricter"
            regex = '2+'
            """, path: "c")
        let rules = try config.effectiveRules(builtins: Self.builtins)
        #expect(rules.map(\.id) == ["one", "two", "three", "extra"])
        #expect(rules[1].title == "Two, stricter")
    }

    @Test func disabledRulesAreLeftOut() throws {
        let config = try ConfigFile.parse("[extend]\ndisabledRules = ['one', 'three']", path: "c")
        #expect(try config.effectiveRules(builtins: Self.builtins).map(\.id) == ["two"])
    }

    @Test func useDefaultFalseKeepsOnlyUserRules() throws {
        let config = try ConfigFile.parse("[extend]\nuseDefault = false\n[[rules]]\nid = 'mine'\nregex = 'm'", path: "c")
        #expect(try config.effectiveRules(builtins: Self.builtins).map(\.id) == ["mine"])
    }

    @Test func unknownDisabledRuleIsAnErrorWithSuggestion() throws {
        let config = try ConfigFile.parse("[extend]\ndisabledRules = [\n  'one',\n  'tow',\n]", path: "c.toml")
        do {
            _ = try config.effectiveRules(builtins: Self.builtins)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 4)
            #expect(error.column == 3)
            #expect(error.message.contains("`tow`, which is not a built-in rule"))
            #expect(error.message.contains("did you mean `two`?"))
        }
    }

    @Test func builtinPacksSkipPatternCompilationButUserConfigsDoNot() throws {
        let text = "[[rules]]\nid = 'a'\nregex = '('"
        #expect(throws: ConfigError.self) { try ConfigFile.parse(text, path: "c") }
        #expect(try ConfigFile.parse(text, path: "c", compilePatterns: false).rules.count == 1)
    }
}
