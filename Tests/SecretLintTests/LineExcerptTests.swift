@testable import SecretLint
import Testing

@Suite("line excerpts")
struct LineExcerptTests {
    @Test func longLinesAreCutAroundTheSecret() {
        let before = String(repeating: "a", count: 500)
        let after = String(repeating: "b", count: 500)
        let text = Array("first\n\(before)TOKEN=s3cr3tvalue\(after)\nlast\n".utf8)
        let start = 6 + 500 + 6
        let secret = start..<(start + 11)
        let excerpt = text.withUnsafeBytes { raw in
            LineExcerpt.make(window: raw, windowStart: 0, windowEndsInput: true, secret: secret, redactions: [secret], redact: true)
        }
        let expected = "\u{2026}" + String(repeating: "a", count: 114) + "TOKEN=\u{2026}" + String(repeating: "b", count: 120) + "\u{2026}"
        #expect(excerpt == expected)
    }

    @Test func cutsNeverSplitAMultibyteCharacter() {
        let before = String(repeating: "é", count: 200)  // 2 bytes each
        let text = Array("\(before)K=secretvalue\n".utf8)
        let secret = 402..<413
        let excerpt = text.withUnsafeBytes { raw in
            LineExcerpt.make(window: raw, windowStart: 0, windowEndsInput: true, secret: secret, redactions: [secret], redact: false)
        }
        #expect(excerpt == "\u{2026}" + String(repeating: "é", count: 59) + "K=secretvalue")
        #expect(!excerpt.contains("\u{FFFD}"))
    }
}

@Suite("redaction safety net")
struct RedactionSafetyNetTests {
    @Test func otherOccurrencesOfAFoundSecretOnTheLineAreRedactedToo() {
        let text = Array("token=Zq9mK2pLx7 again Zq9mK2pLx7 and base64 of it\n".utf8)
        let secret = 6..<16
        let excerpt = text.withUnsafeBytes { raw in
            LineExcerpt.make(
                window: raw, windowStart: 0, windowEndsInput: true, secret: secret, redactions: [secret],
                secretValues: [Array("Zq9mK2pLx7".utf8)], redact: true)
        }
        #expect(excerpt == "token=\u{2026} again \u{2026} and base64 of it")
    }
}

/// The per-input secret index behind line excerpts. Regression: excerpts re-filtered every
/// secret of the input for every finding (quadratic in the number of findings).
@Suite("Secret index for excerpts")
struct SecretIndexTests {
    @Test func overlapQueriesMatchALinearFilter() {
        var generator = SystemRandomNumberGenerator()
        let ranges: [Range<Int>] = (0..<300).map { _ in
            let start = Int.random(in: 0..<10_000, using: &generator)
            return start..<(start + Int.random(in: 4..<60, using: &generator))
        }
        let index = SecretIndex(ranges: ranges, values: [])
        for _ in 0..<200 {
            let lo = Int.random(in: 0..<10_000, using: &generator)
            let window = lo..<(lo + Int.random(in: 0..<400, using: &generator))
            let expected = ranges.filter { $0.overlaps(window) }.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
            let got = index.ranges(overlapping: window).sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
            #expect(got == expected)
        }
    }

    @Test func strayCopiesOfSecretsAreFoundLongestFirst() {
        let index = SecretIndex(ranges: [], values: [Array("Zk8rT2mQ".utf8), Array("Zk8rT2mQ9vX4".utf8), Array("abc".utf8)])
        let line = Array("a=Zk8rT2mQ9vX4 b=Zk8rT2mQ c=abc".utf8)
        let found = line.withUnsafeBytes { index.occurrences(in: $0, within: 0..<line.count) }
        #expect(found == [2..<14, 17..<25])  // values under 4 bytes are not searched
    }
}
