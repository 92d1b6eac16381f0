// swift-tools-version: 6.1
// TokenAudit: validates Sirportly API credential formats and finds leaked credentials and stored
// passwords. Module layout: the team's ARCHITECTURE.md; Swift APIs where modules meet: docs/CONTRACTS.md.
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
        .target(name: "TokenFormat"),
        // The built-in rule packs are Builtin/*.toml, embedded at build time by the EmbedRulePacks
        // plugin (a new pack file needs no line here; docs/RULES.md, "Adding a rule").
        .target(
            name: "SecretRules", dependencies: ["PCRE2", "TokenFormat"], exclude: ["Builtin"],
            plugins: ["EmbedRulePacks"]
        ),
        .executableTarget(name: "RulePackEmbedder"),
        .plugin(name: "EmbedRulePacks", capability: .buildTool(), dependencies: ["RulePackEmbedder"]),
        .target(name: "SecretScanner", dependencies: ["SecretRules", "TokenFormat", "PCRE2"]),
        .target(name: "ScanResults", dependencies: ["SecretRules"]),
        .target(name: "SecretLint", dependencies: ["ScanResults", "SecretScanner", "SecretRules", "TokenFormat", "CZlib"]),
        .target(name: "SecretReport", dependencies: ["ScanResults", "SecretRules"]),
        // Sirportly authentication beyond scanning: value validation, HTTP captures, auth audit.
        .target(name: "SirportlyAuth", dependencies: ["TokenFormat"]),

        // The command: the only module that imports ArgumentParser.
        .executableTarget(
            name: "tokenaudit",
            dependencies: [
                "TokenFormat", "PCRE2", "SecretRules", "SecretScanner", "ScanResults", "SecretLint", "SecretReport",
                "SirportlyAuth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Test support: fixture builders shared by test targets (temporary trees, the binary runner,
        // gzip, generated credentials). A regular target that only test targets depend on.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        // Tests.
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "TokenFormatTests", dependencies: ["TokenFormat"]),
        .testTarget(name: "SecretRulesTests", dependencies: ["SecretRules", "SecretScanner"]),
        .testTarget(name: "SecretScannerTests", dependencies: ["SecretScanner", "SecretRules", "TokenFormat"]),
        .testTarget(
            name: "CorpusTests",
            dependencies: ["SecretScanner", "SecretRules", "SecretLint", "ScanResults"]
        ),
        .testTarget(name: "SecretLintTests", dependencies: ["SecretLint", "ScanResults", "SecretScanner", "SecretRules", "TestSupport"]),
        .testTarget(name: "SecretReportTests", dependencies: ["SecretReport", "ScanResults", "SecretRules"]),
        .testTarget(name: "SirportlyAuthTests", dependencies: ["SirportlyAuth", "TokenFormat"]),
        .testTarget(name: "CLITests", dependencies: ["tokenaudit", "TestSupport"]),
        .testTarget(name: "GitTests", dependencies: ["SecretLint", "ScanResults"]),
    ],
    swiftLanguageModes: [.v6]
)
