import Crypto
import SecretRules

/// The bytes the rules see: the input itself, or a decoded part of it (a base64 value, a
/// URL-encoded query string) with the way back to the input's byte offsets.
///
/// A decoded view starts with a verbatim copy of the input line up to the encoded text (its
/// prefix, e.g. `  password: `), so that rules keyed on names see the name; findings whose
/// secret lies wholly in the prefix belong to the input itself and are dropped from the view.
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
        case .unescaped: .escape
        }
    }

    /// From a byte range of the view to the byte range of the input that encodes it.
    enum Mapping {
        case identity
        /// `prefix` bytes copied from the input at `prefixStart`, then the decoded base64 of the
        /// input's `encoded` range: decoded byte `d` comes from the 4-byte group at
        /// `encoded.lowerBound + d / 3 * 4`.
        case base64(prefixStart: Int, prefix: Int, encoded: Range<Int>)
        /// `prefix` bytes copied from the input at `prefixStart`, then percent-decoded text whose
        /// byte `i` comes from the input at `origin[i]`; `end` is the end of the encoded range.
        case percent(prefixStart: Int, prefix: Int, origin: [Int], end: Int)
        /// Text with string-literal and markup escapes undone (`ScanWorker.scanEscapedViews`):
        /// view byte `i` comes from the input at `origin[i]`; `origin` has one more element, the
        /// end of the decoded region. Byte `i` was decoded from an escape when
        /// `origin[i + 1] - origin[i] > 1`.
        case unescaped(origin: [Int])

        var isIdentity: Bool {
            if case .identity = self { return true }
            return false
        }

        /// Whether `range` of the view reaches into the decoded part (not only the copied prefix).
        func reachesDecoded(_ range: Range<Int>) -> Bool {
            switch self {
            case .identity: return true
            case .base64(_, let prefix, _), .percent(_, let prefix, _, _): return range.upperBound > prefix
            case .unescaped(let origin):
                // At least one byte of `range` was an escape, or the bytes on either side of it
                // were (a value between escaped quotes).
                let wasEscape = { (i: Int) in i >= 0 && i + 1 < origin.count && origin[i + 1] - origin[i] > 1 }
                return range.contains(where: wasEscape) || wasEscape(range.lowerBound - 1) || wasEscape(range.upperBound)
            }
        }

        func outerRange(_ range: Range<Int>) -> Range<Int> {
            let lo = outerOffset(range.lowerBound, isEnd: false)
            let hi = outerOffset(range.upperBound, isEnd: true)
            return lo..<max(lo, hi)
        }

        private func outerOffset(_ offset: Int, isEnd: Bool) -> Int {
            switch self {
            case .identity:
                return offset
            case .base64(let prefixStart, let prefix, let encoded):
                if offset < prefix || (offset == prefix && isEnd) { return prefixStart + offset }
                let d = offset - prefix
                let group = isEnd ? (d + 2) / 3 : d / 3
                return min(encoded.upperBound, encoded.lowerBound + group * 4)
            case .percent(let prefixStart, let prefix, let origin, let end):
                if offset < prefix || (offset == prefix && isEnd) { return prefixStart + offset }
                let i = offset - prefix
                return i < origin.count ? origin[i] : end
            case .unescaped(let origin):
                return origin[min(max(0, offset), origin.count - 1)]
            }
        }
    }
}

/// Finding fingerprints: HMAC-SHA-256 (swift-crypto) under the engine's key over rule id, NUL,
/// the normalised secret, NUL, path; lower-case hex. Never includes the line, so a baseline
/// survives moved lines. The key never appears in a report, so a report alone cannot confirm a
/// guessed secret (docs/THREAT-MODEL.md).
public enum Fingerprint {
    public static func compute(key: [UInt8], ruleID: String, secret: [UInt8], path: String) -> String {
        var message = Array(ruleID.utf8)
        message.append(0)
        message += normalise(secret)
        message.append(0)
        message += Array(path.utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
        return hex(mac)
    }

    /// Lower-case hex of `bytes`.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A new random 32-byte key from the system's secure generator.
    public static func randomKey() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    /// The key used when none is given: random, drawn once per process. Fingerprints under it
    /// are comparable within one run only.
    public static let perRunKey: [UInt8] = randomKey()

    /// The secret without carriage returns and without surrounding ASCII whitespace, so CRLF and
    /// LF copies of a multi-line key fingerprint alike.
    static func normalise(_ secret: [UInt8]) -> [UInt8] {
        var bytes = secret.filter { $0 != 0x0D }
        while let last = bytes.last, last == 0x20 || last == 0x0A || last == 0x09 { bytes.removeLast() }
        let lead = bytes.prefix { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }.count
        return Array(bytes.dropFirst(lead))
    }
}
