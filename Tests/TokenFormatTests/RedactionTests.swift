import Testing
import TokenFormat

@Suite("redaction policy")
struct RedactionTests {
    @Test(arguments: [
        // Long secrets: one character per eight, at most four.
        ("us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d", "us1y\u{2026}"),
        ("4c0d7e2a-91b3-4f5e-a6c8-0b2e9d7f1a35", "4c0d\u{2026}"),
        ("abcdefghijklmnop", "ab\u{2026}"),
        ("abcdefghijklmnopqrstuvwx", "abc\u{2026}"),
        // Short secrets show nothing.
        ("abcdefghijklmno", "\u{2026}"),
        ("hunter2", "\u{2026}"),
        ("x", "\u{2026}"),
        ("", "\u{2026}"),
        // Scalars, not bytes.
        ("pässwörd-pässwörd-pässwörd-pässwörd", "päss\u{2026}"),
    ])
    func redactedFormShowsNoUsefulFraction(_ secret: String, _ expected: String) {
        #expect(Redaction.redact(Array(secret.utf8)) == expected)
        #expect(Redaction.redact(secret) == expected)
        #expect(Redaction.display(Array(secret.utf8), redact: false) == secret)
    }

    @Test(arguments: 0...200)
    func neverMoreThanAnEighthAndNeverMoreThanFour(_ length: Int) {
        let shown = Redaction.shownPrefixLength(forLength: length)
        #expect(shown <= Redaction.maximumPrefix)
        #expect(shown * 8 <= length)
        if length < Redaction.minimumLengthForPrefix { #expect(shown == 0) }
    }
}
