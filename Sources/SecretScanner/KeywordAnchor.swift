/// Where the matches of an `anchor = "keyword"` rule may start (`RuleAnchor.keyword`).
///
/// Such a rule declares that each of its matches holds one of its keyword hits no more than
/// `maxKeywordDistance` bytes after the match's start, or starts at the start of that hit's line.
/// Instead of trying the regex at every position of a window (a few lines, or up to the window's
/// reach on a long minified line), the engine tries it only at those positions: the cost follows
/// the keyword hits, not the bytes around them. Tried in order with PCRE2's offset limit, these
/// start ranges give exactly the matches a search of the whole window gives, whenever the
/// declaration holds (`rules check` compares both on every example).
enum KeywordAnchor {
    /// For each of `windows` (sorted, disjoint, together holding every hit), the sorted, disjoint
    /// ranges of start positions to try: for each hit from `a` to `b` in the window, `a - distance
    /// ... b - 1` (clipped to the window) and the start of `a`'s line when that lies in the window.
    /// `hits` holds keyword start/end pairs in order of end, as the prefilter records them.
    static func starts(
        hits: [Int], windows: [Range<Int>], distance: Int, in buffer: UnsafeRawBufferPointer
    ) -> [[ClosedRange<Int>]] {
        var result = [[ClosedRange<Int>]](repeating: [], count: windows.count)
        guard !windows.isEmpty, let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return result }
        var w = 0
        var scannedTo = windows[0].lowerBound
        var lineStart: Int? = Self.isLineStart(windows[0].lowerBound, base)
        var ranges: [ClosedRange<Int>] = []
        func flush() {
            result[w] = Self.merged(ranges)
            ranges.removeAll(keepingCapacity: true)
        }
        var i = 0
        while i + 1 < hits.count {
            let a = hits[i], b = hits[i + 1]
            i += 2
            if windows[w].upperBound < b {
                flush()
                while w < windows.count - 1 && windows[w].upperBound < b { w += 1 }
                scannedTo = windows[w].lowerBound
                lineStart = Self.isLineStart(scannedTo, base)
            }
            let window = windows[w]
            guard window.contains(a) || a == window.upperBound else { continue }
            // The start of `a`'s line, if it lies in the window: scanned once per window, forward.
            let ownLineStart: Int?
            if a >= scannedTo {
                var j = a
                while j > scannedTo && base[j - 1] != 0x0A { j -= 1 }
                if j > scannedTo || (j == scannedTo && j > window.lowerBound && base[j - 1] == 0x0A) { lineStart = j }
                scannedTo = a
                ownLineStart = lineStart
            } else {
                var j = a
                while j > window.lowerBound && base[j - 1] != 0x0A { j -= 1 }
                ownLineStart = j > window.lowerBound ? j : Self.isLineStart(window.lowerBound, base)
            }
            // Up to the hit's last byte, not its start: `a` is where the longest keyword ending at
            // `b` starts (`Engine.outputLength`), which may be another rule's longer keyword
            // (`_password` for `password`); this rule's own keyword starts at or after `a`.
            let low = max(window.lowerBound, a - distance)
            ranges.append(low...max(a, b - 1))
            if let ownLineStart, ownLineStart < low { ranges.append(ownLineStart...ownLineStart) }
        }
        flush()
        return result
    }

    /// `offset` when a line starts there (the buffer start or just after `\n`), else nil.
    @inline(__always)
    static func isLineStart(_ offset: Int, _ base: UnsafePointer<UInt8>) -> Int? {
        offset == 0 || base[offset - 1] == 0x0A ? offset : nil
    }

    /// `ranges` sorted by start, overlapping and adjacent ones joined.
    static func merged(_ ranges: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        guard ranges.count > 1 else { return ranges }
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var out: [ClosedRange<Int>] = [sorted[0]]
        for r in sorted.dropFirst() {
            let last = out[out.count - 1]
            if r.lowerBound <= last.upperBound + 1 {
                if r.upperBound > last.upperBound { out[out.count - 1] = last.lowerBound...r.upperBound }
            } else {
                out.append(r)
            }
        }
        return out
    }
}
