/// Generated test values from a fixed seed (a 64-bit LCG), so a test's input repeats exactly:
/// random-looking tokens and secrets with the right shape, never real ones.
public struct SeededLetters {
    public static let alphanumeric = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    public static let hex = Array("0123456789abcdef")

    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// `count` characters drawn from `alphabet`.
    public mutating func letters(_ count: Int, _ alphabet: [Character] = alphanumeric) -> String {
        var out = ""
        for _ in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            out.append(alphabet[Int(state >> 33) % alphabet.count])
        }
        return out
    }
}
