import ArgumentParser
import Foundation
import ScanResults
import SecretLint
import SecretReport
import SecretScanner
import SirportlyAuth
import Locking

/// What the CLI watches during a git scan: the `--progress` line (blobs, bytes, MB/s, findings,
/// ETA once the number of blobs is known) and, with `--verify`, the harvest of credential pairs.
final class GitScanWatch: GitScanObserver {
    private let line: Locked<ProgressLine>
    /// The pairs the engine found (nil without `--verify`): in memory only, never in a report.
    let harvest: CredentialPairHarvest?

    init(progress: ProgressLine, harvest: CredentialPairHarvest?) {
        var progress = progress
        progress.unit = "blobs"
        line = Locked(progress)
        self.harvest = harvest
    }

    func planned(blobs: Int) { line.withLock { $0.planned(blobs) } }

    func scanned(bytes: Int64, findings: Int) {
        line.withLock {
            $0.found(findings)
            $0.scanned(bytes: bytes)
        }
    }

    func engineFindings(_ findings: [Finding], path: String) { harvest?.record(findings) }

    /// Clears a terminal progress line (or, with `always`, draws the last one) before the summary.
    func finish() { line.withLock { $0.finish() } }
}

/// `--verify` on the git modes: the pairs behind the reported findings, each unique pair verified
/// once, the result written into every member finding and counted for the summary.
enum GitVerification {
    /// Verifies the pairs of `document`'s findings (after the baseline: a suppressed finding is
    /// not asked about) against `--sirportly-url`, else the config's `sirportlyURL`, else the
    /// hosted API. A refused URL is printed and is exit 2: nothing is sent.
    static func apply(
        to document: inout ScanReport, harvest: CredentialPairHarvest, arguments: VerifyArguments, configURL: String?
    ) throws -> VerifiedPairs {
        let endpoint: SirportlyEndpoint
        do {
            endpoint = try arguments.endpoint(configURL: configURL)
        } catch {
            StandardStreams.writeError("tokenaudit: error: sirportlyURL: \(TerminalText.neutralised(error.description))\n")
            throw ExitCode(2)
        }
        let pairs = document.findings.compactMap { harvest.pair(fingerprint: $0.fingerprint, group: $0.group) }
        let verifier = CredentialVerifier(configuration: .init(endpoint: endpoint))
        let results = ScanVerification.waitFor { await verifier.verify(pairs) }
        let map = VerificationMap(harvest: harvest, results: results)
        for index in document.findings.indices {
            document.findings[index].verification = map.verification(
                fingerprint: document.findings[index].fingerprint, group: document.findings[index].group)
        }
        document.summary.stats.verifiedPairs = map.counts.byStatus
        return map.counts
    }
}
