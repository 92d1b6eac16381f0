import Foundation
import ScanResults
import SecretLint
import SecretRules
import Testing

/// Records every sink call in order, as text, and can fail after a number of findings.
struct RecordingSink: ScanSink {
    struct Refused: Error {}

    var events: [String] = []
    var failAfterFindings: Int?

    mutating func begin(tool: ToolInfo) { events.append("begin") }
    mutating func finding(_ finding: ReportedFinding) throws {
        if let limit = failAfterFindings, events.count(where: { $0.hasPrefix("finding") }) >= limit { throw Refused() }
        events.append("finding \(finding.path):\(finding.line)")
    }
    mutating func inputScanned(path: String, bytes: Int64) { events.append("scanned \(path)") }
    mutating func skipped(_ input: SkippedInput) { events.append("skipped \(input.path) \(input.reason.id)") }
    mutating func end(_ summary: ScanSummary) { events.append("end \(summary.stats.findings)") }
}

@Suite("streaming into a sink")
struct ScanSinkTests {
    /// A tree whose files finish in an order unrelated to their names when scanned in parallel
    /// (sizes vary), with a binary file among them.
    static func tree() throws -> TemporaryTree {
        let tree = try TemporaryTree()
        for i in 0..<60 {
            let padding = String(repeating: "x", count: (i * 7919) % 50_000)
            try tree.write(String(format: "d%02d/f%02d.txt", i % 5, i), padding + "\nSECRET=s\(i)abc\nSECRET=t\(i)abc\n")
        }
        try tree.write("d02/blob.bin", Data([0, 1, 2]))
        return tree
    }

    @Test(arguments: [1, 2, 3, 8])
    func sinkSeesTheSameSequenceWhateverTheJobs(_ jobs: Int) throws {
        let tree = try Self.tree()
        func events(jobs: Int) throws -> [String] {
            var request = tree.request()
            request.jobs = jobs
            var sink = RecordingSink()
            _ = try Linter.execute(try Linter.plan(request), request: request, into: &sink) { MarkerScanner() }
            return sink.events
        }
        let sequential = try events(jobs: 1)
        #expect(try events(jobs: jobs) == sequential)
        #expect(sequential.first == "begin" && sequential.last == "end 120")
        let findings = sequential.filter { $0.hasPrefix("finding") }
        #expect(findings.count == 120)
        // Report order: by path, then line, and every finding of an input right after its scan event.
        #expect(sequential.contains("skipped d02/blob.bin binary"))
        let scannedIndex = try #require(sequential.firstIndex(of: "scanned d00/f00.txt"))
        #expect(sequential[scannedIndex + 1].hasPrefix("finding d00/f00.txt:"))
    }

    @Test func failingSinkStopsTheRunWithAnOutputError() throws {
        let tree = try Self.tree()
        let request = tree.request()
        var sink = RecordingSink(failAfterFindings: 3)
        #expect(throws: ScanError.self) {
            _ = try Linter.execute(try Linter.plan(request), request: request, into: &sink) { MarkerScanner() }
        }
        #expect(sink.events.count(where: { $0.hasPrefix("finding") }) == 3)
        #expect(!sink.events.contains { $0.hasPrefix("end") })
    }

    /// What a git walker builds: in-memory blobs with provenance and a line filter.
    @Test func inMemoryInputsCarryProvenanceAndKeepOnlyFilteredLines() throws {
        let provenance = Provenance(commit: String(repeating: "ab", count: 20), author: "Dev <dev@example.com>", date: "2026-12-01T10:00:00+00:00", removedFromHead: true)
        let blob = Array("SECRET=one111\nunchanged\nSECRET=two222 SECRET=three333\nSECRET=four444\n".utf8)
        let plan = ScanPlan(targets: [
            ScanTarget(path: "app/.env", relativePath: "app/.env", source: .bytes(blob), isExplicit: false,
                       provenance: provenance, lineFilter: LineFilter([3...3])),
        ])
        let report = Linter.execute(plan, request: ScanRequest()) { MarkerScanner() }
        #expect(report.findings.map(\.line) == [3, 3])
        #expect(report.findings.allSatisfy { $0.provenance == provenance })
        // Redaction still covers both secrets on the shown line, and no plaintext leaks.
        let line = try #require(report.findings.first?.lineText)
        #expect(!line.contains("two222") && !line.contains("three333"))
        #expect(report.stats.filesScanned == 1 && report.stats.bytesScanned == Int64(blob.count))
    }

    @Test func gzipBlobsInMemoryAreInflated() throws {
        let blob = Array(try gzipped(Data("SECRET=zipped99\n".utf8)))
        let plan = ScanPlan(targets: [ScanTarget(path: "log.gz", relativePath: "log.gz", source: .bytes(blob), isExplicit: false)])
        let report = Linter.execute(plan, request: ScanRequest()) { MarkerScanner() }
        #expect(report.findings.map(\.path) == ["log.gz"])
    }

    @Test(arguments: [
        ([1...2, 5...6, 3...3], [1...3, 5...6]),
        ([1...2, 4...6, 3...3], [1...6]),
        ([10...12, 1...1, 11...20], [1...1, 10...20]),
        ([4...4], [4...4]),
    ] as [([ClosedRange<Int>], [ClosedRange<Int>])])
    func lineFilterMergesRanges(_ input: [ClosedRange<Int>], _ merged: [ClosedRange<Int>]) {
        let filter = LineFilter(input)
        #expect(filter.ranges == merged)
        for line in 0...25 {
            #expect(filter.contains(line) == merged.contains { $0.contains(line) }, "line \(line)")
        }
    }

    @Test(arguments: [SkipReason.binary, .symlink, .fifo, .tooLarge(size: 2, limit: 1), .vanished, .unreadable(message: "EIO"), .decompressionRatio(limit: 200), .corruptCompressed(message: "x"), .scanFailed(message: "x")])
    func coverageGapsAreThoseThatCouldNotBeRead(_ reason: SkipReason) {
        let byDesign: Set<String> = ["binary", "symlink", "fifo"]
        #expect(reason.isCoverageGap == !byDesign.contains(reason.id))
    }
}
