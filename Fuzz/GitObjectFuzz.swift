// libFuzzer entry point: `git cat-file --batch` output on arbitrary bytes, read from a descriptor
// as `git range` and `git history` read git's pipe, and each commit object (and the whole input)
// parsed for author, date and message.
@testable import SecretLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGitObject(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = GitOutputParser.commit(Array(UnsafeRawBufferPointer(start: data, count: size)))
    let reader = PipeReader(fd: InputFile.holding(data, size))
    while let object = try? BatchObject.read(from: reader, maxSize: 256) {
        precondition(object.tooLarge ? object.content.isEmpty : object.content.count == object.size, "content and size disagree")
        if object.type == "commit" { _ = GitOutputParser.commit(object.content) }
    }
    return 0
}
