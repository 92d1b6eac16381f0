/// An Aho-Corasick automaton over bytes that finds every occurrence of a set of keywords, ASCII
/// case-insensitively, in one pass.
///
/// Design: bytes are first mapped to byte classes (one class per distinct folded keyword byte,
/// class 0 for every other byte), so the transition table is dense but small: `states × classes`
/// entries of `Int32`. Transitions are stored pre-multiplied by the class count, so a step is one
/// table load and one add. States with output are numbered last: "has this state output?" is one
/// comparison with `outputThreshold`.
struct KeywordAutomaton: Sendable {
    /// The keywords, lowercased, in id order.
    let keywords: [[UInt8]]
    /// Byte → class (ASCII letters folded to lowercase).
    let byteClass: [UInt8]
    let classCount: Int
    /// `transitions[state + class]` is the next state; states are pre-multiplied by `classCount`.
    let transitions: [Int32]
    /// Pre-multiplied states at or above this value have output.
    let outputThreshold: Int32
    /// Keyword ids recognised on entering output state `threshold + i * classCount`, indexed by `i`.
    let outputs: [[Int32]]

    /// Builds the automaton. Empty keywords are ignored (they keep their id but never match);
    /// letters are folded to lowercase.
    init(keywords rawKeywords: [[UInt8]]) {
        let keywords = rawKeywords.map { $0.map(Self.fold) }
        self.keywords = keywords

        var classOf = [UInt8](repeating: 0, count: 256)
        var nextClass = 1
        for keyword in keywords {
            for b in keyword where classOf[Int(b)] == 0 {
                classOf[Int(b)] = UInt8(nextClass)
                nextClass += 1
            }
        }
        // Upper-case letters share their lower-case letter's class.
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") {
            classOf[Int(upper)] = classOf[Int(upper | 0x20)]
        }
        let classes = nextClass
        self.byteClass = classOf
        self.classCount = classes

        // Trie.
        var children: [[Int32]] = [[Int32](repeating: -1, count: classes)]
        var own: [[Int32]] = [[]]
        for (id, keyword) in keywords.enumerated() where !keyword.isEmpty {
            var state = 0
            for b in keyword {
                let c = Int(classOf[Int(b)])
                if children[state][c] < 0 {
                    children.append([Int32](repeating: -1, count: classes))
                    own.append([])
                    children[state][c] = Int32(children.count - 1)
                }
                state = Int(children[state][c])
            }
            own[state].append(Int32(id))
        }

        // Failure links and the dense transition function, breadth first.
        let stateCount = children.count
        var delta = [Int32](repeating: 0, count: stateCount * classes)
        var fail = [Int32](repeating: 0, count: stateCount)
        var out = own
        var queue: [Int] = []
        for c in 0..<classes {
            let child = children[0][c]
            if child >= 0 {
                delta[c] = child
                queue.append(Int(child))
            }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]
            head += 1
            for c in 0..<classes {
                let child = children[s][c]
                if child >= 0 {
                    let f = s == 0 ? 0 : delta[Int(fail[s]) * classes + c]
                    fail[Int(child)] = f
                    out[Int(child)] += out[Int(f)]
                    delta[s * classes + c] = child
                    queue.append(Int(child))
                } else {
                    delta[s * classes + c] = delta[Int(fail[s]) * classes + c]
                }
            }
        }

        // Renumber: states without output first (the root stays 0), then states with output.
        var order = (0..<stateCount).filter { out[$0].isEmpty }
        let firstOutput = order.count
        order += (0..<stateCount).filter { !out[$0].isEmpty }
        var newID = [Int32](repeating: 0, count: stateCount)
        for (new, old) in order.enumerated() { newID[old] = Int32(new) }
        var table = [Int32](repeating: 0, count: stateCount * classes)
        for old in 0..<stateCount {
            let base = Int(newID[old]) * classes
            for c in 0..<classes {
                table[base + c] = newID[Int(delta[old * classes + c])] * Int32(classes)
            }
        }
        self.transitions = table
        self.outputThreshold = Int32(firstOutput * classes)
        self.outputs = order[firstOutput...].map { out[$0] }
    }

    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 {
        b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
    }

    /// Calls `body(outputIndex, end)` for every position where at least one keyword ends: `end` is
    /// the offset just past the keyword's last byte, `outputs[outputIndex]` the keywords ending
    /// there. Positions come in increasing order.
    func forEachHit(in buffer: UnsafeRawBufferPointer, _ body: (Int, Int) -> Void) {
        let count = buffer.count
        guard count > 0, let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let threshold = outputThreshold
        let classes = Int32(classCount)
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classOf in
                let t = table.baseAddress.unsafelyUnwrapped
                let cls = classOf.baseAddress.unsafelyUnwrapped
                var state: Int32 = 0
                var i = 0
                while i < count {
                    state = t[Int(state) &+ Int(cls[Int(base[i])])]
                    if state >= threshold {
                        body(Int((state &- threshold) / classes), i &+ 1)
                    }
                    i &+= 1
                }
            }
        }
    }
}
