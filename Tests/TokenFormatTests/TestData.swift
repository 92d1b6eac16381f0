import TokenFormat

/// A small deterministic generator (SplitMix64) so randomized tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generated credential-shaped values (never real ones).
enum Generated {
    static let hex = Array("0123456789abcdef".utf8)
    static let alphanumeric = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// A token in the UUID layout from `generator`.
    static func token(_ g: inout SeededGenerator) -> String {
        var out: [UInt8] = []
        for i in 0..<36 {
            out.append([8, 13, 18, 23].contains(i) ? UInt8(ascii: "-") : hex.randomElement(using: &g)!)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A 50-character alphanumeric secret from `generator`.
    static func secret(_ g: inout SeededGenerator) -> String {
        String(decoding: (0..<50).map { _ in alphanumeric.randomElement(using: &g)! }, as: UTF8.self)
    }

    /// A fixed generated token and secret used by table-driven tests.
    static let sampleToken: String = { var g = SeededGenerator(seed: 1); return token(&g) }()
    static let sampleSecret: String = { var g = SeededGenerator(seed: 2); return secret(&g) }()
}

/// The obvious implementation the fast finder must agree with: split into maximal runs, keep those
/// of exactly the shape's length.
func naiveRuns(in bytes: [UInt8], shape: TokenShape) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start: Int? = nil
    for i in 0...bytes.count {
        let inside = i < bytes.count && shape.contains(bytes[i])
        if inside, start == nil { start = i }
        if !inside, let s = start {
            if i - s == shape.length { result.append(s..<i) }
            start = nil
        }
    }
    return result
}
