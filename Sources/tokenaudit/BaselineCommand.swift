import ArgumentParser
import Foundation
import ScanResults
import SecretLint
import SecretReport

/// `tokenaudit baseline create|update|prune`: record accepted findings by fingerprint so that
/// `scan --baseline FILE` reports only new ones.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record current findings so that later scans (--baseline FILE) report only new ones.",
        discussion: """
            A baseline lists findings by fingerprint (a keyed hash of rule id, normalised secret and \
            path), with rule id and path; no secret, no line numbers, no timestamps, sorted: moving \
            code does not change it and branches merge cleanly. Fingerprints use \
            $TOKENAUDIT_FINGERPRINT_KEY, else .tokenaudit-key at the scan root (created with mode 0600 \
            by baseline create when missing); the key never appears in a report or baseline \
            (docs/THREAT-MODEL.md).

            Exit codes: 0 done, 2 error (unreadable or invalid baseline, missing key).
            """,
        subcommands: [Create.self, Update.self, Prune.self]
    )

    /// What the three subcommands scan, and where the baseline is.
    struct Options: ParsableArguments {
        @Argument(help: "Files and directories to scan (default: .).")
        var paths: [String] = []

        @Option(name: [.short, .long], help: "The baseline file.")
        var output: String = Baseline.defaultFileName

        @Option(help: "Config file to use instead of .tokenaudit.toml at the scan root.")
        var config: String?

        @Flag(help: "Do not honour .gitignore, .ignore and .tokenauditignore.")
        var noIgnore = false

        @Flag(help: "Scan files that look binary instead of skipping them.")
        var binary = false

        @Option(name: [.short, .long], help: "Worker threads (default: all cores).")
        var jobs: Int?

        @Flag(name: [.short, .long], help: "No message on standard error.")
        var quiet = false

        @Option(help: ArgumentHelp(
            "Take the findings from this JSON report instead of scanning (e.g. of git history, or a merged report).",
            discussion: "The report must have been made under the key later scans use ($TOKENAUDIT_FINGERPRINT_KEY or .tokenaudit-key).",
            valueName: "report.json"))
        var fromReport: String?

        func validate() throws {
            if fromReport != nil && !paths.isEmpty { throw ValidationError("use either --from-report or paths") }
            if paths.contains("-") { throw ValidationError("a baseline records files; standard input (-) cannot be part of it") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        /// Scans under the repository's key (created when `createKey`) and returns the findings
        /// as a baseline. Errors are printed; exit 2.
        func currentBaseline(createKey: Bool) throws -> Baseline {
            if let fromReport { return try reportBaseline(fromReport) }
            var request = ScanRequest(
                paths: paths.isEmpty ? ["."] : paths, configPath: config, useIgnoreFiles: !noIgnore, scanBinary: binary,
                jobs: jobs)
            do {
                let key = try FingerprintKey.resolve(for: request, environment: ProcessInfo.processInfo.environment, create: createKey)
                guard key.origin != .perRun else {
                    throw FingerprintKeyError(
                        source: FingerprintKey.filePath(for: request),
                        message: "no fingerprint key: the baseline was made under another key (run baseline create, "
                            + "or set $\(FingerprintKey.environmentVariable))")
                }
                if key.created && !quiet {
                    StandardStreams.writeError(
                        "tokenaudit: created the fingerprint key \(TerminalText.neutralised(key.origin.description)) (mode 0600): "
                            + "keep it with the repository's secrets, or give it to CI as $\(FingerprintKey.environmentVariable)\n")
                }
                request.fingerprintKey = key.bytes
            } catch {
                StandardStreams.writeError(TerminalText.neutralised("\(error)") + "\n")
                throw ExitCode(2)
            }
            let report: ScanReport
            do {
                report = try Linter.run(request)
            } catch {
                let prefix = if case .configuration = error { "" } else { "tokenaudit: error: " }
                StandardStreams.writeError(prefix + TerminalText.neutralised("\(error)") + "\n")
                throw ExitCode(2)
            }
            // The baseline and the key file are not findings of the repository.
            let own: Set<Substring> = [output.split(separator: "/").last ?? "", Substring(FingerprintKey.fileName)]
            return Baseline(findings: report.findings.filter { !own.contains($0.relativePath.split(separator: "/").last ?? "") })
        }

        /// The findings of the JSON report at `path` as a baseline (its fingerprints as they are).
        func reportBaseline(_ path: String) throws -> Baseline {
            guard let data = FileManager.default.contents(atPath: path) else {
                StandardStreams.writeError("tokenaudit: error: cannot read \(TerminalText.neutralised(path))\n")
                throw ExitCode(2)
            }
            do {
                return Baseline(findings: try ReportMerge.read(Array(data), path: path).findings)
            } catch {
                StandardStreams.writeError(TerminalText.neutralised("\(error)") + "\n")
                throw ExitCode(2)
            }
        }

        func existingBaseline() throws -> Baseline {
            do {
                return try Baseline.load(output)
            } catch {
                StandardStreams.writeError(TerminalText.neutralised(error.description) + "\n")
                throw ExitCode(2)
            }
        }

        func write(_ baseline: Baseline) throws {
            do {
                let destination = try ReportDestination.privateFile(output)
                do {
                    try destination.write(baseline.text)
                    try destination.commit()
                } catch {
                    destination.discard()
                    throw error
                }
            } catch {
                StandardStreams.writeError("tokenaudit: error: cannot write \(TerminalText.neutralised(output)): \(error)\n")
                throw ExitCode(2)
            }
        }

        func say(_ message: String) {
            if !quiet { StandardStreams.writeError(TerminalText.neutralised(message) + "\n") }
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a baseline of every current finding (replacing the file).")
        @OptionGroup var options: Options

        func run() throws {
            let baseline = try options.currentBaseline(createKey: true)
            try options.write(baseline)
            options.say("\(options.output): \(baseline.entries.count) \(baseline.entries.count == 1 ? "finding" : "findings") recorded")
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add current findings the baseline lacks; keeps every entry it has.")
        @OptionGroup var options: Options

        func run() throws {
            let existing = try options.existingBaseline()
            let (updated, added) = existing.adding(try options.currentBaseline(createKey: false))
            try options.write(updated)
            options.say("\(options.output): \(added.count) \(added.count == 1 ? "finding" : "findings") added")
        }
    }

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop baseline entries that are no longer found, listing them on standard output.")
        @OptionGroup var options: Options

        func run() throws {
            let existing = try options.existingBaseline()
            let (pruned, removed) = existing.pruned(keeping: try options.currentBaseline(createKey: false))
            try options.write(pruned)
            var out = ""
            for entry in removed {
                out += "\(TerminalText.neutralised(entry.file)): \(TerminalText.neutralised(entry.ruleID)) \(entry.fingerprint)\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
            options.say("\(options.output): \(removed.count) \(removed.count == 1 ? "entry" : "entries") pruned")
        }
    }
}
