import Foundation
import SirportlyAuth
import Testing
import TokenFormat

@Suite("Value validation")
struct ValueValidationTests {
    typealias V = CaptureValues

    static func results(_ text: [UInt8], kind: SirportlyValueKind = .token) throws -> ([ValueValidationResult], ValueValidationSummary) {
        let file = try TemporaryFile(text)
        defer { file.remove() }
        var results: [ValueValidationResult] = []
        let summary = try file.withDescriptor { fd in
            ValueValidation.validateLines(descriptor: fd, kind: kind) { results.append($0) }
        }
        return (results, summary)
    }

    @Test func linesWithCRLFEmptyLinesAndNoFinalNewline() throws {
        let text = "\(V.token)\r\n\n\r\n\(V.token.dropLast())\n\(V.app)"
        let (results, summary) = try Self.results(Array(text.utf8))
        #expect(results.map(\.position) == [.line(1), .line(4), .line(5)])
        #expect(results.map(\.validation.isValid) == [true, false, true])
        #expect(results[0].value == Array(V.token.utf8), "CR is part of the line ending")
        #expect(summary == ValueValidationSummary(valid: 2, invalid: 1, readError: nil))
        #expect(summary.exitStatus == 1)
    }

    /// Regression: a value split across two 256 KiB read blocks is one value.
    @Test(arguments: [-20, -1, 0, 1, 20])
    func valueAcrossReadBlocks(_ shift: Int) throws {
        let block = 1 << 18
        let line = Array((V.token + "\n").utf8)
        var bytes: [UInt8] = []
        while bytes.count + line.count <= block + shift - 18 { bytes += line }
        let padding = block + shift - 18 - bytes.count
        bytes += [UInt8](repeating: UInt8(ascii: "#"), count: padding) + [0x0A] + line
        let (results, summary) = try Self.results(bytes)
        #expect(results.last?.value == Array(V.token.utf8))
        #expect(results.last?.validation.isValid == true)
        #expect(summary.valid == results.count - (padding > 0 ? 1 : 0))
    }

    @Test func aLineTooLongToBeACredentialIsJudgedByItsLength() throws {
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let (results, _) = try Self.results(long + [0x0A] + Array(V.token.utf8))
        #expect(results.count == 2)
        #expect(results[0].validation.problems == [.wrongLength(got: 1_000_000, expected: 36)])
        #expect(results[0].value.count == ValueValidation.maximumLine, "memory per line is bounded")
        #expect(results[1].validation.isValid)
    }

    @Test func argumentsAreNumberedFromOne() {
        var results: [ValueValidationResult] = []
        let summary = ValueValidation.validate([V.secret, "", V.token], kind: .secret) { results.append($0) }
        #expect(results.map(\.position) == [.argument(1), .argument(2), .argument(3)])
        #expect(results.map(\.validation.isValid) == [true, false, false])
        #expect(summary.exitStatus == 1)
    }

    @Test func anUnreadableStreamIsAReadError() {
        let summary = ValueValidation.validateLines(descriptor: -1, kind: .token) { _ in }
        #expect(summary.readError != nil)
        #expect(summary.exitStatus == 2)
    }
}

@Suite("Credential display")
struct CredentialDisplayTests {
    @Test(arguments: [
        ("", true, "(empty)"),
        ("short-secret", true, "…"),
        ("fifteen-chars-x", true, "…"),
        ("sixteen-chars-xy", true, "si…"),
        ("9f1c2e4a-3b5d-4c7e-8f90-a1b2c3d4e5f6", true, "9f1c…"),
        ("Qw3rPAWW2SzUO5DxcCS2IENieKQeckyIeQ7sKZvKjmLhdvh9NF", true, "Qw3r…"),
        ("\u{1B}[31mred-and-long-enough-to-show", true, "\\x1b[31…"),
        ("\u{1B}[31m", false, "\\x1b[31m"),
        ("tab\there", false, "tab\\x09here"),
        ("back\\slash", false, "back\\x5cslash"),
    ])
    func values(_ value: String, _ redact: Bool, _ shown: String) {
        #expect(CredentialDisplay.string(Array(value.utf8), redact: redact) == shown)
    }

    @Test func redactedValuesNeverShowTheirEnd() {
        for length in 1...80 {
            let value = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            let shown = CredentialDisplay.string(value, redact: true)
            #expect(shown.hasSuffix("…"))
            #expect(shown.unicodeScalars.count - 1 == Redaction.shownPrefixLength(forLength: length))
        }
    }

    @Test(arguments: [
        ("https://u:hunter2@h.example.com/a?password=x#f", true, "https://…@h.example.com/a?…"),
        ("https://h.example.com/a?token=1", false, "https://h.example.com/a?token=1"),
        ("/api/v2/tickets\u{1B}]0;x", false, "/api/v2/tickets\\x1b]0;x"),
    ])
    func urls(_ url: String, _ redact: Bool, _ shown: String) {
        #expect(CredentialDisplay.url(url, redact: redact) == shown)
    }
}

@Suite("Capture audit")
struct CaptureAuditTests {
    typealias V = CaptureValues

    @Test func eventsPerFileAndTheExitStatus() throws {
        let valid = try TemporaryFile(Array("GET /api/v2/tickets/all HTTP/1.1\nHost: h\nX-Auth-Token: \(V.token)\nX-Auth-Secret: \(V.secret)\n\nGET /x HTTP/1.1\nHost: h\n\n".utf8))
        let broken = try TemporaryFile(Array("{\"log\": {\"entries\": [{\"request\": {\"headers\": [{\"name\": \"X-Auth-Token\", \"value\": \"\(V.token)\"}]}}, 1]}}".utf8))
        defer { valid.remove(); broken.remove() }
        var events: [String] = []
        let outcome = CaptureAudit.run(paths: [valid.path, broken.path, "/nonexistent/x.har"]) { event in
            switch event {
            case .request(_, let audit): events.append("request \(audit.request.location) \(audit.mode.rawValue) \(audit.isValid)")
            case .finished(let s): events.append("finished \(s.format.rawValue) \(s.requests) \(s.audited) \(s.invalid)")
            case .failed(_, .malformed(let e)): events.append("malformed \(e.location)")
            case .failed(_, .unreadable): events.append("unreadable")
            }
        }
        #expect(events == [
            "request line 1 account true", "finished raw HTTP request 2 1 0",
            "request log.entries[0] incomplete false", "malformed log.entries[1].request",
            "unreadable",
        ])
        #expect(outcome == CaptureAuditOutcome(invalid: 1, filesWithoutAuthentication: 0, failedFiles: 2))
        #expect(outcome.exitStatus == 2)
    }

    static let outcomes: [(CaptureAuditOutcome, Int32)] = [
        (CaptureAuditOutcome(), 0),
        (CaptureAuditOutcome(invalid: 1), 1),
        (CaptureAuditOutcome(filesWithoutAuthentication: 1), 1),
        (CaptureAuditOutcome(invalid: 3, failedFiles: 1), 2),
    ]

    @Test(arguments: outcomes)
    func exitStatus(_ outcome: CaptureAuditOutcome, _ status: Int32) {
        #expect(outcome.exitStatus == status)
    }
}
