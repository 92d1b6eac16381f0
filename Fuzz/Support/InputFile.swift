// Shared by the entry points whose code under test reads a file descriptor, as it reads git's
// pipes or a capture file. Compiled into every target by Fuzz/build.sh.
#if canImport(Glibc)
import Glibc
#endif

/// An unlinked temporary file that holds the current input.
enum InputFile {
    static let descriptor: Int32 = {
        var template = Array("/tmp/tokenaudit-fuzz-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        precondition(fd >= 0, "mkstemp failed")
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return fd
    }()

    /// Replaces the file's content with `size` bytes at `data` and rewinds it; returns the
    /// descriptor (owned here: read it, never close it).
    static func holding(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        let fd = descriptor
        precondition(ftruncate(fd, 0) == 0 && (size == 0 || pwrite(fd, data, size, 0) == size), "writing the input failed")
        precondition(lseek(fd, 0, SEEK_SET) == 0, "rewinding the input failed")
        return fd
    }
}
