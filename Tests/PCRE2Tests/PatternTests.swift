import Testing
@testable import PCRE2

@Suite("PCRE2 wrapper")
struct PatternTests {
    @Test func compileErrorCarriesMessageAndOffset() {
        do {
            _ = try Pattern("ab(c")
            Issue.record("expected a compile error")
        } catch {
            #expect(error.message.contains("missing closing parenthesis"))
            #expect(error.offset == 4)
        }
    }

    @Test(arguments: JITPolicy.allCases)
    func capturesAndAllMatches(jit: JITPolicy) throws {
        let p = try Pattern(#"key=([a-z]+)(?:-(\d+))?"#, jit: jit)
        let ms = try p.matches(in: "key=abc key=def-42 nope")
        #expect(ms.count == 2)
        #expect(ms[0].range == 0..<7)
        #expect(ms[0].group(1) == 4..<7)
        #expect(ms[0].group(2) == nil)
        #expect(ms[1].group(1) == 12..<15)
        #expect(ms[1].group(2) == 16..<18)
    }

    @Test func jitAndInterpreterAgree() throws {
        let subject = Array("X-Auth-Token: d3f269a9-932e-eeb0-05e7-14fdff8696b2\nx-auth-token:abc\n".utf8)
        let source = #"(?im)^x-auth-token:\s*([0-9a-f-]+)$"#
        let a = try Pattern(source, jit: .ifAvailable).matches(in: subject)
        let b = try Pattern(source, jit: .never).matches(in: subject)
        #expect(a == b)
        #expect(a.count == 2)
        #expect(try Pattern(source, jit: .never).isJITCompiled == false)
    }

    @Test(arguments: JITPolicy.allCases)
    func emptyMatchesAdvance(jit: JITPolicy) throws {
        let p = try Pattern("x*", jit: jit)
        let ms = try p.matches(in: "axxb")
        // "" at 0, "xx" at 1..<3, "" at 3, "" at 4
        #expect(ms.map(\.range) == [0..<0, 1..<3, 3..<3, 4..<4])
    }

    @Test(arguments: JITPolicy.allCases)
    func nulBytesAndInvalidUTF8AreOrdinaryBytes(jit: JITPolicy) throws {
        let p = try Pattern(#"tok=([0-9a-f]{4})"#, jit: jit)
        let subject: [UInt8] = [0x00, 0xFF, 0xC3] + Array("tok=beef".utf8) + [0x00, 0xFE] + Array("tok=cafe".utf8)
        let ms = try p.matches(in: subject)
        #expect(ms.map { $0.group(1)! } == [7..<11, 17..<21])
    }

    @Test(arguments: JITPolicy.allCases)
    func catastrophicPatternHitsLimitInsteadOfHanging(jit: JITPolicy) throws {
        let p = try Pattern("^(a+)+$", jit: jit)
        let subject = String(repeating: "a", count: 40) + "b"
        var limitHit = false
        do {
            _ = try p.matches(in: subject)
        } catch {
            if case .limitExceeded = error { limitHit = true }
        }
        #expect(limitHit)
    }

    @Test func compileOptions() throws {
        #expect(try Pattern("abc", options: .caseless).matches(in: "ABC").count == 1)
        #expect(try Pattern("^b", options: .multiline).matches(in: "a\nb").count == 1)
        #expect(try Pattern("a.b", options: .dotAll).matches(in: "a\nb").count == 1)
        #expect(try Pattern("a b # comment", options: .extended).matches(in: "ab").count == 1)
        #expect(try Pattern("b", options: .anchored).matches(in: "ab").isEmpty)
        #expect(try Pattern("abc").matches(in: "ABC").isEmpty)
    }

    @Test func rangeRestrictedIteration() throws {
        let p = try Pattern("a")
        let m = p.makeMatcher()
        let bytes = Array("aaaaa".utf8)
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        defer { raw.deallocate() }
        raw.copyBytes(from: bytes)
        var found: [Int] = []
        try m.forEachMatch(in: UnsafeRawBufferPointer(raw), range: 1..<3) { found.append($0.range.lowerBound); return true }
        #expect(found == [1, 2])
    }

    @Test func namedGroups() throws {
        let p = try Pattern("(?<secret>[a-z]+)")
        #expect(p.groupNumber(named: "secret") == 1)
        #expect(p.groupNumber(named: "nope") == nil)
    }

    @Test func libraryFacts() {
        #expect(PCRE2Library.version.hasPrefix("10."))
        _ = PCRE2Library.jitSupported
    }

    /// `forEachMatch(startingIn:)` tries starts only inside the given ranges (a bound is inclusive),
    /// and with ranges holding every match start it finds what `forEachMatch` finds.
    @Test(arguments: JITPolicy.allCases)
    func startBoundsLimitWhereMatchesStart(jit: JITPolicy) throws {
        let pattern = try Pattern(#"(?m)(?:^|\b)\w+=(\d+)"#, options: [.startBounds], jit: jit)
        let matcher = pattern.makeMatcher()
        let subject = Array("a=1 bb=22 ccc=333\ndd=4".utf8)
        func starts(_ bounds: [ClosedRange<Int>]) throws -> [Int] {
            let outcome: Result<[Int], MatchError> = subject.withUnsafeBytes { raw in
                Result { () throws(MatchError) in
                    var found: [Int] = []
                    try matcher.forEachMatch(in: raw, range: 0..<raw.count, startingIn: bounds) { found.append($0.range.lowerBound); return true }
                    return found
                }
            }
            return try outcome.get()
        }
        #expect(try starts([4...4]) == [4])
        #expect(try starts([2...3]) == [])
        #expect(try starts([0...0, 10...18]) == [0, 10, 18])
        #expect(try starts([0...(subject.count)]) == pattern.matches(in: subject).map(\.range.lowerBound))
        // The offset limit does not outlive the call: a plain search afterwards sees every match.
        #expect(try pattern.matches(in: subject).count == 4)
        let plain: Result<Match?, MatchError> = subject.withUnsafeBytes { raw in
            Result { () throws(MatchError) in try matcher.firstMatch(in: raw, from: 1) }
        }
        #expect(try plain.get()?.range.lowerBound == 4)
    }
}
