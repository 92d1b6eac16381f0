/// The filters every candidate secret passes before it becomes a finding: references to a value
/// kept elsewhere, masked values, and (for rules of `kind = "password"`) empty values and password hashes.
/// Entropy, placeholders and the documentation's examples come from `TokenFormat`.
///
/// All checks work on the secret's bytes (and a few bytes before it); none allocates a `String`.
enum CandidateFilter {
    /// Whether `secret` refers to a value stored elsewhere instead of being one: `${VAR}`, `$VAR`,
    /// `ENV['X']`, `ENV.fetch(…)`, `process.env.X`, `os.environ[…]`, `os.Getenv(…)`,
    /// `${{ secrets.X }}`, `{{ … }}`, `%(x)s`, `<…>`, `vault:…`, `op://…`. `before` holds the bytes
    /// just before the secret in the input: a secret captured from inside `${…}` or right after
    /// `$` is a variable name, not a value.
    static func isReference(_ secret: some Collection<UInt8>, before: some Collection<UInt8>) -> Bool {
        let value = Array(secret)
        guard let first = value.first, let last = value.last else { return false }
        let lower = value.map(KeywordAutomaton.fold)
        for prefix in referencePrefixes where lower.starts(with: prefix) { return true }
        if first == UInt8(ascii: "<") && last == UInt8(ascii: ">") { return true }
        // `$NAME` with an upper-case identifier (a password like `$ecret9` stays a value).
        if first == UInt8(ascii: "$"), value.count >= 2,
           value.dropFirst().allSatisfy({ ASCII.isUpper($0) || isDigit($0) || $0 == UInt8(ascii: "_") }),
           ASCII.isUpper(value[1]) || value[1] == UInt8(ascii: "_") {
            return true
        }
        // `%(name)s`: Python %-formatting.
        if first == UInt8(ascii: "%"), value.count >= 4, value[1] == UInt8(ascii: "(") { return true }
        // Captured from inside a reference: the bytes before it open one.
        let tail = Array(before.suffix(3))
        if tail.suffix(2).elementsEqual("${".utf8) || tail.suffix(2).elementsEqual("{{".utf8)
            || tail.suffix(3).elementsEqual("{{ ".utf8) || tail.suffix(2).elementsEqual("%(".utf8) {
            return true
        }
        if tail.last == UInt8(ascii: "$"), ASCII.isUpper(first) || first == UInt8(ascii: "_"),
           value.allSatisfy({ ASCII.isUpper($0) || isDigit($0) || $0 == UInt8(ascii: "_") }) {
            return true
        }
        return false
    }

    private static let referencePrefixes: [[UInt8]] = [
        "${", "$(", "{{", "#{", "<%", "env[", "env.fetch", "process.env.", "os.environ", "os.getenv(",
        "getenv(", "system.getenv(", "environment.getenvironmentvariable(", "vault:", "op://", "secrets.",
        "env(", "settings.", "config[",
    ].map { Array($0.utf8) }

    /// Whether `secret` is masked in the input: `***`, `[FILTERED]`, `<redacted>`, `[REDACTED]`,
    /// `xxxx`, `••••`, or nothing but mask characters.
    static func isMasked(_ secret: some Collection<UInt8>) -> Bool {
        let lower = secret.map(KeywordAutomaton.fold)
        guard !lower.isEmpty else { return false }
        for marker in maskMarkers where contains(lower, marker) { return true }
        return lower.allSatisfy { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "#") }
    }

    private static let maskMarkers: [[UInt8]] = [
        "***", "[filtered]", "<redacted>", "[redacted]", "(redacted)", "xxxx", "\u{2022}\u{2022}\u{2022}",
        "[hidden]", "[masked]", "<masked>", "<hidden>",
    ].map { Array($0.utf8) }

    /// For rules of `kind = "password"`: whether `secret` is not a stored password at all: an empty or null
    /// value (`null`, `None`, `nil`, `undefined`, `''`), or a password hash (bcrypt `$2a$`/`$2b$`/
    /// `$2y$`, `$argon2…`, scrypt, `{SSHA}`/`{SHA}` and other `{SCHEME}` values, `$6$`/`$5$`/`$1$`
    /// crypt, Django-style `pbkdf2_sha256$…`, bare hex digests of 32, 40, 64 or 128 digits; the
    /// last only when `hexIsDigest`, false for a rule whose syntax never stores a digest:
    /// `value = "verbatim"`).
    static func isNotAPassword(_ secret: some Collection<UInt8>, hexIsDigest: Bool = true) -> Bool {
        let value = Array(secret)
        let lower = value.map(KeywordAutomaton.fold)
        if lower.isEmpty { return true }
        for word in emptyWords where lower.elementsEqual(word) { return true }
        for prefix in hashPrefixes where lower.starts(with: prefix) { return true }
        // `{SCHEME}base64` (LDAP userPassword).
        if value.first == UInt8(ascii: "{"), let close = value.firstIndex(of: UInt8(ascii: "}")), close >= 3, close <= 16,
           value[1..<close].allSatisfy({ ASCII.isUpper($0) || isDigit($0) || $0 == UInt8(ascii: "-") }) {
            return true
        }
        if hexIsDigest, [32, 40, 64, 128].contains(value.count), value.allSatisfy(isHexDigit) { return true }
        return false
    }

    private static let emptyWords: [[UInt8]] = [
        "null", "none", "nil", "undefined", "''", "\"\"", "~", "<nil>", "(null)",
    ].map { Array($0.utf8) }

    private static let hashPrefixes: [[UInt8]] = [
        "$2a$", "$2b$", "$2y$", "$2x$", "$argon2", "$scrypt$", "$s0$", "$7$", "$6$", "$5$", "$1$", "$apr1$",
        "$pbkdf2", "pbkdf2_sha256$", "pbkdf2_sha1$", "argon2$", "bcrypt$", "bcrypt_sha256$", "scrypt:",
        "pbkdf2:sha256:", "sha256$", "sha1$", "md5$",
    ].map { Array($0.utf8) }

    /// Markers that, on a finding's line, suppress it.
    static let inlineIgnoreMarkers: [[UInt8]] = [
        "tokenaudit:allow", "gitleaks:allow", "pragma: allowlist secret",
    ].map { Array($0.utf8) }

    /// Whether the line(s) `line` of `buffer` carry an inline-ignore marker.
    static func hasInlineIgnore(_ buffer: UnsafeRawBufferPointer, line: Range<Int>) -> Bool {
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[line])
        for marker in inlineIgnoreMarkers where contains(bytes, marker) { return true }
        return false
    }

    /// Whether `haystack` contains `needle` (exact bytes).
    static func contains(_ haystack: some RandomAccessCollection<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let h = Array(haystack)
        let first = needle[0]
        var i = 0
        let last = h.count - needle.count
        while i <= last {
            if h[i] == first {
                var j = 1
                while j < needle.count && h[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)
    }
}
