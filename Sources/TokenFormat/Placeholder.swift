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
        /// Mostly ascending runs such as `0123456789abcdef`, `abcdef…`, `12345678-1234-…`, or a run
        /// of 8 ascending characters inside the value (`00QCjAl4MlV-WPXM-ABCDEFGHIJKL-0HmjFx`,
        /// `re_1234abcd_aBcDeFgHiJkLmNoPqRsTuVwX`: letters count up in either case).
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

    static let anywhereWordBytes: [[UInt8]] = anywhereWords.map { Array($0.utf8) }
    static let wholeWordBytes: [[UInt8]] = wholeWords.map { Array($0.utf8) }
    /// For each anywhere-word, the set of normalised bytes it needs (see `letterMask`).
    static let anywhereWordMasks: [UInt64] = anywhereWordBytes.map { $0.reduce(0) { $0 | letterMask($1) } }

    /// A bit per normalised byte class: `a`-`z` (either case), `_` (also `-`, space, `.`), `<`,
    /// `>`. A word can occur in a value only if the value has every bit the word has, so most
    /// words are rejected without a search (a hex token has none of the letters `g`-`z`).
    @inline(__always)
    static func letterMask(_ byte: UInt8) -> UInt64 {
        let b = asciiLower(byte)
        switch b {
        case 0x61...0x7A: return 1 << UInt64(b - 0x61)
        case 0x5F, 0x2D, 0x20, 0x2E: return 1 << 26
        case 0x3C: return 1 << 27
        case 0x3E: return 1 << 28
        default: return 0
        }
    }

    /// Why `bytes` is a placeholder, or nil when it is not one. Checks, in order: template
    /// references, mask characters, one repeated character, placeholder words, sequential runs
    /// (at least 8 significant characters, three quarters of neighbouring pairs ascending by one;
    /// or 8 ascending characters in a row anywhere in the value).
    /// Separators (`-`, `_`, space, `.`, `:`) are not significant.
    public static func reason(_ bytes: some Collection<UInt8>) -> Reason? {
        if let result = bytes.withContiguousStorageIfAvailable({ reason(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(bytes).withUnsafeBytes { reason($0) }
    }

    /// Why the bytes of `value` are a placeholder, or nil; see `reason(_:)`. Does not allocate
    /// unless it finds a placeholder word.
    public static func reason(_ value: UnsafeRawBufferPointer) -> Reason? {
        guard !value.isEmpty else { return nil }
        if isTemplateReference(value) { return .templateReference }

        // One pass for masks, repeats and ascending pairs; it stops early once the value can no
        // longer be any of them (after a few bytes, for a random credential).
        var significant = 0, allMask = true, allSame = true, notAscending = 0
        var first: UInt8 = 0, previous: UInt8 = 0
        for b in value where !isSeparator(b) {
            if significant == 0 {
                first = b
            } else {
                if b != first { allSame = false }
                if !isSuccessor(b, of: previous) { notAscending += 1 }
            }
            if !isMaskCharacter(b) { allMask = false }
            previous = b
            significant += 1
            // Sequential needs three quarters of the pairs ascending: more than a quarter of the
            // value failing rules it out.
            if !allMask && !allSame && notAscending * 4 > value.count { break }
        }
        guard significant > 0 else { return nil }
        if allMask { return .masked }
        if significant >= 4, allSame { return .repeatedCharacter(first) }
        let sequential = notAscending * 4 <= value.count && isMostlyAscending(value)

        var present: UInt64 = 0
        letterMaskTable.withUnsafeBufferPointer { table in
            for b in value { present |= table[Int(b)] }
        }

        let found: Reason? = normalisedByte.withUnsafeBufferPointer { (normalise: UnsafeBufferPointer<UInt8>) -> Reason? in
            for (i, word) in wholeWordBytes.enumerated() where word.count == value.count {
                if matches(word, in: value, at: 0, normalise) { return .placeholderWord(wholeWords[i]) }
            }
            let masks = anywhereWordMasks
            for (i, word) in anywhereWordBytes.enumerated() where word.count <= value.count && masks[i] & present == masks[i] {
                for offset in 0...(value.count - word.count) where matches(word, in: value, at: offset, normalise) {
                    return .placeholderWord(anywhereWords[i].trimmingUnderscores)
                }
            }
            return nil
        }
        if let found { return found }
        return sequential || hasAscendingRun(value) ? .sequential : nil
    }

    /// Whether `value` holds `length` bytes in a row, each the successor of the one before (see
    /// `isSuccessor`): `…-ABCDEFGHIJKL-…`, `…12345678…` inside an otherwise random-looking value.
    /// A random value of letters and digits holds a run of 8 at a given position with probability
    /// below 1e-12 (below 1e-7 for hex), so such a value was typed, not generated.
    static func hasAscendingRun(_ value: UnsafeRawBufferPointer, length: Int = 8) -> Bool {
        guard value.count >= length else { return false }
        var run = 1
        var previous = value[0]
        for b in value.dropFirst() {
            if isSuccessor(b, of: previous) {
                run += 1
                if run >= length { return true }
            } else {
                run = 1
            }
            previous = b
        }
        return false
    }

    /// Whether at least three quarters of the neighbouring pairs of significant bytes ascend by
    /// one (see `isSuccessor`), with at least 8 significant bytes.
    static func isMostlyAscending(_ value: UnsafeRawBufferPointer) -> Bool {
        var significant = 0, ascending = 0
        var previous: UInt8 = 0
        for b in value where !isSeparator(b) {
            if significant > 0 && isSuccessor(b, of: previous) { ascending += 1 }
            previous = b
            significant += 1
        }
        return significant >= 8 && ascending * 4 >= (significant - 1) * 3
    }

    /// `letterMask` for every byte value.
    static let letterMaskTable: [UInt64] = (0..<256).map { letterMask(UInt8($0)) }

    /// Each byte as `matches` compares it: `A`-`Z` lowercased, `-`, space and `.` as `_`.
    static let normalisedByte: [UInt8] = (0..<256).map { (value: Int) -> UInt8 in
        let b = UInt8(value)
        if b >= 0x41 && b <= 0x5A { return b | 0x20 }
        if b == 0x2D || b == 0x20 || b == 0x2E { return 0x5F }
        return b
    }

    /// Whether `word` (lowercase, `_` for separators) occurs in `value` at `offset`, comparing
    /// through `normalise` (ASCII letters without case; `-`, space, `.` as `_`).
    @inline(__always)
    static func matches(
        _ word: [UInt8], in value: UnsafeRawBufferPointer, at offset: Int, _ normalise: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        word.withUnsafeBufferPointer { (w: UnsafeBufferPointer<UInt8>) -> Bool in
            for k in 0..<w.count {
                let byte: UInt8 = value[offset &+ k]
                if normalise[Int(byte)] != w[k] { return false }
            }
            return true
        }
    }

    static func isSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: " ") || b == UInt8(ascii: ".")
            || b == UInt8(ascii: ":")
    }

    static func isMaskCharacter(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "x") || b == UInt8(ascii: "X") || b == UInt8(ascii: "*") || b == UInt8(ascii: "#")
            || b == UInt8(ascii: "?")
    }

    /// `<name>`, `${name}`, `{{ name }}`, `%name%`, `$NAME` (upper-case letters, digits, `_`).
    static func isTemplateReference(_ v: UnsafeRawBufferPointer) -> Bool {
        guard v.count >= 2 else { return false }
        let first = v[0], second = v[1], last = v[v.count - 1]
        if first == UInt8(ascii: "<") && last == UInt8(ascii: ">") { return true }
        if first == UInt8(ascii: "$") && second == UInt8(ascii: "{") && last == UInt8(ascii: "}") { return true }
        if first == UInt8(ascii: "{") && second == UInt8(ascii: "{") && v.count >= 4 && last == UInt8(ascii: "}")
            && v[v.count - 2] == UInt8(ascii: "}") { return true }
        if first == UInt8(ascii: "%") && last == UInt8(ascii: "%") && v.count >= 3 { return true }
        if first == UInt8(ascii: "$") {
            return v.dropFirst().allSatisfy { b in
                (b >= 0x41 && b <= 0x5A) || b == UInt8(ascii: "_") || (b >= 0x30 && b <= 0x39)
            }
        }
        return false
    }

    /// Whether `b` follows `a` in `0…9` or `a…z`, letters in either case (`aBcDeFgH` counts up as
    /// `abcdefgh` does), with `9`→`0`, `9`→`a`, `f`→`0`, `z`→`a` accepted, as in `1234567890` and
    /// repeated hex counting.
    static func isSuccessor(_ b: UInt8, of a: UInt8) -> Bool {
        let a = asciiLower(a), b = asciiLower(b)
        if b == a &+ 1 {
            return (a >= 0x30 && a <= 0x38) || (a >= 0x61 && a <= 0x79)
        }
        switch (a, b) {
        case (UInt8(ascii: "9"), UInt8(ascii: "0")), (UInt8(ascii: "9"), UInt8(ascii: "a")),
            (UInt8(ascii: "f"), UInt8(ascii: "0")), (UInt8(ascii: "z"), UInt8(ascii: "a")),
            (UInt8(ascii: "z"), UInt8(ascii: "0")):
            return true
        default:
            return false
        }
    }

    /// `A`-`Z` lowercased; every other byte as it is.
    @inline(__always) static func asciiLower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}

extension String {
    fileprivate var trimmingUnderscores: String {
        String(decoding: Array(utf8).drop(while: { $0 == UInt8(ascii: "_") }).reversed().drop(while: { $0 == UInt8(ascii: "_") }).reversed(), as: UTF8.self)
    }
}
