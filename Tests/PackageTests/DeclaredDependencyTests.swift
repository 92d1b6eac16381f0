import Foundation
import Testing

/// Package.swift's declared target dependencies match what each target's sources import: a module
/// imported without being declared builds only by accident (through another target's dependency),
/// and a declared dependency nothing imports is dead weight in every build.
@Suite("Package.swift dependencies match the imports")
struct DeclaredDependencyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// (target name, directory, declared dependencies, executable?) for every source and test target.
    static func declaredTargets() throws -> [(name: String, path: String, dependencies: Set<String>, isExecutable: Bool)] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var result: [(String, String, Set<String>, Bool)] = []
        let kinds = [".target(", ".executableTarget(", ".testTarget("]
        var index = manifest.startIndex
        while let hit = kinds.compactMap({ manifest.range(of: $0, range: index..<manifest.endIndex) })
            .min(by: { $0.lowerBound < $1.lowerBound })
        {
            let body = balanced(manifest, from: hit.upperBound)
            index = body.upperBound
            let text = String(manifest[body])
            guard let name = firstString(after: "name:", in: text) else { continue }
            let isTest = manifest[hit].hasPrefix(".testTarget")
            let path = firstString(after: "path:", in: text) ?? (isTest ? "Tests/\(name)" : "Sources/\(name)")
            var dependencies = Set<String>()
            if let list = text.range(of: "dependencies: [") {
                let deps = String(text[balanced(text, from: list.upperBound, open: "[", close: "]")])
                // Plain "Name" entries, and .product(name: "Name", ...).
                for match in deps.matches(of: /"([A-Za-z0-9_]+)"/) { dependencies.insert(String(match.1)) }
            }
            result.append((name, path, dependencies, manifest[hit].hasPrefix(".executableTarget")))
        }
        return result
    }

    /// The range between an opening delimiter (already consumed) and its matching close.
    static func balanced(
        _ s: String, from start: String.Index, open: Character = "(", close: Character = ")"
    ) -> Range<String.Index> {
        var depth = 1
        var i = start
        while i < s.endIndex {
            if s[i] == open { depth += 1 }
            if s[i] == close {
                depth -= 1
                if depth == 0 { return start..<i }
            }
            i = s.index(after: i)
        }
        return start..<s.endIndex
    }

    static func firstString(after label: String, in text: String) -> String? {
        guard let r = text.range(of: label) else { return nil }
        return text[r.upperBound...].firstMatch(of: /"([^"]+)"/).map { String($0.1) }
    }

    /// Module names imported by the Swift files under `path`.
    static func imports(under path: String) throws -> Set<String> {
        var modules = Set<String>()
        let dir = root.appendingPathComponent(path)
        guard let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let m = line.wholeMatch(of: /\s*(?:@testable\s+|@_exported\s+|public\s+|internal\s+|package\s+)?import\s+(?:struct\s+|enum\s+|class\s+|func\s+)?([A-Za-z0-9_]+).*/) {
                    modules.insert(String(m.1))
                }
            }
        }
        return modules
    }

    @Test func everyImportedProjectModuleIsDeclaredAndEveryDeclarationIsImported() throws {
        let targets = try Self.declaredTargets()
        #expect(targets.count >= 10, "the manifest reader found too few targets: \(targets.map(\.name))")
        let projectModules = Set(targets.map(\.name)).union(["CPCRE2", "CZlib"])
        // Products of package dependencies that sources may import by these module names.
        let externalModules: Set<String> = ["ArgumentParser", "AsyncHTTPClient", "NIOCore", "NIOPosix", "NIOHTTP1", "NIOFoundationCompat", "Crypto", "Benchmark"]
        let executables = Set(targets.filter(\.isExecutable).map(\.name))
        for target in targets {
            let imported = try Self.imports(under: target.path)
            let importedHere = imported.intersection(projectModules.union(externalModules)).subtracting([target.name])
            let declared = target.dependencies.subtracting(["swift-argument-parser", "async-http-client", "swift-nio", "swift-crypto"])
            let undeclared = importedHere.subtracting(declared)
            #expect(undeclared.isEmpty, "\(target.name) imports \(undeclared.sorted()) without declaring them in Package.swift")
            // A test target may depend on an executable only to have it built (the CLI tests run it).
            let unused = declared.subtracting(imported).subtracting(executables)
            #expect(unused.isEmpty, "\(target.name) declares \(unused.sorted()) but none of its files imports them")
        }
    }
}
