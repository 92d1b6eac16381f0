/// Why a value does not have a credential's exact format.
public enum FormatProblem: Sendable, Hashable, CustomStringConvertible {
    /// The value is empty.
    case empty
    /// Leading or trailing whitespace (space, tab, CR, LF). Hint: trim it.
    case surroundingWhitespace
    /// The value is wrapped in matching quotes (`"…"`, `'…'` or `` `…` ``). Hint: remove them.
    case surroundingQuotes
    /// The length in bytes (after removing surrounding whitespace or quotes, when those were
    /// found) is not the expected one.
    case wrongLength(got: Int, expected: Int)
    /// An uppercase hex digit `A`-`F` in a token; the format is lowercase. `position` is the
    /// 1-based byte position of the first one in the value as given; `count` how many there are.
    case uppercaseHex(position: Int, count: Int)
    /// A byte outside the alphabet. `position` is the 1-based byte position of the first such byte
    /// in the value as given; `count` how many bytes are outside the alphabet in total (uppercase
    /// hex digits of a token are counted by `uppercaseHex` instead).
    case invalidCharacter(byte: UInt8, position: Int, count: Int)

    /// A stable kebab-case identifier for machine-readable output: `empty`,
    /// `surrounding-whitespace`, `surrounding-quotes`, `wrong-length`, `uppercase-hex`,
    /// `invalid-character`.
    public var code: String {
        switch self {
        case .empty: "empty"
        case .surroundingWhitespace: "surrounding-whitespace"
        case .surroundingQuotes: "surrounding-quotes"
        case .wrongLength: "wrong-length"
        case .uppercaseHex: "uppercase-hex"
        case .invalidCharacter: "invalid-character"
        }
    }

    public var description: String {
        switch self {
        case .empty:
            return "empty value"
        case .surroundingWhitespace:
            return "surrounding whitespace (hint: trim it)"
        case .surroundingQuotes:
            return "surrounded by quotes (hint: remove them)"
        case .wrongLength(let got, let expected):
            return "wrong length: got \(got), expected \(expected)"
        case .uppercaseHex(let position, let count):
            let more = count > 1 ? " (and \(count - 1) more)" : ""
            return "uppercase hex digit at position \(position)\(more) (hint: the format is lowercase)"
        case .invalidCharacter(let byte, let position, let count):
            let more = count > 1 ? " (and \(count - 1) more)" : ""
            return "invalid character \(ByteDescription.describe(byte)) at position \(position)\(more)"
        }
    }
}

/// Something worth knowing about a value that does not by itself make it invalid.
public enum FormatNote: Sendable, Hashable, CustomStringConvertible {
    /// The value is an example printed in the Sirportly documentation.
    case knownExample(KnownExamples.Kind)
    /// The value looks like a placeholder, not a real credential.
    case placeholder(Placeholder.Reason)

    /// A stable identifier for machine-readable output: `known-example` or `placeholder`.
    public var code: String {
        switch self {
        case .knownExample: "known-example"
        case .placeholder: "placeholder"
        }
    }

    public var description: String {
        switch self {
        case .knownExample(let kind): "this is \(kind)"
        case .placeholder(let reason): "looks like a placeholder: \(reason)"
        }
    }
}

/// The outcome of validating one value against a credential format.
public struct FormatValidation: Sendable, Hashable, CustomStringConvertible {
    /// The shape the value was validated against.
    public var shape: TokenShape
    /// Every problem found, most fundamental first; empty when the value is valid.
    public var problems: [FormatProblem]
    /// Notes that do not affect validity (documentation example, placeholder).
    public var notes: [FormatNote]

    public init(shape: TokenShape, problems: [FormatProblem], notes: [FormatNote]) {
        self.shape = shape
        self.problems = problems
        self.notes = notes
    }

    /// Whether the value has exactly the format.
    public var isValid: Bool { problems.isEmpty }

    /// The problems joined by "; ", or nil when the value is valid.
    public var reason: String? {
        problems.isEmpty ? nil : problems.map(\.description).joined(separator: "; ")
    }

    /// `valid` or `invalid: <reason>`, followed by the notes in parentheses.
    public var description: String {
        var text = isValid ? "valid" : "invalid: \(reason ?? "")"
        if !notes.isEmpty { text += " (" + notes.map(\.description).joined(separator: "; ") + ")" }
        return text
    }
}

/// Exact validation of a value against one `TokenShape`; shared by the three credential types.
public enum ShapeValidator {
    /// Validates `value` against `shape`: the value must be exactly `shape.length` bytes of the
    /// shape's alphabet. Reports, in order: empty; surrounding whitespace or quotes (the inner
    /// value is then checked too, positions still counted in the value as given); wrong length;
    /// uppercase hex (tokens); the first byte outside the alphabet. Adds notes for the
    /// documentation's example values and for placeholders.
    public static func validate(_ value: some Collection<UInt8>, as shape: TokenShape) -> FormatValidation {
        if let result = value.withContiguousStorageIfAvailable({ validate(UnsafeRawBufferPointer($0), as: shape) }) {
            return result
        }
        return Array(value).withUnsafeBytes { validate($0, as: shape) }
    }

    /// Validates the bytes of `buffer` against `shape`; see `validate(_:as:)`. A valid value that
    /// is neither an example nor a placeholder is validated without allocating.
    public static func validate(_ bytes: UnsafeRawBufferPointer, as shape: TokenShape) -> FormatValidation {
        guard !bytes.isEmpty else { return FormatValidation(shape: shape, problems: [.empty], notes: []) }
        var problems: [FormatProblem] = []

        // Strip surrounding whitespace, then one level of matching quotes, then whitespace again.
        var lower = 0, upper = bytes.count
        func trimWhitespace() -> Bool {
            var trimmed = false
            while lower < upper, isWhitespace(bytes[lower]) { lower += 1; trimmed = true }
            while upper > lower, isWhitespace(bytes[upper - 1]) { upper -= 1; trimmed = true }
            return trimmed
        }
        var whitespace = trimWhitespace()
        if upper - lower >= 2, isQuote(bytes[lower]), bytes[upper - 1] == bytes[lower] {
            lower += 1; upper -= 1
            problems.append(.surroundingQuotes)
            if trimWhitespace() { whitespace = true }
        }
        if whitespace { problems.insert(.surroundingWhitespace, at: 0) }
        guard upper > lower else {
            return FormatValidation(shape: shape, problems: problems + [.empty], notes: [])
        }
        let inner = UnsafeRawBufferPointer(rebasing: bytes[lower..<upper])

        if inner.count != shape.length {
            problems.append(.wrongLength(got: inner.count, expected: shape.length))
        }
        var firstUpper = 0, upperCount = 0
        var firstBad = 0, badByte: UInt8 = 0, badCount = 0
        for i in lower..<upper {
            let b = bytes[i]
            if shape.contains(b) { continue }
            if shape == .token, b >= 0x41, b <= 0x46 {
                if upperCount == 0 { firstUpper = i + 1 }
                upperCount += 1
            } else {
                if badCount == 0 { firstBad = i + 1; badByte = b }
                badCount += 1
            }
        }
        if upperCount > 0 { problems.append(.uppercaseHex(position: firstUpper, count: upperCount)) }
        if badCount > 0 { problems.append(.invalidCharacter(byte: badByte, position: firstBad, count: badCount)) }

        var notes: [FormatNote] = []
        if let example = KnownExamples.match(inner) {
            notes.append(.knownExample(example))
        } else if let reason = Placeholder.reason(inner) {
            notes.append(.placeholder(reason))
        }
        return FormatValidation(shape: shape, problems: problems, notes: notes)
    }

    static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C
    }

    static func isQuote(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "`")
    }
}

/// The Sirportly API token: exactly 36 bytes of `[0-9a-f-]`, sent as `X-Auth-Token`.
public enum SirportlyToken {
    public static let shape = TokenShape.token
    /// The HTTP header that carries the value.
    public static let headerName = "X-Auth-Token"
    /// Validates `value` exactly; see `ShapeValidator.validate(_:as:)`.
    public static func validate(_ value: some Collection<UInt8>) -> FormatValidation {
        ShapeValidator.validate(value, as: shape)
    }
    /// Validates the UTF-8 bytes of `value`.
    public static func validate(_ value: String) -> FormatValidation { validate(value.utf8) }
}

/// The Sirportly API secret: exactly 50 bytes of `[A-Za-z0-9]`, sent as `X-Auth-Secret`.
public enum SirportlySecret {
    public static let shape = TokenShape.secret
    /// The HTTP header that carries the value.
    public static let headerName = "X-Auth-Secret"
    /// Validates `value` exactly; see `ShapeValidator.validate(_:as:)`.
    public static func validate(_ value: some Collection<UInt8>) -> FormatValidation {
        ShapeValidator.validate(value, as: shape)
    }
    /// Validates the UTF-8 bytes of `value`.
    public static func validate(_ value: String) -> FormatValidation { validate(value.utf8) }
}

/// The Sirportly application token (user authentication): the token's format, exactly 36 bytes of
/// `[0-9a-f-]`, sent as `X-Auth-Application`.
public enum SirportlyApplicationToken {
    public static let shape = TokenShape.token
    /// The HTTP header that carries the value.
    public static let headerName = "X-Auth-Application"
    /// Validates `value` exactly; see `ShapeValidator.validate(_:as:)`.
    public static func validate(_ value: some Collection<UInt8>) -> FormatValidation {
        ShapeValidator.validate(value, as: shape)
    }
    /// Validates the UTF-8 bytes of `value`.
    public static func validate(_ value: String) -> FormatValidation { validate(value.utf8) }
}

/// Human-readable names for bytes in messages.
public enum ByteDescription {
    /// `'g'` for printable ASCII, `space`, `tab`, or `byte 0xC3` otherwise.
    public static func describe(_ b: UInt8) -> String {
        switch b {
        case 0x20: return "space"
        case 0x09: return "tab"
        case 0x0A: return "line feed"
        case 0x0D: return "carriage return"
        case 0x21...0x7E: return "'" + String(UnicodeScalar(b)) + "'"
        default:
            let hex = String(b, radix: 16, uppercase: true)
            return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
        }
    }
}
