#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Why a capture file could not be audited.
public enum HTTPCaptureReadError: Error, Sendable, Hashable {
    /// The file could not be opened or read: the system's reason.
    case unreadable(reason: String)
    /// The capture is malformed (a HAR file that is not valid JSON or not shaped like HAR).
    case malformed(HTTPCaptureError)
}

/// Reads the HTTP requests of a capture file or of standard input, streaming HAR files.
///
/// A HAR file (first non-space byte `{`) is read block by block with `JSONPullParser` and each
/// request is handed over as soon as its entry ends, so memory is bounded by the largest request
/// whatever the file's size. Text captures (raw requests, `curl -v` output) are read whole and
/// parsed with `HTTPCaptureParser`; they are typed or pasted, not recorded by a browser.
public enum HTTPCaptureReader {
    /// Reads `path` (`-` for standard input) and calls `body` with each request in capture order.
    /// Returns the capture's format. When a HAR file turns out malformed part way through, the
    /// requests before the error have been handed over and the error is thrown.
    @discardableResult
    public static func read(path: String, _ body: (HTTPRequest) -> Void) throws(HTTPCaptureReadError) -> HTTPCaptureFormat {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        if fd < 0 { throw .unreadable(reason: String(cString: strerror(errno))) }
        defer { if fd != 0 { close(fd) } }
        return try read(descriptor: fd, body)
    }

    /// Reads an open descriptor (not closed here); see `read(path:_:)`.
    public static func read(descriptor fd: Int32, _ body: (HTTPRequest) -> Void) throws(HTTPCaptureReadError) -> HTTPCaptureFormat {
        // Read until the first non-space byte decides the format.
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var ended = false
        var first: UInt8? = nil
        while !ended, first == nil {
            let n = try readBlock(fd, into: &chunk)
            if n == 0 { ended = true; break }
            first = chunk[0..<n].first { !HTTPCaptureParser.isSpace($0) }
            head.append(contentsOf: chunk[0..<n])
        }
        if first == UInt8(ascii: "{") {
            var parser = JSONPullParser(JSONByteStream(descriptor: ended ? -1 : fd, prefix: head))
            do {
                try HARReader.read(&parser, body)
            } catch {
                if let reason = parser.stream.readError { throw .unreadable(reason: reason) }
                throw .malformed(error)
            }
            return .har
        }
        var bytes = head
        while !ended {
            let n = try readBlock(fd, into: &chunk)
            if n == 0 { ended = true } else { bytes.append(contentsOf: chunk[0..<n]) }
        }
        let capture: HTTPCapture
        do {
            capture = try HTTPCaptureParser.parse(bytes)
        } catch {
            throw .malformed(error)
        }
        capture.requests.forEach(body)
        return capture.format
    }

    static func readBlock(_ fd: Int32, into chunk: inout [UInt8]) throws(HTTPCaptureReadError) -> Int {
        while true {
            let n = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, $0.count) }
            if n >= 0 { return n }
            if errno != EINTR { throw .unreadable(reason: String(cString: strerror(errno))) }
        }
    }
}

/// `read(2)`, named apart from `HTTPCaptureReader.read`.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
