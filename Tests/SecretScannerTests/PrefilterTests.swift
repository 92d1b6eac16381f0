import PCRE2
import SecretRules
import Testing
@testable import SecretScanner

/// A small deterministic generator, so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Every (keyword id, end offset) a naive case-insensitive search finds.
func naiveHits(_ keywords: [[UInt8]], in text: [UInt8]) -> Set<[Int]> {
    var result = Set<[Int]>()
    for (id, keyword) in keywords.enumerated() where !keyword.isEmpty && keyword.count <= text.count {
        for start in 0...(text.count - keyword.count) {
            var ok = true
            for k in 0..<keyword.count where KeywordAutomaton.fold(text[start + k]) != KeywordAutomaton.fold(keyword[k]) {
                ok = false
                break
            }
            if ok { result.insert([id, start + keyword.count]) }
        }
    }
    return result
}

func automatonHits(_ automaton: KeywordAutomaton, in text: [UInt8]) -> Set<[Int]> {
    var result = Set<[Int]>()
    text.withUnsafeBytes { raw in
        automaton.forEachHit(in: raw) { output, end in
            for id in automaton.outputs[output] { result.insert([Int(id), end]) }
        }
    }
    return result
}

@Suite("Keyword prefilter")
struct PrefilterTests {
    @Test(arguments: 0..<40)
    func automatonAgreesWithNaiveSearch(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        // A small alphabet makes overlapping and nested keywords frequent.
        let alphabet = Array("abAB_-x\n".utf8)
        let keywords: [[UInt8]] = (0..<Int.random(in: 1...12, using: &rng)).map { _ in
            (0..<Int.random(in: 1...5, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        }
        let text: [UInt8] = (0..<Int.random(in: 0...400, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        let automaton = KeywordAutomaton(keywords: keywords)
        // Duplicate keywords share no id here, so compare per distinct keyword text.
        let expected = naiveHits(keywords, in: text)
        #expect(automatonHits(automaton, in: text) == expected)
        #expect(text.withUnsafeBytes { automaton.hasHit(in: $0) } == !expected.isEmpty)
    }

    @Test func nestedAndOverlappingKeywords() {
        let keywords = ["he", "she", "his", "hers", "HE"].map { Array($0.utf8) }
        let automaton = KeywordAutomaton(keywords: keywords)
        let text = Array("uSHErs ahishers".utf8)
        #expect(automatonHits(automaton, in: text) == naiveHits(keywords, in: text))
        #expect(automatonHits(automaton, in: text).contains([3, 6]))  // "hers" ends at 6
    }

    @Test func binaryBytesAndEmptyKeywords() {
        let keywords: [[UInt8]] = [[], [0x00, 0xFF], [0xC3, 0xA9]]
        let text: [UInt8] = [0x41, 0x00, 0xFF, 0xC3, 0xA9, 0x00]
        let automaton = KeywordAutomaton(keywords: keywords)
        #expect(automatonHits(automaton, in: text) == [[1, 3], [2, 5]])
    }

    @Test func windowsAroundHitsAreMergedAndBounded() throws {
        let rule = Rule(id: "w", title: "w", keywords: ["kw"], regex: "kw")
        let engine = try makeEngine([rule]) { $0.windowLines = 1 }
        let worker = engine.makeWorker()
        let lines = (0..<20).map { "line \($0)" + ($0 == 5 || $0 == 6 || $0 == 15 ? " kw" : "") }
        let text = Array(lines.joined(separator: "\n").utf8)
        var hits: [Int] = []
        text.withUnsafeBytes { raw in
            engine.automaton.forEachHit(in: raw) { _, end in hits += [end - 2, end] }
        }
        let windows = text.withUnsafeBytes { worker.windows(for: engine.compiledRules[0], hits: hits, in: $0) }
        let rendered = windows.map { String(decoding: text[$0], as: UTF8.self) }
        #expect(rendered == ["line 4\nline 5 kw\nline 6 kw\nline 7", "line 14\nline 15 kw\nline 16"])
    }

    @Test func windowOnAVeryLongLineIsCappedAtASeparator() throws {
        let rule = Rule(id: "w", title: "w", keywords: ["kw"], regex: "kw")
        let engine = try makeEngine([rule]) { $0.windowReach = 100 }
        let worker = engine.makeWorker()
        let text = Array((String(repeating: "word ", count: 1000) + "kw" + String(repeating: " word", count: 1000)).utf8)
        let hit = 5000
        let windows = text.withUnsafeBytes { worker.windows(for: engine.compiledRules[0], hits: [hit, hit + 2], in: $0) }
        let window = try #require(windows.first)
        #expect(windows.count == 1)
        #expect(window.count < 300 && window.contains(hit))
        #expect(text[window.lowerBound - 1] == UInt8(ascii: " ") && text[window.upperBound] == UInt8(ascii: " "))
    }

    /// The windows one hit at a time would give, merged: what `windows(for:hits:in:)` must equal
    /// however it saves work on dense hits.
    static func windowsOneHitAtATime(_ rule: CompiledRule, hits: [Int], in buffer: UnsafeRawBufferPointer) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i + 1 < hits.count {
            let a = hits[i], b = hits[i + 1]
            i += 2
            let start = LineWindow.backward(from: a, lines: rule.lines, reach: rule.reach, slack: rule.slack, in: buffer)
            let end = max(b, LineWindow.forward(from: b, lines: rule.lines, reach: rule.reach, slack: rule.slack, in: buffer))
            if let last = result.last, start <= last.upperBound + 1 {
                result[result.count - 1] = min(start, last.lowerBound)..<max(end, last.upperBound)
            } else {
                result.append(start..<end)
            }
        }
        return result
    }

    /// Regression: a keyword made of one repeated letter (21 `A`s) hits at every offset of a long
    /// run of that letter, and each hit searched up to a reach and a slack for its window's end, so a
    /// 1 MB run took minutes. Dense and overlapping hits must give the windows one window per hit
    /// would, on lines of every length and with every window size.
    @Test(arguments: [(0, 64), (1, 64), (1, 4096), (3, 200)])
    func denseOverlappingHitsGiveTheSameWindowsAsOneHitAtATime(lines: Int, reach: Int) throws {
        let rule = Rule(id: "w", title: "w", keywords: ["AAAA", "AB"], regex: "A+")
        let engine = try makeEngine([rule]) { $0.windowLines = lines; $0.windowReach = reach }
        let worker = engine.makeWorker()
        var rng = SplitMix64(seed: UInt64(lines * 10_000 + reach))
        for _ in 0..<40 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 1...30, using: &rng) {
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: text += Array(repeating: UInt8(ascii: "A"), count: Int.random(in: 1...900, using: &rng))
                case 1: text += Array("AB ".utf8)
                case 2: text.append(0x0A)
                case 3: text += Array(repeating: UInt8(ascii: "x"), count: Int.random(in: 1...300, using: &rng))
                default: text += Array(" , ".utf8)
                }
            }
            var hits: [Int] = []
            text.withUnsafeBytes { raw in
                engine.automaton.forEachHit(in: raw) { output, end in
                    if !engine.outputRules[output].isEmpty { hits += [end - engine.outputLength[output], end] }
                }
            }
            let compiled = engine.compiledRules[0]
            let fast = text.withUnsafeBytes { worker.windows(for: compiled, hits: hits, in: $0) }
            let reference = text.withUnsafeBytes { Self.windowsOneHitAtATime(compiled, hits: hits, in: $0) }
            #expect(fast == reference, "\(String(decoding: text, as: UTF8.self).debugDescription)")
        }
    }

    @Test(arguments: jitPolicies)
    func windowedScanEqualsWholeBufferScan(jit: JITPolicy) throws {
        // The same rule with and without keywords must agree when every value has its keyword
        // on the same line.
        var rng = SplitMix64(seed: 7)
        var lines: [String] = []
        var expected: [String] = []
        for i in 0..<300 {
            if Int.random(in: 0..<10, using: &rng) == 0 {
                let value = "rk9" + String((0..<16).map { _ in "abcdefghjkmnpqrstuvwxyz23456789".randomElement(using: &rng)! })
                expected.append(value)
                lines.append("\(i) ts=1 msg=\"stored\" apikey=\(value) user=bob")
            } else {
                lines.append("\(i) ts=1 msg=\"request ok\" id=\(i * 7919)")
            }
        }
        let text = lines.joined(separator: "\n")
        let windowed = Rule(id: "k", title: "k", keywords: ["apikey="], regex: #"apikey=(rk9[a-z0-9]{16})"#)
        let whole = Rule(id: "k", title: "k", regex: #"apikey=(rk9[a-z0-9]{16})"#)
        #expect(secrets(try scan(text, rules: [windowed], jit: jit)) == expected)
        #expect(secrets(try scan(text, rules: [whole], jit: jit)) == expected)
    }
}

@Suite("Key regex literals")
struct KeyRegexLiteralTests {
    @Test(arguments: [
        ("^(?:http_)?x[-_]auth[-_]token$", ["auth", "token"]),
        ("sirportly.*?(?<!app)token(?:[._-]?(?:prod|live))?$", ["sirportly", "token"]),
        ("^(?:(?:api|auth)[._-]?)?token$", ["token"]),
        ("tokens?", ["token"]),
        ("tokens*", ["token"]),
        ("secrets*x", ["secret"]),
        ("api_keys{0,2}", ["api", "key"]),
        ("token|secret", []),
        ("(?x) tok en # comment", []),
        (#"\Qtoken\E"#, []),
        ("[token]+", []),
        (#"\btoken\b"#, ["token"]),
        // A group whose every alternative contains a word requires that word (perf regression:
        // without it, every UUID in a file mentioning the API path went through context analysis).
        ("(?:application(?:[._-]?token)?|app[._-]?token)", ["app"]),
        ("(?:sirportly_token|sirportly_secret)", ["sirportly"]),
    ])
    func requiredWords(pattern: String, expected: [String]) {
        #expect(KeyRegexLiterals.required(pattern) == expected)
    }

    @Test func candidatesWithoutTheRequiredWordNearbyAreSkippedWithoutChangingResults() throws {
        let rule = Rule(id: "keyed", title: "k", shape: .sirportlyToken,
                        context: [ContextRequirement(key: "^(?:http_)?x[-_]auth[-_]token$")])
        let token = GeneratedCredential.token(seed: 5)
        let far = "X-Auth-Token: \(token)\n" + String(repeating: "filler line of text\n", count: 400) + "request_id=\(token)\n"
        let result = try scan(far, rules: [rule])
        #expect(result.findings.map(\.line) == [1])
        let engine = try makeEngine([rule])
        #expect(engine.proximityWordCount == 2)
    }
}
