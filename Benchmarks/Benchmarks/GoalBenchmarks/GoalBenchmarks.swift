import Benchmark
import Foundation
import SecretLint
import SecretRules

/// The goals of the speed issue (#12), one benchmark each, with the goal as the threshold next to
/// it. Inputs come from the seeded generator (`Benchmarks/corpus/generate.py`), built once into
/// `$TMPDIR/tokenaudit-goals/` and reused. Ratios against the peers and `cat` are measured by
/// `Benchmarks/compare-peers.sh`, which runs them on the same files; here each goal is an absolute
/// figure derived from those ratios on the reference machine (2 cores).
///
/// Absolute thresholds are in the metric's base unit: nanoseconds for `.wallClock`, bytes for
/// `.peakMemoryResident`.
let benchmarks: @Sendable () -> Void = {
    // Goal 1: default rules over the mixed corpus, all cores. 3× Kingfisher's throughput
    // (Kingfisher: ~70 MB/s on the reference machine) and peak RSS ≤ 100 MB.
    Benchmark(
        "Goal 1: default rules, 64 MB mixed corpus, all cores",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
            timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(120), maxIterations: 5,
            thresholds: [
                .peakMemoryResident: .init(absolute: [.p50: 100 << 20]),
                // 64 MB at 3 × 70 MB/s.
                .wallClock: .init(absolute: [.p50: 305_000_000]),
            ])
    ) { benchmark, corpus in
        for _ in benchmark.scaledIterations {
            blackHole(try Linter.run(ScanRequest(paths: [corpus.files])).findings.count)
        }
    } setup: {
        try GeneratedCorpus.make(size: "64M")
    }

    // Goal 2: Sirportly rules only at ≥ 0.8 × the speed of `cat` over the same files (the read
    // floor: 0.43 s for 321 MB of page-cached files on the reference machine, so ~86 ms for 64 MB).
    Benchmark(
        "Goal 2: --rules sirportly, 64 MB mixed corpus, all cores",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
            timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 5,
            thresholds: [.wallClock: .init(absolute: [.p50: 107_000_000])])
    ) { benchmark, corpus in
        var request = ScanRequest(paths: [corpus.files])
        request.ruleSelection = try RuleSelection(rules: "sirportly", excludeRules: nil)
        for _ in benchmark.scaledIterations {
            blackHole(try Linter.run(request).findings.count)
        }
    } setup: {
        try GeneratedCorpus.make(size: "64M")
    }

    // Goal 3: one huge file. A log at ≥ 1 GB/s on 2 cores in ≤ 64 MB, and a single-line bundle at
    // no less than half the speed of ordinary text of its size.
    Benchmark(
        "Goal 3a: 256 MB application log, streamed, 2 jobs",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
            timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 3,
            thresholds: [
                .peakMemoryResident: .init(absolute: [.p90: 64 << 20]),
                .wallClock: .init(absolute: [.p50: 256_000_000]),
            ])
    ) { benchmark, corpus in
        for _ in benchmark.scaledIterations {
            blackHole(try Linter.run(ScanRequest(paths: [corpus.hugeLog], jobs: 2)).findings.count)
        }
    } setup: {
        try GeneratedCorpus.make(size: "1M", hugeLog: "256M")
    }

    Benchmark(
        "Goal 3b: 64 MB single-line minified bundle, 2 jobs",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
            timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 3,
            // Half the speed of the 1 GB/s goal for ordinary text.
            thresholds: [.wallClock: .init(absolute: [.p50: 128_000_000])])
    ) { benchmark, corpus in
        for _ in benchmark.scaledIterations {
            blackHole(try Linter.run(ScanRequest(paths: [corpus.hugeLine], jobs: 2)).findings.count)
        }
    } setup: {
        try GeneratedCorpus.make(size: "1M", hugeLine: "64M")
    }

    // Goal 4: many small files (~5,000 config and dot files) at ≥ 100 MB/s, and start-up with the
    // full rule set on one small file ≤ 10 ms.
    Benchmark(
        "Goal 4a: config/ of the 128 MB corpus (small config and dot files), all cores",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .throughput],
            timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 10)
    ) { benchmark, corpus in
        for _ in benchmark.scaledIterations {
            blackHole(try Linter.run(ScanRequest(paths: [corpus.files + "/config"])).stats.bytesScanned)
        }
    } setup: {
        try GeneratedCorpus.make(size: "128M")
    }

    Benchmark(
        "Goal 4b: start-up, full rule set, one small file",
        configuration: .init(
            metrics: [.wallClock, .mallocCountTotal],
            timeUnits: .milliseconds, warmupIterations: 2, maxDuration: .seconds(20), maxIterations: 50,
            thresholds: [.wallClock: .init(absolute: [.p50: 10_000_000])])
    ) { benchmark, corpus in
        let file = corpus.files + "/config/svc-0000/.env"
        for _ in benchmark.scaledIterations {
            blackHole(try Linter.run(ScanRequest(paths: [file], jobs: 1)).findings.count)
        }
    } setup: {
        try GeneratedCorpus.make(size: "1M")
    }
}

/// A corpus written by `Benchmarks/corpus/generate.py` (seed 12), made once per size.
struct GeneratedCorpus: Sendable {
    let root: String
    var files: String { root + "/files" }
    var hugeLog: String { root + "/huge/app.log" }
    var hugeLine: String { root + "/huge/bundle.min.js" }

    static func make(size: String, hugeLog: String? = nil, hugeLine: String? = nil) throws -> GeneratedCorpus {
        let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let name = ["goals", size, hugeLog ?? "-", hugeLine ?? "-"].joined(separator: "-")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tokenaudit-goals/" + name).path
        if FileManager.default.fileExists(atPath: root + "/labels.json") { return GeneratedCorpus(root: root) }
        var arguments = [benchmarks.appendingPathComponent("corpus/generate.py").path, "--out", root, "--size", size, "--seed", "12"]
        if let hugeLog { arguments += ["--huge-log", hugeLog] }
        if let hugeLine { arguments += ["--huge-line", hugeLine] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return GeneratedCorpus(root: root)
    }
}
