import Benchmark

// Placeholder until this benchmark's owner lands it (see docs/CONTRACTS.md).
let benchmarks: @Sendable () -> Void = {
}
