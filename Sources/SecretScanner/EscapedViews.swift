import SecretRules
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The escaped-text view: string-literal and markup escapes undone, one decoded view per region
/// of lines that holds them, so that a value written with escapes (`d3f269a9\u002d932e…` in a
/// JSON string, `\x2d` in a JS or Python literal, `&#45;` / `&#x2d;` in HTML) is seen by every
/// rule as the value itself and reported at the span of its escaped text. One mechanism for every
/// syntax (JSON, JS/TS, Python, Java, C#, Swift, HTML/XML): no per-syntax parser.
///
/// ## What is decoded (`Decoding.unescape`)
/// - `\uXXXX` (with UTF-16 surrogate pairs), `\u{X…}` (1–6 hex digits), `\xHH`;
/// - `\"`, `\'`, `\/`, `\\` (so escaped JSON inside a string reads as JSON);
/// - `&#NNN;`, `&#xHH;` / `&#XHH;`, and `&quot;` `&apos;` `&amp;` `&lt;` `&gt;`.
/// Other backslash sequences (`\n`, `\t`, …) stay as written: turning them into line breaks would
/// move values onto lines of their own and change what is near them. A numeric escape that would
/// decode to a control character (other than tab and line breaks) stays as written too.
///
/// ## When a view is made
/// Only around a *trigger*: a numeric escape (`\u…`, `\x…`, `&#…;`) that decodes to printable,
/// non-blank ASCII, outside an escaped backslash (`\\u0041` is a backslash and `u0041`); or an
/// escaped quote (`\"`, `&quot;`) followed by `:`, the end of a key of escaped JSON (an event
/// logged as a JSON string inside a JSON log line) whose name holds one of the rules' keywords.
/// Escapes of accented letters alone (`caf\u00e9`) make no view. The region of a trigger is its
/// line plus `escapedContextLines` lines above (at most `escapedContextReach` bytes), so the
/// context readers see the enclosing keys; triggers on nearby lines share one region. A region is
/// at most `maximumEncodedRun` bytes past its first trigger: a megabyte line costs a bounded
/// number of regions, each byte decoded once, plus the bounded context above each region.
///
/// ## Mapping back
/// Every decoded byte keeps the input offset of the text it came from (`View.Mapping.unescaped`).
/// A finding must contain at least one decoded escape, or be quoted by escaped quotes
/// (`\"Hunter2-Zebra9!\"`): a value written plainly in the region is the identity view's
/// finding, not this view's.
extension ScanWorker {
    /// Lines above a trigger's line copied (undecoded parts verbatim) into its view.
    static let escapedContextLines = 3
    /// At most this many bytes above a trigger's line start go into its view.
    static let escapedContextReach = 1024

    func scanEscapedViews(_ buffer: UnsafeRawBufferPointer, firstViewID: Int, placement: Placement, pass: inout ScanPass) {
        let automaton = engine.automaton
        var triggers = Self.escapeTriggers(in: buffer, keyCounts: { automaton.hasHit(in: $0) })
        guard !triggers.isEmpty else { return }
        triggers.sort()
        var viewID = firstViewID
        var i = 0
        while i < triggers.count {
            let first = triggers[i]
            let start = Self.contextStart(before: first, in: buffer)
            let limit = min(buffer.count, first + Self.maximumEncodedRun)
            var end = Self.lineEnd(from: first, limit: limit, in: buffer)
            i += 1
            // Triggers on the next lines (or later on the same long line) join the region.
            while i < triggers.count, triggers[i] <= end + 1, triggers[i] < limit {
                end = Self.lineEnd(from: triggers[i], limit: limit, in: buffer)
                i += 1
            }
            while i < triggers.count, triggers[i] < end { i += 1 }
            let region = Array(UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
            guard let (decoded, origin) = Decoding.unescape(region) else { continue }
            let absolute = origin.map { $0 + start }
            decoded.withUnsafeBytes { raw in
                scanView(View(id: viewID, buffer: raw, mapping: .unescaped(origin: absolute)),
                         outer: buffer, placement: placement, pass: &pass)
            }
            viewID += 1
        }
    }

    /// Offsets of the numeric escapes in `buffer` that decode to printable, non-blank ASCII, and of
    /// the escaped quotes that end a key of escaped JSON whose name `keyCounts` accepts (all keys
    /// when nil). The scan passes a check against the rules' keywords: a view made for
    /// `\"request_id\":` could only repeat what the input's own pass found.
    static func escapeTriggers(
        in buffer: UnsafeRawBufferPointer, keyCounts: ((UnsafeRawBufferPointer) -> Bool)? = nil
    ) -> [Int] {
        guard let base = buffer.baseAddress else { return [] }
        var found: [Int] = []
        let count = buffer.count
        for marker in [UInt8(ascii: "\\"), UInt8(ascii: "&")] {
            var offset = 0
            while offset < count, let hit = memchr(base + offset, Int32(marker), count - offset) {
                let i = base.distance(to: UnsafeRawPointer(hit))
                offset = i + 1
                if marker == UInt8(ascii: "\\") {
                    // `\\` is an escaped backslash: skip its second byte.
                    if i + 1 < count, buffer[i + 1] == marker {
                        offset = i + 2
                        continue
                    }
                    if let (value, _) = Decoding.backslashEscape(buffer, at: i), Decoding.isTriggerValue(value) {
                        found.append(i)
                    } else if Self.closesKey(buffer, at: i, quote: Self.escapedQuote, keyCounts: keyCounts) {
                        found.append(i)
                    }
                } else if let (value, _) = Decoding.numericEntity(buffer, at: i), Decoding.isTriggerValue(value) {
                    found.append(i)
                } else if Self.closesKey(buffer, at: i, quote: Self.quoteEntity, keyCounts: keyCounts) {
                    found.append(i)
                }
            }
        }
        return found
    }

    static let escapedQuote: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
    static let quoteEntity: [UInt8] = Array("&quot;".utf8)
    /// Longest key name read before an escaped quote.
    static let escapedKeyReach = 64

    /// Whether the escaped `quote` (`\"` or `&quot;`) at `i` closes a key of escaped JSON: a `:`
    /// follows after at most a few spaces or tabs (`{\"password\":\"…\"}` logged inside a JSON
    /// string, `{&quot;token&quot;: &quot;…&quot;}` in an HTML attribute), and `keyCounts` accepts
    /// the key's name (the text back to the quote that opens it, at most `escapedKeyReach` bytes).
    static func closesKey(
        _ buffer: UnsafeRawBufferPointer, at i: Int, quote: [UInt8], keyCounts: ((UnsafeRawBufferPointer) -> Bool)?
    ) -> Bool {
        guard i + quote.count <= buffer.count, (0..<quote.count).allSatisfy({ buffer[i + $0] == quote[$0] }) else { return false }
        var j = i + quote.count
        while j < buffer.count, j < i + quote.count + 4, buffer[j] == 0x20 || buffer[j] == 0x09 { j += 1 }
        guard j < buffer.count, buffer[j] == UInt8(ascii: ":") else { return false }
        guard let keyCounts else { return true }
        let floor = max(0, i - escapedKeyReach - quote.count)
        var start = i - quote.count
        while start >= floor, !(0..<quote.count).allSatisfy({ buffer[start + $0] == quote[$0] }) { start -= 1 }
        let keyStart = start >= floor ? start + quote.count : max(0, i - escapedKeyReach)
        return keyCounts(UnsafeRawBufferPointer(rebasing: buffer[keyStart..<i]))
    }

    /// The start of the line `escapedContextLines` lines above the line of `offset`, at most
    /// `escapedContextReach` bytes above that line's start.
    static func contextStart(before offset: Int, in buffer: UnsafeRawBufferPointer) -> Int {
        var i = offset
        let lineFloor = max(0, offset - maximumEncodedRun)
        while i > lineFloor, buffer[i - 1] != 0x0A { i -= 1 }
        let floor = max(0, i - escapedContextReach)
        var lines = 0
        while i > floor {
            if buffer[i - 1] == 0x0A {
                if lines == escapedContextLines + 1 { break }
                lines += 1
            }
            i -= 1
        }
        // Do not start in the middle of a line cut by the byte floor.
        if i > 0, buffer[i - 1] != 0x0A {
            while i < offset, buffer[i] != 0x0A { i += 1 }
            if i < offset { i += 1 }
        }
        return i
    }

    static func lineEnd(from offset: Int, limit: Int, in buffer: UnsafeRawBufferPointer) -> Int {
        guard offset < limit, let base = buffer.baseAddress else { return limit }
        guard let hit = memchr(base + offset, 0x0A, limit - offset) else { return limit }
        return base.distance(to: UnsafeRawPointer(hit))
    }
}

extension Decoding {
    /// Undoes string-literal and markup escapes (see `ScanWorker.scanEscapedViews`). Returns the
    /// decoded bytes and, for each decoded byte plus one end sentinel, the offset in `bytes` of
    /// the text it came from; nil when nothing was decoded.
    static func unescape(_ bytes: [UInt8]) -> (bytes: [UInt8], origin: [Int])? {
        var out: [UInt8] = []
        var origin: [Int] = []
        out.reserveCapacity(bytes.count)
        origin.reserveCapacity(bytes.count + 1)
        var changed = false
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i < raw.count {
                let b = raw[i]
                var decoded: (value: UInt32, length: Int)?
                if b == UInt8(ascii: "\\"), i + 1 < raw.count {
                    switch raw[i + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "/"), UInt8(ascii: "\\"):
                        decoded = (UInt32(raw[i + 1]), 2)
                    default:
                        decoded = backslashEscape(raw, at: i)
                    }
                } else if b == UInt8(ascii: "&") {
                    decoded = numericEntity(raw, at: i) ?? namedEntity(raw, at: i)
                }
                if let (value, length) = decoded, let utf8 = utf8Bytes(value) {
                    for byte in utf8 {
                        out.append(byte)
                        origin.append(i)
                    }
                    changed = true
                    i += length
                } else {
                    out.append(b)
                    origin.append(i)
                    i += 1
                }
            }
            origin.append(raw.count)
        }
        return changed ? (out, origin) : nil
    }

    /// A trigger decodes to printable ASCII other than the space.
    static func isTriggerValue(_ value: UInt32) -> Bool { value > 0x20 && value < 0x7F }

    /// `\uXXXX` (a surrogate pair as one value), `\u{X…}` or `\xHH` at `i`: the code point and
    /// the escape's length in bytes.
    static func backslashEscape(_ raw: UnsafeRawBufferPointer, at i: Int) -> (UInt32, Int)? {
        guard i + 3 < raw.count, raw[i] == UInt8(ascii: "\\") else { return nil }
        switch raw[i + 1] {
        case UInt8(ascii: "x"):
            guard let v = hexNumber(raw, i + 2, exactly: 2) else { return nil }
            return (v, 4)
        case UInt8(ascii: "u"):
            if raw[i + 2] == UInt8(ascii: "{") {
                var j = i + 3
                var v: UInt32 = 0
                while j < raw.count, j < i + 9, let d = hexDigit(raw[j]) {
                    v = v << 4 | UInt32(d)
                    j += 1
                }
                guard j > i + 3, j < raw.count, raw[j] == UInt8(ascii: "}") else { return nil }
                return (v, j + 1 - i)
            }
            guard let v = hexNumber(raw, i + 2, exactly: 4) else { return nil }
            if v >= 0xD800 && v < 0xDC00, i + 11 < raw.count,
               raw[i + 6] == UInt8(ascii: "\\"), raw[i + 7] == UInt8(ascii: "u"),
               let low = hexNumber(raw, i + 8, exactly: 4), low >= 0xDC00 && low < 0xE000 {
                return (0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00), 12)
            }
            return (v, 6)
        default:
            return nil
        }
    }

    /// `&#NNN;` or `&#xHH;` at `i`: the code point and the reference's length in bytes.
    static func numericEntity(_ raw: UnsafeRawBufferPointer, at i: Int) -> (UInt32, Int)? {
        guard i + 3 < raw.count, raw[i] == UInt8(ascii: "&"), raw[i + 1] == UInt8(ascii: "#") else { return nil }
        var j = i + 2
        var v: UInt32 = 0
        if raw[j] == UInt8(ascii: "x") || raw[j] == UInt8(ascii: "X") {
            j += 1
            let digits = j
            while j < raw.count, j < digits + 6, let d = hexDigit(raw[j]) {
                v = v << 4 | UInt32(d)
                j += 1
            }
            guard j > digits else { return nil }
        } else {
            let digits = j
            while j < raw.count, j < digits + 7, raw[j] >= 0x30 && raw[j] <= 0x39 {
                v = v * 10 + UInt32(raw[j] - 0x30)
                j += 1
            }
            guard j > digits else { return nil }
        }
        guard j < raw.count, raw[j] == UInt8(ascii: ";") else { return nil }
        return (v, j + 1 - i)
    }

    static let namedEntities: [(name: [UInt8], value: UInt32)] = [
        (Array("&quot;".utf8), 0x22), (Array("&apos;".utf8), 0x27), (Array("&amp;".utf8), 0x26),
        (Array("&lt;".utf8), 0x3C), (Array("&gt;".utf8), 0x3E),
    ]

    static func namedEntity(_ raw: UnsafeRawBufferPointer, at i: Int) -> (UInt32, Int)? {
        for (name, value) in namedEntities where i + name.count <= raw.count {
            if (0..<name.count).allSatisfy({ raw[i + $0] == name[$0] }) { return (value, name.count) }
        }
        return nil
    }

    /// The UTF-8 bytes of a decoded code point; nil for a control character (other than tab and
    /// line breaks), a lone surrogate or a value past Unicode: such an escape stays as written.
    static func utf8Bytes(_ v: UInt32) -> [UInt8]? {
        switch v {
        case 0x09, 0x0A, 0x0D, 0x20..<0x7F: return [UInt8(v)]
        case 0x00..<0x20, 0x7F..<0xA0: return nil
        case 0xA0..<0x800: return [UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F)]
        case 0xD800..<0xE000: return nil
        case 0x800..<0x10000: return [UInt8(0xE0 | v >> 12), UInt8(0x80 | (v >> 6) & 0x3F), UInt8(0x80 | v & 0x3F)]
        case 0x10000..<0x110000:
            return [UInt8(0xF0 | v >> 18), UInt8(0x80 | (v >> 12) & 0x3F), UInt8(0x80 | (v >> 6) & 0x3F), UInt8(0x80 | v & 0x3F)]
        default: return nil
        }
    }

    static func hexDigit(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }

    static func hexNumber(_ raw: UnsafeRawBufferPointer, _ at: Int, exactly n: Int) -> UInt32? {
        guard at + n <= raw.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<n {
            guard let d = hexDigit(raw[at + k]) else { return nil }
            v = v << 4 | UInt32(d)
        }
        return v
    }
}
