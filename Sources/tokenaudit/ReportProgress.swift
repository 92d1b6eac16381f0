import Foundation
import ScanResults
import SecretReport

/// The progress line on standard error: files, bytes, MB/s, findings so far, and the ETA once the
/// walk has said how many inputs there are. Never written to standard output.
///
/// `auto`: only when standard error is a terminal, `CI` is unset and `--quiet` is not given, and
/// only once the scan has run for a second; redrawn in place at most ten times a second and
/// cleared at the end. `always`: from the start, also when standard error is not a terminal (then
/// each update is its own line, at most once a second, and the final counts are always the last
/// line). `never`: nothing.
struct ProgressLine {
    let enabled: Bool
    let inPlace: Bool
    let delay: Duration
    let interval: Duration
    /// What is counted: `files` for `scan`, `blobs` for the git modes.
    var unit = "files"
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var drawn = false
    /// The files count of the last line drawn (off a terminal the final counts are drawn at the end).
    private var drawnFiles = -1
    private(set) var files = 0
    private(set) var bytes: Int64 = 0
    private(set) var findings = 0
    private(set) var total: Int?

    init(mode: ProgressMode, quiet: Bool, environment: [String: String], isTerminal: Bool = isatty(2) == 1) {
        switch mode {
        case .never: enabled = false
        case .always: enabled = true
        case .auto: enabled = isTerminal && !quiet && (environment["CI"] ?? "").isEmpty
        }
        inPlace = isTerminal
        delay = mode == .always ? .zero : .seconds(1)
        interval = isTerminal ? .milliseconds(100) : .seconds(1)
    }

    mutating func planned(_ inputs: Int) { total = inputs }

    mutating func scanned(bytes count: Int64) {
        files += 1
        bytes += count
        redraw()
    }

    mutating func found(_ count: Int = 1) { findings += count }

    /// The line as shown (without the terminal controls).
    func text(now: ContinuousClock.Instant) -> String {
        let elapsed = Double((now - start).components.seconds) + Double((now - start).components.attoseconds) / 1e18
        let rate = elapsed > 0 ? Double(bytes) / elapsed / 1e6 : 0
        var line = "Scanning: \(files)\(total.map { "/\($0)" } ?? "") \(unit), \(NumberText.size(bytes)), "
            + "\(NumberText.fixed(rate, 1)) MB/s, \(findings) \(findings == 1 ? "finding" : "findings")"
        if let total, files > 0, elapsed > 0 {
            let eta = elapsed * Double(total - files) / Double(files)
            line += ", ETA \(Int(eta.rounded())) s"
        }
        return line
    }

    mutating func redraw(force: Bool = false) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard force || now - start >= delay else { return }
        if !force, let lastDraw, now - lastDraw < interval { return }
        lastDraw = now
        drawn = true
        drawnFiles = files
        let line = TerminalText.neutralised(text(now: now))
        StandardStreams.writeError(inPlace ? "\r\u{1B}[K" + line : line + "\n")
    }

    /// At the end of the scan: a terminal line is cleared; with `always`, a line is drawn first if
    /// none was (so a fast scan still shows one); off a terminal, a line already drawn is followed
    /// by the final counts when they moved since.
    mutating func finish() {
        guard enabled else { return }
        if (!drawn && delay == .zero) || (drawn && !inPlace && drawnFiles != files) { redraw(force: true) }
        if drawn && inPlace { StandardStreams.writeError("\r\u{1B}[K") }
    }
}

/// A sink in front of another that feeds the progress line.
struct ProgressSink<Base: ScanSink>: ScanSink {
    var base: Base
    var line: ProgressLine

    mutating func begin(tool: ToolInfo) throws { try base.begin(tool: tool) }
    mutating func planned(inputs: Int) throws {
        line.planned(inputs)
        try base.planned(inputs: inputs)
    }
    mutating func finding(_ finding: ReportedFinding) throws {
        line.found()
        try base.finding(finding)
    }
    mutating func inputScanned(path: String, bytes: Int64) throws {
        line.scanned(bytes: bytes)
        try base.inputScanned(path: path, bytes: bytes)
    }
    mutating func skipped(_ input: SkippedInput) throws { try base.skipped(input) }
    mutating func warning(_ message: String) throws { try base.warning(message) }
    mutating func end(_ summary: ScanSummary) throws {
        line.finish()
        try base.end(summary)
    }
}
