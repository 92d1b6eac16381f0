// libFuzzer entry point: the TOML parser and the config decoder (patterns compiled) on arbitrary
// text. Every rejection must be a positioned error, never a crash or a hang.
import SecretRules

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTOMLConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try TOMLDocument(parsing: text)
    } catch {
        precondition(error.line >= 1 && error.column >= 1, "error without a position")
    }
    if let config = try? ConfigFile.parse(text, path: "fuzz.toml") {
        _ = try? config.effectiveRules(builtins: [])
    }
    return 0
}
