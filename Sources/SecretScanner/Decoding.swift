import SecretRules

/// Decoders for the encodings the engine undoes: base64 (standard and URL-safe alphabets, padding
/// optional, no whitespace) and percent-encoding (`%41`, and `+` as space in form bodies).
enum Decoding {
    /// Decodes `bytes` with `encoding`; nil when they are not valid in that encoding.
    static func decode(_ bytes: [UInt8], _ encoding: Encoding) -> [UInt8]? {
        switch encoding {
        case .base64: base64(bytes)
        case .url: percent(bytes).map(\.bytes)
        case .escape: unescape(bytes).map(\.bytes) ?? bytes
        }
    }

    /// Base64 value of an alphabet byte (standard and URL-safe), or 0xFF.
    static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, b) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8.enumerated() {
            table[Int(b)] = UInt8(i)
        }
        table[Int(UInt8(ascii: "+"))] = 62
        table[Int(UInt8(ascii: "/"))] = 63
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// Decodes base64; nil on a byte outside the alphabet, a misplaced `=`, or a length that
    /// leaves a single dangling character.
    static func base64(_ bytes: [UInt8]) -> [UInt8]? {
        var body = bytes[...]
        while body.last == UInt8(ascii: "=") { body = body.dropLast() }
        guard bytes.count - body.count <= 2, body.count % 4 != 1, !body.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(body.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for b in body {
            let v = base64Values[Int(b)]
            guard v != 0xFF else { return nil }
            accumulator = accumulator << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return out
    }

    /// Percent-decodes `bytes` (`+` becomes a space). Returns the decoded bytes and, for each
    /// decoded byte, the offset in `bytes` of the text it came from; nil when nothing was encoded
    /// (no `%XX` escape).
    static func percent(_ bytes: [UInt8]) -> (bytes: [UInt8], origin: [Int])? {
        var out: [UInt8] = []
        var origin: [Int] = []
        out.reserveCapacity(bytes.count)
        origin.reserveCapacity(bytes.count)
        var escaped = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%"), let hi = hexValue(bytes, i + 1), let lo = hexValue(bytes, i + 2) {
                out.append(hi << 4 | lo)
                origin.append(i)
                escaped = true
                i += 3
            } else {
                out.append(b == UInt8(ascii: "+") ? UInt8(ascii: " ") : b)
                origin.append(i)
                i += 1
            }
        }
        return escaped ? (out, origin) : nil
    }

    private static func hexValue(_ bytes: [UInt8], _ i: Int) -> UInt8? {
        guard i < bytes.count else { return nil }
        let b = bytes[i]
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}
