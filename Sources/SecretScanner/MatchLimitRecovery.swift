#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PCRE2

/// What happens when a pattern hits a PCRE2 match limit: the scan goes on, and the part of the
/// input that could not be matched is reported as a coverage gap with its lines.
///
/// PCRE2 reports a limit for a whole `pcre2_match` call without saying at which start offset it
/// was reached, so one limit used to cost the rest of the window: a crafted line could hide a
/// secret on the next line. After a limit, the rest of the window is matched again in segments
/// (one line, or `recoverySegment` bytes of a longer line), each match starting inside its
/// segment and free to extend as far as the rule's window would let it (`lines` lines, `reach`
/// bytes). Segments that hit the limit again are the gap; every other segment is fully matched.
/// The gap is a superset of the offending text (a segment whose subject reaches into a bad line
/// is counted too), never a subset.
extension ScanWorker {
    /// Longest segment matched on its own after a limit (long lines are cut into pieces this size).
    static let recoverySegment = 4096

    /// Matches `window` of `view` again after `matcher` hit a limit at or after `window.lowerBound`,
    /// appending matches to `found` and reporting the segments that could not be matched as a gap.
    func matchPastLimit(
        _ matcher: Matcher, rule: CompiledRule, window: Range<Int>, view: View, outer: UnsafeRawBufferPointer,
        placement: Placement, error: MatchError, found: inout [Match], pass: inout ScanPass
    ) {
        let buffer = view.buffer
        var start = window.lowerBound
        var gapStart: Int?
        var gaps: [Range<Int>] = []
        while start < window.upperBound {
            let segmentEnd = Self.segmentEnd(from: start, limit: window.upperBound, in: buffer)
            let reachEnd = LineWindow.forward(from: segmentEnd, lines: rule.lines, reach: rule.reach, slack: rule.slack, in: buffer)
            let subjectEnd = min(window.upperBound, max(segmentEnd, reachEnd))
            var next = segmentEnd
            let before = found.count
            // First with the subject reaching as far as the window would (matches that span
            // lines), then, if that hits the limit (perhaps on a later line), within the segment.
            var matched = false
            for end in [subjectEnd, segmentEnd] where !matched && (end == subjectEnd || subjectEnd > segmentEnd) {
                found.removeSubrange(before...)
                next = segmentEnd
                do {
                    try matcher.forEachMatch(in: buffer, range: start..<end) { m in
                        guard m.range.lowerBound < segmentEnd else { return false }
                        found.append(m)
                        next = max(next, m.range.upperBound)
                        return true
                    }
                    matched = true
                } catch {}
            }
            if matched {
                if let open = gapStart {
                    gaps.append(open..<start)
                    gapStart = nil
                }
            } else if gapStart == nil {
                gapStart = start
            }
            start = next
        }
        if let open = gapStart { gaps.append(open..<window.upperBound) }
        reportGaps(gaps.map { view.mapping.outerRange($0) }, ruleID: rule.rule.id, error: error, outer: outer,
                   placement: placement, pass: &pass)
    }

    /// End of the recovery segment starting at `start`: just after the next line feed, at most
    /// `recoverySegment` bytes on, at most `limit`.
    static func segmentEnd(from start: Int, limit: Int, in buffer: UnsafeRawBufferPointer) -> Int {
        let cap = min(limit, start + recoverySegment)
        guard let base = buffer.baseAddress, start < cap else { return cap }
        if let hit = memchr(base + start, 0x0A, cap - start) {
            return base.distance(to: UnsafeRawPointer(hit)) + 1
        }
        return cap
    }

    /// Reports `ranges` (offsets in `outer`, ascending) as not fully matched by rule `ruleID`, in
    /// one warning naming their lines. Only the parts in `placement.keep` are reported (a stream
    /// chunk's overlap belongs to the neighbouring chunk), so a gap is reported once.
    func reportGaps(
        _ ranges: [Range<Int>], ruleID: String, error: MatchError, outer: UnsafeRawBufferPointer, placement: Placement,
        pass: inout ScanPass
    ) {
        var spans: [ClosedRange<Int>] = []
        for range in ranges {
            let lo = max(range.lowerBound, placement.keep.lowerBound)
            let hi = min(max(range.upperBound, range.lowerBound + 1), placement.keep.upperBound)
            guard lo < hi else { continue }
            let first = pass.lineNumber(of: lo, in: outer, placement: placement)
            let last = pass.lineNumber(of: hi - 1, in: outer, placement: placement)
            if let previous = spans.last, first <= previous.upperBound + 1 {
                spans[spans.count - 1] = previous.lowerBound...max(previous.upperBound, last)
            } else {
                spans.append(first...last)
            }
        }
        guard let firstLine = spans.first?.lowerBound else { return }
        let shown = 8
        var lines = spans.prefix(shown).map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: ", ")
        if spans.count > shown { lines += " and \(spans.count - shown) more" }
        let noun = spans.count == 1 && spans[0].count == 1 ? "line" : "lines"
        pass.warnGap(
            ruleID: ruleID, line: firstLine,
            "\(error) on \(noun) \(lines) of \(pass.path): not fully matched, so a finding of this rule there may be missing")
    }

    /// Reports `range` (offsets in `outer`) as not fully matched by rule `ruleID`.
    func reportGap(
        _ range: Range<Int>, ruleID: String, error: MatchError, outer: UnsafeRawBufferPointer, placement: Placement,
        pass: inout ScanPass
    ) {
        reportGaps([range], ruleID: ruleID, error: error, outer: outer, placement: placement, pass: &pass)
    }
}

extension ScanPass {
    /// Records a coverage gap: a warning that says part of the input was not fully matched.
    mutating func warnGap(ruleID: String?, line: Int?, _ message: String) {
        let text = ruleID.map { "rule \($0): \(message)" } ?? message
        let warning = ScanWarning(ruleID: ruleID, message: text, line: line, isCoverageGap: true)
        if warned.insert(warning).inserted { warnings.append(warning) }
    }

    /// 1-based line (in the whole stream) of byte `offset` of `buffer`.
    mutating func lineNumber(of offset: Int, in buffer: UnsafeRawBufferPointer, placement: Placement) -> Int {
        position(of: offset, in: buffer, placement: placement).line
    }
}
