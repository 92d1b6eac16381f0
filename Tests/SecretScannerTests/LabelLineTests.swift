import Testing
@testable import SecretScanner

/// `ShapeEvidence.lineStartIfOnlyRecordValueWords` reads a line backwards from the value and stops
/// at the first word that is not a record's value word; it must decide exactly what splitting the
/// whole line prefix into words does.
@Suite("Evidence: the words before a value on its line")
struct LabelLineTests {
    /// The definition the backward reader replaces: every word of the prefix is a record word.
    static func expected(_ bytes: [UInt8], end: Int) -> Int? {
        bytes.withUnsafeBytes { buffer in
            var lineStart = end
            while lineStart > 0, buffer[lineStart - 1] != 0x0A { lineStart -= 1 }
            let words = ShapeEvidence.words(in: lineStart..<end, of: buffer)
            return words.allSatisfy(ShapeEvidence.recordValueWords.contains) ? lineStart : nil
        }
    }

    @Test func agreesWithSplittingTheWholePrefix() {
        let pieces = ["value", "Value", "VAL", "val", "data", "default", "dataValue", "valueX", "token", "x", " ", ": ",
                      "- ", "=", "\n", "1", "\"", "valuedata", "DefaultValue", "ab"]
        // Seeded, so a failure repeats; at most 5 pieces of at most 12 letters, so no letter run
        // reaches the 64-letter bound (tested in `examples`).
        var generator = SplitMix64(seed: 0x7A11_5EED)
        var disagreements: [String] = []
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            for end in 0...bytes.count {
                let got = bytes.withUnsafeBytes { ShapeEvidence.lineStartIfOnlyRecordValueWords(before: end, in: $0) }
                if got != Self.expected(bytes, end: end) { disagreements.append("\(text.debugDescription) at \(end)") }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    /// A label above the value still names it when only record words precede the value.
    @Test func examples() {
        func start(_ text: String, before suffix: String) -> Int? {
            let bytes = Array(text.utf8)
            let end = bytes.count - suffix.utf8.count
            return bytes.withUnsafeBytes { ShapeEvidence.lineStartIfOnlyRecordValueWords(before: end, in: $0) }
        }
        #expect(start("- name: token\n  value: V", before: "V") == 14)
        #expect(start("- name: token\n  defaultValue = V", before: "V") == 14)
        #expect(start("- name: token\n  key: V", before: "V") == nil)
        #expect(start("V", before: "V") == 0)
        #expect(start(String(repeating: "value", count: 20) + " V", before: "V") == nil, "a run of over 64 letters is not read")
    }
}

