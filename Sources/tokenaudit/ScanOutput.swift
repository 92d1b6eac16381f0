import Foundation
import ArgumentParser
import SecretReport

/// Where `scan` writes its report, as a `ReportOutput`: standard output, or a private file.
///
/// Writes are buffered (64 KiB) and go out with `write(2)`, retried on EINTR. A report file is
/// written to a new temporary file (mode 0600, created exclusively, never through a symlink) in
/// the same directory and renamed over the destination by `commit()`, so a failed run never leaves
/// a truncated report behind.
final class ReportDestination: ReportOutput {
    private let fd: Int32
    private let temporaryPath: String?
    private let finalPath: String?
    private var buffer: [UInt8] = []
    private static let bufferSize = 64 * 1024
    /// The `errno` of the write that failed, if one did (EPIPE: the reader of stdout went away).
    private(set) var writeFailure: Int32?

    private init(fd: Int32, temporaryPath: String?, finalPath: String?) {
        self.fd = fd
        self.temporaryPath = temporaryPath
        self.finalPath = finalPath
        buffer.reserveCapacity(Self.bufferSize)
    }

    static func standardOutput() -> ReportDestination {
        ReportDestination(fd: 1, temporaryPath: nil, finalPath: nil)
    }

    /// `-o PATH` as a private file, or standard output without one; a destination that cannot be
    /// opened is one line on standard error and exit status 2 (what every reporting command does).
    static func opened(_ output: String?) throws -> ReportDestination {
        do {
            return try output.map(privateFile) ?? standardOutput()
        } catch {
            StandardStreams.writeError("tokenaudit: error: cannot write \(TerminalText.neutralised(output ?? "-")): \(error)\n")
            throw ExitCode(2)
        }
    }

    /// A new temporary file beside `path`, renamed to `path` by `commit()`. A `path` that is a
    /// symbolic link is refused (never followed); one that is a device or a named pipe (for
    /// example `/dev/null`) is written in place, since renaming over it would replace it.
    static func privateFile(_ path: String) throws -> ReportDestination {
        var status = stat()
        if lstat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                throw ReportDestinationError.symbolicLink
            case S_IFCHR, S_IFIFO:
                let fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
                guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                return ReportDestination(fd: fd, temporaryPath: nil, finalPath: nil)
            case S_IFREG: break
            default: throw ReportDestinationError.notAFile
            }
        }
        for attempt in 0..<100 {
            let temporary = "\(path).tmp-\(getpid())-\(attempt)"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                guard fchmod(fd, 0o600) == 0 else {
                    let error = errno
                    close(fd)
                    unlink(temporary)
                    throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO)
                }
                return ReportDestination(fd: fd, temporaryPath: temporary, finalPath: path)
            }
            if errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        throw POSIXError(.EEXIST)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    private func flush() throws {
        if let error = buffer.withUnsafeBytes({ StandardStreams.write($0, to: fd) }) {
            writeFailure = error
            throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered; for a file, closes it and renames it over the destination.
    func commit() throws {
        try flush()
        guard let temporaryPath, let finalPath else {
            if fd > 2 { close(fd) }
            return
        }
        guard close(fd) == 0, rename(temporaryPath, finalPath) == 0 else {
            let error = errno
            unlink(temporaryPath)
            throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO)
        }
    }

    /// After a failed run: a report file is removed (the destination keeps its old content).
    func discard() {
        guard let temporaryPath else { return }
        close(fd)
        unlink(temporaryPath)
    }
}

/// Why `-o` cannot be written.
enum ReportDestinationError: Error, CustomStringConvertible {
    case symbolicLink
    case notAFile

    var description: String {
        switch self {
        case .symbolicLink: "it is a symbolic link (not followed; name the file it points to)"
        case .notAFile: "it is not a regular file"
        }
    }
}
