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

        // Trie, in one flat table (`classes` entries per state, -1 for no child): one allocation
        // instead of one per state, which was most of the automaton's share of start-up.
        var delta = [Int32](repeating: -1, count: classes)
        var own: [[Int32]] = [[]]
        for (id, keyword) in keywords.enumerated() where !keyword.isEmpty {
            var state = 0
            for b in keyword {
                let slot = state * classes + Int(classOf[Int(b)])
                if delta[slot] < 0 {
                    delta[slot] = Int32(own.count)
                    delta.append(contentsOf: repeatElement(-1, count: classes))
                    own.append([])
                }
                state = Int(delta[slot])
            }
            own[state].append(Int32(id))
        }

        // Failure links and the dense transition function, breadth first, written over the trie
        // table: a state's row is final once it is dequeued, and failure links point to states
        // dequeued earlier (shallower).
        let stateCount = own.count
        var fail = [Int32](repeating: 0, count: stateCount)
        var out = own
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for c in 0..<classes {
            let child = delta[c]
            if child >= 0 {
                queue.append(Int(child))
            } else {
                delta[c] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]
            head += 1
            let row = s * classes
            let failRow = Int(fail[s]) * classes
            for c in 0..<classes {
                let child = delta[row + c]
                if child >= 0 {
                    let f = delta[failRow + c]
                    fail[Int(child)] = f
                    if !out[Int(f)].isEmpty { out[Int(child)] += out[Int(f)] }
                    queue.append(Int(child))
                } else {
                    delta[row + c] = delta[failRow + c]
                }
            }
        }

        // Renumber: states without output first (the root stays 0), then states with output.
        var order = (0..<stateCount).filter { out[$0].isEmpty }
        let firstOutput = order.count
        order += (0..<stateCount).filter { !out[$0].isEmpty }
        var newID = [Int32](repeating: 0, count: stateCount)
        for (new, old) in order.enumerated() { newID[old] = Int32(new) }
        let table = [Int32](unsafeUninitializedCapacity: stateCount * classes) { table, initialized in
            delta.withUnsafeBufferPointer { delta in
                newID.withUnsafeBufferPointer { newID in
                    let width = Int32(classes)
                    for old in 0..<stateCount {
                        let base = Int(newID[old]) * classes
                        let from = old * classes
                        for c in 0..<classes {
                            table[base + c] = newID[Int(delta[from + c])] * width
                        }
                    }
                }
            }
            initialized = stateCount * classes
        }
        self.transitions = table
        self.outputThreshold = Int32(firstOutput * classes)
        self.outputs = order[firstOutput...].map { out[$0] }
        self.longestKeyword = keywords.reduce(0) { max($0, $1.count) }
    }

    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 {
        b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
    }

    /// Longest keyword, in bytes (stored: every `forEachHit` call needs it, and a scan of many
    /// small files makes one call per file).
    let longestKeyword: Int

    /// Buffers shorter than this are walked in one lane.
    static let laneMinimum = 64 * 1024
    /// Bytes a lane walks before its hits are handed on.
    static let block = 16 * 1024

    /// Whether any keyword occurs in `buffer`: one walk that stops at the first hit, with no
    /// scratch memory (for short texts such as one key name; `forEachHit` sets up blocks and lanes
    /// for whole inputs).
    func hasHit(in buffer: UnsafeRawBufferPointer) -> Bool {
        transitions.withUnsafeBufferPointer { t in
            byteClass.withUnsafeBufferPointer { cls in
                var state: Int32 = 0
                for b in buffer {
                    state = t[Int(state) &+ Int(cls[Int(b)])]
                    if state >= outputThreshold { return true }
                }
                return false
            }
        }
    }

    /// Calls `body(outputIndex, end)` for every position where at least one keyword ends: `end` is
    /// the offset just past the keyword's last byte, `outputs[outputIndex]` the keywords ending
    /// there. Positions come in increasing order.
    ///
    /// The walk runs in blocks whose hits are first collected in scratch memory, so the loop over
    /// bytes stays free of the caller's work. A long buffer is walked in four interleaved lanes
    /// (its quarters), so the dependent table loads of the four overlap. Each later lane starts
    /// `longestKeyword - 1` bytes before its quarter without reporting: the automaton state
    /// depends on at most that many bytes, so from the quarter's start on it equals the state of a
    /// walk from the start. Later lanes' hits are held back and reported after the earlier lanes',
    /// keeping the order.
    func forEachHit(in buffer: UnsafeRawBufferPointer, _ body: (Int, Int) -> Void) {
        let count = buffer.count
        guard count > 0, let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let threshold = outputThreshold
        let classes = Int32(classCount)
        let longest = longestKeyword
        let block = Self.block
        // Per block and lane at most one hit per byte: (state, end) pairs.
        let scratchA = UnsafeMutablePointer<Int>.allocate(capacity: 2 * block)
        let scratchB = UnsafeMutablePointer<Int>.allocate(capacity: 2 * block)
        defer {
            scratchA.deallocate()
            scratchB.deallocate()
        }
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classOf in
                let t = table.baseAddress.unsafelyUnwrapped
                let cls = classOf.baseAddress.unsafelyUnwrapped
                guard count >= Self.laneMinimum, longest > 0, longest < count / 4 else {
                    var state: Int32 = 0
                    var from = 0
                    while from < count {
                        let to = min(count, from + block)
                        var n = 0
                        var i = from
                        while i < to {
                            state = t[Int(state) &+ Int(cls[Int(base[i])])]
                            if state >= threshold {
                                scratchA[n] = Int(state)
                                scratchA[n &+ 1] = i &+ 1
                                n &+= 2
                            }
                            i &+= 1
                        }
                        var k = 0
                        while k < n {
                            body(Int((Int32(scratchA[k]) &- threshold) / classes), scratchA[k + 1])
                            k += 2
                        }
                        from = to
                    }
                    return
                }
                // Four lanes of `quarter` bytes (the last one also takes the remainder). Lanes
                // 1...3 warm up on the bytes before their start, reporting nothing.
                let quarter = count / 4
                func warmed(_ laneStart: Int) -> Int32 {
                    var s: Int32 = 0
                    var j = laneStart - (longest - 1)
                    while j < laneStart {
                        s = t[Int(s) &+ Int(cls[Int(base[j])])]
                        j &+= 1
                    }
                    return s
                }
                var a: Int32 = 0
                var b = warmed(quarter), c = warmed(2 * quarter), d = warmed(3 * quarter)
                let scratchC = UnsafeMutablePointer<Int>.allocate(capacity: 2 * block)
                let scratchD = UnsafeMutablePointer<Int>.allocate(capacity: 2 * block)
                defer {
                    scratchC.deallocate()
                    scratchD.deallocate()
                }
                var heldB: [Int] = [], heldC: [Int] = [], heldD: [Int] = []
                var i = 0
                while i < quarter {
                    let steps = min(block, quarter - i)
                    var na = 0, nb = 0, nc = 0, nd = 0
                    var k = i
                    let stop = i &+ steps
                    while k < stop {
                        a = t[Int(a) &+ Int(cls[Int(base[k])])]
                        b = t[Int(b) &+ Int(cls[Int(base[k &+ quarter])])]
                        c = t[Int(c) &+ Int(cls[Int(base[k &+ 2 &* quarter])])]
                        d = t[Int(d) &+ Int(cls[Int(base[k &+ 3 &* quarter])])]
                        if a >= threshold {
                            scratchA[na] = Int(a)
                            scratchA[na &+ 1] = k &+ 1
                            na &+= 2
                        }
                        if b >= threshold {
                            scratchB[nb] = Int(b)
                            scratchB[nb &+ 1] = k &+ quarter &+ 1
                            nb &+= 2
                        }
                        if c >= threshold {
                            scratchC[nc] = Int(c)
                            scratchC[nc &+ 1] = k &+ 2 &* quarter &+ 1
                            nc &+= 2
                        }
                        if d >= threshold {
                            scratchD[nd] = Int(d)
                            scratchD[nd &+ 1] = k &+ 3 &* quarter &+ 1
                            nd &+= 2
                        }
                        k &+= 1
                    }
                    i = stop
                    heldB.append(contentsOf: UnsafeBufferPointer(start: scratchB, count: nb))
                    heldC.append(contentsOf: UnsafeBufferPointer(start: scratchC, count: nc))
                    heldD.append(contentsOf: UnsafeBufferPointer(start: scratchD, count: nd))
                    var h = 0
                    while h < na {
                        body(Int((Int32(scratchA[h]) &- threshold) / classes), scratchA[h + 1])
                        h += 2
                    }
                }
                var j = 4 * quarter
                while j < count {
                    d = t[Int(d) &+ Int(cls[Int(base[j])])]
                    if d >= threshold {
                        heldD.append(Int(d))
                        heldD.append(j &+ 1)
                    }
                    j &+= 1
                }
                for held in [heldB, heldC, heldD] {
                    var h = 0
                    while h < held.count {
                        body(Int((Int32(held[h]) &- threshold) / classes), held[h + 1])
                        h += 2
                    }
                }
            }
        }
    }
}
