import Foundation
@testable import SecretLint
import Testing

/// Regressions: the ratio guard judged after the first 1 MiB of output against the compressed
/// bytes read so far, so a `.gz` that starts with megabytes of spaces (but is 20:1 overall) was
/// skipped as a bomb and the secret after them missed; and a truncated or bad-CRC `.gz` lost
/// everything already inflated. Now the ratio is judged over the whole compressed size with a hard
/// output cap, and damage is a value that leaves the inflated bytes usable.
@Suite("gzip inflater: whole-stream ratio and damage")
struct GzipInflaterDamageTests {
    static let secretLine = Array("auth SECRET=Gzip1234abc\n".utf8)

    /// Inflates `compressed` completely, keeping inflated bytes on damage.
    static func inflate(
        _ compressed: [UInt8], maxRatio: Int = 200, knownSize: Bool = true, outputCap: Int64 = GzipInflater.defaultOutputCap
    ) throws -> (output: [UInt8], damage: GzipDamage?) {
        var offset = 0
        let gz = try GzipInflater(
            maxRatio: maxRatio, compressedSize: knownSize ? Int64(compressed.count) : nil, outputCap: outputCap,
            keepsInflatedBytesOnDamage: true
        ) { buffer in
            let n = min(buffer.count, compressed.count - offset)
            compressed.withUnsafeBytes { src in buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[offset..<(offset + n)])) }
            offset += n
            return n
        }
        var output: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            let n = try block.withUnsafeMutableBytes { try gz.read(into: $0) }
            if n == 0 { break }
            output += block[..<n]
        }
        return (output, gz.damage)
    }

    /// Letters from a 64-symbol alphabet, pseudo-random and reproducible (compress about 4:3).
    static func noise(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var state = seed
        return (0..<count).map { k in
            if k % 77 == 76 { return 0x0A }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return alphabet[Int(state >> 58)]
        }
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] { Array(try gzipped(Data(bytes))) }

    @Test func leadingSpacesDoNotMakeAModestArchiveABomb() throws {
        let text = [UInt8](repeating: 0x20, count: 4 << 20) + Self.noise(count: 300_000) + Self.secretLine
        let compressed = try Self.gzip(text)
        // Precondition: 20:1 overall, but far above 30:1 over its first 2 MiB of output.
        try #require(text.count / compressed.count < 30)
        let (output, damage) = try Self.inflate(compressed, maxRatio: 30)
        #expect(damage == nil)
        #expect(output == text)
    }

    @Test func aBombStopsAtItsRatioWithTheInflatedPrefixKept() throws {
        let compressed = try Self.gzip([UInt8](repeating: 0, count: 20 << 20))
        let (output, damage) = try Self.inflate(compressed, maxRatio: 200)
        #expect(damage == .ratioExceeded(limit: 200))
        let budget = max(200 * compressed.count, 1 << 20)
        #expect(output.count > budget && output.count <= budget + 256 * 1024)
        #expect(output.allSatisfy { $0 == 0 })
    }

    @Test func anyStreamStopsAtTheOutputCap() throws {
        let compressed = try Self.gzip(Self.noise(count: 3 << 20))
        for knownSize in [true, false] {
            let (output, damage) = try Self.inflate(compressed, knownSize: knownSize, outputCap: 1 << 20)
            #expect(damage == .outputCapReached(bytes: 1 << 20))
            #expect(output.count > 1 << 20 && output.count <= (1 << 20) + 256 * 1024)
        }
    }

    @Test func aStreamOfUnknownSizeIsJudgedOnTheBytesReadSoFar() throws {
        let compressed = try Self.gzip([UInt8](repeating: 0, count: 20 << 20))
        let (output, damage) = try Self.inflate(compressed, maxRatio: 200, knownSize: false)
        #expect(damage == .ratioExceeded(limit: 200))
        #expect(output.count < 20 << 20)
    }

    /// Cuts: inside the trailer, inside the deflate data, right after the header.
    @Test(arguments: [4, 8, 2_000, 60_000])
    func aTruncatedStreamKeepsWhatWasInflated(cut: Int) throws {
        let text = Self.secretLine + Self.noise(count: 80_000)
        let compressed = try Self.gzip(text)
        let (output, damage) = try Self.inflate(Array(compressed.dropLast(cut)))
        #expect(damage == .truncated)
        #expect(text.starts(with: output))
        if cut <= 2_000 { #expect(output.starts(with: Self.secretLine)) }
    }

    @Test func aBadCRCKeepsTheWholeInflatedText() throws {
        let text = Self.noise(count: 50_000) + Self.secretLine
        var compressed = try Self.gzip(text)
        compressed[compressed.count - 8] ^= 0xFF  // first byte of the CRC-32 in the trailer
        let (output, damage) = try Self.inflate(compressed)
        #expect(damage == .corrupt("incorrect data check"))
        #expect(output == text)
    }

    @Test func membersAndZeroPaddingAreNotDamage() throws {
        let first = Self.noise(count: 10_000), second = Self.secretLine
        let compressed = try Self.gzip(first) + Self.gzip(second) + [UInt8](repeating: 0, count: 512)
        let (output, damage) = try Self.inflate(compressed)
        #expect(damage == nil)
        #expect(output == first + second)
    }

    @Test func withoutKeepingBytesDamageThrows() throws {
        let compressed = Array(try Self.gzip(Self.noise(count: 10_000)).dropLast(4))
        var offset = 0
        let gz = try GzipInflater(maxRatio: 200, compressedSize: Int64(compressed.count)) { buffer in
            let n = min(buffer.count, compressed.count - offset)
            compressed.withUnsafeBytes { src in buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[offset..<(offset + n)])) }
            offset += n
            return n
        }
        var block = [UInt8](repeating: 0, count: 64 * 1024)
        #expect(throws: GzipError.self) {
            while try block.withUnsafeMutableBytes({ try gz.read(into: $0) }) > 0 {}
        }
        #expect(gz.damage == .truncated)
    }
}
