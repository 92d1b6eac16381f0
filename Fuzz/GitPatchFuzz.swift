// libFuzzer entry point: the patch readers on arbitrary bytes: the added lines of a `-U0` patch
// (`git range`) and the whole-file patch that `git staged` rebuilds staged files from.
@testable import SecretLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGitPatch(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    for section in GitOutputParser.addedLines(patch: bytes) {
        _ = section?.contains(lines: 1, 3)
    }
    var patch = WholeFilePatch(limit: 1024)
    var sections: [WholeFilePatch.Section] = []
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        if let section = patch.consume(line) { sections.append(section) }
    }
    if let last = patch.finish() { sections.append(last) }
    for section in sections {
        precondition(section.size >= 0 && section.content.count <= min(section.size, patch.limit), "a section's size and content disagree")
        for range in section.added.ranges { precondition(!range.isEmpty, "an empty added range") }
    }
    return 0
}
