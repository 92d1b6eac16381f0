import ScanResults
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// A git object id as 40 (SHA-1) or 64 (SHA-256) lowercase hex bytes.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let hex: String
    public init(_ hex: String) { self.hex = hex }
    public var description: String { hex }
    public static func < (a: ObjectID, b: ObjectID) -> Bool { a.hex < b.hex }
    /// The all-zero id git prints for "no object" (an added file's old side).
    public var isNull: Bool { hex.utf8.allSatisfy { $0 == UInt8(ascii: "0") } }
    /// A short form for messages.
    public var short: String { String(hex.prefix(12)) }
    /// Whether `text` reads as an object id: 40 or 64 lowercase hex digits.
    static func isWellFormed(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64)
            && text.utf8.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }
    }
}

/// One object read from `git cat-file --batch`: its id, type and content (content is empty when
/// it was larger than the size limit: `truncated` is then set and nothing of it was kept).
struct BatchObject {
    var id: ObjectID
    var type: String
    var size: Int
    var content: [UInt8]
    var tooLarge: Bool
}

extension BatchObject {
    /// Why `git cat-file --batch` output could not be read as an object.
    enum ReadError: Error {
        /// A header that is not `<id> <type> <size>` with a size of 0 or more (e.g. `<id> missing`).
        case header([UInt8])
        /// The stream ended before the object's content and its line end.
        case truncated
    }

    /// Reads the next object of `git cat-file --batch` output (`<id> <type> <size>\n`, the
    /// content, `\n`) from `reader`; nil at the end of the stream. Content larger than `maxSize`
    /// is read past, not kept.
    static func read(from reader: PipeReader, maxSize: Int) throws(ReadError) -> BatchObject? {
        guard let header = reader.line() else { return nil }
        let fields = header.split(separator: UInt8(ascii: " "))
        guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)), size >= 0 else {
            throw .header(header)
        }
        let keep = size <= maxSize
        guard let content = reader.bytes(size, keep: keep), reader.bytes(1) != nil else { throw .truncated }
        return BatchObject(
            id: ObjectID(String(decoding: fields[0], as: UTF8.self)), type: String(decoding: fields[1], as: UTF8.self),
            size: size, content: content, tooLarge: !keep)
    }
}

/// A buffered reader over a pipe descriptor. Owns its buffer (freed in `deinit`); large reads go
/// straight into the result.
final class PipeReader {
    let fd: Int32
    private var storage: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0

    init(fd: Int32) {
        self.fd = fd
        storage = .allocate(byteCount: 1 << 20, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// Moves unread bytes to the front, grows when full, and reads more; false at end of stream.
    private func refill() -> Bool {
        if start > 0 {
            let pending = end - start
            if pending > 0 { storage.baseAddress!.copyMemory(from: storage.baseAddress! + start, byteCount: pending) }
            start = 0
            end = pending
        }
        if end == storage.count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: storage.count * 2, alignment: 16)
            larger.baseAddress!.copyMemory(from: storage.baseAddress!, byteCount: end)
            storage.deallocate()
            storage = larger
        }
        while true {
            let n = read(fd, storage.baseAddress! + end, storage.count - end)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            end += n
            return true
        }
    }

    /// The next line without its terminator (`\n`), or nil at end of stream.
    func line() -> [UInt8]? { record(until: 0x0A) }

    /// The bytes up to the next `terminator` (not included), or nil at end of stream. A last
    /// record without a terminator is returned as is.
    func record(until terminator: UInt8) -> [UInt8]? {
        var searchFrom = start
        while true {
            if searchFrom < end, let hit = memchr(storage.baseAddress! + searchFrom, Int32(terminator), end - searchFrom) {
                let nl = storage.baseAddress!.distance(to: hit)
                let line = Array(UnsafeRawBufferPointer(rebasing: storage[start..<nl]))
                start = nl + 1
                return line
            }
            searchFrom = end - start  // offsets after the compaction in refill
            if !refill() {
                guard end > start else { return nil }
                let rest = Array(UnsafeRawBufferPointer(rebasing: storage[start..<end]))
                start = end
                return rest
            }
        }
    }

    /// Exactly `count` bytes, or nil if the stream ends first. With `keep` false they are
    /// discarded (oversized blobs).
    func bytes(_ count: Int, keep: Bool = true) -> [UInt8]? {
        var result: [UInt8] = []
        if keep { result.reserveCapacity(count) }
        var remaining = count
        let buffered = min(remaining, end - start)
        if keep { result.append(contentsOf: UnsafeRawBufferPointer(rebasing: storage[start..<(start + buffered)])) }
        start += buffered
        remaining -= buffered
        if remaining == 0 { return result }
        if keep {
            // Read the rest straight into the result.
            let got = result.count
            result += repeatElement(0, count: remaining)
            var filled = got
            let ok = result.withUnsafeMutableBytes { raw -> Bool in
                while filled < count {
                    let n = read(fd, raw.baseAddress! + filled, count - filled)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { return false }
                    filled += n
                }
                return true
            }
            return ok ? result : nil
        }
        while remaining > 0 {
            if start == end && !refill() { return nil }
            let n = min(remaining, end - start)
            start += n
            remaining -= n
        }
        return result
    }
}

/// A long-lived `git cat-file --batch`: objects are requested by id and read back in order.
/// Requests are written from a separate queue so that neither side can block the other on a full
/// pipe. Object contents larger than `maxSize` are read past without being kept.
final class ObjectStream {
    private let child: GitChild
    private let reader: PipeReader
    let maxSize: Int

    /// Starts `git cat-file --batch` and writes the ids of `requests` to it in the background.
    init(runner: GitRunner, requests: [ObjectID], maxSize: Int) throws(GitError) {
        child = try GitChild(runner: runner, arguments: ["cat-file", "--batch", "--buffer"])
        reader = PipeReader(fd: child.stdoutFD)
        self.maxSize = maxSize
        let fd = child.stdinFD
        var payload: [UInt8] = []
        payload.reserveCapacity(requests.count * 41)
        for id in requests { payload.append(contentsOf: id.hex.utf8); payload.append(UInt8(ascii: "\n")) }
        let sendable = SendableBytes(bytes: payload)
        let done = DispatchSemaphore(value: 0)
        writerDone = done
        DispatchQueue.global().async {
            sendable.bytes.withUnsafeBytes { raw in
                var written = 0
                while written < raw.count {
                    let n = write(fd, raw.baseAddress! + written, raw.count - written)
                    if n < 0 { if errno == EINTR { continue } else { break } }
                    written += n
                }
            }
            close(fd)
            done.signal()
        }
        child.detachInput()
    }

    /// Starts `git cat-file --batch` for requests the caller writes (object ids, one per line) to
    /// `requestDescriptor` and then closes, from another thread than the one calling `next()`.
    init(runner: GitRunner, maxSize: Int) throws(GitError) {
        child = try GitChild(runner: runner, arguments: ["cat-file", "--batch", "--buffer"])
        reader = PipeReader(fd: child.stdoutFD)
        self.maxSize = maxSize
        requestDescriptor = child.stdinFD
        writerDone = nil
        child.detachInput()
    }

    /// The write end of git's standard input when the caller writes the requests, else -1.
    private(set) var requestDescriptor: Int32 = -1
    private let writerDone: DispatchSemaphore?

    /// Ends git at once (after an error elsewhere), so that a thread writing requests sees a
    /// broken pipe instead of waiting.
    func terminate() { kill(child.pid, SIGKILL) }

    /// The next object, in request order. Throws for a missing or unreadable object (a corrupt
    /// repository) with git's message.
    func next() throws(GitError) -> BatchObject? {
        do throws(BatchObject.ReadError) {
            return try BatchObject.read(from: reader, maxSize: maxSize)
        } catch {
            let err = GitRunner.firstLines(child.drainStandardError())
            switch error {
            case .header(let header):
                let text = String(decoding: header, as: UTF8.self)
                throw .unexpectedOutput("cat-file: \(text)\(err.isEmpty ? "" : " (\(err))") — is the repository corrupt? (git fsck)")
            case .truncated:
                throw .unexpectedOutput("cat-file ended inside an object: \(err)")
            }
        }
    }

    /// Waits for git to finish; throws when it failed (a corrupt object).
    func finish() throws(GitError) {
        writerDone?.wait()
        while reader.line() != nil {}
        let err = child.drainStandardError()
        let status = child.wait()
        if status != 0 {
            throw .unexpectedOutput("git cat-file failed (status \(status)): \(GitRunner.firstLines(err))")
        }
    }
}

/// Bytes handed to the writer queue; immutable after creation.
struct SendableBytes: Sendable { let bytes: [UInt8] }

extension GitChild {
    /// Forgets the standard input descriptor (another owner closes it).
    func detachInput() { forgetInput() }
}
