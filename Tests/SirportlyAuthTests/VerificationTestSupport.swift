@testable import SirportlyAuth
import Locking

/// Sirportly-shaped test credentials, generated from an index (never real ones).
enum TestPairs {
    static let hex = Array("0123456789abcdef")
    static let alnum = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// A 36-character token `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` and a 50-character secret.
    static func pair(_ index: Int) -> SirportlyCredentialPair {
        var state = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 &+ 0xD1B5_4A32_D192_ED03
        func next() -> UInt64 {
            state ^= state >> 33
            state = state &* 0xFF51_AFD7_ED55_8CCD
            state ^= state >> 29
            return state
        }
        var token = ""
        for (i, length) in [8, 4, 4, 4, 12].enumerated() {
            if i > 0 { token.append("-") }
            for _ in 0..<length { token.append(hex[Int(next() % 16)]) }
        }
        var secret = ""
        for _ in 0..<50 { secret.append(alnum[Int(next() % UInt64(alnum.count))]) }
        return try! SirportlyCredentialPair(token: token, secret: secret)
    }
}

/// A time that only moves when someone sleeps: sleeping until an instant jumps there at once and
/// records the instant, so a test can check the request schedule without waiting for it.
struct VirtualInstant: InstantProtocol {
    var offset: Duration
    func advanced(by duration: Duration) -> VirtualInstant { VirtualInstant(offset: offset + duration) }
    func duration(to other: VirtualInstant) -> Duration { other.offset - offset }
    static func < (a: VirtualInstant, b: VirtualInstant) -> Bool { a.offset < b.offset }
}

final class VirtualClock: Clock, Sendable {
    private let state = Locked<(now: Duration, sleeps: [Duration])>((.zero, []))

    var now: VirtualInstant { VirtualInstant(offset: state.withLock { $0.now }) }
    var minimumResolution: Duration { .zero }
    /// Every instant slept until, in call order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func sleep(until deadline: VirtualInstant, tolerance: Duration?) async throws {
        state.withLock {
            $0.sleeps.append(deadline.offset)
            $0.now = max($0.now, deadline.offset)
        }
    }
}
