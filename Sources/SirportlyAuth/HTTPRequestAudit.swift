import TokenFormat

/// The Sirportly authentication mode a request's headers form.
public enum SirportlyAuthMode: String, Sendable, Hashable {
    /// `X-Auth-Token` + `X-Auth-Secret`, no application token.
    case account
    /// `X-Auth-Application` + `X-Auth-Token` + `X-Auth-Secret`.
    case user
    /// `X-Auth-Application` alone, on the call that authenticates a user with username and password.
    case login
    /// The headers present form no complete mode (a token without its secret, …).
    case incomplete
    /// No Sirportly authentication header at all.
    case none

    public var description: String {
        switch self {
        case .account: "account authentication (token + secret)"
        case .user: "user authentication (application token + token + secret)"
        case .login: "user login (application token on the authenticate call)"
        case .incomplete: "incomplete"
        case .none: "no Sirportly authentication headers"
        }
    }
}

/// One Sirportly header value of a request and its format validation.
public struct SirportlyHeaderCheck: Sendable, Hashable {
    /// The canonical header name: `X-Auth-Token`, `X-Auth-Secret` or `X-Auth-Application`.
    public var header: String
    /// The name as the capture wrote it.
    public var sentAs: String
    public var value: [UInt8]
    public var line: Int?
    public var validation: FormatValidation
}

/// What is wrong with a request's authentication, beyond a single malformed value.
public struct RequestAuthProblem: Sendable, Hashable, CustomStringConvertible {
    /// A stable kebab-case code: `token-without-secret`, `secret-without-token`,
    /// `application-token-without-credentials`, `malformed-value`, `duplicate-header`,
    /// `password-outside-login`, `login-without-application-token`.
    public var code: String
    public var message: String
    public var description: String { message }
}

/// Where a password was found in a request.
public struct PasswordField: Sendable, Hashable {
    /// `query`, `form`, `json`, `multipart`, `basic-auth`, `url-userinfo`.
    public var place: String
    /// The field name (`password`, `user[password]`) or header name.
    public var name: String
}

/// The audit of one request's Sirportly authentication.
public struct RequestAudit: Sendable, Hashable {
    public var request: HTTPRequest
    public var mode: SirportlyAuthMode
    /// The Sirportly header values, in capture order.
    public var headers: [SirportlyHeaderCheck]
    public var passwords: [PasswordField]
    /// Whether the request is the login (authenticate) call, judged from its URL; nil when the
    /// capture has no URL.
    public var isLoginCall: Bool?
    public var problems: [RequestAuthProblem]
    /// Remarks that are not problems (documentation example values, a password on the login call).
    public var notes: [String]

    /// Whether the request carries anything this audit is about (a Sirportly header or a password).
    public var isRelevant: Bool { !headers.isEmpty || !passwords.isEmpty }
    public var isValid: Bool { problems.isEmpty }
}

/// Checks the Sirportly authentication of captured requests: which mode the headers form, whether
/// each value has the exact format, and whether a password travels anywhere but the login call.
///
/// The login call is recognised from the URL path: a segment containing `authenticat`, `login`,
/// `signin` or `sign_in` (Sirportly's user authentication call is
/// `/api/v2/…/authenticate`). Passwords are looked for in the query, form bodies
/// (`application/x-www-form-urlencoded`, HAR `params`, multipart), JSON bodies (any member whose
/// name ends in `password`, or is `passwd`/`pwd`), HTTP Basic `Authorization` and URL user info.
public enum SirportlyRequestAuditor {
    public static let headerNames = [SirportlyToken.headerName, SirportlySecret.headerName, SirportlyApplicationToken.headerName]

    public static func audit(_ request: HTTPRequest) -> RequestAudit {
        var checks: [SirportlyHeaderCheck] = []
        for field in request.headers {
            let lower = field.name.lowercasedASCII
            let validation: FormatValidation
            let canonical: String
            switch lower {
            case "x-auth-token": canonical = SirportlyToken.headerName; validation = SirportlyToken.validate(field.value)
            case "x-auth-secret": canonical = SirportlySecret.headerName; validation = SirportlySecret.validate(field.value)
            case "x-auth-application": canonical = SirportlyApplicationToken.headerName; validation = SirportlyApplicationToken.validate(field.value)
            default: continue
            }
            checks.append(SirportlyHeaderCheck(header: canonical, sentAs: field.name, value: field.value, line: field.line, validation: validation))
        }
        let passwords = findPasswords(request)
        let isLogin = request.path.map(isLoginPath)

        let hasToken = checks.contains { $0.header == SirportlyToken.headerName }
        let hasSecret = checks.contains { $0.header == SirportlySecret.headerName }
        let hasApp = checks.contains { $0.header == SirportlyApplicationToken.headerName }
        var problems: [RequestAuthProblem] = []
        var notes: [String] = []

        let mode: SirportlyAuthMode
        switch (hasApp, hasToken, hasSecret) {
        case (false, false, false): mode = .none
        case (false, true, true): mode = .account
        case (true, true, true): mode = .user
        case (true, false, false):
            if isLogin == false {
                mode = .incomplete
                problems.append(RequestAuthProblem(code: "application-token-without-credentials",
                    message: "X-Auth-Application alone is only for the login (authenticate) call; other calls also need X-Auth-Token and X-Auth-Secret"))
            } else {
                mode = .login
                if isLogin == nil { notes.append("no request URL in the capture, so this is assumed to be the login call") }
            }
        default:
            mode = .incomplete
        }
        if hasToken && !hasSecret {
            problems.append(RequestAuthProblem(code: "token-without-secret", message: "X-Auth-Token is sent without X-Auth-Secret; Sirportly needs both"))
        }
        if hasSecret && !hasToken {
            problems.append(RequestAuthProblem(code: "secret-without-token", message: "X-Auth-Secret is sent without X-Auth-Token; Sirportly needs both"))
        }
        for name in headerNames {
            let values = checks.filter { $0.header == name }
            if values.count > 1 {
                problems.append(RequestAuthProblem(code: "duplicate-header", message: "\(name) is sent \(values.count) times"))
            }
        }
        for check in checks where !check.validation.isValid {
            problems.append(RequestAuthProblem(code: "malformed-value", message: "\(check.header) is malformed: \(check.validation.reason ?? "")"))
        }
        for check in checks {
            for note in check.validation.notes {
                if case .knownExample = note {
                    notes.append("\(check.header) is \(note.description.dropFirst("this is ".count)); Sirportly will reject it")
                } else {
                    notes.append("\(check.header) \(note.description)")
                }
            }
        }
        if !passwords.isEmpty {
            let places = passwords.map { "\($0.name) (\($0.place))" }.joined(separator: ", ")
            if isLogin == true {
                notes.append("the capture holds the user's password in plain text (\(places)); delete the capture after use, and never store the password")
                if !hasApp {
                    problems.append(RequestAuthProblem(code: "login-without-application-token",
                        message: "the login call sends a password without X-Auth-Application; user authentication needs the application token"))
                }
            } else {
                problems.append(RequestAuthProblem(code: "password-outside-login",
                    message: "a password is sent on a call that is not the login call: \(places); only the authenticate call may carry the user's password, later calls use X-Auth-Token and X-Auth-Secret"))
            }
        }
        return RequestAudit(request: request, mode: mode, headers: checks, passwords: passwords, isLoginCall: isLogin,
                            problems: problems, notes: notes)
    }

    /// Whether a URL path is the login (authenticate) call.
    public static func isLoginPath(_ path: String) -> Bool {
        let lower = path.lowercasedASCII
        for segment in lower.split(separator: "/") {
            if segment.contains("authenticat") || segment.contains("login") || segment.contains("signin") || segment.contains("sign_in") {
                return true
            }
        }
        return false
    }

    /// Whether a field name names a password: its last `[…]`/`.` component, lowercased, ends in
    /// `password` or is `passwd`, `pwd` or `pass`.
    public static func isPasswordName(_ name: String) -> Bool {
        let lower = name.lowercasedASCII
        let last = lower.split(whereSeparator: { $0 == "[" || $0 == "]" || $0 == "." }).last.map(String.init) ?? lower
        return last.hasSuffix("password") || last == "passwd" || last == "pwd" || last == "pass"
    }

    static func findPasswords(_ request: HTTPRequest) -> [PasswordField] {
        var found: [PasswordField] = []
        if let query = request.query {
            for (name, _) in formFields(Array(query.utf8)) where isPasswordName(name) {
                found.append(PasswordField(place: "query", name: name))
            }
        }
        if let url = request.url, let userinfo = userInfo(url), userinfo.contains(":") {
            found.append(PasswordField(place: "url-userinfo", name: "user:password@"))
        }
        for header in request.headers(named: "Authorization") {
            let value = header.valueText
            if value.lowercasedASCII.hasPrefix("basic "),
               let decoded = Base64.decode(String(value.dropFirst(6)).trimmingSpaces), decoded.contains(UInt8(ascii: ":")) {
                found.append(PasswordField(place: "basic-auth", name: header.name))
            }
        }
        for (name, _) in request.formParameters where isPasswordName(name) {
            found.append(PasswordField(place: "form", name: name))
        }
        guard !request.body.isEmpty else { return found }
        let media = request.bodyMediaType?.lowercasedASCII ?? ""
        let firstByte = request.body.first { !HTTPCaptureParser.isSpace($0) }
        if media.contains("json") || firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") {
            if let json = try? HTTPRequestJSON.parse(request.body) {
                jsonPasswordNames(json, into: &found)
                return found
            }
        }
        if media.contains("multipart") {
            // `Content-Disposition: form-data; name="password"` parts.
            let text = String(decoding: request.body, as: UTF8.self)
            for part in text.split(separator: "name=\"").dropFirst() {
                let name = String(part.prefix { $0 != "\"" })
                if isPasswordName(name) { found.append(PasswordField(place: "multipart", name: name)) }
            }
            return found
        }
        if request.formParameters.isEmpty, media.isEmpty || media.contains("x-www-form-urlencoded") || media.contains("text/plain") {
            for (name, _) in formFields(request.body) where isPasswordName(name) {
                found.append(PasswordField(place: "form", name: name))
            }
        }
        return found
    }

    static func jsonPasswordNames(_ value: JSONValue, into found: inout [PasswordField]) {
        switch value {
        case .object(let members):
            for member in members {
                if isPasswordName(member.key), case .string(let s) = member.value, !s.isEmpty {
                    found.append(PasswordField(place: "json", name: member.key))
                }
                jsonPasswordNames(member.value, into: &found)
            }
        case .array(let elements):
            for element in elements { jsonPasswordNames(element, into: &found) }
        default:
            break
        }
    }

    /// `name=value&…` pairs with percent-decoded names (`+` as space).
    static func formFields(_ bytes: [UInt8]) -> [(String, String)] {
        bytes.split(separator: UInt8(ascii: "&")).compactMap { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[0].contains(0x20), !parts[0].contains(0x0A) else { return nil }
            return (percentDecode(parts[0]), percentDecode(parts[1]))
        }
    }

    static func percentDecode(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "%"), i + 2 < bytes.endIndex, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) {
                out.append(h << 4 | l); i += 3
            } else {
                out.append(b == UInt8(ascii: "+") ? 0x20 : b); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x61...0x66: b - 0x61 + 10
        case 0x41...0x46: b - 0x41 + 10
        default: nil
        }
    }

    /// The `user:password` part of `scheme://user:password@host/…`, or nil.
    static func userInfo(_ url: String) -> String? {
        let bytes = Array(url.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), bytes.count > colon + 2,
              bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        let authority = bytes[(colon + 3)...].prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        guard let at = authority.lastIndex(of: UInt8(ascii: "@")) else { return nil }
        return String(decoding: authority[authority.startIndex..<at], as: UTF8.self)
    }
}

/// Standard base64 decoding (RFC 4648), for HTTP Basic credentials.
enum Base64 {
    static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0, bits = 0
        for b in text.utf8 {
            let v: UInt32
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = UInt32(b - 65)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = UInt32(b - 97 + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(b - 48 + 52)
            case UInt8(ascii: "+"), UInt8(ascii: "-"): v = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): v = 63
            case UInt8(ascii: "="): continue
            default: return nil
            }
            buffer = buffer << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }
}
