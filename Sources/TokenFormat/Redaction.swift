/// How secrets are shown in every report and every command: one policy.
///
/// A redacted secret shows at most a few leading characters and never a useful fraction of it:
/// secrets shorter than ``minimumLengthForPrefix`` Unicode scalars show nothing at all (a short
/// password's first characters narrow a dictionary search too much), longer ones show one
/// character per eight, at most four (a 36-character token shows 4, a 16-character key 2). The
/// display form is the shown prefix followed by `…`, whatever the secret's length, so the display
/// does not reveal the length either.
public enum Redaction {
    /// Secrets shorter than this many Unicode scalars show no characters when redacted.
    public static let minimumLengthForPrefix = 16
    /// The most characters a redacted secret ever shows.
    public static let maximumPrefix = 4

    /// How many leading Unicode scalars of a secret of `length` scalars the redacted form shows.
    public static func shownPrefixLength(forLength length: Int) -> Int {
        length < minimumLengthForPrefix ? 0 : min(maximumPrefix, length / 8)
    }

    /// The redacted display form of `secret`: its first characters (see the type's doc) and `…`.
    public static func redact(_ secret: some Collection<UInt8>) -> String {
        let scalars = String(decoding: secret, as: UTF8.self).unicodeScalars
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars.prefix(shownPrefixLength(forLength: scalars.count)))
        out.append("\u{2026}")
        return String(out)
    }

    /// The redacted display form of `secret`.
    public static func redact(_ secret: String) -> String { redact(Array(secret.utf8)) }

    /// The display form of `secret` under the user's choice: redacted, or in full (`--no-redact`).
    public static func display(_ secret: some Collection<UInt8>, redact: Bool) -> String {
        redact ? self.redact(secret) : String(decoding: secret, as: UTF8.self)
    }
}
