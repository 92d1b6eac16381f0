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

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func sha256MatchesFIPS180Vectors(message: String, digest: String) {
        #expect(SHA256.hex(SHA256.hash(Array(message.utf8))) == digest)
    }

    /// RFC 4231 test cases 1, 2, 6 and 7 (6 and 7 use a key longer than the block).
    @Test(arguments: [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ([UInt8](repeating: 0xaa, count: 131),
         Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ])
    func hmacMatchesRFC4231Vectors(key: [UInt8], message: [UInt8], mac: String) {
        #expect(SHA256.hex(SHA256.hmac(key: key, message: message)) == mac)
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
        let expected = SHA256.hex(SHA256.hmac(
            key: EngineOptions().fingerprintKey,
            message: Array("demo-value".utf8) + [0] + Array("Zk8rT2mQ9vX4bN7cW1pL".utf8) + [0] + Array("file.txt".utf8)))
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
