import Benchmark
import Foundation
import SecretLint

/// Whole scans through `Linter.run`, as `tokenaudit scan` does them (config, walk, parallel scan,
/// redaction, excerpts): the bundled `Corpus/` on all cores, and a generated 512 MB log streamed
/// on one core, whose peak resident memory must stay far below the file size (bounded memory).
let benchmarks: @Sendable () -> Void = {
    let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus").path

    Benchmark(
        "Linter.run: Corpus/, all cores",
        configuration: .init(
            metrics: [.wallClock, .throughput, .peakMemoryResident],
            timeUnits: .milliseconds,
            warmupIterations: 1,
            maxDuration: .seconds(30),
            maxIterations: 20
        )
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let report = try Linter.run(ScanRequest(paths: [corpus]))
            blackHole(report.findings.count)
        }
    }

    let megabytes = 512
    Benchmark(
        "Linter.run: \(megabytes) MB generated log, streamed, one job",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident],
            timeUnits: .seconds,
            warmupIterations: 0,
            maxDuration: .seconds(120),
            maxIterations: 3,
            thresholds: [.peakMemoryResident: .init(absolute: [.p90: 256 << 20])]
        )
    ) { benchmark, path in
        for _ in benchmark.scaledIterations {
            let report = try Linter.run(ScanRequest(paths: [path], jobs: 1))
            blackHole(report.stats.bytesScanned)
        }
    } setup: {
        try GeneratedLog.write(megabytes: megabytes)
    }
}

/// A log of realistic lines (timestamps, request ids, paths, statuses) with one planted,
/// generated Sirportly credential pair near the end.
enum GeneratedLog {
    static func write(megabytes: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tokenaudit-bench-\(megabytes)mb.log").path
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size >= megabytes << 20 {
            return path
        }
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            return FileHandle(forWritingAtPath: path)
        }() else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 17
        }
        let paths = ["/api/v2/tickets", "/health", "/api/v2/users/42", "/login", "/static/app.js"]
        var block = ""
        var line = 0
        while block.utf8.count < 1 << 20 {
            line += 1
            let id = String(next(), radix: 16)
            block += "2026-11-29T01:\(line % 60):\(line % 60).\(line % 1000)Z INFO req=\(id) GET \(paths[line % paths.count]) 200 \(next() % 900)ms\n"
        }
        let data = Data(block.utf8)
        for _ in 0..<(megabytes << 20) / data.count { handle.write(data) }
        handle.write(Data("2026-11-29T02:00:00Z WARN retry X-Auth-Token: 7c1e9a44-2b3d-4f60-8a17-c5d9e2f03b61 X-Auth-Secret: Hq3Vx8Lm2Nc7Rt5Wz9Kp4Bd6Fs1Gy0Ja3Ue8Mi2Oo7Pl5Qr9Sw\n".utf8))
        return path
    }
}
