import ArgumentParser
import Foundation
import ScanResults
import SecretReport
import SecretRules

/// `tokenaudit report merge`: JSON reports of separate runs joined into one report in any format.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Work with JSON reports written by scan --format json.",
        subcommands: [Merge.self]
    )

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join JSON reports (shards of one audit, several repositories) into one report.",
            discussion: """
                Findings keep report order; a finding present in several reports (same fingerprint, \
                same place) is listed once; skipped inputs and warnings are concatenated; counts are \
                added up. Shards must share one fingerprint key ($TOKENAUDIT_FINGERPRINT_KEY or \
                .tokenaudit-key), see docs/SHARDING.md.

                Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 error (a report that \
                cannot be read, with its path, line and column).
                """
        )

        @Argument(help: "JSON reports to merge.")
        var reports: [String]

        @Option(help: "Report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: ReportFormat = .text

        @Option(name: [.short, .long], help: "Write the report to this file (created with mode 0600).")
        var output: String?

        @Option(help: "Lowest severity that makes the exit status 1.")
        var failOn: Severity = .low

        @Flag(help: "No colour (also: the NO_COLOR environment variable).")
        var noColor = false

        func validate() throws {
            if reports.isEmpty { throw ValidationError("name at least one JSON report") }
        }

        func run() throws {
            var parsed: [ScanReport] = []
            for path in reports {
                guard let data = FileManager.default.contents(atPath: path) else {
                    StandardStreams.writeError("\(TerminalText.neutralised(path)): error: cannot read the report\n")
                    throw ExitCode(2)
                }
                do {
                    parsed.append(try ReportMerge.read(Array(data), path: path))
                } catch {
                    StandardStreams.writeError(TerminalText.neutralised(error.description) + "\n")
                    throw ExitCode(2)
                }
            }
            let merged = ReportMerge.merge(parsed, failOn: failOn)
            let colorAllowed = !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            let destination = try ReportDestination.opened(output)
            do {
                var reporter = format.makeReporter(
                    output: destination, options: ReporterOptions(color: colorAllowed && output == nil && isatty(1) == 1))
                try merged.replay(into: &reporter)
                try destination.commit()
            } catch {
                destination.discard()
                StandardStreams.writeError("tokenaudit: error: cannot write the report: \(TerminalText.neutralised("\(error)"))\n")
                throw ExitCode(2)
            }
            if merged.failed { throw ExitCode(1) }
        }
    }
}
