#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ScanResults

/// A system call failure on one input, with the system's message. Recorded as a skip reason,
/// never fatal to the run.
struct InputError: Error, Sendable {
    let code: Int32
    let message: String

    init(errno code: Int32) {
        self.code = code
        self.message = String(cString: strerror(code))
    }
}

/// The kind of a directory entry, from `lstat`/`stat`.
enum EntryKind: Sendable, Equatable {
    case regular, directory, symlink, fifo, socket, device, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symlink
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR, S_IFBLK: self = .device
        default: self = .other
        }
    }

    /// The skip reason for a kind that is never scanned during a walk.
    var skipReason: SkipReason? {
        switch self {
        case .fifo: .fifo
        case .socket: .socket
        case .device, .other: .device
        case .regular, .directory, .symlink: nil
        }
    }
}

/// The identity of a file system object (device and inode), for symlink loop detection.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
}

/// What `stat`/`lstat` says about a path.
struct EntryStatus: Sendable {
    let kind: EntryKind
    let size: Int64
    let identity: FileIdentity

    init(_ st: stat) {
        kind = EntryKind(mode: st.st_mode)
        size = Int64(st.st_size)
        identity = FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// `lstat` (does not follow a final symlink) or `stat` (follows it).
    static func of(_ path: String, followingSymlink: Bool) -> Result<EntryStatus, InputError> {
        var st = stat()
        let rc = followingSymlink ? stat(path, &st) : lstat(path, &st)
        return rc == 0 ? .success(EntryStatus(st)) : .failure(InputError(errno: errno))
    }
}

/// The names in a directory (without `.` and `..`), sorted by their UTF-8 bytes.
func directoryEntries(_ path: String) -> Result<[String], InputError> {
    guard let dir = opendir(path) else { return .failure(InputError(errno: errno)) }
    defer { closedir(dir) }
    var names: [String] = []
    while true {
        errno = 0
        guard let entry = readdir(dir) else {
            if errno != 0 { return .failure(InputError(errno: errno)) }
            break
        }
        let name = withUnsafePointer(to: &entry.pointee.d_name) { ptr in
            ptr.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name != "." && name != ".." { names.append(name) }
    }
    names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    return .success(names)
}

/// An open file descriptor that closes itself.
final class OpenFile {
    let fd: Int32
    private let owned: Bool

    /// Opens `path` read-only without blocking on FIFOs; `noFollow` refuses a final symlink.
    init(path: String, noFollow: Bool) throws(InputError) {
        var flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        if noFollow { flags |= O_NOFOLLOW }
        let fd = open(path, flags)
        guard fd >= 0 else { throw InputError(errno: errno) }
        self.fd = fd
        self.owned = true
    }

    /// Wraps a descriptor this object does not own (standard input).
    init(borrowing fd: Int32) {
        self.fd = fd
        self.owned = false
    }

    deinit { if owned { close(fd) } }

    func status() throws(InputError) -> EntryStatus {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw InputError(errno: errno) }
        return EntryStatus(st)
    }

    /// Switches the descriptor back to blocking reads (it was opened non-blocking so that opening a
    /// FIFO cannot hang).
    func makeBlocking() {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
    }

    /// Reads up to `buffer.count` bytes, retrying on EINTR; 0 at end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc) || canImport(Musl)
            let n = Glibc.read(fd, base, buffer.count)
            #else
            let n = Darwin.read(fd, base, buffer.count)
            #endif
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw InputError(errno: errno)
        }
    }

    /// Reads up to `count` bytes at `offset` without moving the file position.
    func read(at offset: Int64, count: Int) throws(InputError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = out.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
            }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(errno: errno)
            }
            filled += n
        }
        out.removeLast(count - filled)
        return out
    }
}

/// Reads from `read` into `buffer` until it holds `limit` bytes or the source ends; returns
/// whether the source ended.
func fill(_ buffer: inout [UInt8], upTo limit: Int, from read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> Bool {
    let block = 64 * 1024
    while buffer.count < limit {
        let want = min(block, limit - buffer.count)
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: want))
        let n = try buffer.withUnsafeMutableBytes { raw in
            try read(UnsafeMutableRawBufferPointer(rebasing: raw[start..<(start + want)]))
        }
        buffer.removeLast(want - n)
        if n == 0 { return true }
    }
    return false
}

/// The number of processors online (at least 1).
func onlineProcessorCount() -> Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
