import Foundation
import ScanResults

/// Command-line paths as bytes.
///
/// Swift decodes `argv` into `CommandLine.arguments` with invalid UTF-8 replaced by U+FFFD, so a
/// file named `b/<0xFF>.txt` given on the command line would be looked up as `b/\u{FFFD}.txt` and
/// reported missing. `losslessPaths` gives such arguments back their bytes (as `PathBytes`
/// strings) from the raw `argv`.
enum RawArguments {
    /// `paths` (parsed arguments) with every one that lost bytes in decoding replaced by the
    /// `PathBytes` string of the `argv` entry it came from. The k-th path with a given decoded
    /// text is matched with the k-th `argv` entry that decodes to that text.
    static func losslessPaths(_ paths: [String], argv: [[UInt8]] = rawArgv()) -> [String] {
        guard paths.contains(where: { $0.unicodeScalars.contains("\u{FFFD}") }) else { return paths }
        var candidates: [String: [[UInt8]]] = [:]
        for raw in argv.dropFirst() where String(validating: raw, as: UTF8.self) == nil {
            candidates[String(decoding: raw, as: UTF8.self), default: []].append(raw)
        }
        var used: [String: Int] = [:]
        return paths.map { path in
            guard let matches = candidates[path] else { return path }
            let k = used[path, default: 0]
            used[path] = k + 1
            return k < matches.count ? PathBytes.string(matches[k]) : path
        }
    }

    /// The process's `argv` as bytes.
    static func rawArgv() -> [[UInt8]] {
        (0..<Int(CommandLine.argc)).map { i in
            guard let arg = CommandLine.unsafeArgv[i] else { return [] }
            return Array(UnsafeRawBufferPointer(start: arg, count: strlen(arg)))
        }
    }
}
