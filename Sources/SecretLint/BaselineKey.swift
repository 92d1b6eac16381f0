import Foundation
import SecretScanner

/// The key of finding fingerprints (HMAC-SHA-256), resolved once per run. It never appears in a
/// report or a baseline: whoever holds only those cannot test a guessed secret against a
/// fingerprint (docs/THREAT-MODEL.md).
///
/// Where it comes from, first match wins:
/// 1. `TOKENAUDIT_FINGERPRINT_KEY` (at least 16 bytes; its UTF-8 bytes are the key): for CI,
///    kept as a CI secret, so that the committed baseline and the repository do not hold it;
/// 2. the key file `.tokenaudit-key` at the scan root (64 hex digits): created with mode 0600 by
///    `baseline create` when none exists, and read by every later scan of that root;
/// 3. otherwise a random key for this run only (`origin == .perRun`): fingerprints are then
///    comparable within the run (report merge of one run's shards needs a shared key) and nothing
///    else; the CLI says so on standard error.
public struct FingerprintKey: Sendable, Hashable {
    public enum Origin: Sendable, Hashable, CustomStringConvertible {
        case environment
        case file(String)
        case perRun

        public var description: String {
            switch self {
            case .environment: "$\(FingerprintKey.environmentVariable)"
            case .file(let path): path
            case .perRun: "a random key for this run"
            }
        }
    }

    public var bytes: [UInt8]
    public var origin: Origin
    /// True when this run created the key file.
    public var created = false

    public static let environmentVariable = "TOKENAUDIT_FINGERPRINT_KEY"
    public static let fileName = ".tokenaudit-key"
    static let minimumLength = 16

    public init(bytes: [UInt8], origin: Origin) {
        self.bytes = bytes
        self.origin = origin
    }

    /// The key file's path for a request: `.tokenaudit-key` in the first directory among the
    /// request's paths (the scan root), else in the working directory.
    public static func filePath(for request: ScanRequest) -> String {
        let walker = DirectoryWalker(useIgnoreFiles: false, followSymlinks: false, workingDirectory: request.workingDirectory)
        for path in request.paths.isEmpty ? ["."] : request.paths where path != "-" {
            if case .success(let status) = EntryStatus.of(walker.fileSystemPath(path), followingSymlink: true),
               status.kind == .directory {
                return DirectoryWalker.join(DirectoryWalker.displayRoot(path), fileName)
            }
        }
        return fileName
    }

    /// Resolves the key for `request` (see the type's summary). With `create`, a missing key file
    /// is created (32 random bytes as hex, mode 0600, never through a symlink). Throws for a key
    /// that is present but unusable: fail closed rather than fingerprint under a weak key.
    public static func resolve(
        for request: ScanRequest, environment: [String: String], create: Bool
    ) throws(FingerprintKeyError) -> FingerprintKey {
        if let value = environment[environmentVariable] {
            let bytes = Array(value.utf8)
            guard bytes.count >= minimumLength else {
                throw FingerprintKeyError(source: "$\(environmentVariable)", message: "a fingerprint key needs at least \(minimumLength) bytes")
            }
            return FingerprintKey(bytes: bytes, origin: .environment)
        }
        let display = filePath(for: request)
        let fsPath = DirectoryWalker(useIgnoreFiles: false, followSymlinks: false, workingDirectory: request.workingDirectory)
            .fileSystemPath(display)
        var status = stat()
        if lstat(fsPath, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFREG else {
                throw FingerprintKeyError(source: display, message: "the key file is not a regular file (symbolic links are not followed)")
            }
            guard let text = readTextFile(fsPath, limit: 4096), let bytes = decodeHex(text.trimmingCharacters(in: .whitespacesAndNewlines)),
                  bytes.count >= minimumLength
            else {
                throw FingerprintKeyError(source: display, message: "the key file must hold at least \(minimumLength * 2) hex digits")
            }
            return FingerprintKey(bytes: bytes, origin: .file(display))
        }
        guard create else { return FingerprintKey(bytes: Fingerprint.perRunKey, origin: .perRun) }
        let bytes = Fingerprint.randomKey()
        let fd = open(fsPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw FingerprintKeyError(source: display, message: "cannot create the key file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let text = Array((Fingerprint.hex(bytes) + "\n").utf8)
        let written = text.withUnsafeBytes { Foundation.write(fd, $0.baseAddress!, $0.count) }
        guard fchmod(fd, 0o600) == 0, written == text.count else {
            unlink(fsPath)
            throw FingerprintKeyError(source: display, message: "cannot write the key file")
        }
        var key = FingerprintKey(bytes: bytes, origin: .file(display))
        key.created = true
        return key
    }

    static func decodeHex(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        var i = 0
        while i < digits.count {
            guard let high = value(digits[i]), let low = value(digits[i + 1]) else { return nil }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }
}

/// A fingerprint key that is present but cannot be used.
public struct FingerprintKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var message: String
    public var description: String { "\(source): error: \(message)" }

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }
}
