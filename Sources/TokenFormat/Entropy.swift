/// Shannon entropy of byte strings.
public enum Entropy {
    /// The Shannon entropy of the byte distribution of `bytes`, in bits per byte (0 for an empty
    /// or single-valued input; at most 8). A random 36-byte token (17 symbols) scores about 3.6–4,
    /// a random 50-byte secret (62 symbols) about 4.8–5.3; repeated or sequential placeholders
    /// score far less.
    public static func shannon(_ bytes: some Collection<UInt8>) -> Double {
        let total = bytes.count
        guard total > 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
            counts.initialize(repeating: 0)
            for b in bytes { counts[Int(b)] &+= 1 }
            var entropy = 0.0
            let n = Double(total)
            for c in counts where c > 0 {
                let p = Double(c) / n
                entropy -= p * log2(p)
            }
            return entropy
        }
    }

    /// The Shannon entropy of the UTF-8 bytes of `text`, in bits per byte.
    public static func shannon(_ text: String) -> Double {
        shannon(Array(text.utf8))
    }

    /// Base-2 logarithm without Foundation: exponent from the bit pattern, mantissa by a series.
    @usableFromInline
    static func log2(_ x: Double) -> Double {
        // x = m * 2^e with m in [1, 2); log2(x) = e + ln(m) / ln(2).
        let e = Double(x.exponent)
        let m = x.significand
        // ln(m) = 2 * atanh((m - 1) / (m + 1)); |z| <= 1/3, so the series converges fast.
        let z = (m - 1) / (m + 1)
        let z2 = z * z
        var term = z
        var sum = 0.0
        var k = 1.0
        while k < 60 {
            sum += term / k
            term *= z2
            k += 2
        }
        return e + 2 * sum / 0.693_147_180_559_945_3
    }
}
