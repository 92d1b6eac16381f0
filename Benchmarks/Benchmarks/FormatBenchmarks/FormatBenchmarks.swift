import Benchmark
import TokenFormat

// TokenFormat on one core, on generated data made in setup (never real credentials).
//
// Shape finder benchmarks scan a 64 MiB corpus one 1 MB (10^6 bytes) slice per iteration, moving
// to the next slice each time, so `throughput` (iterations per second) reads directly as MB/s
// and the data does not sit in cache. Two corpora: ordinary source text (identifiers, keywords,
// punctuation, comments) and UUID-dense log lines (two request/trace UUIDs per ~150-byte line).
// A byte-at-a-time run scan over the same data is the baseline the skip-ahead finder is judged
// against.
//
// Validation benchmarks validate 1000 generated values per iteration (throughput × 1000 =
// values per second); validating a valid value must not allocate (threshold on mallocCountTotal).
let benchmarks: @Sendable () -> Void = {
    let sliceBytes = 1_000_000
    let corpusBytes = 64 << 20
    let scanConfiguration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock],
        timeUnits: .microseconds,
        warmupIterations: 64,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )

    for corpus in [CorpusKind.sourceText, .uuidLogs] {
        for shape in TokenShape.allCases {
            Benchmark("ShapeRunFinder \(shape), \(corpus.rawValue) (throughput = MB/s)", configuration: scanConfiguration) { benchmark, data in
                for _ in benchmark.scaledIterations {
                    var count = 0
                    data.nextSlice { buffer in
                        ShapeRunFinder.forEachRun(in: buffer, shape: shape) { range in count &+= range.lowerBound }
                    }
                    blackHole(count)
                }
            } setup: {
                SlicedCorpus(bytes: corpus.generate(bytes: corpusBytes), sliceBytes: sliceBytes)
            }
        }
    }

    Benchmark("Baseline: byte-at-a-time token run scan, source text (throughput = MB/s)", configuration: scanConfiguration) { benchmark, data in
        for _ in benchmark.scaledIterations {
            var count = 0
            data.nextSlice { buffer in count = ByteAtATimeRunScan.count(in: buffer, shape: .token) }
            blackHole(count)
        }
    } setup: {
        SlicedCorpus(bytes: CorpusKind.sourceText.generate(bytes: corpusBytes), sliceBytes: sliceBytes)
    }

    let validationConfiguration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 10,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )
    let noAllocations = Benchmark.Configuration(
        metrics: validationConfiguration.metrics,
        timeUnits: validationConfiguration.timeUnits,
        warmupIterations: validationConfiguration.warmupIterations,
        maxDuration: validationConfiguration.maxDuration,
        maxIterations: validationConfiguration.maxIterations,
        thresholds: [.mallocCountTotal: .init(absolute: [.p90: 0])]
    )

    Benchmark("SirportlyToken.validate, 1000 valid tokens (throughput x 1000 = values/s)", configuration: noAllocations) { benchmark, values in
        for _ in benchmark.scaledIterations {
            var valid = 0
            for value in values where SirportlyToken.validate(value).isValid { valid &+= 1 }
            blackHole(valid)
        }
    } setup: {
        GeneratedValues.tokens(1000, nearMissEvery: 0)
    }

    Benchmark("SirportlySecret.validate, 1000 valid secrets (throughput x 1000 = values/s)", configuration: noAllocations) { benchmark, values in
        for _ in benchmark.scaledIterations {
            var valid = 0
            for value in values where SirportlySecret.validate(value).isValid { valid &+= 1 }
            blackHole(valid)
        }
    } setup: {
        GeneratedValues.secrets(1000, nearMissEvery: 0)
    }

    Benchmark("SirportlyToken.validate, 1000 tokens, 1 in 10 a near miss (throughput x 1000 = values/s)", configuration: validationConfiguration) { benchmark, values in
        for _ in benchmark.scaledIterations {
            var problems = 0
            for value in values { problems &+= SirportlyToken.validate(value).problems.count }
            blackHole(problems)
        }
    } setup: {
        GeneratedValues.tokens(1000, nearMissEvery: 10)
    }
}

/// A corpus cut into fixed slices; each benchmark iteration scans the next slice.
///
// SAFETY: `@unchecked Sendable` only so it can be handed from the (async) setup to the benchmark
// body; package-benchmark runs one benchmark at a time on one thread, so `next` is never
// accessed concurrently.
final class SlicedCorpus: @unchecked Sendable {
    let bytes: [UInt8]
    let sliceBytes: Int
    private var next = 0

    init(bytes: [UInt8], sliceBytes: Int) {
        self.bytes = bytes
        self.sliceBytes = sliceBytes
    }

    /// Calls `body` with the next slice, wrapping around at the end.
    func nextSlice<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        if next + sliceBytes > bytes.count { next = 0 }
        let start = next
        next += sliceBytes
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<(start + sliceBytes)])) }
    }
}

/// The obvious scan the skip-ahead finder replaces: classify every byte, count runs of exactly
/// the shape's length.
enum ByteAtATimeRunScan {
    static func count(in buffer: UnsafeRawBufferPointer, shape: TokenShape) -> Int {
        var found = 0, run = 0
        for byte in buffer {
            if shape.contains(byte) {
                run &+= 1
            } else {
                if run == shape.length { found &+= 1 }
                run = 0
            }
        }
        return found + (run == shape.length ? 1 : 0)
    }
}

/// A small deterministic generator (SplitMix64) so the corpora are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum GeneratedValues {
    static let hex = Array("0123456789abcdef".utf8)
    static let alphanumeric = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    static func token(_ g: inout SplitMix64) -> [UInt8] {
        (0..<36).map { [8, 13, 18, 23].contains($0) ? UInt8(ascii: "-") : hex.randomElement(using: &g)! }
    }

    /// `count` generated tokens; every `nearMissEvery`-th one (if non-zero) is one byte short,
    /// has an uppercase digit, or a byte outside the alphabet.
    static func tokens(_ count: Int, nearMissEvery: Int) -> [[UInt8]] {
        var g = SplitMix64(state: 36)
        return (0..<count).map { i in
            var value = token(&g)
            if nearMissEvery > 0 && i % nearMissEvery == 0 {
                switch (i / nearMissEvery) % 3 {
                case 0: value.removeLast()
                case 1: value[0] = UInt8(ascii: "F")
                default: value[20] = UInt8(ascii: "g")
                }
            }
            return value
        }
    }

    static func secrets(_ count: Int, nearMissEvery: Int) -> [[UInt8]] {
        var g = SplitMix64(state: 50)
        return (0..<count).map { i in
            var value = (0..<50).map { _ in alphanumeric.randomElement(using: &g)! }
            if nearMissEvery > 0 && i % nearMissEvery == 0 { value[7] = UInt8(ascii: "-") }
            return value
        }
    }
}

enum CorpusKind: String {
    case sourceText = "source text"
    case uuidLogs = "UUID-dense logs"

    func generate(bytes: Int) -> [UInt8] {
        var g = SplitMix64(state: self == .sourceText ? 1 : 2)
        var out: [UInt8] = []
        out.reserveCapacity(bytes + 512)
        switch self {
        case .sourceText:
            let words = [
                "let", "var", "func", "return", "if", "else", "for", "in", "self", "value", "count", "buffer",
                "index", "result", "try", "guard", "struct", "public", "static", "String", "Int", "Array",
                "append", "configuration", "request", "response", "error", "data", "map", "filter", "0", "42",
            ].map { Array($0.utf8) }
            let separators = ["(", ")", " {\n    ", "\n}\n", ".", ", ", " = ", ": ", " + ", "[", "]", "\n    ", " ", " "]
                .map { Array($0.utf8) }
            let comment = Array("    // Returns the default value when the configuration does not set one.\n".utf8)
            let literal = Array("\"Content-Type: application/json; charset=utf-8\"".utf8)
            while out.count < bytes {
                out += words.randomElement(using: &g)!
                out += separators.randomElement(using: &g)!
                switch Int.random(in: 0..<60, using: &g) {
                case 0: out += comment
                case 1: out += literal
                default: break
                }
            }
        case .uuidLogs:
            let paths = ["/api/v2/tickets/all", "/api/v2/tickets/submit", "/api/v2/users/info", "/health"].map { Array($0.utf8) }
            while out.count < bytes {
                out += Array("2026-11-29T01:02:03.".utf8)
                out += Array(String(Int.random(in: 100...999, using: &g)).utf8)
                out += Array("Z INFO request_id=".utf8)
                out += GeneratedValues.token(&g)
                out += Array(" method=GET path=".utf8)
                out += paths.randomElement(using: &g)!
                out += Array(" status=200 duration_ms=".utf8)
                out += Array(String(Int.random(in: 1...999, using: &g)).utf8)
                out += Array(" trace=".utf8)
                out += GeneratedValues.token(&g)
                out += [0x0A]
            }
        }
        return Array(out.prefix(bytes))
    }
}
