import ArgumentParser
import Foundation
import PCRE2
import ScanResults
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

            --verify asks the Sirportly API (--sirportly-url, or sirportlyURL in the config, else \
            https://api.sirportly.com) whether each token+secret pair found still works, once per \
            unique pair, and adds the result (live, restricted, rejected, unknown) to the report. \
            Off by default; see the README for its safety rules.

            Fingerprints are keyed with $TOKENAUDIT_FINGERPRINT_KEY or .tokenaudit-key at the scan root \
            (created by tokenaudit baseline create), else with a random key for this run; the key never \
            appears in a report (docs/THREAT-MODEL.md).

            Exit codes: 0 no findings at or above --fail-on, 1 findings or a live credential pair \
            (with --verify, whatever --fail-on says), 2 error (bad flags, bad config, unreadable \
            scan root or an unreadable file named on the command line, unreadable baseline, an -o \
            path that is a symbolic link, a failed write) or, with --fail-on-skip, incomplete coverage.
            """
    )

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

    @Flag(help: """
        Follow symbolic links found during directory walks. Links that lead outside the scan roots, \
        back up the current path (loops) or to a directory already walked are listed as skipped.
        """)
    var followSymlinks = false

    @Flag(help: """
        Like --follow-symlinks, and also follow links that lead outside the scan roots (to the rest \
        of the host). Loops and directories already walked are still skipped.
        """)
    var followSymlinksAnywhere = false

    @Option(help: "Skip files larger than this (bytes, or with K, M, G suffix). Default: the config's maxFileSize, else no limit.")
    var maxFileSize: ByteCount?

    @Option(help: "Abandon a gzip stream that inflates more than this many times its size.")
    var maxDecompressionRatio = 200

    @Option(name: [.short, .long], help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(help: "Report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: "Write the report to this file (created with mode 0600).")
    var output: String?

    @Flag(help: "Show secrets in full instead of their first 4 characters.")
    var noRedact = false

    @Flag(help: "No colour (also: the NO_COLOR environment variable).")
    var noColor = false

    @Option(help: "Lowest severity that makes the exit status 1: low, medium, high, critical. Default: the config's failOn, else low.")
    var failOn: Severity?

    @Option(name: .long, help: ArgumentHelp("Only these rules: comma-separated ids, PREFIX* and tag:TAG entries (a family name such as `sirportly` selects its rules).", valueName: "list"))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp("Leave out these rules (same syntax as --rules).", valueName: "list"))
    var excludeRules: String?

    @Option(help: "PCRE2 JIT policy: auto or off.")
    var jit: JITPolicy?

    @Flag(help: "Same as --jit off.")
    var noJit = false

    @Flag(help: "Report the Sirportly documentation's example values instead of suppressing them.")
    var reportExamples = false

    @Flag(name: [.short, .long], help: "No summary on standard error.")
    var quiet = false

    @OptionGroup var verification: VerifyArguments

    @OptionGroup var reporting: ReportingOptions

    @Flag(help: """
        Exit with status 2 when any input could not be read or fully matched (unreadable, too large, \
        a gzip bomb or damaged stream, a match limit hit), so a CI gate never passes what it did not \
        read. Binary files and symlinks skipped by design do not count.
        """)
    var failOnSkip = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if paths.count(where: { $0 == "-" }) > 1 { throw ValidationError("standard input (-) can be named only once") }
        if stdinName != nil && !paths.contains("-") { throw ValidationError("--stdin-name needs - among the paths") }
        if jit != nil && noJit { throw ValidationError("use either --jit or --no-jit") }
        do {
            _ = try RuleSelection(rules: rules, excludeRules: excludeRules)
        } catch {
            throw ValidationError(error.message)
        }
        if maxDecompressionRatio < 1 { throw ValidationError("--max-decompression-ratio must be at least 1") }
    }

    /// The options value for the library.
    var request: ScanRequest {
        var request = ScanRequest(
            paths: RawArguments.losslessPaths(paths.isEmpty ? ["."] : paths), stdinName: stdinName ?? "<stdin>", configPath: config,
            useIgnoreFiles: !noIgnore, scanBinary: binary, followSymlinks: followSymlinks || followSymlinksAnywhere,
            maxFileSize: maxFileSize?.bytes, maxDecompressionRatio: maxDecompressionRatio,
            jobs: jobs, redact: !noRedact, jit: noJit ? .never : (jit ?? .ifAvailable),
            reportKnownExamples: reportExamples, failOn: failOn)
        request.followSymlinksOutsideRoots = followSymlinksAnywhere
        // Parsed in validate(); a list that does not parse cannot reach here.
        request.ruleSelection = (try? RuleSelection(rules: rules, excludeRules: excludeRules)) ?? RuleSelection()
        return request
    }

    func run() throws {
        var request = self.request
        let resolved = try reporting.resolve(into: &request, quiet: quiet)
        let environment = ProcessInfo.processInfo.environment
        let colorAllowed = !noColor && (environment["NO_COLOR"] ?? "").isEmpty
        let destination = try ReportDestination.opened(output)
        let options = ReporterOptions(color: colorAllowed && output == nil && isatty(1) == 1)
        let reporterSink = CommandSink(reporter: format.makeReporter(output: destination, options: options))
        var sink = BaselineFilter(
            base: ProgressSink(base: reporterSink, line: resolved.progress), baseline: resolved.baseline ?? Baseline(entries: []))
        var summary: ScanSummary
        var verified: VerifiedPairs?
        do {
            let tool = ToolInfo(name: "tokenaudit", version: TokenAudit.toolVersion)
            if verification.enabled {
                let run = try ScanVerification.run(request, tool: tool, arguments: verification, into: &sink)
                summary = run.0
                verified = run.1
            } else {
                summary = try Linter.run(request, tool: tool, into: &sink)
            }
            // With a baseline, the counts are those of new findings.
            summary = sink.summary ?? summary
            try destination.commit()
        } catch {
            destination.discard()
            if output == nil, let failure = destination.writeFailure {
                // Standard output failed: quietly for a closed pipe, one line otherwise.
                StandardStreams.outputFailureMessage(failure).map(StandardStreams.writeError)
                throw ExitCode(2)
            }
            // Config errors already read `path:line:column: error: …`.
            let prefix = if case .configuration = error as? ScanError { "" } else { "tokenaudit: error: " }
            StandardStreams.writeError(prefix + TerminalText.neutralised("\(error)") + "\n")
            throw ExitCode(2)
        }
        if !quiet {
            // With --verify the summary leads with the live pairs: they are the ones to revoke now.
            if let verified { StandardStreams.writeError(verified.summaryLine + "\n") }
            StandardStreams.writeError(SummaryReporter(color: colorAllowed && isatty(2) == 1).format(summary))
        }
        if failOnSkip && !summary.coverage.isComplete { throw ExitCode(2) }
        // A live credential fails the run whatever --fail-on says.
        if summary.failed || (verified?.live ?? 0) > 0 { throw ExitCode(1) }
    }
}

/// The reporter, plus warnings printed to standard error as they happen (neutralised).
struct CommandSink: ScanSink {
    var reporter: any Reporter

    mutating func begin(tool: ToolInfo) throws { try reporter.begin(tool: tool) }
    mutating func finding(_ finding: ReportedFinding) throws { try reporter.finding(finding) }
    mutating func skipped(_ input: SkippedInput) throws { try reporter.skipped(input) }
    mutating func end(_ summary: ScanSummary) throws { try reporter.end(summary) }
    mutating func warning(_ message: String) throws {
        StandardStreams.writeError("tokenaudit: warning: \(TerminalText.neutralised(message))\n")
        try reporter.warning(message)
    }
}
