import Testing
import TokenFormat

@Suite("Entropy, UUIDClassifier, Placeholder, KnownExamples")
struct ClassifierTests {
    @Test(arguments: [
        ("", 0.0), ("aaaa", 0.0), ("ab", 1.0), ("abcd", 2.0), ("aabb", 1.0), ("0123456789abcdef", 4.0),
    ])
    func shannonEntropy(_ text: String, _ expected: Double) {
        #expect(abs(Entropy.shannon(Array(text.utf8)) - expected) < 1e-9)
    }

    @Test func randomValuesHaveHighEntropy() {
        #expect(Entropy.shannon(Generated.sampleToken) > 3.2)
        #expect(Entropy.shannon(Generated.sampleSecret) > 4.3)
        #expect(Entropy.shannon("00000000-0000-0000-0000-000000000000") < 1)
    }

    struct UUIDCase: Sendable, CustomTestStringConvertible {
        var value: String
        var version: Int?
        var variant: UUIDKind.Variant?
        var rfc: Bool
        var testDescription: String { value }
    }

    @Test(arguments: [
        UUIDCase(value: "9f1c2e4a-3b5d-4c7e-8f90-a1b2c3d4e5f6", version: 4, variant: .rfc, rfc: true),
        UUIDCase(value: "9F1C2E4A-3B5D-4C7E-BF90-A1B2C3D4E5F6", version: 4, variant: .rfc, rfc: true),
        UUIDCase(value: "01890a5d-ac96-774b-bcce-b302099a8057", version: 7, variant: .rfc, rfc: true),
        UUIDCase(value: "c232ab00-9414-11ec-b3c8-9f6bdeced846", version: 1, variant: .rfc, rfc: true),
        UUIDCase(value: "d3f269a9-932e-eeb0-05e7-14fdff8696b2", version: 14, variant: .ncs, rfc: false),
        UUIDCase(value: "9f1c2e4a-3b5d-4c7e-cf90-a1b2c3d4e5f6", version: 4, variant: .microsoft, rfc: false),
        UUIDCase(value: "9f1c2e4a-3b5d-4c7e-ef90-a1b2c3d4e5f6", version: 4, variant: .future, rfc: false),
        UUIDCase(value: "9f1c2e4a-3b5d-0c7e-8f90-a1b2c3d4e5f6", version: 0, variant: .rfc, rfc: false),
        UUIDCase(value: "9f1c2e4a3b5d-4c7e-8f90-a1b2c3d4e5f6-", version: nil, variant: nil, rfc: false),
        UUIDCase(value: "9f1c2e4a-3b5d-4c7e-8f90-a1b2c3d4e5f", version: nil, variant: nil, rfc: false),
        UUIDCase(value: "9f1c2e4a-3b5d-4c7e-8f90-a1b2c3d4e5fg", version: nil, variant: nil, rfc: false),
    ])
    func uuidClassification(_ c: UUIDCase) {
        let kind = UUIDClassifier.classify(c.value)
        #expect(kind?.version == c.version)
        #expect(kind?.variant == c.variant)
        #expect((kind?.isRFC9562 ?? false) == c.rfc)
        #expect(UUIDClassifier.hasUUIDLayout(c.value) == (c.version != nil))
    }

    @Test func nilAndMaxUUIDs() {
        #expect(UUIDClassifier.classify("00000000-0000-0000-0000-000000000000")?.isNil == true)
        #expect(UUIDClassifier.classify("ffffffff-ffff-ffff-ffff-ffffffffffff")?.isMax == true)
        #expect(UUIDClassifier.classify(Generated.sampleToken)?.isNil == false)
    }

    @Test(arguments: [
        ("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", Placeholder.Reason.masked),
        ("XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", .masked),
        ("********", .masked),
        ("00000000-0000-0000-0000-000000000000", .repeatedCharacter(UInt8(ascii: "0"))),
        ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", .repeatedCharacter(UInt8(ascii: "a"))),
        ("01234567-89ab-cdef-0123-456789abcdef", .sequential),
        ("12345678-1234-1234-1234-123456789012", .sequential),
        ("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN", .sequential),
        // A run of 8 ascending characters inside an otherwise random-looking value.
        ("00QCjAl4MlV-WPXM-ABCDEFGHIJKL-0HmjFx-vbGu", .sequential),
        ("k9te5b3qnvv2cu1x12345678gi9tkzy7", .sequential),
        ("re_1234abcd_aBcDeFgHiJkLmNoPqRsTuVwX", .sequential),
        ("your_token_here", .placeholderWord("your")),
        ("your-api-secret", .placeholderWord("your")),
        ("YOUR_SIRPORTLY_SECRET", .placeholderWord("your")),
        ("<token>", .templateReference),
        ("${SIRPORTLY_TOKEN}", .templateReference),
        ("{{ sirportly_secret }}", .templateReference),
        ("%TOKEN%", .templateReference),
        ("$SIRPORTLY_SECRET", .templateReference),
        ("changeme", .placeholderWord("changeme")),
        ("CHANGE-ME", .placeholderWord("change_me")),
        ("example-token", .placeholderWord("example")),
        ("dummy", .placeholderWord("dummy")),
        ("dummy-secret-value", .placeholderWord("dummy")),
        ("REPLACE_ME", .placeholderWord("replace_me")),
    ])
    func placeholders(_ value: String, _ reason: Placeholder.Reason) {
        #expect(Placeholder.reason(value) == reason)
        #expect(Placeholder.isPlaceholder(value))
    }

    /// Seven ascending characters in a row are not enough, and runs broken by a separator do not
    /// join.
    @Test(arguments: ["k9te5b3qnvv2cu1x1234567gi9tkzy7", "Wq8-ABCDEFG-HIJKLMN-zT4", "0052NbUOhrqOdVoUXNbcUeL18oGnXukBvP09HU4SjL"])
    func shortRunsAreNotPlaceholders(_ value: String) {
        #expect(Placeholder.reason(value) == nil)
    }

    @Test func generatedValuesAreNotPlaceholders() {
        var g = SeededGenerator(seed: 99)
        for _ in 0..<500 {
            let token = Generated.token(&g), secret = Generated.secret(&g)
            #expect(Placeholder.reason(token) == nil, "\(token)")
            #expect(Placeholder.reason(secret) == nil, "\(secret)")
        }
        #expect(!Placeholder.isPlaceholder(KnownExamples.token))
        #expect(!Placeholder.isPlaceholder(KnownExamples.secret))
    }

    @Test func knownExamples() {
        #expect(KnownExamples.match("d3f269a9-932e-eeb0-05e7-14fdff8696b2") == .token)
        #expect(KnownExamples.match("us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d") == .secret)
        #expect(KnownExamples.applicationToken == KnownExamples.token)
        #expect(KnownExamples.match("d3f269a9-932e-eeb0-05e7-14fdff8696b3") == nil)
        #expect(KnownExamples.match(Generated.sampleSecret) == nil)
    }
}
