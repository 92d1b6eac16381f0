import ArgumentParser
import Dispatch
import Foundation
import PCRE2
import SecretLint
import ScanResults
import SecretScanner
import SirportlyAuth
import Locking

/// `--verify` and `--sirportly-url`, shared by the commands that can verify what they find.
struct VerifyArguments: ParsableArguments {
    @Flag(name: .customLong("verify"), help: ArgumentHelp(
        "Ask the Sirportly API whether each token+secret pair found still works (opt-in; sends the pair over HTTPS to --sirportly-url only).",
        discussion: "A live pair fails the run (exit 1) whatever --fail-on says."))
    var enabled = false

    @Option(name: .customLong("sirportly-url"), help: ArgumentHelp(
        "Sirportly API base URL for --verify (default: the config's sirportlyURL, else https://api.sirportly.com). https only; http for loopback.",
        valueName: "url"))
    var sirportlyURL: String?

    func validate() throws {
        if let sirportlyURL {
            if !enabled { throw ValidationError("--sirportly-url needs --verify") }
            do { _ = try SirportlyEndpoint(sirportlyURL) } catch { throw ValidationError(error.description) }
        }
    }

    /// The endpoint: `--sirportly-url`, else the config's `sirportlyURL`, else Sirportly's hosted
    /// API. A refused URL is an error (exit 2): credentials are never sent to an unchecked place.
    func endpoint(configURL: String?) throws(SirportlyEndpoint.Refusal) -> SirportlyEndpoint {
        if let url = sirportlyURL ?? configURL { return try SirportlyEndpoint(url) }
        return .hosted
    }
}

/// The plaintext Sirportly pairs the engine found during one scan, in memory only, keyed by the
/// fingerprint and group of each member finding (the fingerprint is keyed by path, so two files
/// holding the same token with different secrets keep their own pairs).
///
/// The linter never hands plaintext to reporters; this harvest sits between the engine and the
/// linter (a `ContentScanner` wrapper) so that verification can see the pairs and the report
/// cannot. It is never written anywhere.
final class CredentialPairHarvest: Sendable {
    private let pairs = Locked<[String: SirportlyCredentialPair]>([:])

    static func key(fingerprint: String, group: String) -> String { fingerprint + "\u{0}" + group }

    /// Records every group holding a `sirportly-token` and a `sirportly-secret` of the right
    /// shapes (the first of each); lone values are never recorded, so never verified.
    func record(_ findings: [Finding]) {
        var byGroup: [String: [Finding]] = [:]
        for finding in findings {
            if let group = finding.group { byGroup[group, default: []].append(finding) }
        }
        var found: [String: SirportlyCredentialPair] = [:]
        for (group, members) in byGroup {
            guard let token = members.first(where: { $0.ruleID == "sirportly-token" }),
                  let secret = members.first(where: { $0.ruleID == "sirportly-secret" }),
                  let pair = try? SirportlyCredentialPair(token: token.secretText, secret: secret.secretText)
            else { continue }
            for member in members { found[Self.key(fingerprint: member.fingerprint, group: group)] = pair }
        }
        if !found.isEmpty { pairs.withLock { $0.merge(found) { first, _ in first } } }
    }

    /// Every pair found (duplicates included; the verifier sends each unique pair once).
    var allPairs: [SirportlyCredentialPair] { pairs.withLock { Array($0.values) } }

    func pair(fingerprint: String, group: String?) -> SirportlyCredentialPair? {
        guard let group else { return nil }
        return pairs.withLock { $0[Self.key(fingerprint: fingerprint, group: group)] }
    }
}

/// The engine scanner with a harvest of its credential pairs.
struct PairHarvestingScanner: ContentScanner {
    let inner: any ContentScanner
    let harvest: CredentialPairHarvest

    func scan(_ bytes: UnsafeRawBufferPointer, path: String) throws -> ContentScanResult {
        let result = try inner.scan(bytes, path: path)
        harvest.record(result.findings)
        return result
    }

    func scanStream(path: String, read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> ContentScanResult {
        let result = try inner.scanStream(path: path, read: read)
        harvest.record(result.findings)
        return result
    }
}

enum ScanVerification {
    /// The scan with the pairs harvested and collected in memory, then every unique pair verified
    /// once against the endpoint (the config's `sirportlyURL` when `arguments` names none), then
    /// the findings, each with its pair's verification, replayed into `sink` in report order.
    static func run(
        _ request: ScanRequest, tool: ToolInfo, arguments: VerifyArguments, into sink: inout some ScanSink
    ) throws(ScanError) -> (ScanSummary, VerifiedPairs) {
        let start = ContinuousClock.now
        let setup = try ScanSetup.load(request)
        let endpoint: SirportlyEndpoint
        do {
            endpoint = try arguments.endpoint(configURL: setup.sirportlyURL)
        } catch {
            // --sirportly-url was checked in validate(), so the refused URL is the config's.
            throw .configuration(message: "\(setup.configPath ?? ScanSetup.configFileName): error: sirportlyURL: \(error.description)")
        }
        let plan = try Linter.plan(request)
        let engine = setup.engine
        let harvest = CredentialPairHarvest()
        var stats = ScanStats()
        stats.rules = setup.rules.count
        stats.jit = request.jit == .ifAvailable && PCRE2Library.jitSupported
        var collected = CollectingSink()
        _ = try Linter.execute(
            plan, request: request, maxFileSize: setup.maxFileSize, failOn: setup.failOn, tool: tool, stats: stats,
            into: &collected
        ) {
            PairHarvestingScanner(inner: EngineContentScanner(worker: engine.makeWorker()), harvest: harvest)
        }
        var report = collected.report
        let verifier = CredentialVerifier(configuration: .init(endpoint: endpoint))
        let pairs = harvest.allPairs
        let results = waitFor { await verifier.verify(pairs) }
        let map = VerificationMap(harvest: harvest, results: results)
        for index in report.findings.indices {
            report.findings[index].verification = map.verification(
                fingerprint: report.findings[index].fingerprint, group: report.findings[index].group)
        }
        report.summary.stats.verifiedPairs = map.counts.byStatus
        let elapsed = ContinuousClock.now - start
        report.summary.stats.durationSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        do {
            try report.replay(into: &sink)
        } catch {
            throw .output(message: "\(error)")
        }
        return (report.summary, map.counts)
    }

    /// Runs async library work from the synchronous command and waits for it. Only called from the
    /// command's thread, never from inside a task, so the wait cannot starve the task's executor.
    static func waitFor<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Locked<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let value = await work()
            box.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return box.withLock { $0! }
    }
}

/// Unique credential pairs by verification status.
struct VerifiedPairs: Sendable {
    var live = 0, restricted = 0, rejected = 0, unknown = 0

    /// The counts as the JSON report's `stats.verifiedPairs`.
    var byStatus: [Verification.Status: Int] {
        [.live: live, .restricted: restricted, .rejected: rejected, .unknown: unknown]
    }

    /// `N live Sirportly credential pairs (restricted N, rejected N, unknown N)`: live first.
    var summaryLine: String {
        "\(live) live Sirportly credential \(live == 1 ? "pair" : "pairs") "
            + "(restricted \(restricted), rejected \(rejected), unknown \(unknown))"
    }
}

/// Verification results by finding, for the report.
struct VerificationMap: Sendable {
    let harvest: CredentialPairHarvest
    let results: [SirportlyCredentialPair: VerificationResult]

    /// The report's view of the result for a finding, if its pair was verified.
    func verification(fingerprint: String, group: String?) -> Verification? {
        guard let pair = harvest.pair(fingerprint: fingerprint, group: group), let result = results[pair] else {
            return nil
        }
        let status: Verification.Status = switch result.status {
        case .live: .live
        case .rejected: .rejected
        case .restricted: .restricted
        case .unknown: .unknown
        }
        return Verification(
            status: status, detail: result.status.reason, host: result.host, checkedAt: Self.timestamp(result.checkedAt))
    }

    var counts: VerifiedPairs {
        var counts = VerifiedPairs()
        for result in results.values {
            switch result.status {
            case .live: counts.live += 1
            case .restricted: counts.restricted += 1
            case .rejected: counts.rejected += 1
            case .unknown: counts.unknown += 1
            }
        }
        return counts
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
