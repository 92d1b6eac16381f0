/// File system paths as bytes, carried in a `String` without loss.
///
/// A Unix path is any sequence of bytes without NUL; many are not valid UTF-8 (`b/<0xFF>.txt`).
/// Decoding such a name into a `String` with replacement characters loses it: the file can no
/// longer be opened, and a scanner that cannot open a file is blind to it. `PathBytes` maps bytes
/// to a `String` one-to-one, so walkers, byte sources and plans keep using `String` paths:
///
/// - every well-formed UTF-8 sequence becomes its scalar, except scalars in the reserved range
///   U+10FF00…U+10FFFF (private use, never seen in real names);
/// - every other byte `b` (an invalid sequence, or the bytes of a reserved scalar) becomes the
///   reserved scalar U+10FF00 + `b`.
///
/// The mapping is a bijection between byte strings and the strings it produces, so `bytes(of:)`
/// gives back exactly the bytes that were read from the directory. Reports never show the
/// reserved scalars: `displayed(_:)` shows each raw byte as `\xHH` (as git's `core.quotePath` and
/// ripgrep do), and a valid UTF-8 path is shown unchanged.
public enum PathBytes {
    /// The first reserved scalar; raw byte `b` is `reservedBase + b`.
    static let reservedBase: UInt32 = 0x10FF00

    /// The lossless `String` for a path's bytes.
    public static func string(_ bytes: some Collection<UInt8>) -> String {
        // Fast path: valid UTF-8 without a lead byte of the reserved range (F4 8F BC–BF …).
        let array = Array(bytes)
        if let text = String(validating: array, as: UTF8.self), !text.unicodeScalars.contains(where: isReserved) {
            return text
        }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < array.count {
            let (scalar, length) = decodeOne(array, at: i)
            if let scalar, !isReserved(scalar) {
                scalars.append(scalar)
                i += length
            } else {
                for b in array[i..<(i + length)] { scalars.append(raw(b)) }
                i += length
            }
        }
        return String(scalars)
    }

    /// The bytes a lossless `String` stands for (its UTF-8, with reserved scalars turned back into
    /// their raw bytes).
    public static func bytes(of path: String) -> [UInt8] {
        guard path.unicodeScalars.contains(where: isReserved) else { return Array(path.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if isReserved(scalar) {
                out.append(UInt8(truncatingIfNeeded: scalar.value - reservedBase))
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return out
    }

    /// Whether the path holds bytes that are not valid UTF-8 (shown escaped).
    public static func hasRawBytes(_ path: String) -> Bool {
        path.unicodeScalars.contains(where: isReserved)
    }

    /// The path as reports show it: each raw byte as `\xHH` (upper-case hex), everything else as
    /// is. Terminal reporters still neutralise control characters in it.
    public static func displayed(_ path: String) -> String {
        guard hasRawBytes(path) else { return path }
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for scalar in path.unicodeScalars {
            if isReserved(scalar) {
                let b = Int(scalar.value - reservedBase)
                out += "\\x"
                out.append(hex[b >> 4])
                out.append(hex[b & 0xF])
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isReserved(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= reservedBase }

    static func raw(_ byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(reservedBase + UInt32(byte))!
    }

    /// Decodes one UTF-8 sequence at `i`: the scalar and its length, or nil and 1 for a byte that
    /// does not start a well-formed sequence.
    static func decodeOne(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, 1)
        }
        guard i + length <= bytes.count else { return (nil, 1) }
        guard let text = String(validating: bytes[i..<(i + length)], as: UTF8.self),
              let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1
        else { return (nil, 1) }
        return (scalar, length)
    }
}
