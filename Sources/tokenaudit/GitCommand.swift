import ArgumentParser
import Foundation
import PCRE2
import SecretLint
import SecretReport
import SecretRules
import ScanResults

/// `tokenaudit git`: scans git input (the index, a commit range, the whole history).
struct GitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git",
        abstract: "Scan git input: staged changes (pre-commit), commit ranges (CI), whole history (audits).",
        discussion: """
            Objects are read from the repository with git plumbing, never from the work tree. \
            Every mode takes --baseline, --progress and --verify/--sirportly-url as scan does; \
            history also takes --shard I/N (docs/SHARDING.md). \
            Exit codes: 0 no findings at or above --fail-on, 1 findings or a live credential pair \
            (with --verify, whatever --fail-on says), 2 error (git missing, not a repository, unknown \
            or out-of-depth revision, corrupt object, bad config, refused Sirportly URL).
            """,
        subcommands: [GitStagedCommand.self, GitRangeCommand.self, GitHistoryCommand.self]
    )
}

/// Flags shared by the git subcommands.
struct GitScanOptions: ParsableArguments {
    @Option(name: .customLong("repository"), help: "A directory inside the work tree (default: the current directory).")
    var repository: String = "."

    @Option(help: "Config file to use instead of .tokenaudit.toml at the top of the work tree.")
    var config: String?

    @Option(help: "Skip blobs larger than this (bytes, or with K, M, G suffix). Default: the config's maxFileSize, else 10M.")
    var maxFileSize: ByteCount?

    @Flag(help: "Scan blobs that look binary instead of skipping them.")
    var binary = false

    @Option(help: "Report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: "Write the report to this file (created with mode 0600).")
    var output: String?

    @Flag(help: "Show secrets in full instead of redacted.")
    var noRedact = false

    @Flag(help: "No colour (also: the NO_COLOR environment variable).")
    var noColor = false

    @Option(help: "Lowest severity that makes the exit status 1: low, medium, high, critical.")
    var failOn: Severity?

    @Flag(help: "Disable PCRE2 JIT.")
    var noJit = false

    @Flag(help: "Report the Sirportly documentation's example values instead of suppressing them.")
    var reportExamples = false

    @Flag(name: [.short, .long], help: "No summary on standard error.")
    var quiet = false

    @Option(help: "Report only findings this baseline does not record (tokenaudit baseline create); the summary counts the suppressed ones.")
    var baseline: String?

    @Option(name: [.short, .long], help: "Threads scanning blobs (git history; default: one per processor). The report is the same for any number.")
    var jobs: Int?

    @Flag(inversion: .prefixedNo, help: """
        Exit with status 2 when a blob or message could not be read or fully matched (too large, a match \
        limit hit), naming each. On by default for `git staged`: a hook must not pass what it did not read.
        """)
    var failOnSkip: Bool?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
    @Option(help: "A progress line on standard error (blobs, bytes, MB/s, findings, ETA): auto (on a terminal, not in CI, after about a second), always, never.")
    var progress: ProgressMode = .auto

    @OptionGroup var verification: VerifyArguments

    func request(_ mode: GitScanMode, trustGitEnvironment: Bool = false) -> GitScanRequest {
        GitScanRequest(
            mode: mode, directory: repository, configPath: config,
            maxFileSize: maxFileSize?.bytes, scanBinary: binary, redact: !noRedact,
            jit: noJit ? .never : .ifAvailable, reportKnownExamples: reportExamples,
            failOn: failOn, trustGitEnvironment: trustGitEnvironment, jobs: jobs)
    }

    /// Runs the scan, prints the report and summary, and exits with the documented status.
    func run(_ request: GitScanRequest) throws {
        var request = request
        // The fingerprint key and the baseline, as for scan (key file at the directory named).
        let known = try BaselineOptions(baseline: baseline)
            .resolve(into: &request.fingerprintKey, root: request.directory, quiet: quiet)
        let watch = GitScanWatch(
            progress: ProgressLine(mode: progress, quiet: quiet, environment: ProcessInfo.processInfo.environment),
            harvest: verification.enabled ? CredentialPairHarvest() : nil)
        request.observer = watch
        let report: GitScanReport
        do {
            defer { watch.finish() }
            report = try GitScan.run(request)
        } catch {
            let prefix = if case .scan(.configuration) = error { "" } else { "tokenaudit: error: " }
            StandardStreams.writeError(prefix + TerminalText.neutralised(error.description) + "\n")
            throw ExitCode(2)
        }
        for warning in report.warnings where !quiet {
            StandardStreams.writeError("tokenaudit: warning: \(TerminalText.neutralised(warning))\n")
        }
        let colorAllowed = !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        var document = report.scanReport(
            tool: ToolInfo(name: "tokenaudit", version: TokenAudit.toolVersion), roots: [request.directory])
        if let known { document = known.applied(to: document) }
        let verified = try watch.harvest.map {
            try GitVerification.apply(to: &document, harvest: $0, arguments: verification, configURL: report.sirportlyURL)
        }
        let destination = try ReportDestination.opened(output)
        do {
            var reporter = format.makeReporter(output: destination, options: ReporterOptions(color: colorAllowed && output == nil && isatty(1) == 1))
            try document.replay(into: &reporter)
            try destination.commit()
        } catch {
            destination.discard()
            StandardStreams.writeError("tokenaudit: error: cannot write \(TerminalText.neutralised(output ?? "-")): \(error)\n")
            throw ExitCode(2)
        }
        if !quiet {
            if let nothing = report.nothingToScan { StandardStreams.writeError("tokenaudit: \(TerminalText.neutralised(nothing))\n") }
            // With --verify the summary leads with the live pairs: they are the ones to revoke now.
            if let verified { StandardStreams.writeError(verified.summaryLine + "\n") }
            if report.commitsScanned > 0 { StandardStreams.writeError("Commits scanned: \(report.commitsScanned)\n") }
            StandardStreams.writeError(SummaryReporter(color: colorAllowed && isatty(2) == 1).format(document.summary))
        }
        // Fail closed: in a hook by default, elsewhere with --fail-on-skip.
        if failOnSkip ?? (request.mode == .staged), !report.coverageGaps.isEmpty {
            let what = request.mode == .staged ? "staged file " : ""
            for gap in report.coverageGaps {
                StandardStreams.writeError(
                    "tokenaudit: error: \(what)\(TerminalText.neutralised(gap.path)) was not fully scanned: \(TerminalText.neutralised(gap.reason))\n")
            }
            let hint = request.mode == .staged ? " (a larger --max-file-size scans it; --no-fail-on-skip lets it through)" : ""
            StandardStreams.writeError("tokenaudit: error: incomplete coverage, exit status 2\(hint)\n")
            throw ExitCode(2)
        }
        // A live credential fails the run whatever --fail-on says.
        if (known == nil ? report.failed : document.failed) || (verified?.live ?? 0) > 0 { throw ExitCode(1) }
    }
}

struct GitStagedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staged",
        abstract: "Scan what is about to be committed (the index); report findings on added or changed lines only.",
        discussion: """
            For pre-commit hooks. Blobs are read from the index, not the work tree, so unstaged edits \
            are not scanned. Nothing staged is exit 0. Inside a git hook, pass --hook so that the \
            index git prepared for `commit -a`/`--only` (GIT_INDEX_FILE) is the one read.
            """
    )
    @OptionGroup var options: GitScanOptions

    @Flag(help: "Trust GIT_DIR and GIT_INDEX_FILE from the environment (set by git when it runs a hook).")
    var hook = false

    func run() throws { try options.run(options.request(.staged, trustGitEnvironment: hook)) }
}

struct GitRangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "range",
        abstract: "Scan the commits in BASE..HEAD (added lines and commit messages), e.g. a pull request.",
        discussion: """
            Each finding names the commit, author and date that introduced it. Merge commits \
            contribute their messages; their content is scanned in the commits they merge. In a \
            shallow clone, a BASE beyond the fetched depth is an error (exit 2): fetch more history.
            """
    )
    @OptionGroup var options: GitScanOptions

    @Argument(help: "BASE..HEAD (HEAD defaults to HEAD). Omit with --since.")
    var range: String?

    @Option(help: "Scan the commits after REF up to HEAD (same as REF..HEAD).")
    var since: String?

    func validate() throws {
        if (range == nil) == (since == nil) { throw ValidationError("give either BASE..HEAD or --since REF") }
        if let range, !range.contains("..") || range.contains("...") {
            throw ValidationError("the range must read BASE..HEAD")
        }
    }

    var bounds: (base: String, head: String) {
        if let since { return (since, "HEAD") }
        let parts = range!.components(separatedBy: "..")
        return (parts[0], parts.count > 1 && !parts[1].isEmpty ? parts[1] : "HEAD")
    }

    func run() throws { try options.run(options.request(.range(base: bounds.base, head: bounds.head))) }
}

struct GitHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Audit every blob and commit message reachable from the refs (default: HEAD), each blob once.",
        discussion: """
            Each value is reported once per path, at the earliest commit that introduced it, and \
            marked removed when it is no longer anywhere in HEAD (it leaked all the same: rotate it).
            """
    )
    @OptionGroup var options: GitScanOptions

    @Flag(help: "Every ref (branches, tags, remotes, stash).")
    var all = false

    @Argument(help: "Refs or commits to start from.")
    var refs: [String] = []

    @Option(help: "Scan only part I of N of the unique blobs (e.g. 2/4), chosen by a stable hash of the path each was introduced at; join the JSON reports with tokenaudit report merge (docs/SHARDING.md).")
    var shard: ShardArgument?

    func validate() throws {
        if all && !refs.isEmpty { throw ValidationError("use either --all or refs") }
    }

    func run() throws {
        var request = options.request(.history(refs: all ? ["--all"] : refs))
        request.shard = shard?.shard
        try options.run(request)
    }
}
