#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PCRE2
import SecretRules

/// Phase 2 of a scan, where each rule is tried: the windows around a regex rule's keyword hits,
/// its pattern matched in them (from every position, or only from a keyword-anchored rule's
/// start positions), and a shape rule's runs checked against its regex.
extension ScanWorker {
    /// Windows around a rule's keyword hits (`hits` holds start/end pairs in order of end),
    /// overlapping or touching windows merged.
    ///
    /// The cost is linear in the hits plus the bytes the windows cover, however dense the hits:
    /// overlapping hits (a keyword such as a run of `A`s matching at every offset of a long run)
    /// are joined before any line is looked at, and a hit on the same line(s) as the previous one
    /// reuses that hit's window end instead of searching for it again. Both give the same windows
    /// as one window per hit merged afterwards, because a window's start and end only grow with the
    /// hit's offsets.
    func windows(for rule: CompiledRule, hits: [Int], in buffer: UnsafeRawBufferPointer) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var forwardMemo = ForwardMemo()
        func add(_ a: Int, _ b: Int) {
            if let last = result.last, a >= last.lowerBound, a <= last.upperBound {
                let end = forwardMemo.end(from: b, rule: rule, in: buffer)
                if end > last.upperBound { result[result.count - 1] = last.lowerBound..<end }
                return
            }
            let start = LineWindow.backward(from: a, lines: rule.lines, reach: rule.reach, slack: rule.slack, in: buffer)
            let end = max(b, forwardMemo.end(from: b, rule: rule, in: buffer))
            if let last = result.last, start <= last.upperBound + 1 {
                result[result.count - 1] = min(start, last.lowerBound)..<max(end, last.upperBound)
            } else {
                result.append(start..<end)
            }
        }
        var joined: (a: Int, b: Int)?
        var i = 0
        while i + 1 < hits.count {
            let a = hits[i], b = hits[i + 1]
            i += 2
            if let j = joined, a <= j.b {
                joined = (min(j.a, a), max(j.b, b))
                continue
            }
            if let j = joined { add(j.a, j.b) }
            joined = (a, b)
        }
        if let j = joined { add(j.a, j.b) }
        return result
    }

    /// The last `LineWindow.forward` answer of one `windows` call, reused while later hits stay on
    /// the lines it counted: the end of the line(s) after `from` is the same for any offset up to
    /// the next line break, unless the reach cap (not a line break) decided it.
    private struct ForwardMemo {
        var from = -1
        var end = -1
        var endedAtLineBreak = false

        mutating func end(from offset: Int, rule: CompiledRule, in buffer: UnsafeRawBufferPointer) -> Int {
            if endedAtLineBreak, from <= offset, offset <= end, let base = buffer.baseAddress,
               memchr(base + from, 0x0A, offset - from) == nil {
                from = offset
                return end
            }
            let found = LineWindow.forward(from: offset, lines: rule.lines, reach: rule.reach, slack: rule.slack, in: buffer)
            from = offset
            end = found
            endedAtLineBreak = found == buffer.count ? rule.reach >= buffer.count - offset
                : (buffer[found] == 0x0A && found - offset < rule.reach)
            return found
        }
    }

    /// Runs a regex rule's pattern in each window and considers every match's secret group. With
    /// `starts` (one list per window, `KeywordAnchor`), matches are tried only from those positions.
    func matchRegex(
        _ rule: CompiledRule, slot: Int, windows: [Range<Int>], starts: [[ClosedRange<Int>]]? = nil, view: View,
        outer: UnsafeRawBufferPointer, placement: Placement, facts: PrefilterFacts, pass: inout ScanPass
    ) {
        guard let (matcher, group) = resolve(rule, slot: slot, pass: &pass) else { return }
        var found: [Match] = []
        for (w, window) in windows.enumerated() {
            found.removeAll(keepingCapacity: true)
            do {
                if let starts {
                    try matcher.forEachMatch(in: view.buffer, range: window, startingIn: starts[w]) { m in
                        found.append(m)
                        return true
                    }
                } else {
                    try matcher.forEachMatch(in: view.buffer, range: window) { m in
                        found.append(m)
                        return true
                    }
                }
            } catch {
                // Keep matching after the limit: the rest of the window is matched in segments and
                // only what still cannot be matched is reported, as a coverage gap.
                let resume = found.last?.range.upperBound ?? window.lowerBound
                matchPastLimit(matcher, rule: rule, window: resume..<max(resume, window.upperBound), view: view,
                               outer: outer, placement: placement, error: error, found: &found, pass: &pass)
            }
            for m in found {
                guard let secret = m.group(group), !secret.isEmpty else { continue }
                consider(rule, secretRange: secret, matchRange: m.range, view: view, outer: outer,
                         placement: placement, facts: facts, pass: &pass)
            }
        }
    }

    /// The matcher of a rule's regex and its secret group, or nil (with a warning) when the pattern
    /// does not compile or has fewer groups than `secretGroup`.
    func resolve(_ rule: CompiledRule, slot: Int, pass: inout ScanPass) -> (Matcher, Int)? {
        switch matcher(slot) {
        case .failure(let error):
            pass.warn(ruleID: rule.rule.id, "pattern does not compile: \(error)")
            return nil
        case .success(let m):
            let count = m.pattern.captureCount
            let group = rule.rule.secretGroup ?? (count > 0 ? 1 : 0)
            guard group <= count else {
                pass.warn(ruleID: rule.rule.id, "secretGroup \(group) but the pattern has \(count) capture groups")
                return nil
            }
            return (m, group)
        }
    }

    /// A shape rule's candidate: an exact-shape run. With a regex too, the regex must match in the
    /// run's window with its secret group equal to the run.
    func checkShapeRun(
        _ rule: CompiledRule, run: Range<Int>, view: View, outer: UnsafeRawBufferPointer, placement: Placement,
        facts: PrefilterFacts, pass: inout ScanPass
    ) {
        guard let slot = rule.regexSlot else {
            consider(rule, secretRange: run, matchRange: run, view: view, outer: outer, placement: placement,
                     facts: facts, pass: &pass)
            return
        }
        guard let (matcher, group) = resolve(rule, slot: slot, pass: &pass) else { return }
        let start = LineWindow.backward(from: run.lowerBound, lines: rule.lines, reach: rule.reach, slack: rule.slack, in: view.buffer)
        let end = LineWindow.forward(from: run.upperBound, lines: rule.lines, reach: rule.reach, slack: rule.slack, in: view.buffer)
        var hit: Range<Int>?
        do {
            try matcher.forEachMatch(in: view.buffer, range: start..<max(end, run.upperBound)) { m in
                if m.group(group) == run {
                    hit = m.range
                    return false
                }
                return m.range.lowerBound <= run.lowerBound
            }
        } catch {
            if hit == nil {
                reportGap(view.mapping.outerRange(run), ruleID: rule.rule.id, error: error, outer: outer,
                          placement: placement, pass: &pass)
            }
        }
        if let hit {
            consider(rule, secretRange: run, matchRange: hit, view: view, outer: outer, placement: placement,
                     facts: facts, pass: &pass)
        }
    }
}
