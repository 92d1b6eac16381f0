import CZlib

/// Why a gzip stream could not be inflated to its end.
enum GzipError: Error, Sendable {
    /// The inflated output passed the allowed ratio to the whole compressed input (a
    /// decompression bomb).
    case ratioExceeded(limit: Int)
    /// zlib rejected the data, the stream ended inside a member, or the output passed the hard cap.
    case corrupt(String)
}

/// How a gzip stream ended early. Everything inflated before it is good data: a caller that keeps
/// it scans that part and reports the damage as a warning, so a damaged or oversized archive is
/// neither silently clean nor stripped of the findings it does hold.
enum GzipDamage: Sendable, Hashable, CustomStringConvertible {
    /// The output passed `limit` times the whole compressed input: a decompression bomb.
    case ratioExceeded(limit: Int)
    /// The output passed the hard cap (`bytes`), whatever the ratio.
    case outputCapReached(bytes: Int64)
    /// The input ended inside a member (a truncated file).
    case truncated
    /// zlib rejected the data: a bad header, invalid deflate data, or a trailer whose CRC-32 or
    /// length does not match (zlib's message, e.g. "incorrect data check").
    case corrupt(String)

    var description: String {
        switch self {
        case .ratioExceeded(let limit): "gzip stream inflates more than \(limit):1 (decompression bomb?)"
        case .outputCapReached(let bytes): "gzip stream inflates past the \(bytes)-byte output cap"
        case .truncated: "gzip stream is truncated (unexpected end of file)"
        case .corrupt(let message): "gzip stream is damaged (\(message))"
        }
    }

    /// The error thrown for this damage when the inflater does not keep inflated bytes.
    var error: GzipError {
        switch self {
        case .ratioExceeded(let limit): .ratioExceeded(limit: limit)
        case .outputCapReached: .corrupt(description)
        case .truncated: .corrupt("unexpected end of file")
        case .corrupt(let message): .corrupt(message)
        }
    }
}

/// Inflates gzip data (one or more concatenated members, as `gzip` and log rotation write them)
/// as a stream: memory stays at zlib's window plus one input block, whatever the size.
///
/// Bomb guard, judged over the whole stream: when the compressed size is known (a regular file),
/// the output may reach `maxRatio` times that size (and always 1 MiB), so a file that starts with
/// megabytes of spaces but is 20:1 overall inflates completely. When it is not known (stdin, a
/// pipe), the best available estimate is used: past 1 MiB of output, `maxRatio` times the
/// compressed bytes read so far. Whatever the size, the output stops at `outputCap`.
/// Trailing bytes after the last member that do not start another member (e.g. zero padding) are
/// ignored, as `gzip -d` does.
///
/// Damage (truncation, a bad CRC, invalid data, the guard): with `keepsInflatedBytesOnDamage`,
/// `read(into:)` hands out every byte inflated before it, then ends (returns 0) and `damage` says
/// what happened; without it, `read(into:)` throws the matching `GzipError` as soon as it happens.
final class GzipInflater {
    static let magic: (UInt8, UInt8) = (0x1f, 0x8b)
    /// The default hard output cap: 4 GiB.
    static let defaultOutputCap: Int64 = 4 << 30
    /// Output below this is never judged by its ratio (small, highly repetitive files are fine).
    static let ratioFloor: Int64 = 1 << 20

    /// Whether `bytes` starts with the gzip magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == magic.0 && bytes[1] == magic.1
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private let source: (UnsafeMutableRawBufferPointer) throws -> Int
    private let maxRatio: Int
    /// The most output allowed: the ratio budget over the whole compressed size (when known),
    /// within the cap.
    private let outputLimit: Int64
    private let ratioLimited: Bool
    /// Judge the ratio against the compressed bytes read so far (the size is not known).
    private let ratioSoFar: Bool
    private let outputCap: Int64
    private let keepsInflatedBytesOnDamage: Bool
    private var sourceEnded = false
    private var finished = false
    private var insideMember = true
    /// Compressed bytes read from the source.
    private(set) var bytesIn: Int64 = 0
    /// Inflated bytes handed out.
    private(set) var bytesOut: Int64 = 0
    /// Why the stream ended early, once it has; nil while reading and after a clean end.
    private(set) var damage: GzipDamage?

    /// `source` yields compressed bytes (0 at the end). `compressedSize` is the whole input's size
    /// when known (nil for a pipe): give it whenever there is one, since without it the ratio can
    /// only be judged on the bytes read so far, which mistakes a run of spaces for a bomb.
    init(
        maxRatio: Int, compressedSize: Int64? = nil, outputCap: Int64 = GzipInflater.defaultOutputCap,
        keepsInflatedBytesOnDamage: Bool = false, source: @escaping (UnsafeMutableRawBufferPointer) throws -> Int
    ) throws(GzipError) {
        self.maxRatio = max(1, maxRatio)
        self.outputCap = max(1, outputCap)
        if let compressedSize {
            let (budget, overflow) = Int64(self.maxRatio).multipliedReportingOverflow(by: max(compressedSize, 1))
            let ratioBudget = overflow ? Int64.max : max(budget, Self.ratioFloor)
            ratioLimited = ratioBudget < self.outputCap
            outputLimit = min(ratioBudget, self.outputCap)
            ratioSoFar = false
        } else {
            ratioLimited = false
            outputLimit = self.outputCap
            ratioSoFar = true
        }
        self.keepsInflatedBytesOnDamage = keepsInflatedBytesOnDamage
        self.source = source
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        // zlib keeps a pointer back to the z_stream in its state: it must not move, so it lives on
        // the heap for the inflater's lifetime.
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 + 16: a 32 KiB window, gzip wrapper only.
        let rc = inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            input.deallocate()
            throw .corrupt("zlib initialisation failed (\(rc))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
    }

    /// Fills `buffer` with inflated bytes; returns the count, 0 at the end of the last member (or,
    /// when keeping inflated bytes, after damage). Throws what the source throws, and `GzipError`
    /// on damage when not keeping inflated bytes.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, let out = buffer.baseAddress, buffer.count > 0 else { return 0 }
        stream.pointee.next_out = out.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
        let capacity = Int(stream.pointee.avail_out)
        var damaged: GzipDamage?
        inflating: while Int(stream.pointee.avail_out) == capacity {
            if stream.pointee.avail_in == 0 && !sourceEnded { try refill() }
            if stream.pointee.avail_in == 0 && sourceEnded {
                if insideMember { damaged = .truncated }
                break
            }
            if !insideMember {
                // Between members: another member must start with the magic number.
                guard stream.pointee.next_in.pointee == Self.magic.0 else {
                    sourceEnded = true
                    break
                }
                inflateReset(stream)
                insideMember = true
            }
            let rc = inflate(stream, Z_NO_FLUSH)
            switch rc {
            case Z_OK:
                break
            case Z_STREAM_END:
                insideMember = false
            case Z_BUF_ERROR:
                // No progress possible: needs more input (refilled on the next turn).
                if sourceEnded && stream.pointee.avail_in == 0 {
                    damaged = .truncated
                    break inflating
                }
            default:
                damaged = .corrupt(stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(rc)")
                break inflating
            }
        }
        let produced = capacity - Int(stream.pointee.avail_out)
        bytesOut += Int64(produced)
        if damaged == nil && bytesOut > outputLimit {
            damaged = ratioLimited ? .ratioExceeded(limit: maxRatio) : .outputCapReached(bytes: outputCap)
        } else if damaged == nil && ratioSoFar && bytesOut > Self.ratioFloor
            && bytesOut / Int64(maxRatio) > max(bytesIn, 1) {
            damaged = .ratioExceeded(limit: maxRatio)
        }
        if let damaged {
            finished = true
            damage = damaged
            if !keepsInflatedBytesOnDamage { throw damaged.error }
        } else if produced == 0 {
            finished = true
        }
        return produced
    }

    private func refill() throws {
        let n = try source(input)
        if n == 0 {
            sourceEnded = true
            return
        }
        bytesIn += Int64(n)
        stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = uInt(n)
    }
}
