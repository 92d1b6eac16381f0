import Foundation
import ScanResults
import Testing
import TestSupport
@testable import SecretLint

/// A streamed input's findings go through a temporary file (`FindingSpill`) on their way to the
/// report; the report is the one an in-memory scan of the same input gives.
@Suite("Findings of streamed inputs")
struct SpilledFindingsTests {
    /// Generated GitHub-shaped tokens (random letters and digits) and Sirportly-shaped pairs.
    static func log(lines: Int, strayCopy: String) -> String {
        var generated = SeededLetters(seed: 0x5eed)
        func letters(_ count: Int, _ alphabet: [Character]) -> String { generated.letters(count, alphabet) }
        let alnum = SeededLetters.alphanumeric, hex = SeededLetters.hex
        var out = "first GITHUB_TOKEN=ghp_\(letters(36, alnum)) next to a copy: x\(strayCopy)\n"
        for i in 1..<lines {
            switch i % 5 {
            case 0:
                let token = [8, 4, 4, 4, 12].map { letters($0, hex) }.joined(separator: "-")
                out += "request \(i) X-Auth-Token: \(token) X-Auth-Secret: \(letters(50, alnum))\n"
            case 2: out += "request \(i) GITHUB_TOKEN=ghp_\(letters(36, alnum)) and GITHUB_TOKEN=ghp_\(letters(36, alnum))\n"
            default: out += "request \(i) handled in \(i % 97) ms\n"
            }
        }
        return out + "last GITHUB_TOKEN=\(strayCopy)\n"
    }

    static func report(_ request: ScanRequest) throws -> ScanReport {
        var sink = CollectingSink()
        _ = try Linter.run(request, tool: ToolInfo(name: "tokenaudit", version: "test"), into: &sink)
        return sink.report
    }

    @Test(arguments: [false, true])
    func spilledFindingsMatchTheInMemoryReport(gzip: Bool) throws {
        let tree = try TemporaryTree()
        let stray = "ghp_Vq8ZrT2mWn5Kx9Lp3Bc7Hd1Fj6Gs4Ya0Eu8R"
        let text = Self.log(lines: 6_000, strayCopy: stray)
        if gzip {
            try tree.write("app.log.gz", try gzipped(Data(text.utf8)))
        } else {
            try tree.write("app.log", text)
        }
        var inMemory = tree.request()
        inMemory.inMemoryLimit = 64 << 20
        var streamed = tree.request()
        streamed.inMemoryLimit = 64 << 10
        let whole = try Self.report(inMemory), spilled = try Self.report(streamed)
        #expect(whole.findings.count > 4_000)
        #expect(whole.findings.contains { $0.group != nil })
        #expect(spilled.findings == whole.findings)
        #expect(spilled.stats.findingsBySeverity == whole.stats.findingsBySeverity)
        // The value found on the last line is masked where it appears, unreported, on the first.
        let first = try #require(spilled.findings.first)
        #expect(first.line == 1)
        #expect(first.lineText?.contains(stray) == false)
        #expect(first.lineText?.contains("x" + String(stray.prefix(4)) + "\u{2026}") == true)
    }
}
