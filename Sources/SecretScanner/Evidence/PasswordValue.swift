/// Understanding a candidate stored password: is the value a literal someone typed, or an
/// expression, a type, a comparison, prose or a placeholder that only sits where a password would?
///
/// Applied by the engine to every literal stored-password finding (not to rules that report a
/// run-time expression, such as an app persisting the user's password). It reads the value and a
/// few bytes around it in the buffer, never more than the value's own line.
///
/// ## What makes a value not a password
/// - **Comparison**: the operator before it is `==`, `!=`, `===`, `!==`, `<=`, `>=`, or the
///   value itself starts with `=` (`if password == "x"` is a test, not an assignment).
/// - **Expression**: written bare (no quote on either side) and assigned (`key = v`, `key: v`,
///   `key => v`, ending the line or followed by `,` `;` `)` `}` or a comment) in program source
///   (`PathRole.isProgramSource`) outside any string literal on its line: there a literal is
///   quoted, so a bare value is a variable, a call, a type annotation (`password: Incomplete`,
///   `LONG_PASSWORD: int`) or an attribute. Inside a string (`"…;Password=v;"`) it is text.
///   Anywhere, a bare value holding a call or subscript (`f(x)`, `a[b]`), command substitution
///   (a backtick) or a leading operator (`-pw`) is an expression.
/// - **Prose**: a bare value of three or more words with a `,` or `.` between them (a sentence;
///   a passphrase such as `correct horse battery staple` stays a password), or a single word of letters
///   closed by `,` `.` `;` `:` or opened by `(` (`the new --password options.`), or markup
///   (`sample</code>`).
/// - **Placeholder**: wrapped in `[…]`, `{…}` or `<…>` (`PASSWORD=[Password]`).
/// - **Reference to elsewhere**: an assigned value that is a URI or ARN (`scheme:…/…`) or an
///   absolute path: a password file's location, not the password (credentials inside a URL are
///   `password-in-url`'s finding, whose value is not assigned this way).
/// - **Weak key, word value**: the key ends in a short form (`pass`, `pw`, `pwd`: pass bands,
///   piecewise functions, working directories) and the value is letters only: such a pair is
///   evidence of nothing.
/// - **Too short**: one or two characters (`PuttyPassword=0`): a flag or a count, not a password.
///
/// What remains is a literal; the evidence says whether it was quoted and how strong its key is.
public enum PasswordValue {
    /// Why a candidate is not a stored password.
    public enum Rejection: String, Sendable, Hashable {
        case comparison, expression, prose, placeholder, reference, weakKeyWordValue, tooShort
    }

    /// The verdict on one candidate: rejected with a reason, or kept with the evidence that fired.
    public enum Verdict: Sendable, Hashable {
        case rejected(Rejection)
        case literal([FindingEvidence])
    }

    /// Judges the value at `value` (a byte range of `buffer`) whose bytes are `secret` (decoded
    /// when the rule decodes), named by `key` (the context's key, if any), in a file of `role`.
    public static func judge(
        _ secret: [UInt8], at value: Range<Int>, in buffer: UnsafeRawBufferPointer, key: String?, role: PathRole
    ) -> Verdict {
        guard let first = secret.first, let last = secret.last else { return .rejected(.placeholder) }
        if secret.count < 3 { return .rejected(.tooShort) }
        let before = value.lowerBound > 0 ? buffer[value.lowerBound - 1] : 0x0A
        let after = value.upperBound < buffer.count ? buffer[value.upperBound] : 0x0A
        let quotes: Set<UInt8> = [0x22, 0x27, 0x60]
        let quoted = quotes.contains(before) && before == after

        // The operator that introduces the value: skip the opening quote and blanks backwards.
        var i = value.lowerBound - (quoted ? 1 : 0)
        while i > 0, buffer[i - 1] == 0x20 || buffer[i - 1] == 0x09 { i -= 1 }
        let op1: UInt8 = i > 0 ? buffer[i - 1] : 0x0A
        let op2: UInt8 = i > 1 ? buffer[i - 2] : 0x0A
        if first == UInt8(ascii: "=") { return .rejected(.comparison) }
        if op1 == UInt8(ascii: "="), [UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">")].contains(op2) {
            return .rejected(.comparison)
        }
        let assigned = op1 == UInt8(ascii: "=") || op1 == UInt8(ascii: ":") || (op1 == UInt8(ascii: ">") && op2 == UInt8(ascii: "="))

        // Command substitution (`` `pwd` ``), quoted or not, runs a command: not a literal. It
        // takes a pair of backticks; one alone is a character of the password (`` `123QWERasdf ``).
        if isCommandSubstitution(secret) { return .rejected(.expression) }
        if !quoted {
            // What follows the value on its line.
            var j = value.upperBound
            while j < buffer.count, buffer[j] == 0x20 || buffer[j] == 0x09 { j += 1 }
            let next: UInt8 = j < buffer.count ? buffer[j] : 0x0A
            let endsStatement = next == 0x0A || next == 0x0D || next == UInt8(ascii: "#")
                || [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ")"), UInt8(ascii: "}")].contains(next)
                || (next == UInt8(ascii: "/") && j + 1 < buffer.count && buffer[j + 1] == UInt8(ascii: "/"))
            if role.isProgramSource && assigned && endsStatement && !insideStringLiteral(value.lowerBound, in: buffer) {
                return .rejected(.expression)
            }
            if isExpression(secret) { return .rejected(.expression) }
            if isProse(secret) { return .rejected(.prose) }
        }
        if isWrapped(first, last, secret.count) { return .rejected(.placeholder) }
        if assigned && isReferenceToElsewhere(secret) { return .rejected(.reference) }

        let strength = keyStrength(key)
        if strength == .weak, secret.allSatisfy(isLetter) { return .rejected(.weakKeyWordValue) }

        var evidence: [FindingEvidence] = []
        switch strength {
        case .strong: evidence.append(FindingEvidence(.passwordKey))
        case .weak: evidence.append(FindingEvidence(.shortPasswordKey))
        case .none: break
        }
        evidence.append(FindingEvidence(quoted ? .quotedLiteral : .bareLiteral))
        if hasMixedClasses(secret) { evidence.append(FindingEvidence(.mixedCharacterClasses)) }
        return .literal(evidence)
    }

    /// Whether an odd number of `"` or `'` precede `offset` on its line (at most 1024 bytes back):
    /// the value sits inside a string literal (`UseSqlServer("…;Password=v;")`), where a bare
    /// value is text, not code.
    static func insideStringLiteral(_ offset: Int, in buffer: UnsafeRawBufferPointer) -> Bool {
        var double = 0, single = 0
        var i = offset
        let floor = max(0, offset - 1024)
        while i > floor, buffer[i - 1] != 0x0A {
            i -= 1
            let escaped = i > 0 && buffer[i - 1] == UInt8(ascii: "\\")
            if buffer[i] == 0x22, !escaped { double += 1 }
            if buffer[i] == 0x27, !escaped { single += 1 }
        }
        return double % 2 == 1 || single % 2 == 1
    }

    enum KeyStrength { case strong, weak, none }

    /// `strong` when the key ends in `password`, `passwd`, `passphrase`, `passwort` (any case or
    /// separator before it), or is an upper-case environment name ending in `_PASS` (`SMTP_PASS`,
    /// `REACT_APP_AUTH_PASS`: the convention for a password variable, where pass bands and
    /// piecewise functions are lower-case code); `weak` when it ends in `pass`, `pw` or `pwd` only;
    /// `none` without a key or with another ending (a URL, a command flag, a netrc line: the
    /// rule's form is the evidence).
    static func keyStrength(_ key: String?) -> KeyStrength {
        guard let key else { return .none }
        let lower = String(decoding: key.utf8.map(ASCII.lower), as: UTF8.self)
        if ["password", "passwd", "passphrase", "passwort"].contains(where: lower.hasSuffix) { return .strong }
        if isEnvironmentPassName(key) { return .strong }
        if ["pass", "pw", "pwd"].contains(where: lower.hasSuffix) { return .weak }
        return .none
    }

    /// A backtick-quoted command inside the value: two backticks or more.
    static func isCommandSubstitution(_ v: [UInt8]) -> Bool {
        v.lazy.filter { $0 == UInt8(ascii: "`") }.count >= 2
    }

    /// An upper-case environment-style name (letters, digits, `_`) that ends in `_PASS` after at
    /// least one letter: `DB_PASS`, `SMTP_PASS`, `REACT_APP_AUTH_PASS`; not `PASS`, `BYPASS`.
    static func isEnvironmentPassName(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard bytes.count >= 6, bytes.suffix(5).elementsEqual("_PASS".utf8) else { return false }
        let name = bytes.dropLast(5)
        return name.contains(where: ASCII.isUpper) && name.allSatisfy { ASCII.isUpper($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// A bare value holding a call or subscript, a command substitution or a leading operator.
    static func isExpression(_ v: [UInt8]) -> Bool {
        if isCommandSubstitution(v) { return true }
        if v.count >= 2, v[0] == UInt8(ascii: "-") || v[0] == UInt8(ascii: "!"), isLetter(v[1]) || v[1] == UInt8(ascii: "_") {
            // `-pw`, `!flag`: an operator applied to a name (a password starting with '-' and a
            // letter is read as an option by every tool anyway).
            return v.dropFirst().allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
        }
        // `name(…)` / `name[…]` / `a.b(…)`: an identifier chain directly followed by a bracket.
        var k = 0
        while k < v.count, isLetter(v[k]) || isDigit(v[k]) || v[k] == UInt8(ascii: "_") || v[k] == UInt8(ascii: ".") { k += 1 }
        if k > 0, k < v.count, v[k] == UInt8(ascii: "(") || v[k] == UInt8(ascii: "["), isLetter(v[0]) || v[0] == UInt8(ascii: "_") {
            return true
        }
        return false
    }

    /// Prose: three or more words, a single word closed by punctuation or opened by `(`, markup.
    static func isProse(_ v: [UInt8]) -> Bool {
        let words = v.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
        // A sentence, not a passphrase: words with a comma or full stop between them.
        if words.count >= 3, words.dropLast().contains(where: { $0.last == UInt8(ascii: ",") || $0.last == UInt8(ascii: ".") }) {
            return true
        }
        if CandidateFilter.contains(v, Array("</".utf8)) { return true }
        guard let last = v.last else { return false }
        let closing: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":")]
        if words.count == 1, closing.contains(last), v.count >= 2, v.dropLast().allSatisfy(isLetter) { return true }
        if v.first == UInt8(ascii: "("), v.count >= 2 { return true }
        return false
    }

    static func isWrapped(_ first: UInt8, _ last: UInt8, _ count: Int) -> Bool {
        guard count >= 3 else { return false }
        return (first == UInt8(ascii: "[") && last == UInt8(ascii: "]"))
            || (first == UInt8(ascii: "{") && last == UInt8(ascii: "}"))
            || (first == UInt8(ascii: "<") && last == UInt8(ascii: ">"))
    }

    /// `scheme:…/…` (a URI or ARN) without an `@`, or an absolute path (`/run/secrets/db`).
    static func isReferenceToElsewhere(_ v: [UInt8]) -> Bool {
        if v.contains(0x20) || v.contains(UInt8(ascii: "@")) { return false }
        if v.first == UInt8(ascii: "/"), v.count >= 3, v.dropFirst().contains(UInt8(ascii: "/")) {
            return v.allSatisfy { isLetter($0) || isDigit($0) || [UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: ".")].contains($0) }
        }
        guard let colon = v.firstIndex(of: UInt8(ascii: ":")), colon >= 2, colon <= 16 else { return false }
        guard isLetter(v[0]), v[..<colon].allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) else {
            return false
        }
        return v[colon...].contains(UInt8(ascii: "/"))
    }

    static func hasMixedClasses(_ v: [UInt8]) -> Bool {
        var classes = 0
        if v.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { classes += 1 }
        if v.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { classes += 1 }
        if v.contains(where: isDigit) { classes += 1 }
        if v.contains(where: { $0 > 0x20 && $0 < 0x7F && !isLetter($0) && !isDigit($0) }) { classes += 1 }
        return classes >= 3
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
