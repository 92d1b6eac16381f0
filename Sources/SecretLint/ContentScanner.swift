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
