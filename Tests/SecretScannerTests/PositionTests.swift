import Crypto
import PCRE2
import SecretRules
import Testing
@testable import SecretScanner

@Suite("Line, column, fingerprint")
struct PositionTests {
    @Test(arguments: [
        // (text, line, column, endLine, endColumn)
        ("api_key = Zk8rT2mQ9vX4bN7cW1pL", 1, 11, 1, 30),
        ("first\napi_key = Zk8rT2mQ9vX4bN7cW1pL", 2, 11, 2, 30),
        ("first\r\nsecond\r\napi_key = Zk8rT2mQ9vX4bN7cW1pL\r\n", 3, 11, 3, 30),
        ("é\n😀 api_key = Zk8rT2mQ9vX4bN7cW1pL", 2, 13, 2, 32),
        ("ünïcödé api_key = Zk8rT2mQ9vX4bN7cW1pL ✓", 1, 19, 1, 38),
    ])
    func lineAndColumnCountUnicodeScalars(text: String, line: Int, column: Int, endLine: Int, endColumn: Int) throws {
        let finding = try #require(try scan(text, rules: [valueRule]).findings.first)
        #expect(finding.line == line)
        #expect(finding.column == column)
        #expect(finding.endLine == endLine)
        #expect(finding.endColumn == endColumn)
    }

    @Test func multiLineSecretEndsOnItsLastLine() throws {
        let rule = Rule(
            id: "block", title: "b", keywords: ["BEGIN BLOCK"], regex: #"(BEGIN BLOCK[\s\S]*?END BLOCK)"#, window: .multiline)
        let text = "x\nBEGIN BLOCK\nq8w7e6r5t4y3\nEND BLOCK\n"
        let finding = try #require(try scan(text, rules: [rule]).findings.first)
        #expect((finding.line, finding.column, finding.endLine, finding.endColumn) == (2, 1, 4, 9))
    }

    @Test func fingerprintIsStableWhenLinesMoveAndDiffersByPathRuleKey() throws {
        let before = try #require(try scan("api_key = Zk8rT2mQ9vX4bN7cW1pL", rules: [valueRule]).findings.first)
        let moved = try #require(try scan("\n\n# comment\n   api_key = Zk8rT2mQ9vX4bN7cW1pL", rules: [valueRule]).findings.first)
        #expect(before.line != moved.line)
        #expect(before.fingerprint == moved.fingerprint)
        #expect(before.fingerprint.count == 64)
        #expect(!before.fingerprint.contains("Zk8r"))
        let otherPath = try #require(try scan("api_key = Zk8rT2mQ9vX4bN7cW1pL", rules: [valueRule], path: "b.txt").findings.first)
        #expect(otherPath.fingerprint != before.fingerprint)
        let otherKey = try #require(try scan("api_key = Zk8rT2mQ9vX4bN7cW1pL", rules: [valueRule]) {
            $0.fingerprintKey = Array("another key".utf8)
        }.findings.first)
        #expect(otherKey.fingerprint != before.fingerprint)
        // The documented construction: HMAC(key, rule id NUL secret NUL path).
        let expected = Fingerprint.hex(HMAC<SHA256>.authenticationCode(
            for: Array("demo-value".utf8) + [0] + Array("Zk8rT2mQ9vX4bN7cW1pL".utf8) + [0] + Array("file.txt".utf8),
            using: SymmetricKey(data: EngineOptions().fingerprintKey)))
        #expect(before.fingerprint == expected)
    }

    @Test func findingsAreSortedAndDeduplicated() throws {
        // Two keywords of the same rule on one line produce one window and one finding per value.
        let rule = Rule(id: "dup", title: "d", keywords: ["api_key", "key ="], regex: #"api_key\s*=\s*(\w{16,})"#)
        let text = "b api_key = Hq3sV8nR2wY6cJ5kD0tM\na api_key = Zk8rT2mQ9vX4bN7cW1pL"
        let result = try scan(text, rules: [rule, valueRule])
        #expect(result.findings.map(\.line) == [1, 1, 2, 2])
        #expect(Set(result.findings.map(\.ruleID)) == ["dup", "demo-value"])
    }
}
