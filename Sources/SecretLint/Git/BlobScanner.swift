import ScanResults
import SecretScanner
import TokenFormat

/// A repository found from a directory inside its work tree.
struct GitRepository {
    /// Runs git at the top of the work tree.
    let runner: GitRunner
    let topLevel: String
    let isShallow: Bool
    /// Whether HEAD names a commit (false on an unborn branch). Asked only by the modes that need
    /// it (one git process less for `staged`).
    func hasCommits() throws(GitError) -> Bool {
        try runner.status(["rev-parse", "--verify", "-q", "HEAD^{commit}"]).status == 0
    }

    /// Finds the work tree around `directory`. Throws `.notARepository` outside one.
    static func open(directory: String, trustGitEnvironment: Bool) throws(GitError) -> GitRepository {
        var runner = try GitRunner(directory: directory, trustGitEnvironment: trustGitEnvironment)
        let probe = try runner.status(["rev-parse", "--show-toplevel", "--is-shallow-repository"])
        guard probe.status == 0 else {
            let message = GitRunner.firstLines(probe.stderr)
            if message.contains("not a git repository") || message.contains("must be run in a work tree") || probe.status == 128 {
                throw .notARepository(path: directory)
            }
            throw .commandFailed(arguments: ["rev-parse", "--show-toplevel"], status: probe.status, message: message)
        }
        let lines = probe.stdout.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        guard lines.count == 2, !lines[0].isEmpty else { throw .notARepository(path: directory) }
        runner.directory = lines[0]
        return GitRepository(runner: runner, topLevel: lines[0], isShallow: lines[1] == "true")
    }

    /// The full commit id `revision` names; `.unknownRevision` (saying whether the clone is
    /// shallow) when it names none.
    func resolve(_ revision: String) throws(GitError) -> String {
        guard !revision.hasPrefix("-") else { throw .unknownRevision(revision, shallow: false) }
        let result = try runner.status(["rev-parse", "--verify", "-q", "--end-of-options", revision + "^{commit}"])
        guard result.status == 0 else { throw .unknownRevision(revision, shallow: isShallow) }
        return String(decoding: result.stdout, as: UTF8.self).trimmingNewlines
    }
}

extension String {
    var trimmingNewlines: String {
        var s = Substring(self)
        while s.last == "\n" || s.last == "\r" { s = s.dropLast() }
        return String(s)
    }
}

/// Scans the bytes of one blob (or commit message) with one engine worker and presents the
/// findings: redacted secrets, line excerpts, and the skip decisions for blobs that are not text.
struct BlobScanner {
    let worker: ScanWorker
    let maxSize: Int64
    let scanBinary: Bool
    let redact: Bool
    var observer: (any GitScanObserver)? = nil

    /// The pointer file Git LFS commits instead of the content.
    static let lfsPointerPrefix = Array("version https://git-lfs.github.com/spec/v1\n".utf8)

    enum Outcome: Sendable {
        /// `gaps`: what could not be fully matched (a match limit hit), one message each; they are
        /// among `warnings` too.
        case scanned([ReportedFinding], keys: [[UInt8]], warnings: [String], gaps: [String])
        case skipped(SkipReason)
    }

    /// Why `object` is not scanned, or nil when it should be.
    func skipReason(size: Int, content: [UInt8], tooLarge: Bool) -> SkipReason? {
        if tooLarge || Int64(size) > maxSize { return .tooLarge(size: Int64(size), limit: maxSize) }
        if content.starts(with: Self.lfsPointerPrefix) { return .lfsPointer }
        if !scanBinary && content.prefix(ByteSourceSettings.sniffLength).contains(0) { return .binary }
        return nil
    }

    /// Scans `content` as the file `path` (display form), keeping only findings whose lines are in
    /// `added` (all when nil).
    func scan(_ content: [UInt8], path: String, added: AddedLines?) -> Outcome {
        let result = worker.scan(content, path: path)
        if !result.findings.isEmpty { observer?.engineFindings(result.findings, path: path) }
        let findings = result.findings.filter { added?.contains(lines: $0.line, $0.endLine) ?? true }
        // The engine's messages already name the rule.
        let warnings = result.warnings.map { "\(path): \($0.message)" }
        let gaps = result.warnings.filter(\.isCoverageGap).map(\.message)
        guard !findings.isEmpty else { return .scanned([], keys: [], warnings: warnings, gaps: gaps) }
        let secrets = SecretIndex(ranges: result.findings.map(\.secretRange), values: result.findings.map(\.secret))
        let reported = content.withUnsafeBytes { raw in
            findings.map { finding in
                ReportedFinding(
                    path: path, relativePath: path, ruleID: finding.ruleID, title: finding.title, severity: finding.severity,
                    line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn,
                    secret: Redaction.display(finding.secret, redact: redact), fingerprint: finding.fingerprint,
                    group: finding.group, key: finding.key, encoding: finding.encoding, message: finding.message,
                    lineText: LineExcerpt.make(
                        window: raw, windowStart: 0, windowEndsInput: true, secret: finding.secretRange, secrets: secrets,
                        redact: redact))
            }
        }
        return .scanned(
            reported, keys: findings.map { Self.valueKey(ruleID: $0.ruleID, secret: $0.secret) }, warnings: warnings, gaps: gaps)
    }

    /// The key that identifies a value regardless of where it is (rule id and secret bytes), for
    /// "still in HEAD" checks. Kept in memory only.
    static func valueKey(ruleID: String, secret: [UInt8]) -> [UInt8] {
        Array(ruleID.utf8) + [0] + secret
    }
}
