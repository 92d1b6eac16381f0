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

    /// `lstat` (does not follow a final symlink) or `stat` (follows it). `path` is a `PathBytes`
    /// string of any length.
    static func of(_ path: String, followingSymlink: Bool) -> Result<EntryStatus, InputError> {
        do throws(InputError) {
            return .success(try PathResolution.at(path) { dir, name throws(InputError) in
                var st = stat()
                guard fstatat(dir, name, &st, followingSymlink ? 0 : AT_SYMLINK_NOFOLLOW) == 0 else {
                    throw InputError(errno: errno)
                }
                return EntryStatus(st)
            })
        } catch {
            return .failure(error)
        }
    }
}

/// Reaches a path of any length: system calls take at most `PATH_MAX` bytes, so a longer path
/// (deep nesting) is opened one directory at a time with `openat`, in chunks under the limit,
/// holding at most two descriptors at once. Paths are `PathBytes` strings (raw bytes kept).
enum PathResolution {
    /// Paths shorter than this go to the system call as they are.
    static let directLimit = Int(PATH_MAX) - 1
    /// The most bytes handed to one `openat` when walking down a long path.
    static let chunkLimit = 3072

    /// Calls `body` with a directory descriptor and a name relative to it that together reach
    /// `path` (`AT_FDCWD` and the whole path when it is short). Intermediate symlinks are followed
    /// as the kernel would follow them.
    static func at<T>(
        _ path: String, _ body: (Int32, UnsafePointer<CChar>) throws(InputError) -> T
    ) throws(InputError) -> T {
        var bytes = PathBytes.bytes(of: path)
        if bytes.contains(0) { throw InputError(errno: EINVAL) }
        if bytes.count <= directLimit {
            bytes.append(0)
            return try bytes.withUnsafeBufferPointer { buffer throws(InputError) in
                try buffer.withMemoryRebound(to: CChar.self) { chars throws(InputError) in try body(AT_FDCWD, chars.baseAddress!) }
            }
        }
        var components = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map { Array($0) }
        let leaf = bytes.last == UInt8(ascii: "/") || components.isEmpty ? Array(".".utf8) : components.removeLast()
        var dir: Int32 = AT_FDCWD
        if bytes.first == UInt8(ascii: "/") {
            dir = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard dir >= 0 else { throw InputError(errno: errno) }
        }
        defer { if dir != AT_FDCWD { close(dir) } }
        var index = 0
        while index < components.count {
            var chunk: [UInt8] = []
            while index < components.count, chunk.isEmpty || chunk.count + 1 + components[index].count <= chunkLimit {
                if !chunk.isEmpty { chunk.append(UInt8(ascii: "/")) }
                chunk += components[index]
                index += 1
            }
            chunk.append(0)
            let next = chunk.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { openat(dir, $0.baseAddress!, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
            }
            guard next >= 0 else { throw InputError(errno: errno) }
            if dir != AT_FDCWD { close(dir) }
            dir = next
        }
        let name = leaf + [0]
        return try name.withUnsafeBufferPointer { buffer throws(InputError) in
            try buffer.withMemoryRebound(to: CChar.self) { chars throws(InputError) in try body(dir, chars.baseAddress!) }
        }
    }
}

/// The names in a directory (without `.` and `..`) as `PathBytes` strings (a name that is not
/// UTF-8 is kept, not replaced), sorted by their bytes. `path` may be of any length.
func directoryEntries(_ path: String) -> Result<[String], InputError> {
    let opened: Result<OpaquePointer, InputError>
    do throws(InputError) {
        opened = .success(try PathResolution.at(path) { at, name throws(InputError) in
            let fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { throw InputError(errno: errno) }
            guard let dir = fdopendir(fd) else {
                let code = errno
                close(fd)
                throw InputError(errno: code)
            }
            return dir
        })
    } catch {
        opened = .failure(error)
    }
    guard case .success(let dir) = opened else {
        if case .failure(let error) = opened { return .failure(error) }
        return .failure(InputError(errno: EIO))
    }
    defer { closedir(dir) }
    var names: [String] = []
    while true {
        errno = 0
        guard let entry = readdir(dir) else {
            if errno != 0 { return .failure(InputError(errno: errno)) }
            break
        }
        let name = withUnsafePointer(to: &entry.pointee.d_name) { ptr in
            ptr.withMemoryRebound(to: UInt8.self, capacity: 256) { bytes in
                PathBytes.string(UnsafeBufferPointer(start: bytes, count: strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))))
            }
        }
        if name != "." && name != ".." { names.append(name) }
    }
    names = byteOrdered(names)
    return .success(names)
}

/// `paths` (`PathBytes` strings) sorted by their bytes.
func byteOrdered(_ paths: [String]) -> [String] {
    paths.map { (PathBytes.bytes(of: $0), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
}

/// An open file descriptor that closes itself.
final class OpenFile {
    let fd: Int32
    private let owned: Bool

    /// Opens `path` read-only without blocking on FIFOs; `noFollow` refuses a final symlink.
    /// `path` is a `PathBytes` string of any length.
    init(path: String, noFollow: Bool) throws(InputError) {
        var flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        if noFollow { flags |= O_NOFOLLOW }
        let fd = try PathResolution.at(path) { dir, name throws(InputError) in
            let fd = openat(dir, name, flags)
            guard fd >= 0 else { throw InputError(errno: errno) }
            return fd
        }
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

/// The canonical absolute path (`realpath`: every symlink resolved, no `.` or `..`) of `path` (a
/// `PathBytes` string), as bytes; nil when it cannot be resolved (it does not exist, or it is
/// longer than `PATH_MAX`).
func canonicalPath(_ path: String) -> [UInt8]? {
    var bytes = PathBytes.bytes(of: path)
    guard !bytes.contains(0) else { return nil }
    bytes.append(0)
    let resolved = bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { realpath($0.baseAddress!, nil) }
    }
    guard let resolved else { return nil }
    defer { free(resolved) }
    return Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
}
