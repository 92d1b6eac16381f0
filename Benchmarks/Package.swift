// swift-tools-version: 6.1
// Benchmarks live in their own package so the product never depends on benchmark tooling.
// Run: `cd Benchmarks && swift package benchmark` (or `make bench` from the top level).
import PackageDescription

let package = Package(
    name: "TokenAuditBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "TokenAudit", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "FormatBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TokenFormat", package: "TokenAudit"),
            ],
            path: "Benchmarks/FormatBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SecretScanner", package: "TokenAudit"),
                .product(name: "SecretRules", package: "TokenAudit"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ScanBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SecretLint", package: "TokenAudit"),
            ],
            path: "Benchmarks/ScanBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "GoalBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SecretLint", package: "TokenAudit"),
                .product(name: "SecretRules", package: "TokenAudit"),
            ],
            path: "Benchmarks/GoalBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
