import SecretRules
import Testing
@testable import SecretScanner

/// The shape evidence asks whether the lines around a candidate mention Sirportly. The engine
/// answers from phase 1's `sirportly` hit positions (`ShapeEvidence.mentionsSirportly` given them); the answer must
/// be the one a search of the range gives (`ContextAnalyzer.containsCaseless`).
@Suite("Engine: Sirportly mentions from hit positions")
struct MentionPositionTests {
    @Test(arguments: 0..<20)
    func positionsAnswerAsTheSearchDoes(seed: Int) throws {
        var rng = SirportlyTestRandom(seed: UInt64(100 + seed))
        var text: [UInt8] = []
        while text.count < 4_000 {
            switch rng.next() % 6 {
            case 0: text += Array((rng.next() % 2 == 0 ? "sirportly" : "SirPortly").utf8)
            case 1: text += Array("sirportl".utf8)  // a near miss
            default: text += Array(String(repeating: "x", count: Int(rng.next() % 40)).utf8) + [0x0A]
            }
        }
        let engine = try Engine(rules: try BuiltinRules.forScanning())
        let slot = try #require(engine.sirportlyProximitySlot)
        // The hit ends phase 1 records for the word.
        var ends: [Int] = []
        text.withUnsafeBytes { buffer in
            engine.automaton.forEachHit(in: buffer) { output, end in
                if engine.automaton.outputs[output].contains(where: { engine.proximitySlot[Int($0)] == slot }) { ends.append(end) }
            }
        }
        text.withUnsafeBytes { buffer in
            for _ in 0..<300 {
                let a = Int(rng.next() % UInt64(buffer.count)), b = Int(rng.next() % UInt64(buffer.count))
                let range = min(a, b)..<max(a, b)
                let expected = ContextAnalyzer.containsCaseless("sirportly", in: buffer, range: range)
                #expect(ShapeEvidence.mentionsSirportly(in: range, of: buffer, mentionEnds: ends) == expected, "\(range)")
            }
        }
    }
}
