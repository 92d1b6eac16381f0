import PCRE2
import Locking

/// The engine's patterns (rule regexes, decoded-value regexes, context `key` regexes, path and
/// allowlist regexes), compiled lazily on first need with the engine's JIT policy and then shared
/// by every worker. Each worker asks once per slot and keeps its own `Matcher` (scratch and match
/// limits) from then on, so the lock is not on the matching path.
///
/// A pre-commit run over a small change touches few rules; it must not pay for compiling all of
/// them. Compilation happens outside the lock; when two workers race, the first result stored wins
/// and the other is dropped.
final class PatternCache: Sendable {
    struct Slot: Sendable, Hashable {
        let source: String
        let options: CompileOptions
    }

    let slots: [Slot]
    let jit: JITPolicy
    private let compiled: Locked<[Result<Pattern, PatternError>?]>

    init(slots: [Slot], jit: JITPolicy) {
        self.slots = slots
        self.jit = jit
        self.compiled = Locked([Result<Pattern, PatternError>?](repeating: nil, count: slots.count))
    }

    /// The compiled pattern of slot `index`, compiling it on first call.
    func pattern(at index: Int) -> Result<Pattern, PatternError> {
        if let done = compiled.withLock({ $0[index] }) { return done }
        let slot = slots[index]
        let result: Result<Pattern, PatternError>
        do {
            result = .success(try Pattern(slot.source, options: slot.options, jit: jit))
        } catch {
            result = .failure(error)
        }
        return compiled.withLock { table in
            if let stored = table[index] { return stored }
            table[index] = result
            return result
        }
    }

    /// How many slots have been compiled so far (successfully or not).
    var compiledCount: Int {
        compiled.withLock { table in table.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
    }
}

/// Assigns slot numbers to patterns while an `Engine` is built; equal patterns share a slot.
struct PatternSlotTable {
    private(set) var slots: [PatternCache.Slot] = []
    private var index: [PatternCache.Slot: Int] = [:]

    mutating func slot(_ source: String, options: CompileOptions = []) -> Int {
        let slot = PatternCache.Slot(source: source, options: options)
        if let existing = index[slot] { return existing }
        slots.append(slot)
        index[slot] = slots.count - 1
        return slots.count - 1
    }
}
