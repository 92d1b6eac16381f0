import Foundation
import Synchronization

/// The one writer for the process's standard output and standard error: `write(2)` in a loop,
/// retried on EINTR, never `FileHandle` (whose non-throwing `write` traps on an error, so a full
/// disk or a closed pipe used to kill the process with SIGILL).
///
/// Failures:
/// - standard output (`writeOutput`, `ByteOutput`, a scan report on stdout): the command stops
///   with exit status 2 and one line on standard error (`tokenaudit: error: cannot write to
///   standard output: No space left on device`); for a closed pipe (EPIPE, when SIGPIPE is
///   ignored, as in many CI runners) it stops quietly, with status 2, since a reader that went away
///   is not an error worth a message.
/// - standard error (`writeError`): nowhere is left to report it, so the write is dropped, the run
///   goes on, and the process exits with status 2 (`TokenAudit.main` checks `errorFailed`).
enum StandardStreams {
    private static let standardErrorFailure = Atomic<Bool>(false)

    /// Whether a write to standard error has failed during this run.
    static var errorFailed: Bool { standardErrorFailure.load(ordering: .relaxed) }

    /// Writes all of `bytes` to `descriptor`; returns nil, or the `errno` of the failed write.
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }

    /// Writes `text` to standard error. A failure is remembered (exit status 2), never fatal.
    static func writeError(_ text: String) {
        var text = text
        let failed = text.withUTF8 { write(UnsafeRawBufferPointer($0), to: 2) }
        if failed != nil { standardErrorFailure.store(true, ordering: .relaxed) }
    }

    /// Writes `text` to standard output; a failure ends the process (see the type's overview).
    static func writeOutput(_ text: String) {
        var text = text
        if let error = text.withUTF8({ write(UnsafeRawBufferPointer($0), to: 1) }) {
            exitAfterOutputFailure(error)
        }
    }

    /// Ends the process after standard output failed with `code`: quietly for a closed pipe, with
    /// one line on standard error otherwise; status 2.
    static func exitAfterOutputFailure(_ code: Int32) -> Never {
        if let message = outputFailureMessage(code) { writeError(message) }
        Foundation.exit(2)
    }

    /// The line to print when standard output failed with `code`, or nil for a closed pipe.
    static func outputFailureMessage(_ code: Int32) -> String? {
        code == EPIPE ? nil : "tokenaudit: error: cannot write to standard output: \(String(cString: strerror(code)))\n"
    }
}
