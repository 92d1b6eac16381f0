import Testing

@testable import SecretScanner

/// `OuterLines` answers what `LineWindow` and a count from the line start answered, without reading
/// the line per candidate.
@Suite("OuterLines")
struct OuterLinesTests {
    static let inputs: [String] = [
        "",
        "one line, no newline",
        "a\nbb\r\nccc\n\nlast",
        "\n\n\n",
        "é€😀 mixed\nwidth ✓ scalars\n" + String(repeating: "ü", count: 5000) + "tail",
        String(repeating: "x", count: 9000) + "\n" + String(repeating: "€", count: 3000),
    ]

    static func ranges(_ count: Int) -> [Range<Int>] {
        guard count > 0 else { return [0..<0] }
        var result: [Range<Int>] = []
        for lo in Swift.stride(from: 0, to: count, by: max(1, count / 23)) {
            for length in [0, 1, 3, 40] where lo + length <= count { result.append(lo..<(lo + length)) }
        }
        return result
    }

    @Test(arguments: inputs)
    func spanEqualsLineWindowLines(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            var lines = OuterLines()
            for range in Self.ranges(bytes.count) {
                #expect(lines.span(of: range, in: buffer) == LineWindow.lines(of: range, in: buffer), "\(range)")
            }
        }
    }

    @Test(arguments: inputs)
    func positionEqualsCountFromTheLineStart(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            var lines = OuterLines()
            // Out of order on purpose: marks must serve a later query on an earlier line.
            for offset in (0..<bytes.count).reversed() where offset % 7 == 0 || offset == bytes.count - 1 {
                let line = bytes[..<offset].count(where: { $0 == 0x0A })
                let start = (bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
                let column = 1 + bytes[start..<offset].count(where: { $0 & 0xC0 != 0x80 })
                let got = lines.position(of: offset, in: buffer)
                #expect(got.line == line && got.column == column, "offset \(offset)")
            }
        }
    }

    @Test(arguments: [
        ("key = 'v' # tokenaudit:allow\nnext", 0..<5, true),
        ("key = 'v' # tokenaudit:allow\nnext", 30..<34, false),
        ("first\nx = y  # gitleaks:allow", 6..<7, true),
        ("# pragma: allowlist secret\nsecret = 1", 27..<33, false),
        ("tokenaudit:allo\nw", 0..<3, false),
    ])
    func inlineIgnoreOnlyOnTheFindingsLines(_ text: String, _ secret: Range<Int>, _ ignored: Bool) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            var lines = OuterLines()
            let span = lines.span(of: secret, in: buffer)
            #expect(lines.hasInlineIgnore(in: span, of: buffer) == ignored)
            #expect(CandidateFilter.hasInlineIgnore(buffer, line: span) == ignored)
        }
    }
}
