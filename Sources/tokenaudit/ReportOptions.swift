import ArgumentParser
import Foundation
import ScanResults
import SecretLint
import SecretReport

/// `--baseline`, `--shard` and `--progress`: the options every scan mode shares for audits and CI
/// (one `@OptionGroup` line in each command).
struct ReportingOptions: ParsableArguments {
    @Option(help: "Report only findings this baseline does not record (tokenaudit baseline create); the summary counts the suppressed ones.")
    var baseline: String?

    @Option(help: "Scan only part I of N of the inputs (e.g. 2/4), chosen by a stable hash of each path; join the JSON reports with tokenaudit report merge.")
    var shard: ShardArgument?

    @Option(help: "A progress line on standard error: auto (on a terminal, not in CI, after about a second), always, never.")
    var progress: ProgressMode = .auto

    /// What a scan needs from these options once resolved.
    struct Resolved {
        var baseline: Baseline?
        var progress: ProgressLine
    }

    /// Resolves the fingerprint key into `request` (saying on standard error when it is a per-run
    /// key, unless `quiet`), the shard, and loads the baseline. Errors are printed; exit 2.
    func resolve(into request: inout ScanRequest, quiet: Bool) throws -> Resolved {
        let environment = ProcessInfo.processInfo.environment
        let key: FingerprintKey
        do {
            key = try FingerprintKey.resolve(for: request, environment: environment, create: false)
        } catch {
            StandardStreams.writeError(TerminalText.neutralised(error.description) + "\n")
            throw ExitCode(2)
        }
        request.fingerprintKey = key.bytes
        request.shard = shard?.shard
        var loaded: Baseline?
        if let baseline {
            guard key.origin != .perRun else {
                StandardStreams.writeError(
                    "tokenaudit: error: --baseline needs the fingerprint key the baseline was made with "
                        + "(\(FingerprintKey.fileName) at the scan root, or $\(FingerprintKey.environmentVariable))\n")
                throw ExitCode(2)
            }
            do {
                loaded = try Baseline.load(baseline, workingDirectory: request.workingDirectory)
            } catch {
                StandardStreams.writeError(TerminalText.neutralised(error.description) + "\n")
                throw ExitCode(2)
            }
        } else if key.origin == .perRun && !quiet && (shard != nil || ProcessInfo.processInfo.environment["CI"] == nil) {
            StandardStreams.writeError(
                "tokenaudit: note: fingerprints use a random key for this run (no \(FingerprintKey.fileName) "
                    + "at the scan root, no $\(FingerprintKey.environmentVariable)); they compare only within this run\n")
        }
        return Resolved(baseline: loaded, progress: ProgressLine(mode: progress, quiet: quiet, environment: environment))
    }
}

/// `--shard I/N`.
struct ShardArgument: ExpressibleByArgument {
    var shard: Shard

    init?(argument: String) {
        guard let shard = Shard(argument) else { return nil }
        self.shard = shard
    }

    static var defaultValueDescription: String { "I/N" }
}

/// `--progress`.
enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// `--baseline` for the git modes: the fingerprint key of the repository and the baseline.
struct BaselineOptions {
    var baseline: String?

    /// Sets `key` from `$TOKENAUDIT_FINGERPRINT_KEY` or `.tokenaudit-key` in `root` (left nil, a
    /// per-run key, when neither exists) and loads the baseline if one is named. Errors are
    /// printed; exit 2.
    func resolve(into key: inout [UInt8]?, root: String, quiet: Bool) throws -> Baseline? {
        var request = ScanRequest(paths: [root])
        let options = ReportingOptions.parseOrExit(baseline.map { ["--baseline", $0] } ?? [])
        let resolved = try options.resolve(into: &request, quiet: true)
        if resolved.baseline != nil || request.fingerprintKey != nil { key = request.fingerprintKey }
        return resolved.baseline
    }
}

extension Baseline {
    /// `report` without the findings this baseline records, its counts adjusted as a scan's.
    func applied(to report: ScanReport) -> ScanReport {
        var filter = BaselineFilter(base: CollectingSink(), baseline: self)
        // A CollectingSink never throws.
        try? report.replay(into: &filter)
        return filter.base.report
    }
}
