import TokenFormat

/// Builds the line shown under a finding: the line holding the secret, cut to a window around it,
/// with every secret on it redacted.
enum LineExcerpt {
    /// Bytes shown on each side of the secret on long lines.
    static let context = 120
    /// Bytes to read around a secret so that its line (or `context` bytes of it) is included.
    static let readRadius = context + 8

    /// The excerpt for the secret at `secret` (absolute offsets), given the input bytes `window`
    /// starting at absolute offset `windowStart`. `redactions` are the absolute ranges of every
    /// secret found in the input; those on the line are replaced by their redacted form when
    /// `redact` is set. As a safety net, any other occurrence on the shown line of a secret value in
    /// `secretValues` (4 bytes or longer) is redacted too. A line cut short shows `…` where it was cut.
    static func make(
        window: UnsafeRawBufferPointer, windowStart: Int, windowEndsInput: Bool, secret: Range<Int>,
        redactions: [Range<Int>], secretValues: [[UInt8]] = [], redact: Bool
    ) -> String {
        make(
            window: window, windowStart: windowStart, windowEndsInput: windowEndsInput, secret: secret,
            secrets: SecretIndex(ranges: redactions, values: secretValues), redact: redact)
    }

    /// As above, with the input's secrets indexed once (build one `SecretIndex` per input, not per
    /// finding: the per-finding cost then depends on the excerpt's length, not on the number of
    /// findings in the input).
    static func make(
        window: UnsafeRawBufferPointer, windowStart: Int, windowEndsInput: Bool, secret: Range<Int>,
        secrets: SecretIndex, redact: Bool
    ) -> String {
        let newline = UInt8(ascii: "\n")
        let lo = max(0, min(window.count, secret.lowerBound - windowStart))
        let hi = max(lo, min(window.count, secret.upperBound - windowStart))
        // The line's ends are looked for at most `context + 1` bytes beyond the secret: what lies
        // further is cut anyway, and an unbounded search would make every finding on a long
        // (minified, one-line) input cost the whole line.
        var lineStart = lo
        let backLimit = max(0, lo - context - 1)
        while lineStart > backLimit && window[lineStart - 1] != newline { lineStart -= 1 }
        var lineEnd = lo
        let forwardLimit = min(window.count, hi + context + 1)
        while lineEnd < forwardLimit && window[lineEnd] != newline { lineEnd += 1 }
        let endsLine = lineEnd == window.count || window[lineEnd] == newline
        if endsLine && lineEnd > lineStart && window[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        var cutStart = lineStart
        var cutEnd = lineEnd
        var clippedStart = lineStart == 0 && windowStart > 0
        var clippedEnd = lineEnd == window.count && !windowEndsInput
        if lo - cutStart > context {
            cutStart = lo - context
            while cutStart < lo && isContinuation(window[cutStart]) { cutStart += 1 }
            clippedStart = true
        }
        if cutEnd - max(hi, lo) > context {
            cutEnd = max(hi, lo) + context
            while cutEnd > hi && cutEnd < window.count && isContinuation(window[cutEnd]) { cutEnd -= 1 }
            clippedEnd = true
        }
        var out: [UInt8] = []
        if clippedStart { out.append(contentsOf: "\u{2026}".utf8) }
        var local = secrets.ranges(overlapping: (cutStart + windowStart)..<(cutEnd + windowStart))
            .map { ($0.lowerBound - windowStart)..<($0.upperBound - windowStart) }
        if redact {
            local += secrets.occurrences(in: window, within: cutStart..<cutEnd)
        }
        local.sort { $0.lowerBound < $1.lowerBound }
        var i = cutStart
        for range in local where redact {
            let start = max(range.lowerBound, cutStart)
            guard start >= i else { continue }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: window[i..<start]))
            let end = min(range.upperBound, cutEnd)
            out.append(contentsOf: Redaction.redact(UnsafeRawBufferPointer(rebasing: window[start..<end])).utf8)
            i = end
        }
        if i < cutEnd { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: window[i..<cutEnd])) }
        if clippedEnd { out.append(contentsOf: "\u{2026}".utf8) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The absolute range to read around `secret` in an input of `size` bytes.
    static func readRange(around secret: Range<Int>, size: Int) -> Range<Int> {
        max(0, secret.lowerBound - readRadius)..<min(size, secret.upperBound + readRadius)
    }
}

/// The secrets found in one input, indexed for excerpts: their ranges sorted by start (with the
/// longest length seen, so that overlap queries are a binary search), and their values of 4 bytes
/// or more by their first 4 bytes and then by length (so that finding stray copies on a line costs
/// one lookup per byte of the line and per distinct length, however many secrets share a prefix:
/// thousands of findings in one input used to make every excerpt compare against all of them).
struct SecretIndex {
    private let ranges: [Range<Int>]
    private let longest: Int
    /// First 4 bytes → (length, values of that length), longest first.
    private let valuesByPrefix: [UInt32: [(length: Int, values: Set<[UInt8]>)]]
    /// Instead of `valuesByPrefix`, for a streamed input's findings read back from disk.
    private let compactValues: CompactSecretValues?

    init(ranges: [Range<Int>], values: [[UInt8]]) {
        self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound }
        self.longest = ranges.map(\.count).max() ?? 0
        self.compactValues = nil
        var byPrefix: [UInt32: [Int: Set<[UInt8]>]] = [:]
        for value in values where value.count >= 4 {
            byPrefix[Self.prefix(value, 0), default: [:]][value.count, default: []].insert(value)
        }
        self.valuesByPrefix = byPrefix.mapValues { byLength in
            byLength.map { (length: $0.key, values: $0.value) }.sorted { $0.length > $1.length }
        }
    }

    /// The index of a spilled input (`FindingSpill`): its ranges, and its values as hashes.
    init(ranges: [Range<Int>], compactValues: CompactSecretValues) {
        self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound }
        self.longest = ranges.map(\.count).max() ?? 0
        self.valuesByPrefix = [:]
        self.compactValues = compactValues
    }

    /// The ranges that overlap `window` (absolute offsets).
    func ranges(overlapping window: Range<Int>) -> [Range<Int>] {
        guard !window.isEmpty else { return [] }  // as `Range.overlaps`: nothing overlaps an empty range
        // First range that could overlap: start ≥ window.lowerBound - longest.
        var lo = 0, hi = ranges.count
        let from = window.lowerBound - longest
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].lowerBound < from { lo = mid + 1 } else { hi = mid }
        }
        var result: [Range<Int>] = []
        var i = lo
        while i < ranges.count && ranges[i].lowerBound < window.upperBound {
            if ranges[i].upperBound > window.lowerBound { result.append(ranges[i]) }
            i += 1
        }
        return result
    }

    /// Where one of the indexed values occurs in `window[range]` (relative offsets).
    func occurrences(in window: UnsafeRawBufferPointer, within range: Range<Int>) -> [Range<Int>] {
        if let compactValues { return compactValues.occurrences(in: window, within: range) }
        guard !valuesByPrefix.isEmpty else { return [] }
        return Self.longestMatches(within: range) { i in
            guard let candidates = valuesByPrefix[Self.prefix(window, i)] else { return 0 }
            for (length, values) in candidates where i + length <= range.upperBound {
                if values.contains(Array(UnsafeRawBufferPointer(rebasing: window[i..<(i + length)]))) { return length }
            }
            return 0
        }
    }

    /// Walks `range` (positions with at least 4 bytes left): where `lengthAt(i)` is positive, a
    /// value of that length starts at `i` and the walk goes on after it; otherwise one byte on.
    static func longestMatches(within range: Range<Int>, _ lengthAt: (Int) -> Int) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            let matched = lengthAt(i)
            if matched > 0 {
                found.append(i..<(i + matched))
                i += matched
            } else {
                i += 1
            }
        }
        return found
    }

    private static func prefix(_ bytes: some RandomAccessCollection<UInt8>, _ at: Int) -> UInt32 {
        let s = bytes.index(bytes.startIndex, offsetBy: at)
        var v: UInt32 = 0
        var j = s
        for _ in 0..<4 {
            v = v << 8 | UInt32(bytes[j])
            j = bytes.index(after: j)
        }
        return v
    }

    static func prefix(_ window: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(window[at]) << 24 | UInt32(window[at + 1]) << 16 | UInt32(window[at + 2]) << 8 | UInt32(window[at + 3])
    }
}

/// The secret values of an input in compact form, for `SecretIndex.occurrences`: their first 4
/// bytes, their distinct lengths, and a 64-bit hash of each (about 20 bytes a value instead of
/// the value itself in a set). A hash that collides can only make an excerpt redact more, never
/// less. Values shorter than 4 bytes are not looked for (as in `SecretIndex`).
struct CompactSecretValues: Sendable {
    private var prefixes = Set<UInt32>()
    /// Distinct lengths, longest first.
    private var lengths: [Int] = []
    private var hashes = Set<UInt64>()

    mutating func insert(_ value: [UInt8]) {
        guard value.count >= 4 else { return }
        value.withUnsafeBytes { raw in
            prefixes.insert(SecretIndex.prefix(raw, 0))
            hashes.insert(Self.hash(raw))
        }
        if !lengths.contains(value.count) {
            lengths.append(value.count)
            lengths.sort(by: >)
        }
    }

    /// As `SecretIndex.occurrences`: at each position, the longest value found there.
    func occurrences(in window: UnsafeRawBufferPointer, within range: Range<Int>) -> [Range<Int>] {
        guard !hashes.isEmpty else { return [] }
        return SecretIndex.longestMatches(within: range) { i in
            guard prefixes.contains(SecretIndex.prefix(window, i)) else { return 0 }
            for length in lengths where i + length <= range.upperBound {
                if hashes.contains(Self.hash(UnsafeRawBufferPointer(rebasing: window[i..<(i + length)]))) { return length }
            }
            return 0
        }
    }

    /// FNV-1a over the bytes, then the length mixed in.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        h ^= UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        return h
    }
}
