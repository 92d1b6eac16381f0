/// The kind of a UUID, read from its version and variant nibbles (RFC 4122 / RFC 9562).
public struct UUIDKind: Sendable, Hashable, CustomStringConvertible {
    /// The variant field (the high bits of the 17th hex digit, first digit of the fourth group).
    public enum Variant: Sendable, Hashable {
        /// `0xxx`: reserved, NCS backward compatibility.
        case ncs
        /// `10xx`: the RFC 4122 / RFC 9562 variant.
        case rfc
        /// `110x`: reserved, Microsoft backward compatibility.
        case microsoft
        /// `111x`: reserved for future definition.
        case future
    }

    /// The version nibble (the 13th hex digit, first digit of the third group), 0...15.
    public var version: Int
    public var variant: Variant
    /// The nil UUID, all zeros (RFC 9562 §5.9).
    public var isNil: Bool
    /// The max UUID, all `f` (RFC 9562 §5.10).
    public var isMax: Bool

    /// Whether this is a UUID as RFC 9562 defines them: the RFC variant with a version from 1 to 8.
    /// A random 36-byte token of the Sirportly shape has this property with probability 1/32.
    public var isRFC9562: Bool { variant == .rfc && (1...8).contains(version) }

    public var description: String {
        if isNil { return "nil UUID" }
        if isMax { return "max UUID" }
        if isRFC9562 { return "RFC 9562 UUIDv\(version)" }
        let name = switch variant {
        case .ncs: "NCS"
        case .rfc: "RFC"
        case .microsoft: "Microsoft"
        case .future: "future"
        }
        return "non-RFC UUID layout (version nibble \(version), \(name) variant)"
    }
}

/// Classifies 36-byte values with the UUID layout.
public enum UUIDClassifier {
    /// Whether `bytes` has the 8-4-4-4-12 layout: 36 bytes, hyphens at offsets 8, 13, 18 and 23,
    /// and hex digits (either case) everywhere else.
    public static func hasUUIDLayout(_ bytes: some Collection<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        var offset = 0
        for b in bytes {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                if b != UInt8(ascii: "-") { return false }
            } else if hexValue(b) == nil {
                return false
            }
            offset += 1
        }
        return true
    }

    /// Whether `text` has the 8-4-4-4-12 UUID layout.
    public static func hasUUIDLayout(_ text: String) -> Bool { hasUUIDLayout(text.utf8) }

    /// The version and variant of `bytes`, or nil when it does not have the UUID layout.
    public static func classify(_ bytes: some Collection<UInt8>) -> UUIDKind? {
        guard hasUUIDLayout(bytes) else { return nil }
        var version = 0, variantNibble = 0
        var allZero = true, allF = true
        var offset = 0
        for b in bytes {
            if let v = hexValue(b) {
                if offset == 14 { version = v }
                if offset == 19 { variantNibble = v }
                if v != 0 { allZero = false }
                if v != 15 { allF = false }
            }
            offset += 1
        }
        let variant: UUIDKind.Variant =
            if variantNibble & 0b1000 == 0 { .ncs }
            else if variantNibble & 0b0100 == 0 { .rfc }
            else if variantNibble & 0b0010 == 0 { .microsoft }
            else { .future }
        return UUIDKind(version: version, variant: variant, isNil: allZero, isMax: allF)
    }

    /// The version and variant of `text`, or nil when it does not have the UUID layout.
    public static func classify(_ text: String) -> UUIDKind? { classify(text.utf8) }

    /// The value of a hex digit in either case, or nil.
    @inline(__always)
    static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 0x30...0x39: Int(b - 0x30)
        case 0x61...0x66: Int(b - 0x61 + 10)
        case 0x41...0x46: Int(b - 0x41 + 10)
        default: nil
        }
    }
}
