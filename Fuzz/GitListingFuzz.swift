// libFuzzer entry point: the path listings on arbitrary bytes: `git ls-files -z` (the tracked
// files that `.gitignore` cannot hide from a directory scan) and `git ls-tree -r -z` (the blobs in
// HEAD that decide whether a historic secret was removed).
@testable import SecretLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGitListing(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    let tracked = TrackedFiles(listing: bytes)
    for path in tracked.files.prefix(16) {
        precondition(tracked.contains(path, isDirectory: false), "a listed path is not tracked")
    }
    _ = GitScan.treeBlobs(listing: bytes)
    return 0
}
