#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ScanResults

/// The byte-source layer: opens one input, applies the open/stat policy and the size limit,
/// recognises gzip by its magic bytes (inflating it as a stream with a ratio guard) and binary
/// content by NUL bytes in the first block, and reads up to `inMemoryLimit` bytes ahead so the
/// caller can choose between scanning a whole buffer and streaming.
struct ByteSourceSettings: Sendable {
    var maxFileSize: Int64?
    var scanBinary: Bool
    var followSymlinks: Bool
    var maxDecompressionRatio: Int
    /// Inputs up to this size are read whole and scanned in memory; larger ones are streamed.
    var inMemoryLimit: Int
    /// The first block, where NUL bytes mark an input as binary.
    static let sniffLength = 8 * 1024
    /// How much of a character or block device named explicitly is read when no size limit is
    /// set: a device can be endless (`/dev/zero`, `/dev/urandom`), and reading it must end.
    static let deviceLimit: Int64 = 64 << 20
}

/// A non-regular input (a device or FIFO named explicitly) delivered more than the limit: the
/// read stops there and the input is skipped as too large.
struct InputLimitExceeded: Error, Sendable {
    /// Bytes read when the limit was passed.
    let read: Int64
    let limit: Int64
}

/// An input opened and sniffed: its first bytes, and a reader for the rest.
final class OpenedInput {
    /// The first bytes of the (inflated) content: all of it when `isComplete`.
    let head: [UInt8]
    /// Whether `head` holds the whole content.
    let isComplete: Bool
    /// Whether the content was inflated from gzip.
    let isGzip: Bool
    /// The file system path, when the input can be opened again (a regular file) for excerpts.
    let rereadablePath: String?
    /// The size of the file on disk when known (a regular file): the compressed size for gzip.
    let fileSize: Int64?
    /// The gzip inflater, when the content is inflated: its `damage` says whether the stream ended
    /// early (everything inflated before the damage is still handed out and scanned).
    private let inflater: GzipInflater?
    /// Bytes read after `head` so far.
    private(set) var bytesAfterHead: Int64 = 0
    private let rest: (UnsafeMutableRawBufferPointer) throws -> Int

    init(
        head: [UInt8], isComplete: Bool, isGzip: Bool, rereadablePath: String?, fileSize: Int64?, inflater: GzipInflater?,
        rest: @escaping (UnsafeMutableRawBufferPointer) throws -> Int
    ) {
        self.head = head
        self.isComplete = isComplete
        self.isGzip = isGzip
        self.rereadablePath = rereadablePath
        self.fileSize = fileSize
        self.inflater = inflater
        self.rest = rest
    }

    /// How the gzip stream ended early, if it did (read it after the content has been read).
    var gzipDamage: GzipDamage? { inflater?.damage }

    /// Reads the whole content from the start: `head` replayed, then the rest. For streaming.
    func makeReader() -> (UnsafeMutableRawBufferPointer) throws -> Int {
        var replayed = 0
        return { [self] buffer in
            if replayed < head.count {
                let n = PrefixReplay.copy(head, from: replayed, into: buffer)
                replayed += n
                return n
            }
            let n = try rest(buffer)
            bytesAfterHead += Int64(n)
            return n
        }
    }

    /// Bytes the engine saw: `head` plus what was read after it.
    var totalBytes: Int64 { Int64(head.count) + bytesAfterHead }
}

/// Copies from a prefix buffer into a read buffer: the one replay used for gzip sniffing and for
/// streaming after the in-memory probe.
enum PrefixReplay {
    /// Copies `prefix[offset...]` into `buffer` (as much as fits) and returns the count.
    static func copy(_ prefix: [UInt8], from offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let n = min(buffer.count, prefix.count - offset)
        prefix.withUnsafeBytes { src in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[offset..<(offset + n)]))
        }
        return n
    }
}

/// Why an input's bytes are not scanned (the layer above turns these into a `SkippedInput`).
enum ByteSourceOutcome {
    case opened(OpenedInput)
    case skipped(SkipReason)
}

enum ByteSourceReader {
    /// Opens `target` under `settings`. Throws `InputError` (unreadable) or `GzipError` while
    /// reading the first bytes.
    static func open(_ target: ScanTarget, settings: ByteSourceSettings) throws -> ByteSourceOutcome {
        let file: OpenFile
        var rereadablePath: String?
        var size: Int64?
        switch target.source {
        case .bytes(let bytes):
            return try sniff(rawRead: reader(over: bytes), rereadablePath: nil, size: Int64(bytes.count), settings: settings)
        case .standardInput:
            file = OpenFile(borrowing: 0)
        case .file(let path):
            do {
                file = try OpenFile(path: path, noFollow: !(settings.followSymlinks || target.isExplicit))
            } catch {
                switch error.code {
                case ENOENT: return .skipped(.vanished)
                case ELOOP: return .skipped(.symlink)
                default: return .skipped(.unreadable(message: error.message))
                }
            }
            let status = try file.status()
            // A device or FIFO has no size to check up front: its reads are counted against the
            // size limit (for a device, at most `deviceLimit` when none is set), so an endless
            // one (`/dev/zero`) ends as too large instead of being read forever.
            var streamLimit: Int64?
            switch status.kind {
            case .regular:
                rereadablePath = path
                size = status.size
            case .fifo where target.isExplicit:
                streamLimit = settings.maxFileSize
            case .device where target.isExplicit:
                streamLimit = min(settings.maxFileSize ?? ByteSourceSettings.deviceLimit, ByteSourceSettings.deviceLimit)
            default:
                return .skipped(status.kind.skipReason ?? .device)
            }
            if let limit = settings.maxFileSize, status.size > limit {
                return .skipped(.tooLarge(size: status.size, limit: limit))
            }
            file.makeBlocking()
            if let streamLimit {
                var read: Int64 = 0
                return try sniff(
                    rawRead: { buffer in
                        let n = try file.read(into: buffer)
                        read += Int64(n)
                        if read > streamLimit { throw InputLimitExceeded(read: read, limit: streamLimit) }
                        return n
                    }, rereadablePath: nil, size: nil, settings: settings)
            }
        }
        return try sniff(
            rawRead: { buffer in try file.read(into: buffer) }, rereadablePath: rereadablePath, size: size, settings: settings)
    }

    /// Gzip and binary sniffing, then the read-ahead up to `inMemoryLimit`. `size` is the input's
    /// size when known (a regular file, a blob; nil for stdin and pipes): the gzip ratio guard
    /// judges the whole stream against it.
    private static func sniff(
        rawRead: @escaping (UnsafeMutableRawBufferPointer) throws -> Int, rereadablePath: String?, size: Int64?,
        settings: ByteSourceSettings
    ) throws -> ByteSourceOutcome {
        var head: [UInt8] = []
        var ended = try fill(&head, upTo: ByteSourceSettings.sniffLength, from: rawRead)
        var read = rawRead
        var isGzip = false
        var inflater: GzipInflater?
        if GzipInflater.isGzip(head) {
            let compressedHead = head
            var offset = 0
            let gz = try GzipInflater(
                maxRatio: settings.maxDecompressionRatio, compressedSize: size, keepsInflatedBytesOnDamage: true
            ) { buffer in
                if offset < compressedHead.count {
                    let n = PrefixReplay.copy(compressedHead, from: offset, into: buffer)
                    offset += n
                    return n
                }
                return try rawRead(buffer)
            }
            isGzip = true
            inflater = gz
            read = { buffer in try gz.read(into: buffer) }
            head = []
            ended = try fill(&head, upTo: ByteSourceSettings.sniffLength, from: read)
        }
        if !settings.scanBinary && head.prefix(ByteSourceSettings.sniffLength).contains(0) {
            return .skipped(.binary)
        }
        if !ended { ended = try fill(&head, upTo: max(settings.inMemoryLimit, ByteSourceSettings.sniffLength), from: read) }
        return .opened(OpenedInput(
            head: head, isComplete: ended, isGzip: isGzip, rereadablePath: rereadablePath, fileSize: size, inflater: inflater,
            rest: read))
    }

    /// A reader over an in-memory blob.
    private static func reader(over bytes: [UInt8]) -> (UnsafeMutableRawBufferPointer) throws -> Int {
        var offset = 0
        return { buffer in
            guard offset < bytes.count else { return 0 }
            let n = PrefixReplay.copy(bytes, from: offset, into: buffer)
            offset += n
            return n
        }
    }
}
