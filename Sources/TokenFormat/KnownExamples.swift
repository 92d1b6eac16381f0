/// The example values printed in Sirportly's authentication documentation. They are public, so a
/// match is a known example (reported as such or suppressed), never a live leak.
public enum KnownExamples {
    /// Which documented example a value is.
    public enum Kind: Sendable, Hashable, CustomStringConvertible {
        /// The documented API token example; the documentation prints the same value as the
        /// application token example.
        case token
        /// The documented API secret example.
        case secret

        public var description: String {
            switch self {
            case .token: "the Sirportly documentation's example token, also printed as its example application token"
            case .secret: "the Sirportly documentation's example secret"
            }
        }
    }

    /// The documented example API token.
    public static let token = "d3f269a9-932e-eeb0-05e7-14fdff8696b2"
    /// The documented example API secret.
    public static let secret = "us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d"
    /// The documented example application token: the same value as `token`.
    public static let applicationToken = token

    /// `token` as bytes.
    public static let tokenBytes: [UInt8] = Array(token.utf8)
    /// `secret` as bytes.
    public static let secretBytes: [UInt8] = Array(secret.utf8)

    /// Which documented example `bytes` is exactly (byte for byte), or nil.
    public static func match(_ bytes: some Collection<UInt8>) -> Kind? {
        if let result = bytes.withContiguousStorageIfAvailable({ match(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(bytes).withUnsafeBytes { match($0) }
    }

    /// Which documented example the bytes of `buffer` are exactly, or nil.
    public static func match(_ buffer: UnsafeRawBufferPointer) -> Kind? {
        func equal(_ expected: [UInt8]) -> Bool {
            guard buffer.count == expected.count else { return false }
            for i in 0..<expected.count where buffer[i] != expected[i] { return false }
            return true
        }
        if buffer.count == 36 { return equal(tokenBytes) ? .token : nil }
        if buffer.count == 50 { return equal(secretBytes) ? .secret : nil }
        return nil
    }

    /// Which documented example `text` is exactly, or nil.
    public static func match(_ text: String) -> Kind? { match(text.utf8) }

    /// Whether `bytes` is one of the documented example values.
    public static func isKnownExample(_ bytes: some Collection<UInt8>) -> Bool { match(bytes) != nil }
}
