// The PCRE2 module: a safe wrapper over libpcre2-8, and the only module that imports CPCRE2.
//
// Design:
// - A `Pattern` owns one compiled `pcre2_code` (compiled once, JIT-compiled once when the policy
//   allows) and frees it in `deinit`. It is immutable after init and shared across workers.
// - A `Matcher` owns the per-worker scratch: match data, match context with limits, JIT stack.
//   Scratch is never shared between threads (a `Matcher` is not `Sendable`).
// - Matching works on raw bytes and returns byte ranges. Patterns are compiled without UTF mode,
//   so invalid UTF-8 and NUL bytes in the subject are ordinary bytes, never errors.
// - Match, depth and heap limits are always set. Hitting one is `MatchError.limitExceeded`, which
//   callers turn into a warning and go on: a catastrophic pattern never hangs a scan.

import CPCRE2

/// Options accepted when compiling a pattern.
public struct CompileOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `(?i)`: ASCII letters match either case.
    public static let caseless = CompileOptions(rawValue: UInt32(PCRE2_CASELESS))
    /// `(?m)`: `^` and `$` match at line starts and ends.
    public static let multiline = CompileOptions(rawValue: UInt32(PCRE2_MULTILINE))
    /// `(?s)`: `.` matches newlines too.
    public static let dotAll = CompileOptions(rawValue: UInt32(PCRE2_DOTALL))
    /// `(?x)`: whitespace and `#` comments in the pattern are ignored.
    public static let extended = CompileOptions(rawValue: UInt32(PCRE2_EXTENDED))
    /// The match must start at the start offset.
    public static let anchored = CompileOptions(rawValue: UInt32(PCRE2_ANCHORED))
    /// Lets `Matcher.forEachMatch(in:range:startingIn:_:)` bound where a match may start
    /// (`PCRE2_USE_OFFSET_LIMIT`); a pattern without it cannot take a start bound.
    public static let startBounds = CompileOptions(rawValue: UInt32(PCRE2_USE_OFFSET_LIMIT))
}

/// When to use PCRE2's JIT compiler.
public enum JITPolicy: String, Sendable, CaseIterable {
    /// JIT-compile when this libpcre2 was built with JIT support and the platform allows it;
    /// fall back to the interpreter silently otherwise. The default.
    case ifAvailable = "auto"
    /// Never JIT: always use the interpreter (for comparison, and for platforms that forbid JIT).
    case never = "off"
}

/// A pattern that failed to compile, with PCRE2's own message and the offset it points at.
public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern as given.
    public let pattern: String
    /// PCRE2's error code.
    public let code: Int32
    /// PCRE2's message, e.g. "missing closing parenthesis".
    public let message: String
    /// The byte offset into the pattern where PCRE2 detected the error.
    public let offset: Int

    public var description: String {
        "\(message) at offset \(offset) in pattern \(pattern)"
    }
}

/// A failure while matching.
public enum MatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The match, depth or heap limit was reached: the pattern backtracks catastrophically on this
    /// input. Callers should warn (naming the pattern and input) and continue with the next input.
    case limitExceeded(code: Int32, message: String)
    /// Any other PCRE2 matching error.
    case failed(code: Int32, message: String)

    public var description: String {
        switch self {
        case .limitExceeded(_, let message): return "match limit exceeded: \(message)"
        case .failed(_, let message): return "match failed: \(message)"
        }
    }
}

/// The library's build facts, for `tokenaudit --version`.
public enum PCRE2Library {
    /// The libpcre2 version string, e.g. "10.42 2022-12-11".
    public static var version: String {
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = buffer.withUnsafeMutableBytes { raw in
            pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), raw.baseAddress)
        }
        guard n > 0 else { return "unknown" }
        return String(decoding: buffer.prefix(Int(n) - 1), as: UTF8.self)
    }

    /// Whether this libpcre2 was built with JIT support.
    public static var jitSupported: Bool {
        var value: UInt32 = 0
        let rc = pcre2_config_8(UInt32(PCRE2_CONFIG_JIT), &value)
        return rc >= 0 && value == 1
    }

    /// PCRE2's message for an error code.
    public static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { buf in
            pcre2_get_error_message_8(code, buf.baseAddress, buf.count)
        }
        guard n > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer.prefix(Int(n)), as: UTF8.self)
    }
}

/// Limits applied to every match, so that no pattern can hang a scan.
public struct MatchLimits: Sendable, Hashable {
    /// Maximum calls of PCRE2's internal match function (backtracking steps).
    public var match: UInt32
    /// Maximum backtracking depth (interpreter only; JIT uses its stack size).
    public var depth: UInt32
    /// Maximum heap memory for backtracking, in KiB.
    public var heapKiB: UInt32

    public init(match: UInt32 = 1_000_000, depth: UInt32 = 10_000, heapKiB: UInt32 = 20_000) {
        self.match = match
        self.depth = depth
        self.heapKiB = heapKiB
    }

    /// Defaults that are generous for secret patterns and stop catastrophic backtracking within
    /// milliseconds.
    public static let `default` = MatchLimits()
}

/// A compiled PCRE2 pattern, shared read-only by all workers.
// SAFETY: `code` is written only in `init` and freed only in `deinit`. PCRE2 documents compiled
// code (including its JIT code) as read-only during matching and safe to use from several threads
// at once, provided each thread uses its own match data — which `Matcher` guarantees.
public final class Pattern: @unchecked Sendable {
    /// The pattern source as given.
    public let source: String
    /// The options it was compiled with.
    public let options: CompileOptions
    /// Whether matching uses JIT code.
    public let isJITCompiled: Bool
    /// Number of capture groups (not counting group 0).
    public let captureCount: Int

    let code: OpaquePointer

    /// Compiles `source`. Throws `PatternError` with PCRE2's message and offset.
    public init(_ source: String, options: CompileOptions = [], jit: JITPolicy = .ifAvailable) throws(PatternError) {
        self.source = source
        self.options = options
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let compiled: OpaquePointer? = source.utf8.withContiguousStorageIfAvailable { utf8 in
            pcre2_compile_8(utf8.baseAddress, utf8.count, options.rawValue, &errorCode, &errorOffset, nil)
        } ?? {
            let bytes = Array(source.utf8)
            return bytes.withUnsafeBufferPointer { buf in
                pcre2_compile_8(buf.baseAddress, buf.count, options.rawValue, &errorCode, &errorOffset, nil)
            }
        }()
        guard let compiled else {
            throw PatternError(
                pattern: source, code: errorCode, message: PCRE2Library.message(for: errorCode), offset: errorOffset)
        }
        self.code = compiled
        var jitted = false
        if jit == .ifAvailable && PCRE2Library.jitSupported {
            jitted = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        }
        self.isJITCompiled = jitted
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        self.captureCount = Int(count)
    }

    deinit {
        pcre2_code_free_8(code)
    }

    /// The number of the named group `name`, or nil when there is no such group.
    public func groupNumber(named name: String) -> Int? {
        let n = name.withCString { ptr in
            ptr.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) {
                pcre2_substring_number_from_name_8(code, $0)
            }
        }
        return n > 0 ? Int(n) : nil
    }

    /// New per-worker scratch for matching this pattern.
    public func makeMatcher(limits: MatchLimits = .default) -> Matcher {
        Matcher(pattern: self, limits: limits)
    }

    /// Convenience for tests and cold paths: every match in `bytes`.
    public func matches(in bytes: [UInt8], limits: MatchLimits = .default) throws(MatchError) -> [Match] {
        let matcher = makeMatcher(limits: limits)
        var result: [Match] = []
        let outcome: Result<Void, MatchError> = bytes.withUnsafeBytes { raw in
            Result { () throws(MatchError) in
                try matcher.forEachMatch(in: raw) { result.append($0); return true }
            }
        }
        try outcome.get()
        return result
    }

    /// Convenience for tests and cold paths: every match in the UTF-8 of `text`.
    public func matches(in text: String, limits: MatchLimits = .default) throws(MatchError) -> [Match] {
        try matches(in: Array(text.utf8), limits: limits)
    }
}

/// One match: the overall range and each capture group's range (nil when the group did not take
/// part), as byte offsets into the subject buffer.
public struct Match: Sendable, Hashable {
    /// Group 0: the whole match.
    public let range: Range<Int>
    /// Groups 1...n; index 0 here is group 1.
    public let captures: [Range<Int>?]

    public init(range: Range<Int>, captures: [Range<Int>?]) {
        self.range = range
        self.captures = captures
    }

    /// The range of group `n` (0 = whole match), or nil when it did not participate.
    public func group(_ n: Int) -> Range<Int>? {
        if n == 0 { return range }
        guard n - 1 < captures.count else { return nil }
        return captures[n - 1]
    }
}

/// Per-worker scratch for one pattern: match data, a match context carrying the limits, and a JIT
/// stack. Create one per thread; never share.
public final class Matcher {
    public let pattern: Pattern
    public let limits: MatchLimits
    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?

    init(pattern: Pattern, limits: MatchLimits) {
        self.pattern = pattern
        self.limits = limits
        guard let data = pcre2_match_data_create_from_pattern_8(pattern.code, nil),
              let ctx = pcre2_match_context_create_8(nil)
        else {
            // Allocation failure of a few hundred bytes: nothing sensible to do but stop.
            fatalError("PCRE2: out of memory creating match data")
        }
        self.matchData = data
        self.context = ctx
        pcre2_set_match_limit_8(ctx, limits.match)
        pcre2_set_depth_limit_8(ctx, limits.depth)
        pcre2_set_heap_limit_8(ctx, limits.heapKiB)
        if pattern.isJITCompiled, let stack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil) {
            pcre2_jit_stack_assign_8(ctx, nil, UnsafeMutableRawPointer(stack))
            self.jitStack = stack
        } else {
            self.jitStack = nil
        }
    }

    deinit {
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(context)
        pcre2_match_data_free_8(matchData)
    }

    /// The first match in `subject` starting at or after `start`, or nil.
    public func firstMatch(in subject: UnsafeRawBufferPointer, from start: Int = 0) throws(MatchError) -> Match? {
        try match(subject, at: start, flags: 0)
    }

    /// Calls `body` with every non-overlapping match in `subject` (optionally only those starting
    /// inside `range`), in order, until it returns false. After an empty match the search retries
    /// at the same offset for a non-empty anchored match, then advances one byte, so iteration
    /// always terminates.
    public func forEachMatch(
        in subject: UnsafeRawBufferPointer,
        range: Range<Int>? = nil,
        _ body: (Match) throws(MatchError) -> Bool
    ) throws(MatchError) {
        var offset = range?.lowerBound ?? 0
        let end = range?.upperBound ?? subject.count
        let view = UnsafeRawBufferPointer(rebasing: subject[0..<end])
        var flags: UInt32 = 0
        while offset <= end {
            guard let m = try match(view, at: offset, flags: flags) else {
                if flags == 0 { return }
                // The non-empty retry failed: step past this position.
                flags = 0
                offset += 1
                continue
            }
            guard try body(m) else { return }
            if m.range.isEmpty {
                offset = m.range.upperBound
                flags = UInt32(PCRE2_NOTEMPTY_ATSTART) | UInt32(PCRE2_ANCHORED)
            } else {
                offset = m.range.upperBound
                flags = 0
            }
        }
    }

    /// Like `forEachMatch(in:range:_:)`, but only matches whose start lies in one of `starts`
    /// (sorted, disjoint, each inside `range`) are found, and only those start positions are tried:
    /// each search runs from a start range's lower bound with PCRE2's offset limit at its upper
    /// bound. For start ranges that hold the start of every match in `range`, the matches are
    /// exactly those of `forEachMatch(in:range:_:)`. Needs a pattern compiled with `.startBounds`.
    public func forEachMatch(
        in subject: UnsafeRawBufferPointer,
        range: Range<Int>,
        startingIn starts: [ClosedRange<Int>],
        _ body: (Match) throws(MatchError) -> Bool
    ) throws(MatchError) {
        precondition(pattern.options.contains(.startBounds), "forEachMatch(startingIn:) needs a pattern compiled with .startBounds")
        let end = range.upperBound
        let view = UnsafeRawBufferPointer(rebasing: subject[0..<end])
        defer { pcre2_set_offset_limit_8(context, ~0) }
        var offset = range.lowerBound
        var flags: UInt32 = 0
        var i = 0
        while i < starts.count {
            let bound = starts[i]
            if offset > bound.upperBound || offset > end {
                i += 1
                continue
            }
            offset = max(offset, bound.lowerBound)
            pcre2_set_offset_limit_8(context, bound.upperBound)
            guard let m = try match(view, at: offset, flags: flags) else {
                if flags != 0 {
                    // The non-empty retry failed: step past this position.
                    flags = 0
                    offset += 1
                } else {
                    i += 1
                }
                continue
            }
            guard try body(m) else { return }
            offset = m.range.upperBound
            flags = m.range.isEmpty ? UInt32(PCRE2_NOTEMPTY_ATSTART) | UInt32(PCRE2_ANCHORED) : 0
        }
    }

    private func match(_ subject: UnsafeRawBufferPointer, at start: Int, flags: UInt32) throws(MatchError) -> Match? {
        guard start <= subject.count else { return nil }
        // PCRE2 rejects a NULL subject even with length 0; use a valid empty buffer instead.
        var empty: UInt8 = 0
        let rc: Int32 = withUnsafeMutablePointer(to: &empty) { emptyPtr in
            let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(emptyPtr)
            return pcre2_match_8(pattern.code, base, subject.count, start, flags, matchData, context)
        }
        if rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL { return nil }
        if rc < 0 {
            let message = PCRE2Library.message(for: rc)
            switch rc {
            case PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_JIT_STACKLIMIT:
                throw .limitExceeded(code: rc, message: message)
            default:
                throw .failed(code: rc, message: message)
            }
        }
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let pairs = Int(pcre2_get_ovector_count_8(matchData))
        // PCRE2_UNSET is ~(PCRE2_SIZE)0: a group that did not take part in the match.
        func rangeAt(_ i: Int) -> Range<Int>? {
            let lo = ovector[2 * i], hi = ovector[2 * i + 1]
            if lo < 0 || hi < 0 { return nil }
            return Int(lo)..<Int(max(lo, hi))
        }
        let whole = rangeAt(0) ?? start..<start
        let groupCount = pattern.captureCount
        var captures: [Range<Int>?] = []
        captures.reserveCapacity(groupCount)
        if groupCount > 0 {
            for i in 1...groupCount {
                captures.append(i < pairs && i < Int(rc) ? rangeAt(i) : nil)
            }
        }
        return Match(range: whole, captures: captures)
    }
}
