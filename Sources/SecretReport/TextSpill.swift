#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Report text that must wait for something written before it (a JUnit suite's counts), kept in
/// memory up to `memoryLimit` bytes and beyond that in a private temporary file: mode 0600 from
/// `mkstemp` (in `$TMPDIR` or `/tmp`), unlinked as soon as it is created, so it is removed when
/// the run exits however it ends. Not `Sendable`: one reporter owns it.
final class TextSpill {
    private var memory = ""
    private var fd: Int32 = -1
    private var spilled: Int64 = 0
    let memoryLimit: Int

    init(memoryLimit: Int = 1 << 20) { self.memoryLimit = memoryLimit }

    deinit { if fd >= 0 { close(fd) } }

    var isEmpty: Bool { memory.isEmpty && spilled == 0 }

    func append(_ text: String) throws {
        memory += text
        if memory.utf8.count >= memoryLimit { try spill() }
    }

    /// Hands everything appended to `write` in order (in pieces of at most 64 KiB from the file)
    /// and empties the spill.
    func drain(into write: (String) throws -> Void) throws {
        if spilled > 0 {
            var offset: Int64 = 0
            var block = [UInt8](repeating: 0, count: 64 * 1024)
            var carry: [UInt8] = []
            while offset < spilled {
                let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(offset)) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw TextSpillError(message: n == 0 ? "temporary report file ended early" : String(cString: strerror(errno))) }
                offset += Int64(n)
                // Pieces end on a UTF-8 character boundary, so none is cut in two.
                var piece = carry + block[0..<n]
                var end = piece.count
                if offset < spilled {
                    var back = end - 1
                    while back > 0 && piece[back] & 0xC0 == 0x80 { back -= 1 }
                    end = back
                }
                carry = Array(piece[end...])
                piece.removeLast(piece.count - end)
                try write(String(decoding: piece, as: UTF8.self))
            }
            if !carry.isEmpty { try write(String(decoding: carry, as: UTF8.self)) }
            guard ftruncate(fd, 0) == 0 else { throw TextSpillError(message: String(cString: strerror(errno))) }
            spilled = 0
        }
        if !memory.isEmpty { try write(memory) }
        memory = ""
    }

    private func spill() throws {
        if fd < 0 {
            let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
            var template = Array((directory + "/tokenaudit-report-XXXXXX").utf8CString)
            let created = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard created >= 0 else { throw TextSpillError(message: String(cString: strerror(errno))) }
            unlink(String(cString: template.withUnsafeBufferPointer { $0.baseAddress! }))
            guard fchmod(created, 0o600) == 0 else {
                close(created)
                throw TextSpillError(message: String(cString: strerror(errno)))
            }
            fd = created
        }
        var bytes = Array(memory.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pwrite(fd, $0.baseAddress! + written, $0.count - written, off_t(spilled) + off_t(written)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw TextSpillError(message: String(cString: strerror(errno)))
            }
            written += n
        }
        spilled += Int64(bytes.count)
        bytes = []
        memory = ""
    }
}

struct TextSpillError: Error, CustomStringConvertible {
    let message: String
    var description: String { "cannot keep report text in a temporary file: \(message)" }
}
