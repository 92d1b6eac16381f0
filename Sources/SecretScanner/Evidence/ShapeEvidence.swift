import TokenFormat

/// The syntax-agnostic evidence model for Sirportly-shaped values (a 36-character token, a
/// 50-character secret): when none of a shape rule's `[[rules.context]]` alternatives holds —
/// the value sits in a syntax no context reader knows (a COPY row, a VB.NET constant, an HTML
/// cell, an env-var fallback, an abbreviated log field) — the evidence around it decides.
///
/// ## Evidence and weights (`FindingEvidence` ids)
/// | evidence | weight | where it is looked for |
/// |---|---|---|
/// | `key-word` | 0.4 (0.3 for `tok`/`sec` abbreviations, 0.2 for `key`/`auth`/`api`) | the nearest words before the value on its line (at most `labelReach` bytes), else the end of the previous non-blank line (a label above the value) |
/// | `sirportly-mention` | 0.4 in the path or within `nearLines` lines, 0.2 elsewhere in the file | `sirportly`, case-insensitive |
/// | `partner-shape` | 0.4 | a value of the other shape (token ↔ secret) within `nearLines` lines |
/// | `id-word` | -0.6 | the nearest word before the value names an identifier of something else: `request`, `trace`, `correlation`, `message`, `job`, `run`, `session`, `ticket`, `incident`, `cursor`, `event`, `order`, `user`, `id`, `uuid`, `guid`, `nonce`, `etag`, hashes; for a token also `app`/`application` (`app_token` is the application-token rule's value) |
/// | `uuid-v4` | -0.3 | a token-shaped value that is an RFC 9562 version-4 UUID (random ids are v4; Sirportly tokens are not UUIDs) |
/// | `hex-digest` | -0.5 | a secret-shaped value of hexadecimal digits only |
///
/// A value is reported when the sum reaches `threshold` (0.8) and it has a key word or a partner:
/// a mention of Sirportly alone never turns a random id into a credential. "Nearest" means the
/// word closest to the value: in `webhook_request_id<TAB>v` it is `request` (negative) even though
/// the line also says `webhook`; in `tok=T sec=S` the secret's nearest word is `sec`.
///
/// Bounded: reads at most `nearLines` lines either side, clipped to `ContextAnalyzer.reach`
/// bytes, and the partner shape's runs (found once per view).
public enum ShapeEvidence {
    public static let threshold = 0.8
    public static let nearLines = 3
    public static let labelReach = 48

    /// Whether `range` of `buffer` holds `sirportly`: from its hit end offsets when given (a
    /// binary search), else by searching the range.
    static func mentionsSirportly(in range: Range<Int>, of buffer: UnsafeRawBufferPointer, mentionEnds: [Int]?) -> Bool {
        guard let mentionEnds else { return ContextAnalyzer.containsCaseless("sirportly", in: buffer, range: range) }
        return PrefilterFacts.anyEnd(mentionEnds, from: range.lowerBound + 9, through: range.upperBound)  // 9: "sirportly"
    }

    /// The evidence for the value at `value` of `buffer`, with the given shape, or nil when it
    /// does not reach the threshold. `partnerRuns` are the exact runs of the other shape in the
    /// same buffer, ascending; `pathMentions` and `fileMentions` say whether the path or the file
    /// mention Sirportly. `mentionEnds` are the end offsets of `sirportly` in `buffer`, ascending,
    /// when the caller has them (the engine's prefilter does); without them the lines are searched.
    public static func evaluate(
        _ value: Range<Int>, shape: TokenShape, in buffer: UnsafeRawBufferPointer, partnerRuns: [Range<Int>],
        pathMentions: Bool, fileMentions: Bool, mentionEnds: [Int]? = nil
    ) -> [FindingEvidence]? {
        var score = 0.0
        var evidence: [FindingEvidence] = []
        var hasKeyOrPartner = false

        switch nearestWord(before: value, in: buffer, shape: shape) {
        case .positive(let weight):
            score += weight
            evidence.append(FindingEvidence(id: "key-word", weight: weight))
            hasKeyOrPartner = true
        case .negative:
            score -= 0.6
            evidence.append(FindingEvidence(id: "id-word", weight: -0.6))
        case .none:
            break
        }

        let near = ContextAnalyzer.lineWindow(around: value, in: buffer, linesBefore: nearLines, linesAfter: nearLines)
        if pathMentions || mentionsSirportly(in: near, of: buffer, mentionEnds: mentionEnds) {
            score += 0.4
            evidence.append(FindingEvidence(id: "sirportly-mention", weight: 0.4))
        } else if fileMentions {
            score += 0.2
            evidence.append(FindingEvidence(id: "sirportly-mention", weight: 0.2))
        }

        if hasPartner(near: near, excluding: value, runs: partnerRuns) {
            score += 0.4
            evidence.append(FindingEvidence(id: "partner-shape", weight: 0.4))
            hasKeyOrPartner = true
        }

        let bytes = UnsafeRawBufferPointer(rebasing: buffer[value])
        switch shape {
        case .token:
            if let kind = UUIDClassifier.classify(bytes), kind.isRFC9562, kind.version == 4 {
                score -= 0.3
                evidence.append(FindingEvidence(id: "uuid-v4", weight: -0.3))
            }
        case .secret:
            if bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) }) {
                score -= 0.5
                evidence.append(FindingEvidence(id: "hex-digest", weight: -0.5))
            }
        }
        guard hasKeyOrPartner, score >= threshold - 1e-9 else { return nil }
        return evidence
    }

    /// The second evidence pass, for application tokens (same shape as an API token, sent as
    /// `X-Auth-Application`): a token-shaped value whose name no context alternative recognised.
    /// Only an application word nearest before the value (`app`, `application`, `app_token`,
    /// `X-Auth-Application`, `SirportlyApp`; on its line or on a label line above, as for
    /// `evaluate`) says it is the application token rather than the API token, so it is required;
    /// and it must be confirmed by Sirportly itself nearby:
    ///
    /// | evidence | weight | where |
    /// |---|---|---|
    /// | `app-word` | 0.4 | the nearest word before the value is `app` or `application` (`app_token` too) |
    /// | `partner-pair` | 0.4 | another token-shaped value *and* a secret-shaped value within `nearLines` lines: the API token and secret it travels with |
    /// | `sirportly-mention` | 0.4 in the path or within `nearLines` lines, 0.2 elsewhere in the file | `sirportly` |
    /// | `id-word` | -0.6 | the nearest word names an id (`app_id`, `application_uuid`, `request`, …) |
    /// | `uuid-v4` | -0.3 | the value is an RFC 9562 version-4 UUID |
    ///
    /// Reported at `threshold` (0.8): an application word plus a nearby pair or a Sirportly mention
    /// in the path or nearby lines. A mention elsewhere in the file is not enough (0.6), and
    /// neither is a pair without an application word (an unnamed third token stays with the API
    /// token rule's evidence).
    public static func evaluateApplication(
        _ value: Range<Int>, in buffer: UnsafeRawBufferPointer, sameShapeRuns: [Range<Int>], otherShapeRuns: [Range<Int>],
        pathMentions: Bool, fileMentions: Bool, mentionEnds: [Int]? = nil
    ) -> [FindingEvidence]? {
        var score = 0.0
        var evidence: [FindingEvidence] = []
        switch nearestWord(before: value, in: buffer, shape: .token, application: true) {
        case .positive(let weight):
            score += weight
            evidence.append(FindingEvidence(id: "app-word", weight: weight))
        case .negative:
            return nil
        case .none:
            return nil
        }
        let near = ContextAnalyzer.lineWindow(around: value, in: buffer, linesBefore: nearLines, linesAfter: nearLines)
        var confirmed = false
        if pathMentions || mentionsSirportly(in: near, of: buffer, mentionEnds: mentionEnds) {
            score += 0.4
            evidence.append(FindingEvidence(id: "sirportly-mention", weight: 0.4))
            confirmed = true
        } else if fileMentions {
            score += 0.2
            evidence.append(FindingEvidence(id: "sirportly-mention", weight: 0.2))
        }
        if hasPartner(near: near, excluding: value, runs: sameShapeRuns), hasPartner(near: near, excluding: value, runs: otherShapeRuns) {
            score += 0.4
            evidence.append(FindingEvidence(id: "partner-pair", weight: 0.4))
            confirmed = true
        }
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[value])
        if let kind = UUIDClassifier.classify(bytes), kind.isRFC9562, kind.version == 4 {
            score -= 0.3
            evidence.append(FindingEvidence(id: "uuid-v4", weight: -0.3))
        }
        guard confirmed, score >= threshold - 1e-9 else { return nil }
        return evidence
    }

    enum Word: Equatable {
        case positive(Double)
        case negative
        case none
    }

    /// The word nearest before the value: on its line within `labelReach` bytes, else at the end
    /// of the previous non-blank line when the value starts its line (a label above it).
    static func nearestWord(
        before value: Range<Int>, in buffer: UnsafeRawBufferPointer, shape: TokenShape, application: Bool = false
    ) -> Word {
        // The line's start, looked for no further back than `labelReach` bytes: a candidate on a
        // long line (a minified bundle) costs its reach, not the line.
        let reachStart = max(0, value.lowerBound - labelReach)
        var from = value.lowerBound
        while from > reachStart, buffer[from - 1] != 0x0A { from -= 1 }
        let own = classifyWords(in: from..<value.lowerBound, of: buffer, shape: shape, application: application)
        if own != .none { return own }
        // Nothing but blanks, punctuation and a record's value key (`value:`, `- value =`) before
        // the value: its name sits on the line above (`- name: X` / `value: v`, a label line).
        guard let lineStart = lineStartIfOnlyRecordValueWords(before: value.lowerBound, in: buffer) else { return .none }
        var end = lineStart
        var hops = 0
        while end > 0, hops < 2 {
            var start = end - 1
            while start > 0, buffer[start - 1] != 0x0A { start -= 1 }
            let line = start..<(end - 1)
            if line.contains(where: { buffer[$0] > 0x20 }) {
                return classifyWords(
                    in: max(line.lowerBound, line.upperBound - labelReach)..<line.upperBound, of: buffer, shape: shape,
                    application: application)
            }
            end = start
            hops += 1
        }
        return .none
    }

    /// The start of the line holding `end` when every word between them is one of
    /// `recordValueWords` (or there is none); nil otherwise. Reads backwards and stops at the first
    /// other word, so on a long line it costs the distance to the nearest word, not the line.
    /// Letter runs are maximal, so each one splits into the same words as in `words(in:of:)`.
    static func lineStartIfOnlyRecordValueWords(before end: Int, in buffer: UnsafeRawBufferPointer) -> Int? {
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        var i = end
        while i > 0 {
            let b = buffer[i - 1]
            if b == 0x0A { return i }
            guard isLetter(b) else {
                i -= 1
                continue
            }
            var start = i - 1
            while start > 0, isLetter(buffer[start - 1]) {
                start -= 1
                // A run this long is not a few record words in a row; stop reading it.
                if i - start > 64 { return nil }
            }
            if !words(in: start..<i, of: buffer).allSatisfy(recordValueWords.contains) { return nil }
            i = start
        }
        return 0
    }

    /// The words a record uses for its value (`- name: X` / `value: v`): they name nothing.
    static let recordValueWords: Set<String> = ["value", "val", "default", "data"]

    static func classifyWords(
        in range: Range<Int>, of buffer: UnsafeRawBufferPointer, shape: TokenShape, application: Bool = false
    ) -> Word {
        // The last word of `range` that means something decides.
        let words = words(in: range, of: buffer)
        if application { return classifyApplicationWords(words) }
        for (n, word) in words.enumerated().reversed() {
            if negativeWords.contains(word) { return .negative }
            switch shape {
            case .token:
                // `app_token`, `X-Auth-Application`: an application token, the other token rule's value.
                if word == "app" || word == "application" { return .negative }
                if word == "token" || word == "tokens" {
                    if n > 0, words[n - 1] == "app" || words[n - 1] == "application" { return .negative }
                    return .positive(0.4)
                }
                if word == "tok" { return .positive(0.3) }
            case .secret:
                if word == "secret" || word == "secrets" { return .positive(0.4) }
                if word == "sec" { return .positive(0.3) }
            }
            if word == "key" || word == "auth" || word == "api" { return .positive(0.2) }
        }
        return .none
    }

    /// For `evaluateApplication`: the nearest word decides, after declaration and type words
    /// (`Public Const AppToken As String =`, `application_value <-`): `app`/`application` (also
    /// before `token` or `key`) is positive, an id word negative, anything else nothing. Only the
    /// nearest word counts: `App\Support\Gateway->__construct(` names a namespace, not the value.
    static func classifyApplicationWords(_ words: [String]) -> Word {
        var n = words.count - 1
        while n >= 0, applicationFillerWords.contains(words[n]) { n -= 1 }
        guard n >= 0 else { return .none }
        let word = words[n]
        if negativeWords.contains(word) { return .negative }
        if word == "app" || word == "application" { return .positive(0.4) }
        if word == "token" || word == "key", n > 0, words[n - 1] == "app" || words[n - 1] == "application" { return .positive(0.4) }
        return .none
    }

    /// Words that sit between a name and its value without naming anything.
    static let applicationFillerWords: Set<String> = [
        "as", "string", "str", "const", "let", "var", "val", "value", "default", "data", "static", "final", "readonly",
        "public", "private", "new", "x", "http", "auth", "header",
        // Markup around a cell or field: `<td>Application</td><td>v`.
        "td", "th", "tr", "dd", "dt", "li", "span", "div", "code", "b", "strong",
    ]

    /// The ASCII letter runs of `range`, lowercased, split again at lower→upper case changes
    /// (`ApiToken` gives `api`, `token`).
    static func words(in range: Range<Int>, of buffer: UnsafeRawBufferPointer) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previousLower = false
        for i in range {
            let b = buffer[i]
            let upper = b >= 0x41 && b <= 0x5A
            let lower = b >= 0x61 && b <= 0x7A
            if upper || lower {
                if upper && previousLower, !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll()
                }
                current.append(upper ? b | 0x20 : b)
                previousLower = lower
            } else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll()
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    static let negativeWords: Set<String> = [
        "request", "trace", "correlation", "message", "job", "run", "session", "ticket", "incident", "cursor",
        "event", "order", "user", "id", "uuid", "guid", "nonce", "etag", "checksum", "hash", "sha", "digest",
    ]

    static func hasPartner(near: Range<Int>, excluding value: Range<Int>, runs: [Range<Int>]) -> Bool {
        var lo = 0, hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].upperBound <= near.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < runs.count, runs[i].lowerBound < near.upperBound {
            if !runs[i].overlaps(value) { return true }
            i += 1
        }
        return false
    }
}
