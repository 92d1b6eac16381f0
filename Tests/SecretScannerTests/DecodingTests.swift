import PCRE2
import SecretRules
import Testing
@testable import SecretScanner

func base64(_ text: String) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    let bytes = Array(text.utf8)
    var out = ""
    var i = 0
    while i < bytes.count {
        let chunk = Array(bytes[i..<min(i + 3, bytes.count)])
        let n = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8) | UInt32(chunk.count > 2 ? chunk[2] : 0)
        for k in 0..<4 {
            if k <= chunk.count { out.append(alphabet[Int((n >> UInt32(18 - 6 * k)) & 63)]) } else { out.append("=") }
        }
        i += 3
    }
    return out
}

let basicAuthRule = Rule(
    id: "password-basic-demo", title: "Basic auth", keywords: ["basic"],
    regex: #"(?i)authorization:\s*basic\s+([A-Za-z0-9+/]+=*)"#, decode: .base64, decodedRegex: #"^[^:]+:(.+)$"#, kind: .password)

@Suite("Decoding")
struct DecodingTests {
    @Test(arguments: ["", "a", "ab", "abc", "user:Tr0ub4dor&3", "ünï 😀"])
    func base64RoundTrip(text: String) {
        #expect(Decoding.base64(Array(base64(text).utf8)) == (text.isEmpty ? nil : Array(text.utf8)))
    }

    @Test(arguments: ["abc$", "a", "ab=c", "abc==="])
    func invalidBase64IsRejected(text: String) {
        #expect(Decoding.base64(Array(text.utf8)) == nil)
    }

    @Test func percentDecodingKeepsOrigins() throws {
        let (bytes, origin) = try #require(Decoding.percent(Array("a%40b+c".utf8)))
        #expect(String(decoding: bytes, as: UTF8.self) == "a@b c")
        #expect(origin == [0, 1, 4, 5, 6])
        #expect(Decoding.percent(Array("100% sure".utf8)) == nil)
    }

    @Test(arguments: jitPolicies)
    func ruleDecodeReportsThePasswordOfBasicAuth(jit: JITPolicy) throws {
        let encoded = base64("deploy:Tr0ub4dor&3xQ")
        let text = "GET / HTTP/1.1\r\nAuthorization: Basic \(encoded)\r\n"
        let result = try scan(text, rules: [basicAuthRule], jit: jit)
        let finding = try #require(result.findings.first)
        #expect(finding.secretText == "Tr0ub4dor&3xQ")
        #expect(finding.encoding == .base64)
        let offset = Array(text.utf8).count - encoded.utf8.count - 2
        #expect(finding.secretRange == offset..<(offset + encoded.utf8.count))
        // Not base64, or no colon: no finding.
        #expect(try scan("Authorization: Basic bm9jb2xvbmhlcmU=", rules: [basicAuthRule], jit: jit).findings.isEmpty)
        #expect(try scan("Authorization: Basic !!!!", rules: [basicAuthRule], jit: jit).findings.isEmpty)
    }

    @Test(arguments: jitPolicies)
    func kubernetesSecretDataIsDecodedForEveryRule(jit: JITPolicy) throws {
        let password = "hunter2Hunter"
        let encoded = base64(password)
        let yaml = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: \(encoded)\n"
        var rule = passwordRule
        rule.base64Documents = ["kind: Secret"]
        let result = try scan(yaml, rules: [rule], jit: jit, path: "k8s/secret.yaml")
        let finding = try #require(result.findings.first)
        #expect(result.findings.count == 1)
        #expect(finding.secretText == password)
        #expect(finding.encoding == .base64)
        let start = Array(yaml.utf8).count - encoded.utf8.count - 1
        #expect(finding.secretRange == start..<(start + encoded.utf8.count))
        #expect(finding.line == 6 && finding.column == 13)
    }

    @Test func longBase64ValueIsDecodedOutsideKubernetesToo() throws {
        let inner = "api_key = Zk8rT2mQ9vX4bN7cW1pL"
        let text = "payload: \"\(base64(inner))\"\n"
        let finding = try #require(try scan(text, rules: [valueRule]).findings.first)
        #expect(finding.secretText == "Zk8rT2mQ9vX4bN7cW1pL")
        #expect(finding.encoding == .base64)
        // The encoded range covers the secret's base64 groups and lies inside the encoded value.
        let valueStart = 10
        #expect(finding.secretRange.lowerBound >= valueStart)
        #expect(finding.secretRange.upperBound <= valueStart + base64(inner).utf8.count)
        // Short base64 outside a Kubernetes Secret stays encoded.
        #expect(try scan("password: \(base64("hunter2Hunter"))", rules: [passwordRule]).findings.map(\.encoding) == [nil])
    }

    @Test(arguments: jitPolicies)
    func urlEncodedQueryStringsAreDecoded(jit: JITPolicy) throws {
        let rule = Rule(id: "password-url-demo", title: "p", keywords: ["password="], regex: #"password=([^&\s]+)"#, kind: .password)
        let line = "GET /login?user=bob&password=s3cr%40tP%21ss%2Bq&next=%2F HTTP/1.1"
        let result = try scan(line, rules: [rule], jit: jit)
        #expect(result.findings.count == 1)
        let finding = try #require(result.findings.first)
        #expect(finding.secretText == "s3cr@tP!ss+q")
        #expect(finding.encoding == .url)
        let encoded = "s3cr%40tP%21ss%2Bq"
        let at = line.utf8.count - " HTTP/1.1".utf8.count - "&next=%2F".utf8.count - encoded.utf8.count
        #expect(finding.secretRange == at..<(at + encoded.utf8.count))
    }
}

@Suite("Encoded views at buffer edges")
struct EncodedViewEdgeTests {
    /// Regression: a `%` in the last two bytes of a buffer was read past the end.
    @Test(arguments: ["%", "a%", "a%4", "password=%4", "%41", "x=" + String(repeating: "QUJD", count: 5)])
    func percentAndBase64AtTheEndDoNotCrash(text: String) throws {
        let result = try scan(text, rules: [passwordRule, valueRule])
        #expect(result.warnings.isEmpty)
    }
}
