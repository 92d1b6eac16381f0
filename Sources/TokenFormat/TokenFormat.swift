// TokenFormat: the fast format module of TokenAudit. No dependencies, no Foundation.
//
// What it knows (from the Sirportly authentication documentation):
// - API token and application token: exactly 36 bytes of `[0-9a-f-]`.
// - API secret: exactly 50 bytes of `[A-Za-z0-9]`.
//
// Design decisions:
// - Everything works on bytes (`some Collection<UInt8>` for single values, `UnsafeRawBufferPointer`
//   for whole buffers). No `String` or `Character` per byte; `String` overloads only convert once.
// - `ShapeRunFinder` probes one byte every `length` bytes: a run of at least `length` bytes of an
//   alphabet must contain a probe, so a probe outside the alphabet skips `length` bytes at once.
// - Validators never stop at "invalid": they say why (length, the offending byte and its 1-based
//   position, uppercase hex, surrounding whitespace or quotes), and add notes (the documentation's
//   example value, a placeholder) that do not make a value invalid.

/// The two credential shapes Sirportly uses.
public enum TokenShape: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// API token or application token: exactly 36 bytes of `[0-9a-f-]`.
    case token
    /// API secret: exactly 50 bytes of `[A-Za-z0-9]`.
    case secret

    /// The exact length of a value of this shape, in bytes.
    public var length: Int {
        switch self {
        case .token: 36
        case .secret: 50
        }
    }

    /// The alphabet as a regular-expression character class, for messages and patterns.
    public var alphabetDescription: String {
        switch self {
        case .token: "[0-9a-f-]"
        case .secret: "[A-Za-z0-9]"
        }
    }

    /// Whether `byte` belongs to this shape's alphabet.
    @inlinable
    public func contains(_ byte: UInt8) -> Bool {
        ByteClass.classes[Int(byte)] & mask != 0
    }

    /// The bit of `ByteClass.classes` that marks this shape's alphabet.
    @usableFromInline
    var mask: UInt8 {
        switch self {
        case .token: ByteClass.token
        case .secret: ByteClass.secret
        }
    }

    public var description: String {
        switch self {
        case .token: "token"
        case .secret: "secret"
        }
    }
}

/// The byte classification table behind `TokenShape.contains` and `ShapeRunFinder`.
@usableFromInline
enum ByteClass {
    /// Bit set for bytes of the token alphabet `[0-9a-f-]`.
    @usableFromInline static let token: UInt8 = 1
    /// Bit set for bytes of the secret alphabet `[A-Za-z0-9]`.
    @usableFromInline static let secret: UInt8 = 2

    /// One entry per byte value: the OR of the alphabet bits the byte belongs to.
    @usableFromInline
    static let classes: [UInt8] = (0..<256).map { value -> UInt8 in
        let b = UInt8(value)
        var bits: UInt8 = 0
        let digit = b >= 0x30 && b <= 0x39
        let lowerHex = b >= 0x61 && b <= 0x66
        let lower = b >= 0x61 && b <= 0x7A
        let upper = b >= 0x41 && b <= 0x5A
        if digit || lowerHex || b == 0x2D { bits |= token }
        if digit || lower || upper { bits |= secret }
        return bits
    }
}
