import ArgumentParser
import Foundation
import SirportlyAuth

/// `tokenaudit validate`: exact format checks of Sirportly credentials, one value at a time or
/// in captured HTTP requests. Each subcommand only translates flags into options, runs one
/// validation and turns its outcome into the exit code.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check that Sirportly tokens, secrets and request headers have the exact format.",
        discussion: """
            Sirportly credentials have exact formats:
              API token           36 characters of 0-9, a-f and '-'   (X-Auth-Token)
              API secret          50 letters and digits                (X-Auth-Secret)
              application token   the token's format                   (X-Auth-Application)

            Examples:
              tokenaudit validate token d3f269a9-932e-eeb0-05e7-14fdff8696b2
              printenv SIRPORTLY_SECRET | tokenaudit validate secret --stdin
              tokenaudit validate headers request.txt
              tokenaudit validate headers capture.har --format json

            Exit codes: 0 everything valid, 1 something invalid, 2 usage or input error.
            """,
        subcommands: [ValidateTokenCommand.self, ValidateSecretCommand.self, ValidateAppTokenCommand.self,
                      ValidateHeadersCommand.self]
    )
}

extension ValidateOutputFormat: ExpressibleByArgument {}

/// Flags shared by `validate token`, `validate secret` and `validate app-token`.
struct ValueArguments: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Values to check. Prefer --stdin for real credentials: arguments end up in shell history and process lists.",
        valueName: "value"))
    var values: [String] = []

    @Flag(name: .customLong("stdin"), help: "Read one value per line from standard input (streams; CRLF accepted, empty lines skipped).")
    var readStandardInput = false

    @Option(help: "Output format: text (one line per value, summary on standard error) or json (one JSON object per line).")
    var format: ValidateOutputFormat = .text

    @Flag(name: .customLong("no-redact"), help: "Show values in full instead of redacted (at most their first 4 characters, none under 16).")
    var noRedact = false

    @Flag(help: "Print only the values that are invalid (the exit code still reflects every value).")
    var invalidOnly = false

    mutating func validate() throws {
        if readStandardInput && !values.isEmpty {
            throw ValidationError("Give values as arguments or use --stdin, not both.")
        }
        if !readStandardInput && values.isEmpty {
            throw ValidationError("Nothing to validate: give one or more values, or --stdin to read one value per line.")
        }
    }

    func options(kind: SirportlyValueKind) -> ValueValidationOptions {
        ValueValidationOptions(kind: kind, values: values, readStandardInput: readStandardInput, format: format,
                               redact: !noRedact, invalidOnly: invalidOnly)
    }
}

struct ValidateTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Check Sirportly API tokens (36 characters of 0-9, a-f and '-').",
        discussion: """
            Prints one line per value: the value (redacted as in every report unless --no-redact: \
            nothing under 16 characters, at most one character in eight and never more than 4, \
            then '…'), then 'valid' or 'invalid:' and exactly why (wrong length, the \
            offending character and its 1-based position, uppercase hex, surrounding whitespace or \
            quotes). Notes in parentheses do not make a value invalid: the documentation's example \
            token, or a placeholder such as 00000000-0000-0000-0000-000000000000.

            Examples:
              tokenaudit validate token d3f269a9-932e-eeb0-05e7-14fdff8696b2
                d3f2…: valid (this is the Sirportly documentation's example token, …)
              tokenaudit validate token D3F269A9-932E-EEB0-05E7-14FDFF8696B2
                D3F2…: invalid: uppercase hex digit at position 1 (and 12 more) (hint: the format is lowercase)
              tokenaudit validate token d3f269a9-932e-eeb0-05e7-14fdff8696b
                d3f2…: invalid: wrong length: got 35, expected 36
              grep -o '[0-9a-f-]\\{36\\}' tokens.txt | tokenaudit validate token --stdin --invalid-only
              tokenaudit validate token --stdin --format json < tokens.txt

            Exit codes: 0 all valid, 1 something invalid, 2 usage or input error.
            """)

    @OptionGroup var arguments: ValueArguments

    func run() throws { try runValueValidation(arguments.options(kind: .token)) }
}

struct ValidateSecretCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secret",
        abstract: "Check Sirportly API secrets (50 letters and digits).",
        discussion: """
            Prints one line per value, redacted (at most its first 4 characters) unless \
            --no-redact: 'valid' or 'invalid:' and exactly why. Notes mark the documentation's \
            example secret and placeholders.

            Examples:
              printenv SIRPORTLY_SECRET | tokenaudit validate secret --stdin
              tokenaudit validate secret --stdin --format json < secrets.txt

            Exit codes: 0 all valid, 1 something invalid, 2 usage or input error.
            """)

    @OptionGroup var arguments: ValueArguments

    func run() throws { try runValueValidation(arguments.options(kind: .secret)) }
}

struct ValidateAppTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app-token",
        abstract: "Check Sirportly application tokens (the token's format: 36 characters of 0-9, a-f and '-').",
        discussion: """
            The application token identifies a registered application in user authentication \
            (X-Auth-Application header). Output and exit codes as for 'validate token'.

            Example:
              tokenaudit validate app-token "$SIRPORTLY_APPLICATION"
            """)

    @OptionGroup var arguments: ValueArguments

    func run() throws { try runValueValidation(arguments.options(kind: .applicationToken)) }
}

struct ValidateHeadersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "headers",
        abstract: "Check the Sirportly authentication of captured HTTP requests (raw, curl -v, or HAR).",
        discussion: """
            Reads a raw HTTP request (or bare 'Name: value' header lines), 'curl -v' output \
            ('> X-Auth-Token: …' lines), or a HAR file (log.entries[].request). For every request \
            that carries X-Auth-Token, X-Auth-Secret or X-Auth-Application (any case) or a \
            password, it prints the authentication mode the headers form, each value's validation \
            (redacted unless --no-redact), and what is wrong:
              account authentication   X-Auth-Token + X-Auth-Secret
              user authentication      X-Auth-Application + X-Auth-Token + X-Auth-Secret
              user login               X-Auth-Application alone, on the authenticate call, with the
                                       user's username and password
            Problems: a token without its secret (or the reverse), a malformed value, a header sent \
            twice, an application token alone on a call other than the login call, and a password \
            (query, form, JSON, multipart field, Basic auth, or URL user info) sent anywhere but \
            the login call: after login, an application must use the token and secret and never \
            store the password.

            Requests without any of these are counted, not listed. With --format json each audited \
            request is one JSON object on its own line. HAR files are read as a stream (only \
            requests are kept, one at a time), so a capture of any size runs in bounded memory; \
            requests before a syntax error are still reported.

            Examples:
              tokenaudit validate headers request.txt
              curl -v https://helpdesk.example.com/api/v2/tickets/all 2>&1 | tokenaudit validate headers -
              tokenaudit validate headers capture.har --format json

            Exit codes: 0 every audited request is valid, 1 a request has a problem or no request \
            carries Sirportly authentication, 2 a file cannot be read or a HAR file cannot be parsed.
            """)

    @Argument(help: ArgumentHelp("Capture files to read; '-' reads standard input.", valueName: "file"))
    var files: [String] = []

    @Option(help: "Output format: text or json (one JSON object per audited request, one per line).")
    var format: ValidateOutputFormat = .text

    @Flag(name: .customLong("no-redact"), help: "Show header values and URLs in full.")
    var noRedact = false

    @OptionGroup var verification: VerifyArguments

    mutating func validate() throws {
        if files.isEmpty {
            throw ValidationError("Give a capture file to read, or '-' for standard input.")
        }
        if files.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("Standard input ('-') can be read only once.")
        }
    }

    func run() throws {
        var endpoint: SirportlyEndpoint?
        if verification.enabled {
            do {
                endpoint = try verification.endpoint(configURL: nil)
            } catch {
                StandardStreams.writeError("tokenaudit: error: \(error.description)\n")
                throw ExitCode(2)
            }
        }
        try runHeaderValidation(HeaderValidationOptions(
            files: files, format: format, redact: !noRedact, verifyEndpoint: endpoint))
    }
}
