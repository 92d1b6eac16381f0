#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SecretRules
import SecretScanner

/// The findings of one streamed input, kept on disk instead of in memory between the scan and the
/// report: an input with hundreds of thousands of findings must not hold them all in memory. The
/// file never holds a secret in full unless the report shows it in full (`--no-redact`).
///
/// A private temporary file (mode 0600 from `mkstemp`, in `$TMPDIR` or `/tmp`) that is unlinked as
/// soon as it is created, so it is removed when the run exits however it ends; the descriptor is
/// closed in `deinit`. The worker that scans the input appends records (`append`), then hands the
/// spill over; one reader then reads them back in order (`forEach`). Besides the file, memory
/// keeps the compact per-finding data that every excerpt of the input needs (`values`, `ranges`;
/// about 30 bytes a finding): an excerpt masks every secret of its input that appears on the shown
/// line, wherever in the input it was found, so that set is only complete at the end of the scan.
final class FindingSpill: @unchecked Sendable {
    // SAFETY: one thread at a time uses a spill: the worker that fills it, then (handed over through
    // the reorder buffer's lock, which orders the accesses) the thread that delivers the results.
    private let fd: Int32
    private var buffer: [UInt8] = []
    private static let bufferSize = 256 * 1024
    /// How many findings were written.
    private(set) var count = 0
    /// Every finding's secret range, in the order written (the engine's: by start).
    private(set) var ranges: [Range<Int>] = []
    /// Every finding's secret value, for the stray-copy check of excerpts.
    private(set) var values = CompactSecretValues()

    init() throws(FindingSpillError) {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/tokenaudit-findings-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FindingSpillError(errno: errno) }
        // Gone from the directory at once: nothing is left behind, whatever ends the run.
        let path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        unlink(path)
        guard fchmod(fd, 0o600) == 0 else {
            let code = errno
            close(fd)
            throw FindingSpillError(errno: code)
        }
        self.fd = fd
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit { close(fd) }

    /// Writes one finding (buffered). The file holds `shownSecret` (the secret as the report shows
    /// it: redacted unless `--no-redact`) in place of the secret; the secret itself is kept only as
    /// a hash in `values`.
    func append(_ streamed: StreamedFinding, shownSecret: String) throws(FindingSpillError) {
        var record = RecordWriter()
        record.encode(streamed, shownSecret: shownSecret)
        let body = record.bytes
        var length = UInt32(body.count).littleEndian
        withUnsafeBytes(of: &length) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: body)
        ranges.append(streamed.finding.secretRange)
        values.insert(streamed.finding.secret)
        count += 1
        if buffer.count >= Self.bufferSize { try flush() }
    }

    private func flush() throws(FindingSpillError) {
        var written = 0
        while written < buffer.count {
            let n = buffer.withUnsafeBytes { raw in write(fd, raw.baseAddress! + written, raw.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FindingSpillError(errno: errno)
            }
            written += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Ends writing: what is buffered goes to the file.
    func finishWriting() throws(FindingSpillError) {
        try flush()
        buffer = []
    }

    /// Reads every finding back, in the order written, each with its shown secret as `secret`. A
    /// file that cannot be read back whole is an error (`FindingSpillError`), never a shorter list.
    func forEach(_ body: (StreamedFinding) throws -> Void) throws {
        var reader = RecordReader(fd: fd)
        for _ in 0..<count {
            let length = try reader.read(4).withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
            var record = RecordDecoder(bytes: try reader.read(length))
            guard let streamed = record.decodeFinding() else { throw FindingSpillError(message: "a record is damaged") }
            try body(streamed)
        }
    }
}

/// The spill file could not be created, written or read back: the input counts as not scanned
/// (`SkipReason.scanFailed`), or the run fails if its findings were already on their way.
struct FindingSpillError: Error, CustomStringConvertible {
    let message: String

    init(message: String) { self.message = message }
    init(errno code: Int32) { self.message = String(cString: strerror(code)) }

    var description: String { "cannot keep findings in a temporary file: \(message)" }
}

/// Sequential reads of a spill file from its start, through a 256 KiB buffer.
private struct RecordReader {
    let fd: Int32
    var offset: Int64 = 0
    var buffer: [UInt8] = []
    var position = 0

    init(fd: Int32) { self.fd = fd }

    mutating func read(_ count: Int) throws(FindingSpillError) -> [UInt8] {
        while buffer.count - position < count {
            buffer.removeFirst(position)
            position = 0
            var block = [UInt8](repeating: 0, count: max(256 * 1024, count))
            let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(offset)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FindingSpillError(errno: errno)
            }
            if n == 0 { throw FindingSpillError(message: "the file ended early") }
            offset += Int64(n)
            buffer.append(contentsOf: block[0..<n])
        }
        defer { position += count }
        return Array(buffer[position..<(position + count)])
    }
}

/// One record: the fields of a `StreamedFinding`, each as little-endian integers, length-prefixed
/// bytes and flagged optionals.
private struct RecordWriter {
    var bytes: [UInt8] = []

    mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func data(_ v: some Collection<UInt8>) {
        int(v.count)
        bytes.append(contentsOf: v)
    }
    mutating func string(_ v: String) { data(v.utf8) }
    mutating func optional(_ v: String?) {
        if let v {
            bytes.append(1)
            string(v)
        } else {
            bytes.append(0)
        }
    }

    mutating func encode(_ streamed: StreamedFinding, shownSecret: String) {
        let f = streamed.finding
        int(Int(streamed.pairSlot))
        string(f.ruleID)
        string(f.title)
        string(f.severity.rawValue)
        for v in [f.secretRange.lowerBound, f.secretRange.upperBound, f.matchRange.lowerBound, f.matchRange.upperBound,
                  f.line, f.column, f.endLine, f.endColumn] { int(v) }
        string(shownSecret)
        optional(f.group)
        optional(f.key)
        optional(f.encoding?.rawValue)
        optional(f.message)
        string(f.fingerprint)
        int(Int(bitPattern: UInt(f.entropy.bitPattern)))
        int(f.evidence.count)
        for e in f.evidence {
            string(e.id)
            int(Int(bitPattern: UInt(e.weight.bitPattern)))
        }
    }
}

private struct RecordDecoder {
    let bytes: [UInt8]
    var at = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func int() -> Int? {
        guard at + 8 <= bytes.count else { return nil }
        var v: Int64 = 0
        for i in (0..<8).reversed() { v = v << 8 | Int64(bytes[at + i]) }
        at += 8
        return Int(v)
    }
    mutating func data() -> [UInt8]? {
        guard let n = int(), n >= 0, at + n <= bytes.count else { return nil }
        defer { at += n }
        return Array(bytes[at..<(at + n)])
    }
    mutating func string() -> String? { data().map { String(decoding: $0, as: UTF8.self) } }
    mutating func optional() -> String?? {
        guard at < bytes.count else { return nil }
        at += 1
        return bytes[at - 1] == 0 ? .some(nil) : string().map { .some($0) }
    }
    mutating func double() -> Double? { int().map { Double(bitPattern: UInt64(UInt(bitPattern: $0))) } }

    mutating func decodeFinding() -> StreamedFinding? {
        guard let slot = int(), let ruleID = string(), let title = string(),
              let severity = string().flatMap(Severity.init(rawValue:)),
              let s0 = int(), let s1 = int(), let m0 = int(), let m1 = int(), s0 <= s1, m0 <= m1,
              let line = int(), let column = int(), let endLine = int(), let endColumn = int(),
              let secret = data(), let group = optional(), let key = optional(), let encoding = optional(),
              let message = optional(), let fingerprint = string(), let entropy = double(),
              let evidenceCount = int(), evidenceCount >= 0
        else { return nil }
        var evidence: [FindingEvidence] = []
        for _ in 0..<evidenceCount {
            guard let id = string(), let weight = double() else { return nil }
            evidence.append(FindingEvidence(id: id, weight: weight))
        }
        let finding = Finding(
            ruleID: ruleID, title: title, severity: severity, secretRange: s0..<s1, matchRange: m0..<m1, secret: secret,
            line: line, column: column, endLine: endLine, endColumn: endColumn, group: group, key: key,
            encoding: encoding.flatMap(Encoding.init(rawValue:)), message: message, fingerprint: fingerprint,
            entropy: entropy, evidence: evidence)
        return StreamedFinding(finding: finding, pairSlot: Int32(truncatingIfNeeded: slot))
    }
}
