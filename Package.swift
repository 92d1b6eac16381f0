// swift-tools-version: 6.1
// TokenAudit: validates Sirportly API credential formats and finds leaked credentials and stored
// passwords. Module layout and floors: docs/ARCHITECTURE.md; Swift APIs where modules meet: docs/CONTRACTS.md.
// Every dependency arrow points down: tokenaudit → SecretLint/SecretReport → ScanResults (the one
// finding type) and SecretScanner → SecretRules/TokenFormat/PCRE2 → CPCRE2.
import PackageDescription

let package = Package(
    name: "TokenAudit",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tokenaudit", targets: ["tokenaudit"]),
        .library(name: "TokenFormat", targets: ["TokenFormat"]),
        .library(name: "PCRE2", targets: ["PCRE2"]),
        .library(name: "SecretRules", targets: ["SecretRules"]),
        .library(name: "SecretScanner", targets: ["SecretScanner"]),
        .library(name: "ScanResults", targets: ["ScanResults"]),
        .library(name: "SecretLint", targets: ["SecretLint"]),
        .library(name: "SecretReport", targets: ["SecretReport"]),
        .library(name: "SirportlyAuth", targets: ["SirportlyAuth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Opt-in live verification (SirportlyAuth/Verification) and its loopback mock server in tests.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        // Hashes and HMACs (finding fingerprints): never hand-rolled.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // System libraries. Only PCRE2 imports CPCRE2; only SecretLint imports CZlib.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),

        // Libraries.
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        // The lock shared state uses (a pthread mutex ThreadSanitizer can see; Locked.swift says why).
        .target(name: "Locking"),
        .target(name: "TokenFormat"),
        // The built-in rule packs are Builtin/*.toml, embedded at build time by the EmbedRulePacks
        // plugin (a new pack file needs no line here; docs/RULES.md, "Adding a rule").
        .target(
            name: "SecretRules", dependencies: ["PCRE2", "Locking"], exclude: ["Builtin"],
            plugins: ["EmbedRulePacks"]
        ),
        .executableTarget(name: "RulePackEmbedder", dependencies: ["PCRE2"]),
        .plugin(name: "EmbedRulePacks", capability: .buildTool(), dependencies: ["RulePackEmbedder"]),
        .target(
            name: "SecretScanner",
            dependencies: ["SecretRules", "TokenFormat", "PCRE2", "Locking", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "ScanResults", dependencies: ["SecretRules"]),
        // Crypto: git blob ids (SHA-1/SHA-256) check the files `git staged` rebuilds from a diff.
        .target(
            name: "SecretLint",
            dependencies: [
                "ScanResults", "SecretScanner", "SecretRules", "TokenFormat", "PCRE2", "CZlib", "Locking",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "SecretReport", dependencies: ["ScanResults", "SecretRules"]),
        // Sirportly authentication beyond scanning: value validation, HTTP captures, auth audit,
        // opt-in live verification (AsyncHTTPClient).
        .target(
            name: "SirportlyAuth",
            dependencies: [
                "TokenFormat",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Sources/SirportlyAuth"
        ),

        // The command: the only module that imports ArgumentParser.
        .executableTarget(
            name: "tokenaudit",
            dependencies: [
                "TokenFormat", "PCRE2", "SecretRules", "SecretScanner", "ScanResults", "SecretLint", "SecretReport",
                "SirportlyAuth", "Locking",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Test support: fixture builders shared by test targets (temporary trees, the binary runner,
        // gzip, generated credentials). A regular target that only test targets depend on.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        // Tests.
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "TokenFormatTests", dependencies: ["TokenFormat"]),
        .testTarget(name: "SecretRulesTests", dependencies: ["SecretRules", "SecretScanner", "PCRE2", "Locking"]),
        .testTarget(
            name: "SecretScannerTests",
            dependencies: ["SecretScanner", "SecretRules", "TokenFormat", "PCRE2", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "CorpusTests",
            dependencies: ["SecretScanner", "SecretRules", "SecretLint", "ScanResults"]
        ),
        .testTarget(name: "SecretLintTests", dependencies: ["SecretLint", "ScanResults", "SecretScanner", "SecretRules", "TestSupport"]),
        .testTarget(name: "SecretReportTests", dependencies: ["SecretReport", "ScanResults", "SecretRules"]),
        .testTarget(
            name: "CLITests",
            dependencies: ["tokenaudit", "TestSupport", "SirportlyAuthMock", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // A mock Sirportly API on loopback for the verification tests (library and binary).
        .target(
            name: "SirportlyAuthMock",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                "Locking",
            ],
            path: "Tests/SirportlyAuthMock"
        ),
        .testTarget(name: "SirportlyAuthTests", dependencies: ["SirportlyAuth", "TokenFormat", "SirportlyAuthMock", "Locking"]),
        // Package.swift itself: declared dependencies match the imports.
        .testTarget(name: "PackageTests"),
        .testTarget(name: "GitTests", dependencies: ["SecretLint"]),
    ],
    swiftLanguageModes: [.v6]
)
