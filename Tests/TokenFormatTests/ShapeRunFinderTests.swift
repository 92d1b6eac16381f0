import Testing
import TokenFormat

@Suite("ShapeRunFinder")
struct ShapeRunFinderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var shape: TokenShape
        /// Expected runs as (offset, length) in bytes.
        var expected: [Int]
        var testDescription: String { name }
    }

    static let t = Generated.sampleToken
    static let s = Generated.sampleSecret
    static let hex36 = "0123456789abcdef0123456789abcdef0123"

    static let cases: [Case] = [
        Case(name: "token alone", text: t, shape: .token, expected: [0]),
        Case(name: "token at start", text: t + " end", shape: .token, expected: [0]),
        Case(name: "token at end", text: "start " + t, shape: .token, expected: [6]),
        Case(name: "token in header", text: "X-Auth-Token: \(t)\r\n", shape: .token, expected: [14]),
        Case(name: "35 bytes is not a token", text: " " + String(t.dropLast()) + " ", shape: .token, expected: []),
        Case(name: "37 bytes is not a token", text: " " + t + "0 ", shape: .token, expected: []),
        Case(name: "token inside a longer hex run", text: "ab" + t + "cd", shape: .token, expected: []),
        Case(name: "token with hyphen before is a 37 run", text: "-" + t, shape: .token, expected: []),
        Case(name: "token bounded by letters outside a-f", text: "x" + t + "z", shape: .token, expected: [1]),
        Case(name: "two tokens separated by one byte", text: t + " " + t, shape: .token, expected: [0, 37]),
        Case(name: "two tokens separated by a non-token letter", text: t + "g" + t, shape: .token, expected: [0, 37]),
        Case(name: "two tokens glued together are one 72 run", text: t + t, shape: .token, expected: []),
        Case(name: "uppercase token is not a token", text: t.uppercased(), shape: .token, expected: []),
        Case(name: "secret alone", text: s, shape: .secret, expected: [0]),
        Case(name: "secret at end", text: "secret=" + s, shape: .secret, expected: [7]),
        Case(name: "49 bytes is not a secret", text: String(s.dropLast()), shape: .secret, expected: []),
        Case(name: "51 bytes is not a secret", text: s + "Q", shape: .secret, expected: []),
        Case(name: "two secrets separated by one byte", text: s + "_" + s, shape: .secret, expected: [0, 51]),
        Case(name: "hyphen splits a secret run", text: String(s.prefix(25)) + "-" + String(s.suffix(25)), shape: .secret, expected: []),
        Case(name: "hex36 inside a 50-char alphanumeric word is a token run", text: "q" + hex36 + "QRSTUVWXYZqrs", shape: .token, expected: [1]),
        Case(name: "hex36 inside a 50-char alphanumeric word is a secret run", text: "q" + hex36 + "QRSTUVWXYZqrs", shape: .secret, expected: [0]),
        Case(name: "hex36 inside a longer hex run inside a word", text: "q0" + hex36 + "1z", shape: .token, expected: []),
        Case(name: "empty buffer", text: "", shape: .token, expected: []),
        Case(name: "short buffer", text: "abc", shape: .secret, expected: []),
        Case(name: "non-ASCII around a token", text: "é" + t + "ü", shape: .token, expected: [2]),
    ]

    @Test(arguments: cases)
    func findsExactRuns(_ c: Case) {
        let bytes = Array(c.text.utf8)
        let found = ShapeRunFinder.runs(in: bytes, shape: c.shape)
        #expect(found == c.expected.map { $0..<($0 + c.shape.length) })
        #expect(found == naiveRuns(in: bytes, shape: c.shape))
    }

    @Test func callbackFormSeesTheSameRunsAsArrayForm() {
        let text = Array("a \(Self.t) b \(Self.s) c \(Self.t)".utf8)
        for shape in TokenShape.allCases {
            var seen: [Range<Int>] = []
            text.withUnsafeBytes { buffer in ShapeRunFinder.forEachRun(in: buffer, shape: shape) { seen.append($0) } }
            #expect(seen == ShapeRunFinder.runs(in: text, shape: shape))
            #expect(!seen.isEmpty)
        }
    }

    @Test func mergedFormOrdersBothShapesByOffset() {
        let text = Array("k=\(Self.s) t=\(Self.t)".utf8)
        var seen: [(TokenShape, Range<Int>)] = []
        text.withUnsafeBytes { buffer in ShapeRunFinder.forEachRun(in: buffer) { seen.append(($0, $1)) } }
        #expect(seen.map(\.0) == [.secret, .token])
        #expect(seen.map(\.1.lowerBound) == [2, 55])
    }

    /// Randomized buffers dense in both alphabets, with planted tokens and secrets of lengths near
    /// the exact ones; the finder must agree with the naive reference on every one.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func agreesWithNaiveReferenceOnRandomBuffers(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let alphabets: [[UInt8]] = [
            Array("0123456789abcdef-".utf8),
            Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8),
            Array(" \n:=\"'-_/.,;gGzZ".utf8),
        ]
        for _ in 0..<40 {
            var bytes: [UInt8] = []
            let target = Int.random(in: 0...3000, using: &g)
            while bytes.count < target {
                let pieceLength = [1, 2, 35, 36, 37, 49, 50, 51, Int.random(in: 1...80, using: &g)].randomElement(using: &g)!
                let alphabet = alphabets.randomElement(using: &g)!
                for _ in 0..<pieceLength { bytes.append(alphabet.randomElement(using: &g)!) }
                if Bool.random(using: &g) { bytes.append(alphabets[2].randomElement(using: &g)!) }
            }
            for shape in TokenShape.allCases {
                #expect(ShapeRunFinder.runs(in: bytes, shape: shape) == naiveRuns(in: bytes, shape: shape))
            }
        }
    }

    /// Every offset of the buffer start and end: a planted run is found wherever it sits.
    @Test(arguments: TokenShape.allCases)
    func findsRunAtEveryOffset(shape: TokenShape) {
        let value = Array((shape == .token ? Self.t : Self.s).utf8)
        for before in 0..<60 {
            let bytes = [UInt8](repeating: UInt8(ascii: " "), count: before) + value
                + [UInt8](repeating: UInt8(ascii: "."), count: 60 - before)
            #expect(ShapeRunFinder.runs(in: bytes, shape: shape) == [before..<(before + shape.length)])
        }
    }
}
