// HTTP requests read from captures, for `tokenaudit validate headers`.
//
// Three capture formats are understood, detected from the content:
// - HAR (HTTP Archive, JSON): `log.entries[].request` with `method`, `url`, `headers`,
//   `queryString` and `postData` (`mimeType`, `text`, `params`).
// - `curl -v` output: request lines prefixed with `> `; the host comes from the `Host` header.
// - A raw HTTP/1.x request (or several, one after another), and bare `Name: value` header lines.
// Parsing is byte-based and Foundation-free. HAR files are read with `JSONPullParser`, one entry at
// a time (see `HTTPCaptureReader` for files and standard input), so memory is bounded by the
// largest request, not by the file: responses, timings and page data are checked and skipped.

/// One header field as captured: the name as written (any case) and the raw value bytes.
public struct HTTPHeaderField: Sendable, Hashable {
    public var name: String
    public var value: [UInt8]
    /// 1-based line in the capture (text formats), or nil.
    public var line: Int?

    public init(name: String, value: [UInt8], line: Int? = nil) {
        self.name = name
        self.value = value
        self.line = line
    }

    /// The value as text (lossy for invalid UTF-8).
    public var valueText: String { String(decoding: value, as: UTF8.self) }
}

/// One HTTP request read from a capture.
public struct HTTPRequest: Sendable, Hashable {
    /// `GET`, `POST`, …; nil when the capture held only header lines.
    public var method: String?
    /// The URL (HAR, curl with a Host header) or the request target as written; nil when unknown.
    public var url: String?
    public var headers: [HTTPHeaderField]
    /// The body bytes when the capture holds them (raw requests, HAR `postData.text`).
    public var body: [UInt8]
    /// Form parameters listed separately by the capture (HAR `postData.params`).
    public var formParameters: [(name: String, value: String)]
    /// The body's media type: HAR `postData.mimeType`, else the `Content-Type` header.
    public var bodyMediaType: String?
    /// Where the request is in the capture: `line 12` or `log.entries[3]`.
    public var location: String

    public init(
        method: String? = nil, url: String? = nil, headers: [HTTPHeaderField] = [], body: [UInt8] = [],
        formParameters: [(name: String, value: String)] = [], bodyMediaType: String? = nil, location: String
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.formParameters = formParameters
        self.bodyMediaType = bodyMediaType
        self.location = location
    }

    /// Every header whose name equals `name`, ignoring ASCII case, in capture order.
    public func headers(named name: String) -> [HTTPHeaderField] {
        let wanted = name.lowercasedASCII
        return headers.filter { $0.name.lowercasedASCII == wanted }
    }

    /// The path of `url` without scheme, host, query or fragment (`/api/v2/tickets`), or nil.
    public var path: String? {
        guard var rest = url else { return nil }
        let bytes = Array(rest.utf8)
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), bytes.count > colon + 2,
           bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/"),
           bytes[..<colon].allSatisfy({ TextCaptureReader.isTokenByte($0) }) {
            let afterScheme = bytes[(colon + 3)...]
            let slash = afterScheme.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
            rest = slash.map { bytes[$0] == UInt8(ascii: "/") ? String(decoding: bytes[$0...], as: UTF8.self) : "/" } ?? "/"
        }
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = String(rest[..<cut]) }
        return rest
    }

    /// The query of `url` (after `?`, before `#`), or nil.
    public var query: String? {
        guard let url, let q = url.firstIndex(of: "?") else { return nil }
        let rest = url[url.index(after: q)...]
        return String(rest.prefix { $0 != "#" })
    }

    public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.method == b.method && a.url == b.url && a.headers == b.headers && a.body == b.body
            && a.formParameters.map(\.name) == b.formParameters.map(\.name)
            && a.formParameters.map(\.value) == b.formParameters.map(\.value)
            && a.bodyMediaType == b.bodyMediaType && a.location == b.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(url)
        hasher.combine(headers)
        hasher.combine(location)
    }
}

/// The kind of capture a file holds.
public enum HTTPCaptureFormat: String, Sendable, Hashable {
    /// An HTTP Archive (JSON).
    case har = "HAR"
    /// `curl -v` output (`> ` request lines).
    case curlVerbose = "curl -v output"
    /// Raw HTTP request text, or bare header lines.
    case raw = "raw HTTP request"
}

/// Why a capture could not be read: where, what, and what to do about it.
public struct HTTPCaptureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `line 3, column 18` or `log.entries[2].request`.
    public var location: String
    public var message: String
    public var hint: String

    public init(location: String, message: String, hint: String) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(location): \(message) (\(hint))" }
}

/// The requests found in one capture.
public struct HTTPCapture: Sendable, Hashable {
    public var format: HTTPCaptureFormat
    public var requests: [HTTPRequest]
}

/// Reads HTTP requests from a capture: HAR, `curl -v` output or raw request text.
public enum HTTPCaptureParser {
    /// Detects the format: JSON (first non-space byte `{`) is HAR; a line `> METHOD target HTTP/…`
    /// is `curl -v` output; anything else is raw request text.
    public static func detectFormat(_ bytes: [UInt8]) -> HTTPCaptureFormat {
        if let first = bytes.first(where: { !isSpace($0) }), first == UInt8(ascii: "{") { return .har }
        for line in CaptureLines(bytes) where line.text.starts(with: [UInt8(ascii: ">"), 0x20]) {
            if RequestLine(line.text.dropFirst(2)) != nil { return .curlVerbose }
        }
        return .raw
    }

    /// Parses every request in `bytes`. Text captures never fail (lines that are not part of a
    /// request are ignored); a HAR capture fails with the JSON error's line and column, or with
    /// the path of the member that is missing or has the wrong type.
    public static func parse(_ bytes: [UInt8]) throws(HTTPCaptureError) -> HTTPCapture {
        switch detectFormat(bytes) {
        case .har:
            var requests: [HTTPRequest] = []
            var parser = JSONPullParser(JSONByteStream(bytes))
            try HARReader.read(&parser) { requests.append($0) }
            return HTTPCapture(format: .har, requests: requests)
        case .curlVerbose: return HTTPCapture(format: .curlVerbose, requests: TextCaptureReader.curlRequests(bytes))
        case .raw: return HTTPCapture(format: .raw, requests: TextCaptureReader.rawRequests(bytes))
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0xEF || b == 0xBB || b == 0xBF }
}

/// Lines of a capture, without their line ending, with 1-based numbers.
struct CaptureLines: Sequence {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    struct Line {
        var number: Int
        var text: ArraySlice<UInt8>
    }

    func makeIterator() -> AnyIterator<Line> {
        var start = 0
        var number = 0
        let bytes = self.bytes
        return AnyIterator {
            guard start < bytes.count else { return nil }
            number += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var textEnd = end
            if textEnd > start && bytes[textEnd - 1] == 0x0D { textEnd -= 1 }
            let line = Line(number: number, text: bytes[start..<textEnd])
            start = end + 1
            return line
        }
    }
}

/// `METHOD SP target SP HTTP/version`.
struct RequestLine {
    var method: String
    var target: String

    init?(_ text: ArraySlice<UInt8>) {
        let parts = text.split(separator: 0x20, omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].starts(with: Array("HTTP/".utf8)),
              !parts[0].isEmpty, parts[0].allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) })
        else { return nil }
        method = String(decoding: parts[0], as: UTF8.self)
        target = String(decoding: parts[1], as: UTF8.self)
    }
}

/// Reads requests from raw request text and `curl -v` output.
enum TextCaptureReader {
    /// `Name: value` with a token name (no spaces), or nil. Pseudo-headers (`:path: /x`) are
    /// handled by `pseudoHeader`.
    static func headerField(_ text: ArraySlice<UInt8>, line: Int) -> HTTPHeaderField? {
        guard let colon = text.firstIndex(of: UInt8(ascii: ":")), colon > text.startIndex else {
            return nil
        }
        let nameBytes = text[text.startIndex..<colon]
        guard nameBytes.allSatisfy(isTokenByte) else { return nil }
        var value = text[(colon + 1)...]
        while let f = value.first, f == 0x20 || f == 0x09 { value = value.dropFirst() }
        while let l = value.last, l == 0x20 || l == 0x09 { value = value.dropLast() }
        return HTTPHeaderField(name: String(decoding: nameBytes, as: UTF8.self), value: Array(value), line: line)
    }

    /// `:method: POST` (HTTP/2 pseudo-header as copied from browser tools): name and value.
    static func pseudoHeader(_ text: ArraySlice<UInt8>) -> (String, String)? {
        guard text.first == UInt8(ascii: ":") else { return nil }
        guard let colon = text.dropFirst().firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = String(decoding: text[(text.startIndex + 1)..<colon], as: UTF8.self)
        let value = String(decoding: text[(colon + 1)...], as: UTF8.self).trimmingSpaces
        return (name, value)
    }

    static func isTokenByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(b)
        }
    }

    /// Raw HTTP/1.x requests: each starts at a request line; headers follow until an empty line,
    /// then the body runs until the next request line. Without any request line, every
    /// `Name: value` line of the text forms one request (no method, no URL).
    static func rawRequests(_ bytes: [UInt8]) -> [HTTPRequest] {
        var requests: [HTTPRequest] = []
        var current: HTTPRequest? = nil
        var inHeaders = false
        var bodyLines: [ArraySlice<UInt8>] = []
        var loose = HTTPRequest(location: "line 1")
        var sawLooseHeader = false

        func finish() {
            guard var request = current else { return }
            while let last = bodyLines.last, last.isEmpty { bodyLines.removeLast() }
            request.body = Array(bodyLines.joined(separator: [0x0A]))
            request.bodyMediaType = request.headers(named: "Content-Type").first?.valueText
            if let host = request.headers(named: "Host").first?.valueText, let target = request.url, target.hasPrefix("/") {
                request.url = "http://" + host + target
            }
            requests.append(request)
            current = nil
            bodyLines = []
        }

        for line in CaptureLines(bytes) {
            if let requestLine = RequestLine(line.text) {
                finish()
                current = HTTPRequest(method: requestLine.method, url: requestLine.target, location: "line \(line.number)")
                inHeaders = true
                continue
            }
            if current != nil {
                if inHeaders {
                    if line.text.isEmpty { inHeaders = false; continue }
                    if let (name, value) = pseudoHeader(line.text) {
                        apply(pseudo: name, value: value, to: &current!)
                    } else if let f = line.text.first, f == 0x20 || f == 0x09, !(current!.headers.isEmpty) {
                        // Obsolete line folding: continues the previous header's value.
                        let extra = Array(line.text.drop { $0 == 0x20 || $0 == 0x09 })
                        current!.headers[current!.headers.count - 1].value += [0x20] + extra
                    } else if let field = headerField(line.text, line: line.number) {
                        current!.headers.append(field)
                    }
                } else {
                    bodyLines.append(line.text)
                }
            } else if let (name, value) = pseudoHeader(line.text) {
                if !sawLooseHeader { loose.location = "line \(line.number)" }
                apply(pseudo: name, value: value, to: &loose)
                sawLooseHeader = true
            } else if let field = headerField(line.text, line: line.number) {
                if !sawLooseHeader { loose.location = "line \(line.number)" }
                loose.headers.append(field)
                sawLooseHeader = true
            }
        }
        finish()
        if requests.isEmpty && sawLooseHeader {
            if let authority = loose.headers(named: "Host").first?.valueText, let path = loose.url, path.hasPrefix("/") {
                loose.url = "https://" + authority + path
            }
            requests.append(loose)
        }
        return requests
    }

    static func apply(pseudo name: String, value: String, to request: inout HTTPRequest) {
        switch name {
        case "method": request.method = value
        case "path": request.url = value
        case "authority": request.headers.append(HTTPHeaderField(name: "Host", value: Array(value.utf8)))
        default: break
        }
    }

    /// `curl -v` output: `> ` lines form the request (request line, headers, an empty `>` line);
    /// everything else (`*` notes, `<` response lines, data) is ignored. curl does not print the
    /// body it sends, so only the URL's query can carry a password here. The URL is built from
    /// the `Host` header (https when curl reported a TLS handshake or port 443).
    static func curlRequests(_ bytes: [UInt8]) -> [HTTPRequest] {
        var requests: [HTTPRequest] = []
        var current: HTTPRequest? = nil
        var tls = false
        func finish() {
            guard var request = current else { return }
            if let host = request.headers(named: "Host").first?.valueText, let target = request.url, target.hasPrefix("/") {
                request.url = (tls ? "https://" : "http://") + host + target
            }
            request.bodyMediaType = request.headers(named: "Content-Type").first?.valueText
            requests.append(request)
            current = nil
        }
        for line in CaptureLines(bytes) {
            let text = line.text
            if text.first == UInt8(ascii: "*") {
                let note = String(decoding: text, as: UTF8.self)
                if note.contains("SSL") || note.contains("TLS") || note.contains("port 443") { tls = true }
                continue
            }
            guard text.first == UInt8(ascii: ">") else { continue }
            let content = text.dropFirst().drop { $0 == 0x20 }
            if let requestLine = RequestLine(content) {
                finish()
                current = HTTPRequest(method: requestLine.method, url: requestLine.target, location: "line \(line.number)")
            } else if current != nil, !content.isEmpty, let field = headerField(content, line: line.number) {
                current!.headers.append(field)
            }
        }
        finish()
        return requests
    }
}

extension String {
    /// ASCII letters lowercased; other characters unchanged.
    var lowercasedASCII: String {
        String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    var trimmingSpaces: String {
        let bytes = Array(utf8)
        var lower = 0, upper = bytes.count
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
