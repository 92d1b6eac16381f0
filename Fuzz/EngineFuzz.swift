// libFuzzer entry point: the scanning engine with the built-in rules on arbitrary bytes. Every
// finding's ranges must lie inside the input.
import SecretRules
import SecretScanner

let engine: Engine = {
    do {
        return try Engine(rules: BuiltinRules.all())
    } catch {
        fatalError("the built-in rules do not load: \(error)")
    }
}()

// SAFETY: libFuzzer calls the entry point from one thread only; the worker is its scratch space.
nonisolated(unsafe) let worker = engine.makeWorker()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEngine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let result = worker.scan(bytes, path: "fuzz.log")
    for finding in result.findings {
        precondition(finding.secretRange.lowerBound >= 0 && finding.secretRange.upperBound <= size, "secret outside the input")
        precondition(finding.line >= 1 && finding.column >= 1, "finding without a position")
    }
    return 0
}
