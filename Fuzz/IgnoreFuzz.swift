// libFuzzer entry point: the gitignore matcher. Input: ignore-file text, a NUL, then paths (one a
// line). Every pattern is matched against every path, as a file and as a directory.
import SecretLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIgnore(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
    let file = IgnoreFile(text: String(decoding: bytes[..<split], as: UTF8.self))
    let paths = bytes[split...].dropFirst().split(separator: 0x0A, omittingEmptySubsequences: false)
    for path in paths.prefix(64) {
        for isDirectory in [false, true] {
            _ = file.decision(relativePath: path, isDirectory: isDirectory)
        }
    }
    return 0
}
