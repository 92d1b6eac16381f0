import SecretRules

/// The bytes the rules see: the input itself, or a decoded part of it (a base64 value, a
/// URL-encoded query string) with the way back to the input's byte offsets.
struct View {
    /// Distinguishes the views of one chunk (0 is the input itself).
    let id: Int
    let buffer: UnsafeRawBufferPointer
    let mapping: Mapping

    /// The encoding this view undid, nil for the input itself.
    var encoding: Encoding? {
        switch mapping {
        case .identity: nil
        case .base64: .base64
        case .percent: .url
        }
    }

    /// From a byte range of the view to the byte range of the input that encodes it.
    enum Mapping {
        case identity
        /// Decoded base64 of the input's `encoded` range: decoded byte `d` comes from the 4-byte
        /// group at `encoded.lowerBound + d / 3 * 4`.
        case base64(encoded: Range<Int>)
        /// Percent-decoded text: decoded byte `i` comes from the input at `origin[i]`; `end` is the
        /// end of the encoded range.
        case percent(origin: [Int], end: Int)

        var isIdentity: Bool {
            if case .identity = self { return true }
            return false
        }

        func outerRange(_ range: Range<Int>) -> Range<Int> {
            switch self {
            case .identity:
                return range
            case .base64(let encoded):
                let lo = encoded.lowerBound + range.lowerBound / 3 * 4
                let hi = min(encoded.upperBound, encoded.lowerBound + (range.upperBound + 2) / 3 * 4)
                return lo..<max(lo, hi)
            case .percent(let origin, let end):
                guard !origin.isEmpty else { return end..<end }
                let lo = range.lowerBound < origin.count ? origin[range.lowerBound] : end
                let hi = range.upperBound < origin.count ? origin[range.upperBound] : end
                return lo..<max(lo, hi)
            }
        }
    }
}

/// Finding fingerprints: HMAC-SHA-256 under the engine's key over rule id, NUL, the normalised
/// secret, NUL, path; lower-case hex. Never includes the line, so a baseline survives moved lines.
enum Fingerprint {
    static func compute(key: [UInt8], ruleID: String, secret: [UInt8], path: String) -> String {
        var message = Array(ruleID.utf8)
        message.append(0)
        message += normalise(secret)
        message.append(0)
        message += Array(path.utf8)
        return SHA256.hex(SHA256.hmac(key: key, message: message))
    }

    /// The secret without carriage returns and without surrounding ASCII whitespace, so CRLF and
    /// LF copies of a multi-line key fingerprint alike.
    static func normalise(_ secret: [UInt8]) -> [UInt8] {
        var bytes = secret.filter { $0 != 0x0D }
        while let last = bytes.last, last == 0x20 || last == 0x0A || last == 0x09 { bytes.removeLast() }
        let lead = bytes.prefix { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }.count
        return Array(bytes.dropFirst(lead))
    }
}
