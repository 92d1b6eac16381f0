import SecretRules
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Engine-level encoded views, for every rule: base64 values (Kubernetes `Secret` `data:` maps,
/// and long base64 string values in general) and URL-encoded text (query strings, form bodies).
/// Each is decoded and scanned like input; findings map back to the encoded bytes with
/// `encoding` set.
///
/// Cost control: base64 runs are found by probing one byte in every `minimumBase64Run` (a run at
/// least that long must contain a probe), and only decodings that are printable text are
/// scanned. Percent-encoded text is found with `memchr` for `%`.
extension ScanWorker {
    /// Base64 runs shorter than this are not decoded, except as YAML values in a buffer that
    /// declares `kind: Secret`.
    static let minimumBase64Run = 20
    /// Longest encoded text decoded as one view.
    static let maximumEncodedRun = 64 * 1024
    /// Longest line prefix copied in front of a decoded view.
    static let maximumViewPrefix = 256

    func scanEncodedViews(_ buffer: UnsafeRawBufferPointer, placement: Placement, pass: inout ScanPass) {
        guard buffer.count >= 8, let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var viewID = 1
        let kubernetesSecret = engine.isBase64Document(pass.mentioned)

        // Base64 runs.
        let table = Self.base64Alphabet
        let minimum = kubernetesSecret ? 4 : Self.minimumBase64Run
        let count = buffer.count
        var probe = minimum - 1
        // A run of at least `minimum` bytes through `probe` holds all of `probe - half...probe` or
        // all of `probe...probe + half`: checked without branches before expanding the run.
        let half = minimum / 2
        let member = Self.base64Members
        while probe < count {
            if !table[Int(base[probe])] {
                probe += minimum
                continue
            }
            if probe >= half && probe + half < count {
                var left: UInt8 = 1, right: UInt8 = 1
                for k in 1...half {
                    left &= member[Int(base[probe - k])]
                    right &= member[Int(base[probe + k])]
                }
                if left | right == 0 {
                    // The run through `probe` is shorter than `minimum` and ends before
                    // `probe + minimum`.
                    probe += minimum
                    continue
                }
            }
            var start = probe
            while start > 0 && table[Int(base[start - 1])] { start -= 1 }
            var end = probe + 1
            while end < count && table[Int(base[end])] { end += 1 }
            var padded = end
            while padded < count && padded < end + 2 && base[padded] == UInt8(ascii: "=") { padded += 1 }
            probe = padded + minimum
            let length = end - start
            guard length >= minimum, padded - start <= Self.maximumEncodedRun, (padded - start) % 4 == 0 || padded == end else { continue }
            guard Self.isBase64Boundary(base, start - 1, count) && Self.isBase64Boundary(base, padded, count) else { continue }
            if length < Self.minimumBase64Run {
                // Short values only as `key: value` in a Kubernetes Secret.
                guard start >= 2, base[start - 1] == 0x20, base[start - 2] == UInt8(ascii: ":") else { continue }
            }
            guard Self.mayEncodeText(base, start..<end) else { continue }
            let encoded = Array(UnsafeRawBufferPointer(rebasing: buffer[start..<padded]))
            guard let decoded = Decoding.base64(encoded), decoded.count >= 3, Self.isPrintableText(decoded) else { continue }
            let prefixStart = Self.viewPrefixStart(before: start, in: buffer)
            let view = Array(UnsafeRawBufferPointer(rebasing: buffer[prefixStart..<start])) + decoded
            view.withUnsafeBytes { raw in
                scanView(View(id: viewID, buffer: raw, mapping: .base64(prefixStart: prefixStart, prefix: start - prefixStart, encoded: start..<padded)),
                         outer: buffer, placement: placement, pass: &pass)
            }
            viewID += 1
        }

        // Percent-encoded text.
        var i = 0
        let raw = UnsafeRawBufferPointer(buffer)
        var scannedUpTo = 0
        while i + 2 < count {
            guard let hit = memchrPercent(raw, from: i) else { break }
            i = hit + 1
            guard hit >= scannedUpTo, hit + 2 < count, Self.isHex(base[hit + 1]), Self.isHex(base[hit + 2]) else { continue }
            var start = hit
            let lowLimit = max(0, hit - Self.maximumEncodedRun)
            while start > lowLimit && !Self.endsURLText(base[start - 1]) { start -= 1 }
            var end = hit
            let highLimit = min(count, hit + Self.maximumEncodedRun)
            while end < highLimit && !Self.endsURLText(base[end]) { end += 1 }
            scannedUpTo = end
            i = end
            let encoded = Array(UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
            guard let (decoded, origin) = Decoding.percent(encoded) else { continue }
            let prefixStart = Self.viewPrefixStart(before: start, in: buffer)
            let view = Array(UnsafeRawBufferPointer(rebasing: buffer[prefixStart..<start])) + decoded
            view.withUnsafeBytes { rawView in
                scanView(View(id: viewID, buffer: rawView,
                              mapping: .percent(prefixStart: prefixStart, prefix: start - prefixStart, origin: origin.map { $0 + start }, end: end)),
                         outer: buffer, placement: placement, pass: &pass)
            }
            viewID += 1
        }
    }

    private func memchrPercent(_ buffer: UnsafeRawBufferPointer, from offset: Int) -> Int? {
        guard offset < buffer.count, let base = buffer.baseAddress else { return nil }
        guard let hit = memchr(base + offset, Int32(UInt8(ascii: "%")), buffer.count - offset) else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }

    /// `base64Alphabet` as 1/0 bytes, for branch-free runs of lookups.
    static let base64Members: [UInt8] = base64Alphabet.map { $0 ? 1 : 0 }

    static let base64Alphabet: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8 { table[Int(b)] = true }
        return table
    }()

    /// Whether the byte at `i` may border a base64 value: the buffer edge, whitespace, a quote or
    /// punctuation that cannot continue a token (not `-`, `_`, `.`, `%`, `$`, `\`).
    static func isBase64Boundary(_ base: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Bool {
        if i < 0 || i >= count { return true }
        switch base[i] {
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "%"), UInt8(ascii: "$"), UInt8(ascii: "\\"):
            return false
        default:
            return base[i] < 0x80
        }
    }

    /// Printable ASCII text (tabs and line breaks allowed): what a decoded secret or config looks
    /// like, unlike decoded binary.
    static func isPrintableText(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// A cheap test before decoding: base64 of text has both upper- and lower-case letters, and
    /// its every fourth character (the top six bits of a byte) is one that printable ASCII yields
    /// (`I`–`f` range: `I`, `J`, `K`, …, `Z`, `a`–`f`, plus `c`–`f` for bytes 0x70–0x7E). Hex
    /// digests, numbers and upper-case identifiers fail it without an allocation.
    static func mayEncodeText(_ base: UnsafePointer<UInt8>, _ run: Range<Int>) -> Bool {
        var upper = false, lower = false
        var i = run.lowerBound
        while i < run.upperBound {
            let b = base[i]
            if b >= 0x41 && b <= 0x5A { upper = true } else if b >= 0x61 && b <= 0x7A { lower = true }
            if (i - run.lowerBound) % 4 == 0 {
                // First sextet of a group = top 6 bits of a byte in 0x09...0x7E: values 2...31,
                // i.e. the characters C...f.
                let v = Decoding.base64Values[Int(b)]
                if v < 2 || v > 31 { return false }
            }
            i += 1
        }
        return upper && lower
    }

    static func isHex(_ b: UInt8) -> Bool { CandidateFilter.isHexDigit(b) }

    /// Bytes that end URL-encoded text: whitespace, quotes, angle brackets, backtick.
    static func endsURLText(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`"):
            true
        default:
            false
        }
    }

    /// Start of the copied prefix: the start of the line, at most `maximumViewPrefix` bytes back.
    static func viewPrefixStart(before offset: Int, in buffer: UnsafeRawBufferPointer) -> Int {
        var i = offset
        let limit = max(0, offset - maximumViewPrefix)
        while i > limit && buffer[i - 1] != 0x0A { i -= 1 }
        return i
    }
}
