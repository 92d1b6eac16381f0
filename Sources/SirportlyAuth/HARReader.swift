/// Reads the requests of an HTTP Archive one entry at a time.
///
/// Only `log.entries[].request` is built into a value (method, url, headers, postData); every
/// other member — responses with their bodies, timings, cache data, pages — is checked as JSON and
/// skipped without being kept. Members are taken in any order; a repeated `log`, `entries` or
/// `request` member is checked and skipped (the first one counts). Errors say where: JSON syntax
/// errors by line and column, a member that is missing or has the wrong type by its path.
enum HARReader {
    static let hint = "export the capture again as HAR (browser developer tools: Network, \"Save all as HAR\"), or pass the raw request text instead"

    static func syntaxError(_ error: JSONSyntaxError) -> HTTPCaptureError {
        HTTPCaptureError(location: "line \(error.line), column \(error.column)",
                         message: error.message.hasPrefix("read error") ? error.message : "not valid JSON: \(error.message)", hint: hint)
    }

    static func shapeError(_ location: String, _ message: String) -> HTTPCaptureError {
        HTTPCaptureError(location: location, message: message, hint: hint)
    }

    /// Reads a whole HAR document from `parser`, handing each request to `body` as soon as its
    /// entry is read (so requests before an error have already been handed over when it throws).
    static func read(_ parser: inout JSONPullParser, _ body: (HTTPRequest) -> Void) throws(HTTPCaptureError) {
        do {
            try readDocument(&parser, body)
        } catch let error as JSONSyntaxError {
            throw syntaxError(error)
        } catch let error as HTTPCaptureError {
            throw error
        } catch {
            throw shapeError("top level", "\(error)")
        }
    }

    private static func readDocument(_ parser: inout JSONPullParser, _ body: (HTTPRequest) -> Void) throws {
        parser.skipByteOrderMark()
        guard let start = parser.peekValueStart() else { throw parser.error("unexpected end of input, expected a value") }
        guard start == UInt8(ascii: "{") else {
            try parser.skipValue(depth: 0)
            try parser.expectEnd()
            throw shapeError("top level", "JSON without a \"log\" member, so not a HAR file")
        }
        parser.beginObject()
        var sawLog = false
        var sawEntries = false
        var first = true
        while let key = try parser.nextMember(first: &first) {
            guard key == "log", !sawLog else { try parser.skipValue(depth: 1); continue }
            sawLog = true
            guard parser.current() == UInt8(ascii: "{") else {
                try parser.skipValue(depth: 1)
                throw shapeError("log.entries", "missing or not an array")
            }
            parser.beginObject()
            var firstInLog = true
            while let logKey = try parser.nextMember(first: &firstInLog) {
                guard logKey == "entries", !sawEntries else { try parser.skipValue(depth: 2); continue }
                sawEntries = true
                guard parser.current() == UInt8(ascii: "[") else {
                    if parser.current() == nil { throw parser.error("unexpected end of input, expected a value") }
                    throw shapeError("log.entries", "missing or not an array")
                }
                try readEntries(&parser, body)
            }
        }
        try parser.expectEnd()
        if !sawLog { throw shapeError("top level", "JSON without a \"log\" member, so not a HAR file") }
        if !sawEntries { throw shapeError("log.entries", "missing or not an array") }
    }

    private static func readEntries(_ parser: inout JSONPullParser, _ body: (HTTPRequest) -> Void) throws {
        parser.beginArray()
        var first = true
        var index = 0
        while try parser.nextElement(first: &first) {
            let path = "log.entries[\(index)]"
            guard let b = parser.current() else { throw parser.error("unexpected end of input, expected a value") }
            guard b == UInt8(ascii: "{") else {
                try parser.skipValue(depth: 3)
                throw shapeError("\(path).request", "missing or not an object")
            }
            parser.beginObject()
            var request: HTTPRequest? = nil
            var firstInEntry = true
            while let key = try parser.nextMember(first: &firstInEntry) {
                guard key == "request", request == nil else { try parser.skipValue(depth: 4); continue }
                guard parser.current() == UInt8(ascii: "{") else {
                    try parser.skipValue(depth: 4)
                    throw shapeError("\(path).request", "missing or not an object")
                }
                request = try self.request(try parser.value(depth: 4), path: path)
            }
            guard let request else { throw shapeError("\(path).request", "missing or not an object") }
            body(request)
            index += 1
        }
    }

    /// The `HTTPRequest` of one entry's `request` object.
    static func request(_ request: JSONValue, path: String) throws(HTTPCaptureError) -> HTTPRequest {
        var result = HTTPRequest(method: request["method"]?.stringValue, url: request["url"]?.stringValue, location: path)
        if let headers = request["headers"] {
            guard let list = headers.arrayValue else {
                throw shapeError("\(path).request.headers", "is a \(headers.typeName), expected an array of {name, value}")
            }
            for (j, header) in list.enumerated() {
                guard let name = header["name"]?.stringValue, let value = header["value"]?.stringValue else {
                    throw shapeError("\(path).request.headers[\(j)]", "expected {\"name\": string, \"value\": string}")
                }
                if name.hasPrefix(":") {
                    TextCaptureReader.apply(pseudo: String(name.dropFirst()), value: value, to: &result)
                    if name == ":path" { result.url = request["url"]?.stringValue ?? value }
                    if name == ":method" { result.method = request["method"]?.stringValue ?? value }
                    continue
                }
                result.headers.append(HTTPHeaderField(name: name, value: Array(value.utf8)))
            }
        }
        if let postData = request["postData"], case .object = postData {
            result.bodyMediaType = postData["mimeType"]?.stringValue
            if let text = postData["text"]?.stringValue { result.body = Array(text.utf8) }
            for param in postData["params"]?.arrayValue ?? [] {
                if let name = param["name"]?.stringValue {
                    result.formParameters.append((name, param["value"]?.stringValue ?? ""))
                }
            }
        }
        if result.bodyMediaType == nil { result.bodyMediaType = result.headers(named: "Content-Type").first?.valueText }
        return result
    }
}
