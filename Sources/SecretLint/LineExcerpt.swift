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
        let newline = UInt8(ascii: "\n")
        let lo = max(0, min(window.count, secret.lowerBound - windowStart))
        let hi = max(lo, min(window.count, secret.upperBound - windowStart))
        var lineStart = lo
        while lineStart > 0 && window[lineStart - 1] != newline { lineStart -= 1 }
        var lineEnd = lo
        while lineEnd < window.count && window[lineEnd] != newline { lineEnd += 1 }
        if lineEnd > lineStart && window[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
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
        var local = redactions
            .map { ($0.lowerBound - windowStart)..<($0.upperBound - windowStart) }
            .filter { $0.upperBound > cutStart && $0.lowerBound < cutEnd }
        if redact {
            local += occurrences(of: secretValues, in: window, within: cutStart..<cutEnd)
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

    /// The ranges in `window[range]` where one of `values` (those of 4 bytes or more) occurs.
    private static func occurrences(of values: [[UInt8]], in window: UnsafeRawBufferPointer, within range: Range<Int>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for value in Set(values) where value.count >= 4 && value.count <= range.count {
            let first = value[0]
            var i = range.lowerBound
            while i + value.count <= range.upperBound {
                if window[i] == first && value.indices.allSatisfy({ window[i + $0] == value[$0] }) {
                    found.append(i..<(i + value.count))
                    i += value.count
                } else {
                    i += 1
                }
            }
        }
        return found
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The absolute range to read around `secret` in an input of `size` bytes.
    static func readRange(around secret: Range<Int>, size: Int) -> Range<Int> {
        max(0, secret.lowerBound - readRadius)..<min(size, secret.upperBound + readRadius)
    }
}
