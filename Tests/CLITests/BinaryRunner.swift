// The fixture builders live in TestSupport; re-exported so every CLI test file sees them.
@_exported import TestSupport
import Testing

@Suite("tokenaudit binary")
struct BinaryBasicsTests {
    @Test func versionReportsPCRE2AndJIT() throws {
        let out = try BinaryRunner.run(["--version"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("tokenaudit "))
        #expect(out.stdout.contains("PCRE2 10."))
        #expect(out.stdout.contains("JIT"))
    }

    @Test func unknownFlagIsUsageError() throws {
        let out = try BinaryRunner.run(["--definitely-not-a-flag"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("definitely-not-a-flag"))
    }
}
