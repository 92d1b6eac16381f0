import Testing
import TokenFormat

@Suite("Sirportly validators")
struct ValidationTests {
    /// The three validators, by name, with their shape and a valid generated value.
    struct Validator: Sendable, CustomTestStringConvertible {
        var name: String
        var shape: TokenShape
        var valid: String
        var run: @Sendable ([UInt8]) -> FormatValidation
        var runString: @Sendable (String) -> FormatValidation
        var testDescription: String { name }
    }

    static let validators: [Validator] = [
        Validator(name: "token", shape: .token, valid: Generated.sampleToken,
                  run: { SirportlyToken.validate($0) }, runString: { SirportlyToken.validate($0) }),
        Validator(name: "secret", shape: .secret, valid: Generated.sampleSecret,
                  run: { SirportlySecret.validate($0) }, runString: { SirportlySecret.validate($0) }),
        Validator(name: "application token", shape: .token, valid: Generated.sampleToken,
                  run: { SirportlyApplicationToken.validate($0) }, runString: { SirportlyApplicationToken.validate($0) }),
    ]

    @Test(arguments: validators)
    func acceptsGeneratedValues(_ v: Validator) {
        var g = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let value = v.shape == .token ? Generated.token(&g) : Generated.secret(&g)
            let result = v.runString(value)
            #expect(result.isValid, "\(value): \(result)")
            #expect(result.notes.isEmpty)
            #expect(result.description == "valid")
        }
    }

    @Test(arguments: validators, [-1, 1, -10, 14])
    func wrongLength(_ v: Validator, delta: Int) {
        let value = delta < 0 ? String(v.valid.dropLast(-delta)) : v.valid + String(v.valid.prefix(delta))
        let result = v.runString(value)
        #expect(result.problems == [.wrongLength(got: v.shape.length + delta, expected: v.shape.length)])
        #expect(result.reason == "wrong length: got \(v.shape.length + delta), expected \(v.shape.length)")
    }

    /// A byte outside the alphabet at every position is reported with that 1-based position.
    @Test(arguments: validators, [UInt8(ascii: "g"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: " "), 0xC3])
    func badCharacterAtEveryPosition(_ v: Validator, bad: UInt8) {
        let valid = Array(v.valid.utf8)
        // `g` is in the secret alphabet; use it only for tokens.
        if v.shape == .secret && bad == UInt8(ascii: "g") { return }
        for position in 0..<valid.count {
            var value = valid
            value[position] = bad
            let result = v.run(value)
            let atEdge = position == 0 || position == valid.count - 1
            let expected: [FormatProblem] = bad == UInt8(ascii: " ") && atEdge
                ? [.surroundingWhitespace, .wrongLength(got: valid.count - 1, expected: v.shape.length)]
                : [.invalidCharacter(byte: bad, position: position + 1, count: 1)]
            #expect(result.problems == expected, "position \(position + 1)")
            #expect(!result.isValid)
        }
    }

    @Test func hyphenIsInvalidInSecret() {
        var value = Array(Generated.sampleSecret.utf8)
        value[9] = UInt8(ascii: "-")
        #expect(SirportlySecret.validate(value).reason == "invalid character '-' at position 10")
    }

    @Test(arguments: [validators[0], validators[2]])
    func uppercaseTokenGetsLowercaseHint(_ v: Validator) {
        let upper = KnownExamples.token.uppercased()
        let result = v.runString(upper)
        let firstLetter = Array(KnownExamples.token.utf8).firstIndex { $0 >= UInt8(ascii: "a") }! + 1
        let letters = KnownExamples.token.utf8.filter { $0 >= UInt8(ascii: "a") }.count
        #expect(result.problems == [.uppercaseHex(position: firstLetter, count: letters)])
        #expect(result.reason!.contains("hint: the format is lowercase"))
        #expect(result.notes.isEmpty, "an uppercased example is not the example byte for byte")
    }

    @Test func uppercaseIsValidInSecret() {
        let value = String(Generated.sampleSecret.uppercased())
        #expect(SirportlySecret.validate(value).isValid)
    }

    @Test(arguments: validators, [
        (" %@", [FormatProblem.surroundingWhitespace]),
        ("%@\n", [.surroundingWhitespace]),
        ("\t%@\r\n", [.surroundingWhitespace]),
        ("\"%@\"", [.surroundingQuotes]),
        ("'%@'", [.surroundingQuotes]),
        (" \"%@\" ", [.surroundingWhitespace, .surroundingQuotes]),
    ])
    func surroundingWhitespaceAndQuotes(_ v: Validator, template: (String, [FormatProblem])) {
        let value = template.0.replacingPlaceholder(with: v.valid)
        let result = v.runString(value)
        #expect(result.problems == template.1)
        #expect(result.reason!.contains("hint:"))
    }

    @Test(arguments: validators)
    func quotedValueWithABadCharacterReportsItsPositionInTheGivenValue(_ v: Validator) {
        var inner = Array(v.valid.utf8)
        inner[4] = UInt8(ascii: "!")
        let value = [UInt8(ascii: "\"")] + inner + [UInt8(ascii: "\"")]
        #expect(v.run(value).problems == [.surroundingQuotes, .invalidCharacter(byte: UInt8(ascii: "!"), position: 6, count: 1)])
    }

    @Test(arguments: validators, ["", "   ", "\"\""])
    func emptyValues(_ v: Validator, value: String) {
        let result = v.runString(value)
        #expect(result.problems.last == .empty)
        #expect(!result.isValid)
    }

    @Test func lengthAndCharacterProblemsAreBothReported() {
        let result = SirportlyToken.validate("xyz")
        #expect(result.problems == [
            .wrongLength(got: 3, expected: 36), .invalidCharacter(byte: UInt8(ascii: "x"), position: 1, count: 3),
        ])
    }

    @Test func knownExamplesAreValidWithANote() {
        let token = SirportlyToken.validate(KnownExamples.token)
        #expect(token.isValid)
        #expect(token.notes == [.knownExample(.token)])
        let app = SirportlyApplicationToken.validate(KnownExamples.applicationToken)
        #expect(app.isValid && app.notes == [.knownExample(.token)])
        let secret = SirportlySecret.validate(KnownExamples.secret)
        #expect(secret.isValid && secret.notes == [.knownExample(.secret)])
        #expect(secret.description.hasPrefix("valid (this is the Sirportly documentation's example secret"))
        // The example token is not a secret.
        #expect(!SirportlySecret.validate(KnownExamples.token).isValid)
    }

    @Test(arguments: [
        ("00000000-0000-0000-0000-000000000000", true),
        ("01234567-89ab-cdef-0123-456789abcdef", true),
        ("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", false),
        ("your_token_here", false),
    ])
    func placeholdersGetANote(_ value: String, valid: Bool) {
        let result = SirportlyToken.validate(value)
        #expect(result.isValid == valid)
        #expect(result.notes.count == 1)
        if case .placeholder = result.notes.first {} else { Issue.record("expected a placeholder note: \(result)") }
    }

    @Test func byteDescriptions() {
        #expect(ByteDescription.describe(UInt8(ascii: "g")) == "'g'")
        #expect(ByteDescription.describe(0x20) == "space")
        #expect(ByteDescription.describe(0x05) == "byte 0x05")
        #expect(ByteDescription.describe(0xC3) == "byte 0xC3")
    }
}

extension String {
    /// Replaces the `%@` in a test template.
    func replacingPlaceholder(with value: String) -> String {
        let parts = split(separator: "%@", omittingEmptySubsequences: false)
        return parts.joined(separator: value)
    }
}
