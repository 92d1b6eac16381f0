import Benchmark
import SecretRules
import SecretScanner

/// The engine on one core: the default rule set over a generated 100 MB mixed buffer (logs with
/// UUID request ids, source code, config, a few planted generated credentials). Throughput is
/// scans per second; MB/s = 100 × throughput. A second benchmark measures engine construction
/// (rules parsed, automaton built, no pattern compiled).
let benchmarks: @Sendable () -> Void = {
    let megabytes = 100

    Benchmark(
        "Engine scan: default rules, \(megabytes) MB mixed, one core",
        configuration: .init(
            metrics: [.wallClock, .throughput, .peakMemoryResident],
            timeUnits: .milliseconds,
            warmupIterations: 1,
            scalingFactor: .one,
            maxDuration: .seconds(60),
            maxIterations: 5
        )
    ) { benchmark, corpus in
        let engine = try Engine(rules: BuiltinRules.all())
        let worker = engine.makeWorker()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let result = corpus.withUnsafeBytes { worker.scan($0, path: "bench/mixed.log") }
            blackHole(result.findings.count)
        }
    } setup: {
        MixedCorpus.generate(bytes: megabytes << 20)
    }

    Benchmark(
        "Engine init: default rules",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, maxIterations: 50)
    ) { benchmark, rules in
        for _ in benchmark.scaledIterations {
            blackHole(try Engine(rules: rules))
        }
    } setup: {
        try BuiltinRules.all()
    }
}
