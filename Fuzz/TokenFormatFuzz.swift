// libFuzzer entry point: the format validators and classifiers of TokenFormat on arbitrary bytes.
// Built by Fuzz/build.sh; there is no `main` (libFuzzer provides it).
import TokenFormat

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenFormat(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let array = Array(bytes)
    for shape in TokenShape.allCases {
        let validation = ShapeValidator.validate(bytes, as: shape)
        precondition(validation == ShapeValidator.validate(array, as: shape), "buffer and collection validators disagree")
        _ = validation.description
        for run in ShapeRunFinder.runs(in: bytes, shape: shape) {
            precondition(run.lowerBound >= 0 && run.upperBound <= size, "run outside the input")
        }
    }
    _ = SirportlyToken.validate(array)
    _ = SirportlySecret.validate(array)
    _ = SirportlyApplicationToken.validate(array)
    _ = Entropy.shannon(array)
    _ = KnownExamples.match(bytes)
    _ = Placeholder.reason(bytes)
    _ = UUIDClassifier.classify(array)
    let redacted = Redaction.redact(array)
    precondition(size < 16 || !redacted.utf8.elementsEqual(array), "a long secret came out unredacted")
    return 0
}
