import ArgumentParser
import Foundation
import PCRE2
import SecretLint
import SecretReport
import SecretRules

/// `tokenaudit scan`: flags → `ScanRequest` → `Linter.run` → reporter → exit code.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files, directories, logs (also .gz) and stdin for leaked credentials and stored passwords.",
        discussion: """
            PATH is a file or directory (default: .); - reads standard input. Directory walks honour \
            .gitignore, .ignore and .tokenauditignore (unless --no-ignore), scan dotfiles, skip .git/. \
            Binary files, symlinks (unless --follow-symlinks), FIFOs, sockets, devices, unreadable and \
            oversized files are skipped and listed with their reason in the summary and the JSON report.

            Configuration: .tokenaudit.toml at the scan root, or --config FILE.

            Secrets are redacted (first 4 characters and …) unless --no-redact.

            Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 error (bad flags, bad \
            config, unreadable scan root).
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Files and directories to scan; - for standard input.")
    var paths: [String] = []

    @Option(help: "The path shown for findings in standard input.")
    var stdinName: String?

    @Option(help: "Config file to use instead of .tokenaudit.toml at the scan root.")
    var config: String?

    @Flag(help: "Do not honour .gitignore, .ignore and .tokenauditignore.")
    var noIgnore = false

    @Flag(help: "Scan files that look binary instead of skipping them.")
    var binary = false

    @Flag(help: "Follow symbolic links found during directory walks (loops are detected).")
    var followSymlinks = false

    @Option(help: "Skip files larger than this (bytes, or with K, M, G suffix). Default: the config's maxFileSize, else no limit.")
    var maxFileSize: String?

    @Option(help: "Abandon a gzip stream that inflates more than this many times its size.")
    var maxDecompressionRatio = 200

    @Option(name: [.short, .long], help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(help: "Report format: text or json.")
    var format: OutputFormat = .text

    @Option(name: [.short, .long], help: "Write the report to this file (created with mode 0600).")
    var output: String?

    @Flag(help: "Show secrets in full instead of their first 4 characters.")
    var noRedact = false

    @Flag(help: "No colour (also: the NO_COLOR environment variable).")
    var noColor = false

    @Option(help: "Lowest severity that makes the exit status 1: low, medium, high, critical. Default: the config's failOn, else low.")
    var failOn: String?

    @Option(help: "PCRE2 JIT policy: auto or off.")
    var jit: String?

    @Flag(help: "Same as --jit off.")
    var noJit = false

    @Flag(help: "Report the Sirportly documentation's example values instead of suppressing them.")
    var reportExamples = false

    @Flag(name: [.short, .long], help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if paths.count(where: { $0 == "-" }) > 1 { throw ValidationError("standard input (-) can be named only once") }
        if stdinName != nil && !paths.contains("-") { throw ValidationError("--stdin-name needs - among the paths") }
        if jit != nil && noJit { throw ValidationError("use either --jit or --no-jit") }
        if let jit, JITPolicy(rawValue: jit) == nil { throw ValidationError("--jit must be auto or off") }
        if let failOn, Severity(rawValue: failOn) == nil {
            throw ValidationError("--fail-on must be one of low, medium, high, critical")
        }
        if let maxFileSize, ByteSize.parse(maxFileSize) == nil {
            throw ValidationError("--max-file-size must be a byte count, optionally with K, M or G (e.g. 10M)")
        }
        if maxDecompressionRatio < 1 { throw ValidationError("--max-decompression-ratio must be at least 1") }
    }

    /// The options value for the library.
    var request: ScanRequest {
        ScanRequest(
            paths: paths.isEmpty ? ["."] : paths, stdinName: stdinName ?? "<stdin>", configPath: config,
            useIgnoreFiles: !noIgnore, scanBinary: binary, followSymlinks: followSymlinks,
            maxFileSize: maxFileSize.flatMap(ByteSize.parse).map(Int64.init), maxDecompressionRatio: maxDecompressionRatio,
            jobs: jobs, redact: !noRedact, jit: noJit ? .never : (jit.flatMap(JITPolicy.init(rawValue:)) ?? .ifAvailable),
            reportKnownExamples: reportExamples, failOn: failOn.flatMap(Severity.init(rawValue:)))
    }

    func run() throws {
        let report: ScanReport
        do {
            report = try Linter.run(request, events: WarningPrinter())
        } catch {
            // Config errors already read `path:line:column: error: …`.
            let prefix = if case .configuration = error { "" } else { "tokenaudit: error: " }
            FileHandleStderr.write(prefix + TerminalText.neutralised(error.description) + "\n")
            throw ExitCode(2)
        }
        let document = Report(report, tool: Report.Tool(name: "tokenaudit", version: TokenAudit.toolVersion))
        let environment = ProcessInfo.processInfo.environment
        let colorAllowed = !noColor && (environment["NO_COLOR"] ?? "").isEmpty
        let rendered: String
        switch format {
        case .text: rendered = TextReporter(color: colorAllowed && output == nil && isatty(1) == 1).format(document)
        case .json: rendered = JSONReporter().format(document)
        }
        if let output {
            do {
                try Self.writePrivately(rendered, to: output)
            } catch {
                FileHandleStderr.write("tokenaudit: error: cannot write \(TerminalText.neutralised(output)): \(error)\n")
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
        if !quiet {
            FileHandleStderr.write(SummaryReporter(color: colorAllowed && isatty(2) == 1).format(document))
        }
        if report.failed { throw ExitCode(1) }
    }

    /// Writes `text` to `path`, creating or truncating it with mode 0600 (reports hold locations of
    /// secrets, and secrets in full with --no-redact).
    static func writePrivately(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            bytes = bytes.dropFirst(n)
        }
    }
}

/// Prints warnings to standard error as they happen, neutralised for the terminal.
struct WarningPrinter: ScanEventSink {
    func receive(_ event: ScanEvent) {
        if case .warning(let message) = event {
            FileHandleStderr.write("tokenaudit: warning: \(TerminalText.neutralised(message))\n")
        }
    }
}
