import SecretRules
import SecretScanner
import Testing

/// Streams an example through `ScanWorker.scanStream` so that a chunk boundary falls at a chosen
/// offset in its secret.
///
/// The stream is unrelated filler lines, then the example, then more filler. `scanStream` fills its
/// whole chunk buffer before scanning, so the first `read` call's buffer size is where the first
/// chunk ends: the filler is sized on that first call so that the boundary falls exactly at the
/// split offset. The chunk size is set to its minimum so that streams stay small.
enum StreamedExample {
    static func expectSpans(
        _ rule: Rule, text: String, spans: [Range<Int>], split: ChunkSplit,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var options = EngineOptions()
        options.reportKnownExamples = true
        options.streamChunkSize = 1
        let engine = try Engine(rules: [rule], options: options)
        let worker = engine.makeWorker()
        let example = Array(text.utf8)
        let boundaryInExample = split.offset(in: spans[0])

        var stream: [UInt8] = []
        var padding = 0
        var position = 0
        var firstChunk = 0
        let result = try worker.scanStream(path: "example.txt") { buffer in
            if stream.isEmpty {
                firstChunk = buffer.count
                padding = firstChunk - boundaryInExample
                stream = filler(padding) + example + Array("\n".utf8) + filler(4096)
            }
            let n = min(buffer.count, stream.count - position)
            if n > 0 {
                stream.withUnsafeBytes { src in
                    buffer.baseAddress!.copyMemory(from: src.baseAddress! + position, byteCount: n)
                }
            }
            position += n
            return n
        }
        #expect(padding > 0, "the chunk buffer (\(firstChunk) bytes) is smaller than the example", sourceLocation: sourceLocation)
        #expect(result.warnings.isEmpty, "\(result.warnings)", sourceLocation: sourceLocation)
        let got = result.findings.filter { $0.ruleID == rule.id }.map(\.secretRange)
            .sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        let expected = spans.map { ($0.lowerBound + padding)..<($0.upperBound + padding) }
        #expect(got == expected, "chunk boundary at stream offset \(firstChunk) (example offset \(boundaryInExample)); expected \(expected), reported \(got) for \(text.debugDescription)", sourceLocation: sourceLocation)
    }

    /// Exactly `count` bytes of unrelated text lines, ending with a newline (when `count` > 0).
    static func filler(_ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        let line = Array("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count + line.count <= count { out += line }
        let rest = count - out.count
        if rest > 0 { out += Array(repeating: 0x20, count: rest - 1) + [0x0A] }
        return out
    }
}
