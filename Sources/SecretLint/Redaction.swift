/// How secrets are shown in reports.
public enum Redaction {
    /// The display form of a redacted secret: its first characters and `…`. Shows 4 Unicode
    /// scalars, but never more than half of the secret (a 6-character password shows 3).
    public static func redact(_ secret: some Collection<UInt8>) -> String {
        let text = String(decoding: secret, as: UTF8.self)
        let scalars = text.unicodeScalars
        let shown = min(4, scalars.count / 2)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars.prefix(shown))
        return String(out) + "\u{2026}"
    }

    /// The display form of `secret` under the given policy.
    public static func display(_ secret: some Collection<UInt8>, redact: Bool) -> String {
        redact ? self.redact(secret) : String(decoding: secret, as: UTF8.self)
    }
}
