import Foundation
import SecretReport
import TokenFormat

/// Buffered writes of bytes to a file descriptor (standard output by default): lines are
/// collected in a 64 KiB buffer and written with `write(2)`, so printing millions of results
/// costs a few system calls per megabyte and no `String` per line.
final class ByteOutput {
    private var buffer: [UInt8] = []
    private let descriptor: Int32
    private let limit = 64 * 1024

    init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
        buffer.reserveCapacity(limit + 1024)
    }

    deinit { flush() }

    func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    func append(byte: UInt8) { buffer.append(byte) }

    /// Appends one line written by `body` (without its newline) and ends it.
    func appendLine(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        endLine()
    }

    /// Appends the decimal digits of a non-negative `value`.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value, count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[count] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10; count += 1 } while v > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(d[i]) }
        }
    }

    /// Ends the current line and flushes when the buffer is full.
    func endLine() {
        buffer.append(0x0A)
        if buffer.count >= limit { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        // A failed write (a full disk; a closed pipe when SIGPIPE is ignored) ends the command
        // with status 2 (quietly for a closed pipe): see `StandardStreams`.
        if let error = buffer.withUnsafeBytes({ StandardStreams.write($0, to: descriptor) }) {
            StandardStreams.exitAfterOutputFailure(error)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// `validate --format json` writes JSON Lines with SecretReport's `JSONWriter` (compact style,
/// one value per `take()`); these are the few shapes it needs on top.
extension JSONWriter {
    mutating func field(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    mutating func field(_ name: String, _ value: Int?) {
        key(name)
        if let value { raw(String(value)) } else { null() }
    }

    /// `"key": [` — closed with `endContainer()`.
    mutating func beginArray(_ key: String) {
        self.key(key)
        beginArray()
    }

    /// `"valid":…,"problems":[{"code":…,"message":…}],"notes":[…]` for a validation.
    mutating func validationFields(_ v: FormatValidation) {
        field("valid", v.isValid)
        beginArray("problems")
        for p in v.problems {
            beginObject(); field("code", p.code); field("message", p.description); endContainer()
        }
        endContainer()
        beginArray("notes")
        for n in v.notes {
            beginObject(); field("code", n.code); field("message", n.description); endContainer()
        }
        endContainer()
    }
}

/// Output format of `tokenaudit validate`.
enum ValidateOutputFormat: String, CaseIterable, Sendable {
    /// One human-readable line per value (and a summary on standard error).
    case text
    /// One JSON object per line (JSON Lines), so output streams and each line parses alone.
    case json
}
