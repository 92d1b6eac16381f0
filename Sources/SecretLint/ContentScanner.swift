import SecretScanner

/// What the linter asks of the engine for one input. One instance per worker thread, never shared;
/// `EngineContentScanner` adapts the engine's `ScanWorker`, tests inject their own.
public protocol ContentScanner {
    /// Scans a whole in-memory input. `path` is relative to the scan root.
    func scan(_ bytes: UnsafeRawBufferPointer, path: String) throws -> ContentScanResult
    /// Scans an input of any size in bounded memory; `read` fills the buffer and returns the byte
    /// count (0 at the end). Offsets and lines in the findings are those of the whole stream.
    /// Errors thrown by `read` must propagate unchanged.
    func scanStream(path: String, read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> ContentScanResult
    /// `scanStream(path:read:)` handing the findings to `emit` in batches as they are final, in
    /// the engine's order (by position), so that memory does not grow with their number. Has a
    /// default (below) for scanners that only collect.
    func scanStream(
        path: String, read: (UnsafeMutableRawBufferPointer) throws -> Int, emit: ([StreamedFinding]) throws -> Void
    ) throws -> StreamedContentResult
}

/// Findings and non-fatal warnings for one input.
public struct ContentScanResult: Sendable {
    public var findings: [Finding]
    public var warnings: [String]
    /// The warnings (also in `warnings`) that mean part of the input was not fully matched (a match
    /// limit hit): the input counts as incomplete coverage.
    public var coverageGaps: [String]

    public init(findings: [Finding] = [], warnings: [String] = [], coverageGaps: [String] = []) {
        self.findings = findings
        self.warnings = warnings
        self.coverageGaps = coverageGaps
    }
}

/// The end of a streamed scan (`ContentScanner.scanStream(path:read:emit:)`): warnings, coverage
/// gaps and the input's credential pairs (to apply to the emitted findings, in order).
public struct StreamedContentResult: Sendable {
    public var warnings: [String]
    public var coverageGaps: [String]
    public var pairs: PairGroups

    public init(warnings: [String] = [], coverageGaps: [String] = [], pairs: PairGroups = PairGroups()) {
        self.warnings = warnings
        self.coverageGaps = coverageGaps
        self.pairs = pairs
    }
}

extension ContentScanner {
    /// Default: `scanStream(path:read:)`, then every finding at once (already paired, so the
    /// returned `pairs` are empty).
    public func scanStream(
        path: String, read: (UnsafeMutableRawBufferPointer) throws -> Int, emit: ([StreamedFinding]) throws -> Void
    ) throws -> StreamedContentResult {
        let result = try scanStream(path: path, read: read)
        try emit(result.findings.map { StreamedFinding(finding: $0) })
        return StreamedContentResult(warnings: result.warnings, coverageGaps: result.coverageGaps)
    }
}
