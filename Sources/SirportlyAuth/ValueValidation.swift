#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif
import TokenFormat

/// Which Sirportly value `validate token|secret|app-token` checks.
public enum SirportlyValueKind: String, Sendable, CaseIterable {
    case token
    case secret
    case applicationToken = "app-token"

    public var shape: TokenShape { self == .secret ? .secret : .token }

    /// The name used in messages: `token`, `secret`, `application token`.
    public var label: String {
        switch self {
        case .token: "token"
        case .secret: "secret"
        case .applicationToken: "application token"
        }
    }

    /// The exact format check of this kind, with reasons.
    public func validate(_ bytes: UnsafeRawBufferPointer) -> FormatValidation {
        switch self {
        case .token: SirportlyToken.validate(bytes)
        case .secret: SirportlySecret.validate(bytes)
        case .applicationToken: SirportlyApplicationToken.validate(bytes)
        }
    }
}

/// Where a validated value came from.
public enum ValuePosition: Sendable, Hashable {
    /// The n-th (1-based) command-line value.
    case argument(Int)
    /// The n-th (1-based) line of the stream.
    case line(Int)
}

/// One validated value. `value` is the value as read (without its line ending); a line longer
/// than `ValueValidation.maximumLine` keeps only that many leading bytes and is judged by its
/// length alone.
public struct ValueValidationResult: Sendable, Hashable {
    public var kind: SirportlyValueKind
    public var position: ValuePosition
    public var value: [UInt8]
    public var validation: FormatValidation
}

/// The counts of a value validation run.
public struct ValueValidationSummary: Sendable, Hashable {
    public var valid = 0
    public var invalid = 0
    /// Why the stream could not be read to its end, if it could not.
    public var readError: String?

    public init(valid: Int = 0, invalid: Int = 0, readError: String? = nil) {
        self.valid = valid
        self.invalid = invalid
        self.readError = readError
    }

    public var total: Int { valid + invalid }

    /// 0 every value valid, 1 something invalid, 2 the input could not be read.
    public var exitStatus: Int32 { readError != nil ? 2 : invalid > 0 ? 1 : 0 }
}

/// Validates Sirportly values given as arguments or streamed one per line, handing each result to
/// a closure as it is decided. Lines are validated from the read buffer: memory stays bounded
/// whatever the input's size.
public enum ValueValidation {
    /// Longest line kept whole; a longer line is reported from its length alone (it cannot be a
    /// credential) so that memory stays bounded.
    public static let maximumLine = 4096

    /// Validates each of `values` (argument positions are 1-based).
    public static func validate(
        _ values: [String], kind: SirportlyValueKind, _ body: (ValueValidationResult) -> Void
    ) -> ValueValidationSummary {
        var summary = ValueValidationSummary()
        for (i, value) in values.enumerated() {
            let bytes = Array(value.utf8)
            let validation = bytes.withUnsafeBytes { kind.validate($0) }
            count(validation, in: &summary)
            body(ValueValidationResult(kind: kind, position: .argument(i + 1), value: bytes, validation: validation))
        }
        return summary
    }

    /// Reads `descriptor` (not closed here) in 256 KiB blocks and validates each line (`\n` or
    /// `\r\n` terminated, the last one possibly unterminated; empty lines are skipped but counted
    /// for line numbers). A read failure ends the run with `readError` set.
    public static func validateLines(
        descriptor: Int32, kind: SirportlyValueKind, _ body: (ValueValidationResult) -> Void
    ) -> ValueValidationSummary {
        var summary = ValueValidationSummary()
        var lines = LineReader(descriptor: descriptor)
        while true {
            let next: LineReader.Line?
            do {
                next = try lines.next()
            } catch {
                summary.readError = error.reason
                return summary
            }
            guard let line = next else { return summary }
            if line.length == 0 { continue }
            var text = line.text
            if line.length > maximumLine {
                text.removeLast(text.count - maximumLine)
            } else if text.last == 0x0D {
                text.removeLast()
            }
            let validation: FormatValidation
            if line.length > maximumLine {
                validation = FormatValidation(shape: kind.shape, problems: [.wrongLength(got: line.length, expected: kind.shape.length)], notes: [])
            } else {
                validation = text.withUnsafeBytes { kind.validate($0) }
            }
            count(validation, in: &summary)
            body(ValueValidationResult(kind: kind, position: .line(line.number), value: text, validation: validation))
        }
    }

    static func count(_ validation: FormatValidation, in summary: inout ValueValidationSummary) {
        if validation.isValid { summary.valid += 1 } else { summary.invalid += 1 }
    }
}

/// The lines of a file descriptor, read in 256 KiB blocks; each line keeps at most
/// `ValueValidation.maximumLine` bytes (plus a CR) and knows its true length.
struct LineReader {
    struct Line {
        var number: Int
        /// The line's bytes without `\n`, cut after `maximumLine + 1` bytes.
        var text: [UInt8]
        /// The line's true length in bytes, without `\n` and without a final `\r`.
        var length: Int
    }

    struct ReadError: Error {
        var reason: String
    }

    let descriptor: Int32
    var block: [UInt8] = []
    var start = 0
    var count = 0
    var ended = false
    var number = 0

    init(descriptor: Int32) { self.descriptor = descriptor }

    mutating func next() throws(ReadError) -> Line? {
        let keep = ValueValidation.maximumLine + 1
        var text: [UInt8] = []
        var length = 0
        var sawBytes = false
        while true {
            if start == count {
                if ended { break }
                try fill()
                if count == 0 { ended = true; break }
            }
            let found: Int? = block.withUnsafeBufferPointer { buf in
                var i = start
                while i < count { if buf[i] == 0x0A { return i }; i += 1 }
                return nil
            }
            let end = found ?? count
            if text.count < keep { text.append(contentsOf: block[start..<min(end, start + keep - text.count)]) }
            length += end - start
            sawBytes = true
            if let found {
                start = found + 1
                number += 1
                return Line(number: number, text: text, length: Self.trueLength(length, text))
            }
            start = count
        }
        guard sawBytes, length > 0 else { return nil }
        number += 1
        return Line(number: number, text: text, length: Self.trueLength(length, text))
    }

    /// `length` without a final CR (only known when the line was kept whole).
    static func trueLength(_ length: Int, _ text: [UInt8]) -> Int {
        length <= text.count && text.last == 0x0D ? length - 1 : length
    }

    mutating func fill() throws(ReadError) {
        if block.isEmpty { block = [UInt8](repeating: 0, count: 1 << 18) }
        start = 0
        while true {
            let n = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n >= 0 { count = n; return }
            if errno != EINTR { throw ReadError(reason: String(cString: strerror(errno))) }
        }
    }
}
