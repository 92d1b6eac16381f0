import SecretRules
import Testing
@testable import SecretScanner

/// A stream's findings are handed out chunk by chunk (`scanStream(path:read:emit:)`); whatever the
/// cuts, the result is the whole-buffer scan's: order, duplicates, fallbacks, pairs and groups.
@Suite("Streamed findings are final when handed out")
struct StreamFinalizationTests {
    static let fallbackRule = Rule(
        id: "demo-fallback", title: "Fallback", severity: .low, keywords: ["secret"],
        regex: #"(secret\s*[:=]\s*[A-Za-z0-9/+]{20,})"#, yields: .anyOtherRule)

    /// Deterministic pseudo-random letters and digits (a linear congruential generator).
    struct Letters {
        var state: UInt64
        mutating func next(_ count: Int, alphabet: [Character]) -> String {
            var out = ""
            for _ in 0..<count {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                out.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            return out
        }
    }

    /// Key ids and secrets: some on one line (pairs), some alone, some in chains of nearby lines,
    /// one far from any secret (no pair), with filler between; the fallback rule overlaps every secret.
    static func text(lines: Int, seed: UInt64) -> String {
        var letters = Letters(state: seed)
        let upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let mixed = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var out = ""
        for i in 0..<lines {
            switch i % 30 {
            case 0: out += "id = AKDM\(letters.next(16, alphabet: upper)) secret = \(letters.next(40, alphabet: mixed))\n"
            case 3, 5, 20: out += "id = AKDM\(letters.next(16, alphabet: upper))\n"
            case 6: out += "secret = \(letters.next(40, alphabet: mixed))\n"
            case 11: out += "lonely secret: \(letters.next(40, alphabet: mixed))\n"
            default: out += "filler line \(i) " + String(repeating: "x", count: i % 40) + "\n"
            }
        }
        return out
    }

    @Test(arguments: [(1, 400), (7, 1_500), (12, 4_000)])
    func streamedFindingsEqualTheWholeScan(seed: UInt64, lines: Int) throws {
        let engine = try makeEngine([keyIDRule, keySecretRule, Self.fallbackRule], configure: smallChunks)
        let worker = engine.makeWorker()
        let bytes = Array(Self.text(lines: lines, seed: seed).utf8)
        let whole = worker.scan(bytes, path: "file.txt")
        #expect(whole.findings.count > lines / 30)
        #expect(whole.findings.contains { $0.group != nil })
        #expect(whole.findings.contains { $0.group == nil && $0.ruleID == keyIDRule.id })

        var batches = 0
        var streamed: [StreamedFinding] = []
        var offset = 0
        let result = try worker.scanStream(path: "file.txt", read: { buffer in
            let n = min(997, buffer.count, bytes.count - offset)
            if n > 0 { bytes[offset..<(offset + n)].withUnsafeBytes { buffer.copyMemory(from: $0) } }
            offset += n
            return n
        }, emit: { batch in
            batches += 1
            streamed += batch
        })
        // Handed out as the stream goes, not all at the end.
        #expect(batches > 2)
        var pairs = result.pairs.applier()
        let final = streamed.map { pairs.apply($0) }
        #expect(final == whole.findings)
    }

    /// The cut never splits findings at one start, and waits for a secret that reaches past it.
    @Test func readyCountStopsBeforeAnOverlap() throws {
        let engine = try makeEngine([keyIDRule, keySecretRule])
        let worker = engine.makeWorker()
        func pending(_ range: Range<Int>, _ rule: String = "r") -> PendingFinding {
            PendingFinding(finding: Finding(
                ruleID: rule, title: "t", severity: .high, secretRange: range, matchRange: range, secret: [1, 2, 3, 4],
                line: 1, column: range.lowerBound + 1, endLine: 1, endColumn: range.upperBound), keyPath: [])
        }
        let sorted = [pending(0..<10), pending(5..<30), pending(12..<14), pending(40..<50)]
        // 5..<30 reaches past 12: nothing before 40 can be cut off; 40..<50 waits for the frontier.
        #expect(worker.readyCount(sorted, frontier: 45, kubernetes: false) == 3)
        #expect(worker.readyCount(sorted, frontier: 50, kubernetes: false) == 4)
        #expect(worker.readyCount(Array(sorted.prefix(2)), frontier: 20, kubernetes: false) == 0)
    }
}
