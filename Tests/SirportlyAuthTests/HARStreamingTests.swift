import Foundation
import SirportlyAuth
import Testing

/// HAR files read as a stream: the same requests as an in-memory parse, whatever falls on a block
/// boundary, and malformed input rejected with a position (never a crash or a hang).
@Suite("HAR streaming")
struct HARStreamingTests {
    typealias V = CaptureValues

    /// A generated HAR: `count` entries; every third carries account authentication, every fifth
    /// a JSON body with a password; each has a response whose body is `responseSize` bytes of
    /// text with escapes, and page/timing data to skip.
    static func generatedHAR(count: Int, responseSize: Int) -> [UInt8] {
        var out = Array("{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"gen\", \"version\": \"1\"},\n\"pages\": [{\"id\": \"p\", \"title\": \"t\"}],\n\"entries\": [\n".utf8)
        let chunk = Array("lorem \\\"ipsum\\\" \\u00e9\\n dolor sit amet, ".utf8)
        var body: [UInt8] = []
        while body.count < responseSize { body += chunk }
        for i in 0..<count {
            if i > 0 { out += Array(",\n".utf8) }
            var headers = "{\"name\": \"Accept\", \"value\": \"*/*\"}"
            if i % 3 == 0 {
                headers += ", {\"name\": \"X-Auth-Token\", \"value\": \"\(V.token)\"}, {\"name\": \"X-Auth-Secret\", \"value\": \"\(V.secret)\"}"
            }
            let post = i % 5 == 0 ? ", \"postData\": {\"mimeType\": \"application/json\", \"text\": \"{\\\"password\\\": \\\"p\(i)\\\"}\"}" : ""
            out += Array("{\"startedDateTime\": \"2026-01-01T00:00:00Z\", \"time\": 12.5, \"request\": {\"method\": \"POST\", \"url\": \"https://helpdesk.example.com/api/v2/tickets/\(i)\", \"httpVersion\": \"HTTP/1.1\", \"cookies\": [], \"headers\": [\(headers)], \"queryString\": []\(post)},\n \"response\": {\"status\": 200, \"content\": {\"size\": \(body.count), \"mimeType\": \"text/html\", \"text\": \"".utf8)
            out += body
            out += Array("\"}, \"headers\": [{\"name\": \"Content-Type\", \"value\": \"text/html\"}]}, \"cache\": {}, \"timings\": {\"send\": 0, \"wait\": 1.5e1, \"receive\": -1}}".utf8)
        }
        out += Array("\n]}}\n".utf8)
        return out
    }

    @Test func largeGeneratedHARGivesEveryRequestInOrder() throws {
        let count = 400
        let file = try TemporaryFile(Self.generatedHAR(count: count, responseSize: 50_000), name: "big.har")
        defer { file.remove() }
        var requests: [HTTPRequest] = []
        let format = try HTTPCaptureReader.read(path: file.path) { requests.append($0) }
        #expect(format == .har)
        #expect(requests.count == count)
        #expect(requests.map(\.location) == (0..<count).map { "log.entries[\($0)]" })
        #expect(requests.map(\.url) == (0..<count).map { "https://helpdesk.example.com/api/v2/tickets/\($0)" })
        #expect(requests.filter { !$0.headers(named: "X-Auth-Secret").isEmpty }.count == (count + 2) / 3)
        #expect(requests[3].headers(named: "x-auth-token").first?.valueText == V.token)
        #expect(String(decoding: requests[5].body, as: UTF8.self) == "{\"password\": \"p5\"}")
        #expect(requests.allSatisfy { $0.headers(named: "Content-Type").isEmpty }, "response headers are not request headers")
    }

    /// Regression: a string, escape or literal split across the 256 KiB read blocks. The padding
    /// moves the interesting bytes over the boundary one byte at a time.
    @Test(arguments: Array(-12...12))
    func tokensSplitAcrossBlocksAreReadWhole(_ shift: Int) throws {
        let block = 1 << 18
        let prefix = Array("{\"log\": {\"entries\": [{\"response\": {\"content\": {\"text\": \"".utf8)
        let tail = Array("\", \"n\": true}}, \"request\": {\"method\": \"GET\", \"url\": \"https://h.example.com/\\u00e9\\ud83d\\ude00\", \"headers\": [{\"name\": \"X-Auth-Token\", \"value\": \"\(V.token)\"}]}}]}}".utf8)
        let filler = block - prefix.count + shift - 10
        let bytes = prefix + [UInt8](repeating: UInt8(ascii: "x"), count: max(0, filler)) + Array("\\\"\\u00e9\\\\".utf8) + tail
        let file = try TemporaryFile(bytes, name: "split.har")
        defer { file.remove() }
        var streamed: [HTTPRequest] = []
        try HTTPCaptureReader.read(path: file.path) { streamed.append($0) }
        let inMemory = try HTTPCaptureParser.parse(bytes).requests
        #expect(streamed == inMemory)
        #expect(streamed.first?.url == "https://h.example.com/é😀")
        #expect(streamed.first?.headers.first?.valueText == V.token)
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var location: String
        var message: String
        var testDescription: String { name }
    }

    static let malformed: [Malformed] = [
        Malformed(name: "deep nesting in a skipped member",
                  bytes: Array("{\"log\": {\"entries\": [{\"response\": ".utf8) + [UInt8](repeating: UInt8(ascii: "["), count: 100_000),
                  location: "line 1, column 543", message: "nesting deeper than 512"),
        Malformed(name: "deep nesting in a request",
                  bytes: Array("{\"log\": {\"entries\": [{\"request\": {\"x\": ".utf8) + [UInt8](repeating: UInt8(ascii: "["), count: 20_000),
                  location: "line 1, column 547", message: "nesting deeper than 512"),
        Malformed(name: "unterminated skipped string", bytes: Array("{\"log\": {\"entries\": [{\"response\": \"abc".utf8),
                  location: "line 1, column 39", message: "unterminated string"),
        Malformed(name: "raw newline in a string", bytes: Array("{\"pages\": \"a\nb\"}".utf8),
                  location: "line 1, column 13", message: "control character"),
        Malformed(name: "bad literal after a request", bytes: Array("{\"log\": {\"entries\": [{\"request\": {}}, nul]}}".utf8),
                  location: "line 1, column 39", message: "invalid literal"),
        Malformed(name: "second document", bytes: Array("{\"log\": {\"entries\": []}}\n{}".utf8),
                  location: "line 2, column 1", message: "unexpected text after"),
    ]

    @Test(arguments: malformed)
    func malformedInputIsRejectedWithAPosition(_ c: Malformed) throws {
        let file = try TemporaryFile(c.bytes, name: "bad.har")
        defer { file.remove() }
        #expect {
            try HTTPCaptureReader.read(path: file.path) { _ in }
        } throws: { error in
            guard case .malformed(let e) = error as? HTTPCaptureReadError else { return false }
            return e.location == c.location && e.message.contains(c.message) && e.hint.contains("HAR")
        }
    }

    /// Regression: a HAR saved with a UTF-8 byte order mark was rejected as invalid JSON.
    @Test func byteOrderMarkIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"log\": {\"entries\": [{\"request\": {\"url\": \"https://h.example.com/\"}}]}}".utf8)
        let file = try TemporaryFile(bytes)
        defer { file.remove() }
        var urls: [String?] = []
        #expect(try HTTPCaptureReader.read(path: file.path) { urls.append($0.url) } == .har)
        #expect(urls == ["https://h.example.com/"])
        #expect(try HTTPCaptureParser.parse(bytes).requests.map(\.url) == urls)
    }

    @Test func requestsBeforeAnErrorAreHandedOver() throws {
        let text = "{\"log\": {\"entries\": [{\"request\": {\"url\": \"https://h.example.com/a\"}}, {\"request\": {\"url\": \"https://h.example.com/b\"}}, {\"request\": ]}}"
        var urls: [String?] = []
        #expect(throws: HTTPCaptureReadError.self) {
            let file = try TemporaryFile(Array(text.utf8))
            defer { file.remove() }
            try HTTPCaptureReader.read(path: file.path) { urls.append($0.url) }
        }
        #expect(urls == ["https://h.example.com/a", "https://h.example.com/b"])
    }

    /// Every prefix of a valid HAR is either a complete document or an error with a position in
    /// the input; none crashes.
    @Test func everyTruncationIsAnErrorWithAPosition() throws {
        let full = Self.generatedHAR(count: 2, responseSize: 40)
        for end in 0..<(full.count - 1) {
            let prefix = Array(full[0..<end])
            guard HTTPCaptureParser.detectFormat(prefix) == .har else { continue }
            do {
                _ = try HTTPCaptureParser.parse(prefix)
                Issue.record("prefix of \(end) bytes parsed")
            } catch {
                #expect(error.location.hasPrefix("line ") || error.location.hasPrefix("log.") || error.location == "top level", "\(end): \(error)")
            }
        }
    }

    /// Generated mutations (a byte replaced, dropped or doubled) of a valid HAR: each is parsed or
    /// rejected, streamed and in memory alike.
    @Test func mutatedCapturesParseOrFailTheSameWayStreamedAndInMemory() throws {
        let base = Self.generatedHAR(count: 3, responseSize: 60)
        var random = SplitMix64(state: 7)
        let alphabet = Array("{}[]\":,\\u0123456789aefnrtl \n\u{1}".utf8) + [0xFF, 0xC3]
        for _ in 0..<300 {
            var bytes = base
            for _ in 0..<(1 + random.below(3)) {
                let at = random.below(bytes.count)
                switch random.below(3) {
                case 0: bytes[at] = alphabet[random.below(alphabet.count)]
                case 1: bytes.remove(at: at)
                default: bytes.insert(bytes[at], at: at)
                }
            }
            let inMemory = Result { () throws(HTTPCaptureError) in try HTTPCaptureParser.parse(bytes) }
            let file = try TemporaryFile(bytes)
            defer { file.remove() }
            var streamed: [HTTPRequest] = []
            let streamResult = Result { () throws(HTTPCaptureReadError) in try HTTPCaptureReader.read(path: file.path) { streamed.append($0) } }
            switch (inMemory, streamResult) {
            case (.success(let capture), .success):
                #expect(capture.requests == streamed)
            case (.failure(let a), .failure(.malformed(let b))):
                #expect(a == b)
            default:
                Issue.record("streamed and in-memory reads disagree: \(inMemory) vs \(streamResult)")
            }
        }
    }
}
