import Foundation
import ScanResults
import SecretReport
import SecretRules

/// Reports and helpers shared by the tests of the CI and audit formats (SARIF, JUnit, CSV, GitHub
/// annotations, Markdown).
enum ReportFormatFixtures {
    /// The formats of this suite, with their golden file names (`Golden/`, also `git-` prefixed).
    static let formats: [(format: ReportFormat, golden: String)] = [
        (.sarif, "report.sarif"), (.junit, "junit.xml"), (.csv, "report.csv"), (.github, "github-annotations.txt"),
        (.markdown, "summary.md"),
    ]

    /// The rules of the sample reports, described here so that the SARIF goldens do not change
    /// when a built-in pack's wording does.
    static let goldenRules: [Rule] = [
        Rule(id: "sirportly-token", title: "Sirportly API token", description: "A Sirportly API token.", severity: .high,
             references: ["https://sirportly.example/docs/api"], tags: ["sirportly"]),
        Rule(id: "sirportly-secret", title: "Sirportly API secret", description: "A Sirportly API secret.", severity: .high,
             references: ["https://sirportly.example/docs/api"], tags: ["sirportly"]),
        Rule(id: "password-in-url", title: "Password in a URL", description: "A password in a URL's user info.",
             severity: .high, tags: ["password"]),
        Rule(id: "generic-api-key", title: "Generic API key", severity: .low),
    ]

    /// Text from scanned input that every format must keep inert: a newline that could start a new
    /// record or command, HTML, quotes, a percent-encoded newline, a formula, Markdown links,
    /// images, mentions, table pipes and code spans, a terminal escape and a bidi override.
    static let hostileName = "evil\n::error::pwned <script>alert(1)</script> \"q\" %0A |a|`b` [x](http://e) ![i](http://e) @team #1 \u{1B}[2J\u{202E}, x:y.env"

    static let hostileFinding = ReportedFinding(
        path: "=HYPERLINK(\"http://e\")/" + hostileName, relativePath: hostileName, ruleID: "generic-api-key",
        title: "Key <b>bold</b> | \"title\" %0D", severity: .medium, line: 3, column: 7, endLine: 3, endColumn: 20,
        secret: "@SUM(1)\u{2026}", fingerprint: "beef", key: "-cmd|' /C calc'!A0",
        message: "note\r\n::warning::injected <img src=x onerror=alert(1)>",
        lineText: "line with <script> and \u{1B}]0;title\u{07} and `code` | pipe")

    /// A report whose finding, skip and warning carry `hostileName` and friends.
    static var hostile: ScanReport {
        ScanReport(
            tool: ToolInfo(name: "tokenaudit", version: "0.1.0-test"), findings: [hostileFinding],
            summary: ScanSummary(
                coverage: Coverage(roots: ["."], skipped: [
                    SkippedInput(path: "skip/" + hostileName, reason: .unreadable(message: "<denied> \"x\"\n%0A")),
                ]),
                warnings: ["warning from \(hostileName)"],
                stats: ScanStats(filesScanned: 1, bytesScanned: 10, findingsBySeverity: [.medium: 1])))
    }

    static let validator = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Schemas/validate-sarif.py")

    /// Validates `sarif` against the SARIF 2.1.0 schema with Python's `jsonschema` (a real JSON
    /// Schema validator); returns its error messages, empty when valid. A missing validator is an
    /// error, never a pass.
    static func schemaErrors(_ sarif: String) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", validator.path]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(sarif.utf8))
        try input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 0 { return nil }
        return "validator exit \(process.terminationStatus): \(message)"
    }

    /// Percent-decoding of a URI reference (to compare a SARIF uri with the path it names).
    static func percentDecoded(_ s: String) -> String {
        let utf8 = Array(s.utf8)
        var bytes: [UInt8] = []
        var k = 0
        while k < utf8.count {
            if utf8[k] == UInt8(ascii: "%"), k + 2 < utf8.count,
                let value = UInt8(String(decoding: utf8[(k + 1)...(k + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                k += 3
            } else {
                bytes.append(utf8[k])
                k += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
