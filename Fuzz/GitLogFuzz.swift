// libFuzzer entry point: git's `--raw -z` listings on arbitrary bytes, both as `diff-tree --stdin`
// output (split per commit and each commit's raw entries read: `git range`) and as `git log --raw -z`
// read from a descriptor by the history log thread (`git history`), whose requests go to /dev/null.
#if canImport(Glibc)
import Glibc
#endif
@testable import SecretLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGitLog(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    if let commits = try? GitScan.stdinDiffs(bytes) {
        for commit in commits {
            precondition(ObjectID.isWellFormed(commit.id), "a commit id that is not one")
            for entry in commit.entries { _ = GitOutputParser.displayPath(entry.path) }
        }
    }
    let requests = HistoryRequestQueue()
    let sink = open("/dev/null", O_WRONLY)
    precondition(sink >= 0, "/dev/null did not open")
    if case .success = GitScan.readingLog(InputFile.holding(data, size), requestFD: sink, into: requests) {
        precondition(requests.blobsListed != nil, "a log read to its end that is not marked complete")
    }
    return 0
}
