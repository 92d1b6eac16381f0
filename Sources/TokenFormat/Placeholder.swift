/// Recognises values that stand in for a credential rather than being one: masks, repeated or
/// sequential characters, placeholder words and template references.
public enum Placeholder {
    /// Why a value is a placeholder.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// Mask characters only (`x`, `X`, `*`, `#`, `.`, `?`), ignoring separators:
        /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, `****`.
        case masked
        /// One character repeated, ignoring separators: `00000000-0000-…`, `aaaa…`.
        case repeatedCharacter(UInt8)
        /// Mostly ascending runs such as `0123456789abcdef`, `abcdef…`, `12345678-1234-…`.
        case sequential
        /// Contains a placeholder word such as `your_token_here`, `changeme`, `example`, `dummy`,
        /// `REPLACE_ME`; `word` is the normalised word found.
        case placeholderWord(String)
        /// A template or variable reference: `<token>`, `${SIRPORTLY_TOKEN}`, `{{ secret }}`,
        /// `%TOKEN%`, `$TOKEN`.
        case templateReference

        public var description: String {
            switch self {
            case .masked: "masked value (only mask characters such as x or *)"
            case .repeatedCharacter(let b): "one character repeated (\(ByteDescription.describe(b)))"
            case .sequential: "sequential characters (like 0123456789abcdef)"
            case .placeholderWord(let w): "placeholder word \"\(w)\""
            case .templateReference: "template or variable reference"
            }
        }
    }

    /// Whether `bytes` is a placeholder (see `reason(_:)`).
    public static func isPlaceholder(_ bytes: some Collection<UInt8>) -> Bool { reason(bytes) != nil }

    /// Whether `text` is a placeholder.
    public static func isPlaceholder(_ text: String) -> Bool { reason(text.utf8) != nil }

    /// Why `text` is a placeholder, or nil when it is not one.
    public static func reason(_ text: String) -> Reason? { reason(text.utf8) }

    /// Placeholder words matched anywhere in the lowercased value (separators `-`, space and `.`
    /// count as `_`). Each is long enough (or contains a separator) that a random 50-byte secret
    /// contains it by chance with probability below 1e-8.
    static let anywhereWords: [String] = [
        "your_", "_here", "changeme", "change_me", "replace_me", "replaceme", "example",
        "placeholder", "redacted", "sample_", "insert_", "_goes_", "dummy_", "_dummy", "fake_",
        "_fake", "not_a_real", "notreal", "xxxxx", "secret_here", "token_here",
    ]

    /// Placeholder words that count only as the whole value (after normalisation).
    static let wholeWords: [String] = [
        "dummy", "fake", "token", "secret", "password", "test", "sample", "todo", "fixme", "none",
        "null", "nil", "undefined", "empty", "foo", "bar", "foobar", "apitoken", "apisecret",
        "api_token", "api_secret", "app_token", "application_token", "auth_token", "auth_secret",
    ]

    /// Why `bytes` is a placeholder, or nil when it is not one. Checks, in order: template
    /// references, mask characters, one repeated character, placeholder words, sequential runs
    /// (at least 8 significant characters, three quarters of neighbouring pairs ascending by one).
    public static func reason(_ bytes: some Collection<UInt8>) -> Reason? {
        let value = Array(bytes)
        guard !value.isEmpty else { return nil }
        if isTemplateReference(value) { return .templateReference }

        // Significant characters: everything except separators.
        let significant = value.filter { !isSeparator($0) }
        guard let first = significant.first else { return nil }
        if significant.allSatisfy(isMaskCharacter) { return .masked }
        if significant.count >= 4, significant.allSatisfy({ $0 == first }) { return .repeatedCharacter(first) }

        let normalised = value.map { b -> UInt8 in
            if b >= 0x41 && b <= 0x5A { return b | 0x20 }
            if b == UInt8(ascii: "-") || b == UInt8(ascii: " ") || b == UInt8(ascii: ".") { return UInt8(ascii: "_") }
            return b
        }
        for word in wholeWords where normalised.elementsEqual(word.utf8) { return .placeholderWord(word) }
        for word in anywhereWords where contains(normalised, Array(word.utf8)) {
            return .placeholderWord(word.trimmingUnderscores)
        }

        if significant.count >= 8 {
            var ascending = 0
            for i in 1..<significant.count where isSuccessor(significant[i], of: significant[i - 1]) {
                ascending += 1
            }
            if ascending * 4 >= (significant.count - 1) * 3 { return .sequential }
        }
        return nil
    }

    static func isSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: " ") || b == UInt8(ascii: ".")
            || b == UInt8(ascii: ":")
    }

    static func isMaskCharacter(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "x") || b == UInt8(ascii: "X") || b == UInt8(ascii: "*") || b == UInt8(ascii: "#")
            || b == UInt8(ascii: "?")
    }

    /// `<name>`, `${name}`, `{{ name }}`, `%name%`, `$name` (name: letters, digits, `_`, `.`, space).
    static func isTemplateReference(_ v: [UInt8]) -> Bool {
        guard v.count >= 2, let last = v.last else { return false }
        func hasPrefix(_ p: String) -> Bool { v.starts(with: p.utf8) }
        if v[0] == UInt8(ascii: "<") && last == UInt8(ascii: ">") { return true }
        if hasPrefix("${") && last == UInt8(ascii: "}") { return true }
        if hasPrefix("{{") && v.count >= 4 && v.suffix(2).elementsEqual("}}".utf8) { return true }
        if v[0] == UInt8(ascii: "%") && last == UInt8(ascii: "%") && v.count >= 3 { return true }
        if v[0] == UInt8(ascii: "$") {
            let name = v.dropFirst()
            return !name.isEmpty && name.allSatisfy { b in
                (b >= 0x41 && b <= 0x5A) || b == UInt8(ascii: "_") || (b >= 0x30 && b <= 0x39)
            }
        }
        return false
    }

    /// Whether `b` follows `a` in `0…9`, `a…z`, `A…Z` (with `9`→`0`, `9`→`a`, `f`→`0`, `z`→`a`
    /// accepted, as in `1234567890` and repeated hex counting).
    static func isSuccessor(_ b: UInt8, of a: UInt8) -> Bool {
        if b == a &+ 1 {
            let digits = a >= 0x30 && a <= 0x38
            let lower = a >= 0x61 && a <= 0x79
            let upper = a >= 0x41 && a <= 0x59
            return digits || lower || upper
        }
        switch (a, b) {
        case (UInt8(ascii: "9"), UInt8(ascii: "0")), (UInt8(ascii: "9"), UInt8(ascii: "a")),
            (UInt8(ascii: "9"), UInt8(ascii: "A")), (UInt8(ascii: "f"), UInt8(ascii: "0")),
            (UInt8(ascii: "F"), UInt8(ascii: "0")), (UInt8(ascii: "z"), UInt8(ascii: "a")),
            (UInt8(ascii: "Z"), UInt8(ascii: "A")), (UInt8(ascii: "z"), UInt8(ascii: "0")):
            return true
        default:
            return false
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

extension String {
    fileprivate var trimmingUnderscores: String {
        String(decoding: Array(utf8).drop(while: { $0 == UInt8(ascii: "_") }).reversed().drop(while: { $0 == UInt8(ascii: "_") }).reversed(), as: UTF8.self)
    }
}
