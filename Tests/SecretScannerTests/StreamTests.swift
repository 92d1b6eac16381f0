import PCRE2
import SecretRules
import Testing
@testable import SecretScanner

/// Feeds `bytes` to `scanStream` in reads of at most `readSize` bytes.
func scanStreamed(_ bytes: [UInt8], worker: ScanWorker, readSize: Int, path: String = "file.txt") throws -> ScanResult {
    var offset = 0
    return try worker.scanStream(path: path) { buffer in
        let n = min(readSize, buffer.count, bytes.count - offset)
        if n > 0 {
            bytes[offset..<(offset + n)].withUnsafeBytes { buffer.copyMemory(from: $0) }
        }
        offset += n
        return n
    }
}

/// Small windows, so that streams of a few KiB span many chunks.
func smallChunks(_ options: inout EngineOptions) {
    options.windowReach = 64
    options.streamChunkSize = 1
}

struct FindingSummary: Hashable, CustomStringConvertible {
    let rule: String, range: Range<Int>, line: Int, column: Int, endLine: Int, endColumn: Int, secret: String, fingerprint: String
    init(_ f: Finding) {
        rule = f.ruleID; range = f.secretRange; line = f.line; column = f.column; endLine = f.endLine
        endColumn = f.endColumn; secret = f.secretText; fingerprint = f.fingerprint
    }
    var description: String { "\(rule)@\(range) \(line):\(column)-\(endLine):\(endColumn)" }
}

@Suite("Streaming")
struct StreamTests {
    static let streamRules = [
        demoKeyRule,
        valueRule,
        Rule(id: "nokw", title: "n", regex: #"\bqq([0-9]{10})\b"#),
        Rule(id: "block", title: "b", keywords: ["BEGIN BLOCK"], regex: #"(BEGIN BLOCK[\s\S]*?END BLOCK)"#, window: .multiline),
    ]

    @Test func overlapCoversTheLongestWindow() throws {
        let engine = try makeEngine(Self.streamRules, configure: smallChunks)
        let worker = engine.makeWorker()
        #expect(worker.streamOverlap >= 2 * engine.maxWindowSpan)
        #expect(engine.maxWindowSpan >= 2 * 64 * 16)  // the multi-line rule reaches 16 times as far
    }

    /// The chunk boundary falls at every offset across a planted secret: exactly one finding, with
    /// the whole stream's offset, line and column, every time.
    @Test(arguments: jitPolicies)
    func boundaryAtEveryOffsetAcrossAPlantedSecret(jit: JITPolicy) throws {
        let engine = try makeEngine([demoKeyRule], jit: jit) {
            $0.windowReach = 64
            $0.streamChunkSize = 1
        }
        let worker = engine.makeWorker()
        let overlap = worker.streamOverlap
        let capacity = max(1, overlap) + 2 * overlap
        let secret = "dmk_A1b2C3d4E5f6G7h8I9j0"
        // First boundary: the own part of chunk 1 ends at capacity - overlap. Move the secret's
        // start from well before it to past its end.
        let boundary = capacity - overlap
        var checked = 0
        for start in (boundary - secret.utf8.count - 8)...(boundary + 8) {
            let filler = String(repeating: "y\n", count: start / 2) + (start % 2 == 1 ? " " : "")
            let text = filler + secret + "\n" + String(repeating: "tail line\n", count: 400)
            let bytes = Array(text.utf8)
            let whole = worker.scan(bytes, path: "file.txt")
            for readSize in [7, 4096] {
                let streamed = try scanStreamed(bytes, worker: worker, readSize: readSize)
                #expect(streamed.findings.map(FindingSummary.init) == whole.findings.map(FindingSummary.init))
                #expect(streamed.findings.count == 1)
                #expect(streamed.findings.first?.secretRange.lowerBound == start)
            }
            checked += 1
        }
        #expect(checked > 30)
    }

    /// Generated inputs: logs, config, multi-byte text, CRLF, planted secrets; whole buffer and
    /// chunked scans agree exactly.
    @Test(arguments: 0..<12)
    func chunkedEqualsWholeOnGeneratedInputs(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(1000 + seed))
        var text = ""
        var planted = 0
        for i in 0..<600 {
            switch Int.random(in: 0..<14, using: &rng) {
            case 0:
                text += "api_key = " + GeneratedCredential.secret(seed: UInt64(seed * 1000 + i)).prefix(24) + "\n"
                planted += 1
            case 1:
                text += "ünïcödé 😀 dmk_" + GeneratedCredential.secret(seed: UInt64(i)).prefix(20) + " end\r\n"
                planted += 1
            case 2:
                text += "BEGIN BLOCK\n" + String(repeating: "abcdefgh\n", count: Int.random(in: 1...6, using: &rng)) + "END BLOCK\n"
                planted += 1
            case 3:
                text += "id qq\(Int.random(in: 1_000_000_000...9_999_999_999, using: &rng)) done\n"
            default:
                text += "2026-01-01T00:00:\(i % 60)Z INFO request_id=\(GeneratedCredential.token(seed: UInt64(i))) path=/v1/items status=200\n"
            }
        }
        let bytes = Array(text.utf8)
        let engine = try makeEngine(Self.streamRules, jit: seed % 2 == 0 ? .ifAvailable : .never, configure: smallChunks)
        let worker = engine.makeWorker()
        let whole = worker.scan(bytes, path: "gen.log")
        #expect(whole.findings.count >= planted / 2)
        for readSize in [1000, 65536] {
            let streamed = try scanStreamed(bytes, worker: worker, readSize: readSize, path: "gen.log")
            #expect(streamed.findings.map(FindingSummary.init) == whole.findings.map(FindingSummary.init))
        }
    }

    @Test func emptyStreamAndReadErrors() throws {
        let worker = try makeEngine([demoKeyRule]).makeWorker()
        #expect(try scanStreamed([], worker: worker, readSize: 10).findings.isEmpty)
        struct Broken: Error {}
        #expect(throws: Broken.self) { try worker.scanStream(path: "x") { _ in throw Broken() } }
    }

    @Test func longLineAcrossChunksKeepsColumns() throws {
        let engine = try makeEngine([demoKeyRule], configure: smallChunks)
        let worker = engine.makeWorker()
        let text = "é" + String(repeating: "ab ", count: 3000) + "dmk_A1b2C3d4E5f6G7h8I9j0\nnext"
        let bytes = Array(text.utf8)
        let streamed = try scanStreamed(bytes, worker: worker, readSize: 333)
        let finding = try #require(streamed.findings.first)
        #expect(finding.line == 1)
        #expect(finding.column == 1 + 1 + 9000)
        #expect(streamed.findings.map(FindingSummary.init) == worker.scan(bytes, path: "file.txt").findings.map(FindingSummary.init))
    }
}
