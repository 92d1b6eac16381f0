import SecretRules
import SecretScanner
import Locking
import Testing

/// Streams an example through `ScanWorker.scanStream` so that a chunk boundary falls at a chosen
/// offset in its secret.
///
/// The stream is unrelated filler lines, then the example, then more filler. `scanStream` fills its
/// whole chunk buffer before scanning, so the first `read` call's buffer size C is where the bytes
/// of the first buffer end; the filler is sized on that first call so that the chosen boundary
/// falls exactly at the split offset. The chunk size is set to its minimum (and the window reach
/// lowered to 1 KiB, which every example fits in), so the buffer holds a
/// chunk and an overlap on each side, all of one size (C / 3): the first chunk's own part — the
/// findings it reports — ends at 2C / 3 (see `StreamBoundary`).
enum StreamedExample {
    static func expectSpans(
        _ rule: Rule, text: String, spans: [Range<Int>], boundary: StreamBoundary, split: ChunkSplit,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let worker = try ExampleEngines.shared.engine(for: rule, .stream).makeWorker()
        let example = Array(text.utf8)
        let boundaryInExample = split.offset(in: spans[0])

        var stream: [UInt8] = []
        var padding = 0
        var position = 0
        var boundaryOffset = 0
        let result = try worker.scanStream(path: "example.txt") { buffer in
            if stream.isEmpty {
                boundaryOffset = boundary.offset(inBufferOf: buffer.count)
                padding = boundaryOffset - boundaryInExample
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
        #expect(padding > 0, "the boundary (stream offset \(boundaryOffset)) comes before the example could start", sourceLocation: sourceLocation)
        #expect(result.warnings.isEmpty, "\(result.warnings)", sourceLocation: sourceLocation)
        let got = result.findings.filter { $0.ruleID == rule.id }.map(\.secretRange)
            .sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        let expected = spans.map { ($0.lowerBound + padding)..<($0.upperBound + padding) }
        #expect(got == expected, "\(boundary) at stream offset \(boundaryOffset) (example offset \(boundaryInExample)); expected \(expected), reported \(got) for \(text.debugDescription)", sourceLocation: sourceLocation)
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

/// Which boundary of the first chunk an example is split across.
enum StreamBoundary: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Where the first buffer's bytes end: the secret's tail has not been read yet.
    case readEnd = "end of the first read"
    /// Where the first chunk's own part ends and the second chunk's begins: a finding there must
    /// be reported by exactly one of them.
    case ownPartEnd = "end of the first chunk's own part"

    var description: String { rawValue }

    /// The stream offset of this boundary, given the size of the first `read` buffer.
    func offset(inBufferOf capacity: Int) -> Int {
        switch self {
        case .readEnd: capacity
        case .ownPartEnd: capacity - capacity / 3
        }
    }

    /// The split points tried at this boundary.
    var splits: [ChunkSplit] {
        switch self {
        case .readEnd: ChunkSplit.allCases
        case .ownPartEnd: [.beforeSecret, .midSecret, .afterSecret]
        }
    }
}

/// Engines for the example tests, one per (rule, setting), built on first use and shared by all
/// test cases of that rule: patterns are then compiled once per rule, not once per case.
final class ExampleEngines: Sendable {
    enum Setting: Hashable, Sendable {
        /// As `Engine.secretSpans` builds it: default options, known examples reported.
        case standard
        /// The same with JIT off (PCRE2's interpreter).
        case interpreter
        /// For `scanStream` with small chunks (see `StreamedExample`).
        case stream
    }

    struct Key: Hashable {
        var ruleID: String
        var setting: Setting
    }

    static let shared = ExampleEngines()
    private let engines = Locked<[Key: Engine]>([:])

    func engine(for rule: Rule, _ setting: Setting) throws -> Engine {
        let key = Key(ruleID: rule.id, setting: setting)
        if let engine = engines.withLock({ $0[key] }) { return engine }
        var options = EngineOptions()
        options.reportKnownExamples = true
        switch setting {
        case .standard: break
        case .interpreter: options.jit = .never
        case .stream:
            options.streamChunkSize = 1
            // Smaller windows (still longer than any example line) keep the chunk buffers, which
            // are sized from the window span, small.
            options.windowReach = 1024
        }
        let engine = try Engine(rules: [rule], options: options)
        return engines.withLock { cache in
            if let existing = cache[key] { return existing }
            cache[key] = engine
            return engine
        }
    }

    /// The secret spans `rule` reports in `text` under `setting`, sorted; warnings are test issues.
    func secretSpans(of rule: Rule, in text: String, path: String, _ setting: Setting,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> [Range<Int>] {
        let result = try engine(for: rule, setting).makeWorker().scan(Array(text.utf8), path: path)
        #expect(result.warnings.isEmpty, "\(result.warnings)", sourceLocation: sourceLocation)
        return result.findings.map(\.secretRange).sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
    }
}
