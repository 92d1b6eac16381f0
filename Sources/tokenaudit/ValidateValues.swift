import Foundation
import TokenFormat

/// Which Sirportly value `tokenaudit validate token|secret|app-token` checks.
enum ValidatedKind: String, Sendable {
    case token
    case secret
    case applicationToken = "app-token"

    var shape: TokenShape { self == .secret ? .secret : .token }

    /// The name used in messages and JSON output.
    var label: String {
        switch self {
        case .token: "token"
        case .secret: "secret"
        case .applicationToken: "application token"
        }
    }

    func validate(_ bytes: UnsafeRawBufferPointer) -> FormatValidation {
        switch self {
        case .token: SirportlyToken.validate(bytes)
        case .secret: SirportlySecret.validate(bytes)
        case .applicationToken: SirportlyApplicationToken.validate(bytes)
        }
    }
}

/// The options of one `validate token|secret|app-token` run, after flag parsing.
struct ValueValidationOptions: Sendable {
    var kind: ValidatedKind
    var values: [String]
    var readStandardInput: Bool
    var format: ValidateOutputFormat
    var redact: Bool
    var invalidOnly: Bool
}

/// Validates values from the command line or from a stream of lines and prints one result per
/// value. Lines are validated straight from the read buffer: constant memory whatever the input
/// size, no `String` per line.
struct ValueValidationRun {
    let options: ValueValidationOptions
    let output = ByteOutput()
    var valid = 0
    var invalid = 0

    init(options: ValueValidationOptions) { self.options = options }

    /// Runs and returns the exit code: 0 all valid, 1 something invalid, 2 a read error.
    mutating func run() -> Int32 {
        if options.readStandardInput {
            do {
                try validateLines(descriptor: 0)
            } catch {
                output.flush()
                FileHandleStderr.write("tokenaudit: \(error)\n")
                return 2
            }
        } else {
            for (i, value) in options.values.enumerated() {
                var bytes = Array(value.utf8)
                bytes.withUnsafeMutableBytes { report(UnsafeRawBufferPointer($0), position: .argument(i + 1)) }
            }
        }
        output.flush()
        if options.format == .text {
            let total = valid + invalid
            if total == 0 {
                FileHandleStderr.write("no values read (empty lines are skipped)\n")
            } else if total > 1 || options.invalidOnly {
                FileHandleStderr.write("\(total) \(options.kind.label) value\(total == 1 ? "" : "s"): \(valid) valid, \(invalid) invalid\n")
            }
        }
        return invalid > 0 ? 1 : 0
    }

    enum Position {
        case argument(Int)
        case line(Int)
    }

    struct StreamError: Error, CustomStringConvertible {
        var reason: String
        var description: String { "cannot read standard input: \(reason)" }
    }

    /// Longest line kept whole; a longer line is reported from its length alone (it cannot be a
    /// credential) so that memory stays bounded.
    static let maximumLine = 4096

    /// Reads `descriptor` in 256 KiB blocks and validates each line (`\n` or `\r\n` terminated;
    /// empty lines skipped). A line split across blocks is carried over in a small buffer.
    mutating func validateLines(descriptor: Int32) throws(StreamError) {
        let blockSize = 1 << 18
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { block.deallocate() }
        var carry: [UInt8] = []
        var carryLength = 0          // true length of a line that outgrew `carry`
        var lineNumber = 0
        while true {
            let n = read(descriptor, block.baseAddress, blockSize)
            if n < 0 {
                if errno == EINTR { continue }
                throw StreamError(reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            let data = UnsafeRawBufferPointer(rebasing: block[0..<n])
            var start = 0
            while start < n {
                guard let newline = data[start...].firstIndex(of: 0x0A) else {
                    // Partial line: keep (a bounded prefix of) it for the next block.
                    let piece = data[start..<n]
                    if carry.count < Self.maximumLine { carry.append(contentsOf: piece.prefix(Self.maximumLine - carry.count)) }
                    carryLength += piece.count
                    break
                }
                lineNumber += 1
                if carryLength == 0 {
                    emitLine(UnsafeRawBufferPointer(rebasing: data[start..<newline]), number: lineNumber)
                } else {
                    let piece = data[start..<newline]
                    if carry.count < Self.maximumLine { carry.append(contentsOf: piece.prefix(Self.maximumLine - carry.count)) }
                    carryLength += piece.count
                    emitCarried(&carry, length: carryLength, number: lineNumber)
                    carryLength = 0
                }
                start = newline + 1
            }
        }
        if carryLength > 0 {
            lineNumber += 1
            emitCarried(&carry, length: carryLength, number: lineNumber)
        }
    }

    mutating func emitCarried(_ carry: inout [UInt8], length: Int, number: Int) {
        if length <= Self.maximumLine {
            carry.withUnsafeBytes { emitLine($0, number: number) }
        } else {
            // Too long to be a credential: report the length; show the kept prefix when asked.
            var line = carry
            if line.last == 0x0D { line.removeLast() }
            let validation = FormatValidation(
                shape: options.kind.shape, problems: [.wrongLength(got: length, expected: options.kind.shape.length)], notes: [])
            line.withUnsafeBytes { print(validation, value: $0, position: .line(number)) }
        }
        carry.removeAll(keepingCapacity: true)
    }

    mutating func emitLine(_ raw: UnsafeRawBufferPointer, number: Int) {
        var line = raw
        if let last = line.last, last == 0x0D { line = UnsafeRawBufferPointer(rebasing: line.dropLast()) }
        if line.isEmpty { return }
        report(line, position: .line(number))
    }

    mutating func report(_ value: UnsafeRawBufferPointer, position: Position) {
        let validation = options.kind.validate(value)
        print(validation, value: value, position: position)
    }

    mutating func print(_ validation: FormatValidation, value: UnsafeRawBufferPointer, position: Position) {
        if validation.isValid { valid += 1 } else { invalid += 1 }
        if options.invalidOnly && validation.isValid { return }
        let options = self.options
        output.appendLine { line in
            switch options.format {
            case .text:
                if case .line(let n) = position {
                    line.append(contentsOf: "line ".utf8)
                    ByteOutput.appendDecimal(n, to: &line)
                    line.append(contentsOf: ": ".utf8)
                }
                ValueDisplay.append(value, redact: options.redact, to: &line)
                line.append(contentsOf: ": ".utf8)
                if validation.isValid && validation.notes.isEmpty {
                    line.append(contentsOf: "valid".utf8)
                } else {
                    line.append(contentsOf: validation.description.utf8)
                }
            case .json:
                var json = JSONWriter()
                json.beginObject()
                json.field("kind", options.kind.rawValue)
                switch position {
                case .argument(let i): json.field("argument", i)
                case .line(let n): json.field("line", n)
                }
                var display: [UInt8] = []
                ValueDisplay.append(value, redact: options.redact, to: &display)
                json.field("value", String(decoding: display, as: UTF8.self))
                json.field("redacted", options.redact)
                json.validationFields(validation)
                json.endObject()
                line.append(contentsOf: json.bytes)
            }
        }
    }
}
