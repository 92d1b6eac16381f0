import SecretRules

/// Where the engine asks about a candidate's surroundings. `ContextAnalyzer` (in `Context/`) is
/// being written separately; until it lands, this stand-in answers key questions with "unknown"
/// and evaluates `near`/`notNear`/`fileMentions` literally, and treats a `key` requirement as not
/// holding.
enum ContextBridge {
    /// The key name and enclosing key path of the value at `value`.
    static func keyOf(_ value: Range<Int>, in buffer: UnsafeRawBufferPointer) -> (key: String?, keyPath: [String]) {
        (nil, [])
    }

    /// Whether `requirement` holds for the candidate at `value`.
    static func holds(
        _ requirement: ContextRequirement, value: Range<Int>, in buffer: UnsafeRawBufferPointer,
        fileMentions: (String) -> Bool
    ) -> Bool {
        if requirement.key != nil { return false }
        let window = LineWindow.around(value, in: buffer, linesBefore: requirement.linesBefore, linesAfter: requirement.linesAfter)
        let text = UnsafeRawBufferPointer(rebasing: buffer[window]).map(KeywordAutomaton.fold)
        func near(_ word: String) -> Bool { CandidateFilter.contains(text, Array(word.utf8).map(KeywordAutomaton.fold)) }
        if !requirement.near.isEmpty && !requirement.near.contains(where: near) { return false }
        if requirement.notNear.contains(where: near) { return false }
        if !requirement.fileMentions.isEmpty && !requirement.fileMentions.contains(where: { fileMentions($0.lowercased()) }) {
            return false
        }
        return true
    }
}
