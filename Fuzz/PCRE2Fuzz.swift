// libFuzzer entry point: the PCRE2 wrapper compiles an arbitrary pattern and matches it against an
// arbitrary subject with small limits. Input: one options byte, the pattern up to the first NUL,
// then the subject.
import PCRE2

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPCRE2(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    guard let flags = bytes.first else { return 0 }
    let rest = bytes.dropFirst()
    let split = rest.firstIndex(of: 0) ?? rest.endIndex
    let source = String(decoding: rest[..<split], as: UTF8.self)
    let subject = Array(rest[split...].dropFirst())
    var options: CompileOptions = []
    if flags & 1 != 0 { options.insert(.caseless) }
    if flags & 2 != 0 { options.insert(.multiline) }
    if flags & 4 != 0 { options.insert(.dotAll) }
    if flags & 8 != 0 { options.insert(.extended) }
    let jit: JITPolicy = flags & 16 != 0 ? .ifAvailable : .never
    guard let pattern = try? Pattern(source, options: options, jit: jit) else { return 0 }
    let matcher = pattern.makeMatcher(limits: MatchLimits(match: 100_000, depth: 1_000, heapKiB: 4_096))
    try? subject.withUnsafeBytes { raw throws(MatchError) in
        var count = 0
        try matcher.forEachMatch(in: raw) { match throws(MatchError) in
            precondition(match.range.lowerBound >= 0 && match.range.upperBound <= raw.count, "match outside the subject")
            count += 1
            return count < 1_000
        }
    }
    return 0
}
