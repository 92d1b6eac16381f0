import ScanResults
import SecretScanner

/// Watches a git scan while it runs: how many blobs it will read, each blob as it is scanned, and
/// the engine's findings before presentation. The CLI draws `--progress` from the first two and
/// harvests the credential pairs for `--verify` from the third (plaintext that never reaches a
/// report). Called on the scanning thread, in scan order; every method defaults to doing nothing.
public protocol GitScanObserver: Sendable {
    /// The number of blobs the scan will read (known once the listing is parsed).
    func planned(blobs: Int)
    /// One blob (or skipped blob) of `bytes` bytes has been handled; `findings` were reported.
    func scanned(bytes: Int64, findings: Int)
    /// The engine's findings in one blob or commit message, before the added-lines filter and
    /// de-duplication: they hold the secret in full, so keep them in memory only.
    func engineFindings(_ findings: [Finding], path: String)
}

extension GitScanObserver {
    public func planned(blobs: Int) {}
    public func scanned(bytes: Int64, findings: Int) {}
    public func engineFindings(_ findings: [Finding], path: String) {}
}

extension GitScan {
    /// The values (rule id + secret) in HEAD's blobs that `history` did not scan because another
    /// shard holds them, scanned here only to decide `removed` exactly as one run would. Read only
    /// when some finding of this shard is not otherwise known to be in HEAD.
    static func headValuesOutsideShard(
        _ headBlobs: Set<ObjectID>, scanned: Set<ObjectID>, introducedAt: [ObjectID: [UInt8]], runner: GitRunner,
        blobs: BlobScanner
    ) throws(GitError) -> Set<[UInt8]> {
        let others = headBlobs.subtracting(scanned).sorted { $0.hex < $1.hex }
        guard !others.isEmpty else { return [] }
        var values: Set<[UInt8]> = []
        let stream = try ObjectStream(runner: runner, requests: others, maxSize: Int(min(blobs.maxSize, Int64(Int.max))))
        while let object = try stream.next() {
            if blobs.skipReason(size: object.size, content: object.content, tooLarge: object.tooLarge) != nil { continue }
            // Scanned as one run scans it: under the path it was introduced at.
            let path = introducedAt[object.id].map(GitOutputParser.displayPath) ?? ""
            let result = blobs.worker.scan(object.content, path: path)
            for finding in result.findings { values.insert(BlobScanner.valueKey(ruleID: finding.ruleID, secret: finding.secret)) }
        }
        try stream.finish()
        return values
    }
}
