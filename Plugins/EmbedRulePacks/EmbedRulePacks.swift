import Foundation
import PackagePlugin

/// Build-tool plugin of SecretRules: embeds every `Builtin/*.toml` rule pack in the binary, with
/// its rules parsed, checked and compiled at build time (RulePackEmbedder), as a
/// Swift string literal (`BuiltinRules.embeddedPacks`), so the binary stays self-contained.
///
/// Why not `resources: [.embedInCode(...)]`: SwiftPM writes embedded files as `[UInt8]` array
/// literals, and type-checking the ~230 KB of rule packs that way took 85 s of CPU per build
/// (swift 6.3.1). A string literal compiles in well under a second. The directory is listed on
/// every build, so a new pack file needs no line in Package.swift.
@main
struct EmbedRulePacks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = target.directoryURL.appending(path: "Builtin")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".toml") }
            .sorted()
        let packs = names.map { directory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRulePacks.swift")
        return [
            .buildCommand(
                displayName: "Checking and compiling \(packs.count) rule packs for \(target.name)",
                executable: try context.tool(named: "RulePackEmbedder").url,
                arguments: [output.path] + packs.map(\.path),
                inputFiles: packs,
                outputFiles: [output]
            )
        ]
    }
}
