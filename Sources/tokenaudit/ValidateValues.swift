import ArgumentParser
import SecretReport
import SirportlyAuth
import TokenFormat

/// The options of one `validate token|secret|app-token` run, after flag parsing.
struct ValueValidationOptions: Sendable {
    var kind: SirportlyValueKind
    var values: [String]
    var readStandardInput: Bool
    var format: ValidateOutputFormat
    var redact: Bool
    var invalidOnly: Bool
}

/// Runs one value validation (library call), prints each result as it comes, and exits with the
/// summary's status.
func runValueValidation(_ options: ValueValidationOptions) throws {
    let output = ByteOutput()
    let writer = ValueResultWriter(options: options)
    let show: (ValueValidationResult) -> Void = { result in
        if options.invalidOnly && result.validation.isValid { return }
        output.appendLine { writer.write(result, to: &$0) }
    }
    let summary = options.readStandardInput
        ? ValueValidation.validateLines(descriptor: 0, kind: options.kind, show)
        : ValueValidation.validate(options.values, kind: options.kind, show)
    output.flush()
    if let reason = summary.readError {
        StandardStreams.writeError("tokenaudit: cannot read standard input: \(reason)\n")
    } else if options.format == .text {
        if summary.total == 0 {
            StandardStreams.writeError("no values read (empty lines are skipped)\n")
        } else if summary.total > 1 || options.invalidOnly {
            StandardStreams.writeError("\(summary.total) \(options.kind.label) value\(summary.total == 1 ? "" : "s"): \(summary.valid) valid, \(summary.invalid) invalid\n")
        }
    }
    if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
}

/// Formats one value's result: a text line, or a JSON Lines object.
struct ValueResultWriter {
    let options: ValueValidationOptions

    func write(_ result: ValueValidationResult, to line: inout [UInt8]) {
        let display = CredentialDisplay.string(result.value, redact: options.redact)
        switch options.format {
        case .text:
            if case .line(let n) = result.position {
                line.append(contentsOf: "line ".utf8)
                ByteOutput.appendDecimal(n, to: &line)
                line.append(contentsOf: ": ".utf8)
            }
            line.append(contentsOf: display.utf8)
            line.append(contentsOf: ": ".utf8)
            if result.validation.isValid && result.validation.notes.isEmpty {
                line.append(contentsOf: "valid".utf8)
            } else {
                line.append(contentsOf: TerminalText.neutralised(result.validation.description).utf8)
            }
        case .json:
            var json = JSONWriter(style: .compact)
            json.beginObject()
            json.field("kind", result.kind.rawValue)
            switch result.position {
            case .argument(let i): json.field("argument", i)
            case .line(let n): json.field("line", n)
            }
            json.field("value", display)
            json.field("redacted", options.redact)
            json.validationFields(result.validation)
            json.endContainer()
            line.append(contentsOf: json.take().utf8)
        }
    }
}
