import Foundation
import SecretLint
import SecretRules
import SecretScanner
@_exported import TestSupport
import ScanResults

extension TemporaryTree {
    /// A request scanning the tree's root, with paths shown relative to it.
    func request(_ paths: [String] = ["."]) -> ScanRequest {
        var request = ScanRequest(paths: paths)
        request.workingDirectory = path
        return request
    }
}

/// Gzip-compresses `data` with the system `gzip`.
func gzipped(_ data: Data) throws -> Data { try Gzip.compress(data) }

/// A stand-in for the engine: reports every `SECRET=<letters and digits>` value as a `test-secret`
/// finding (and `PAIR=` values as a pair), so that walker and orchestration tests do not depend on
/// the real rules. Fails with `InjectedFailure` on inputs whose path contains `explode`.
struct MarkerScanner: ContentScanner {
    struct InjectedFailure: Error, CustomStringConvertible {
        var description: String { "injected failure" }
    }

    func scan(_ bytes: UnsafeRawBufferPointer, path: String) throws -> ContentScanResult {
        if path.contains("explode") { throw InjectedFailure() }
        return ContentScanResult(findings: Self.findings(in: Array(bytes), path: path))
    }

    func scanStream(path: String, read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> ContentScanResult {
        if path.contains("explode") { throw InjectedFailure() }
        var all: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try block.withUnsafeMutableBytes { try read($0) }
            if n == 0 { break }
            all += block[0..<n]
        }
        return ContentScanResult(findings: Self.findings(in: all, path: path))
    }

    static func findings(in bytes: [UInt8], path: String) -> [Finding] {
        var out: [Finding] = []
        for (marker, rule) in [(Array("SECRET=".utf8), "test-secret"), (Array("PAIR=".utf8), "test-pair")] {
            var i = 0
            while i + marker.count <= bytes.count {
                guard bytes[i..<(i + marker.count)].elementsEqual(marker) else {
                    i += 1
                    continue
                }
                let start = i + marker.count
                var end = start
                while end < bytes.count, isAlnum(bytes[end]) { end += 1 }
                if end > start {
                    let line = bytes[0..<start].count { $0 == UInt8(ascii: "\n") } + 1
                    let lineStart = bytes[0..<start].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                    let column = start - lineStart + 1
                    out.append(Finding(
                        ruleID: rule, title: "Test secret", severity: rule == "test-pair" ? .critical : .high,
                        secretRange: start..<end, matchRange: i..<end, secret: Array(bytes[start..<end]),
                        line: line, column: column, endLine: line, endColumn: column + end - start - 1,
                        group: rule == "test-pair" ? "g1" : nil, fingerprint: "fp-\(path)-\(line)"))
                }
                i = end
            }
        }
        return out
    }

    private static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}

extension Linter {
    /// Plans and executes `request` with the marker scanner.
    static func runWithMarkers(_ request: ScanRequest) throws -> ScanReport {
        let plan = try Linter.plan(request)
        return Linter.execute(plan, request: request) { MarkerScanner() }
    }
}
