import CZlib

/// Why a gzip stream could not be inflated.
enum GzipError: Error, Sendable {
    /// More output than `limit` times the compressed input read so far.
    case ratioExceeded(limit: Int)
    /// zlib rejected the data, or the stream ended inside a member.
    case corrupt(String)
}

/// Inflates gzip data (one or more concatenated members, as `gzip` and log rotation write them)
/// as a stream: memory stays at zlib's window plus one input block, whatever the size.
///
/// A ratio guard stops decompression bombs: once more than 1 MiB has come out, the output may not
/// exceed `maxRatio` times the compressed bytes read so far. Trailing bytes after the last member
/// that do not start another member (e.g. zero padding) are ignored, as `gzip -d` does.
final class GzipInflater {
    static let magic: (UInt8, UInt8) = (0x1f, 0x8b)

    /// Whether `bytes` starts with the gzip magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == magic.0 && bytes[1] == magic.1
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private let source: (UnsafeMutableRawBufferPointer) throws -> Int
    private let maxRatio: Int
    private var sourceEnded = false
    private var finished = false
    private var insideMember = true
    /// Compressed bytes read from the source.
    private(set) var bytesIn: Int64 = 0
    /// Inflated bytes handed out.
    private(set) var bytesOut: Int64 = 0

    /// `source` yields compressed bytes (0 at the end).
    init(maxRatio: Int, source: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) throws(GzipError) {
        self.maxRatio = max(1, maxRatio)
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

    /// Fills `buffer` with inflated bytes; returns the count, 0 at the end of the last member.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, let out = buffer.baseAddress, buffer.count > 0 else { return 0 }
        stream.pointee.next_out = out.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
        let capacity = Int(stream.pointee.avail_out)
        while Int(stream.pointee.avail_out) == capacity {
            if stream.pointee.avail_in == 0 && !sourceEnded { try refill() }
            if stream.pointee.avail_in == 0 && sourceEnded {
                if insideMember { throw GzipError.corrupt("unexpected end of file") }
                finished = true
                break
            }
            if !insideMember {
                // Between members: another member must start with the magic number.
                guard stream.pointee.next_in.pointee == Self.magic.0 else {
                    finished = true
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
                if sourceEnded && stream.pointee.avail_in == 0 { throw GzipError.corrupt("unexpected end of file") }
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                throw GzipError.corrupt(message)
            }
        }
        let produced = capacity - Int(stream.pointee.avail_out)
        bytesOut += Int64(produced)
        if bytesOut > 1 << 20 && bytesOut > Int64(maxRatio) * max(bytesIn, 1) {
            throw GzipError.ratioExceeded(limit: maxRatio)
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
