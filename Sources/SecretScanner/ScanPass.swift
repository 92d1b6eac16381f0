import PCRE2
import SecretRules
import TokenFormat

// The per-scan state a ScanWorker threads through one buffer: where it sits in the stream, the
// prefilter's facts, pending findings and warnings.

struct Placement {
    var streamOffset = 0
    var lineBase = 0
    var columnCarry = 0
    var keep: Range<Int>
}

/// What phase 1 learnt about a view: which automaton words occur in it (and in earlier chunks of
/// the stream), and where the words that context `key` regexes require occur.
struct PrefilterFacts {
    var mentioned: [Bool]
    /// For each proximity word (`Engine.proximitySlot`), the end offsets of its occurrences,
    /// ascending.
    var proximity: [[Int]]

    /// Whether `ends` (one word's hit end offsets, ascending) holds one in `low...high`: a binary
    /// search for the first end at or after `low`.
    static func anyEnd(_ ends: [Int], from low: Int, through high: Int) -> Bool {
        var lo = 0, hi = ends.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ends[mid] < low { lo = mid + 1 } else { hi = mid }
        }
        return lo < ends.count && ends[lo] <= high
    }
}

/// A finding plus what pairing needs to know about it.
struct PendingFinding {
    var finding: Finding
    var keyPath: [String]
    /// Found in a test fixture or documentation (`PathRole.isExampleMaterial`).
    var exampleMaterial = false
    /// The order in which the pass found it: the last tie-break of `ScanWorker.engineOrder`, so
    /// that sorting in steps (a stream finalised chunk by chunk) orders as one sort of everything.
    var sequence = 0
}

/// What one scan accumulates: findings, warnings (each once), per-rule path verdicts, the words
/// seen, and the lazily built line index.
struct ScanPass {
    let path: String
    /// What the path says about the file (`PathRole`), read once per input.
    let role: PathRole
    /// Whether the path names Sirportly (evidence for values in the file).
    let pathMentionsSirportly: Bool
    /// Findings not yet finalised (a stream hands finalised ones out chunk by chunk).
    var findings: [PendingFinding] = []
    /// How many findings the pass has found (the next `PendingFinding.sequence`).
    var appended = 0
    var warnings: [ScanWarning] = []
    var warned: Set<ScanWarning> = []
    var pathAllowed: [Bool?]
    var mentioned: [Bool]
    /// Lines of the current outer buffer (line index, inline-ignore markers, column marks), built
    /// for its first candidate that reaches them. Reset for each buffer.
    var lines = OuterLines()
    /// Shape runs of the current view, found once per shape.
    var shapeRuns: [TokenShape: [Range<Int>]] = [:]
    var shapeRunsView = -1

    init(path: String, role: PathRole, pathMentionsSirportly: Bool, ruleCount: Int, keywordCount: Int) {
        self.path = path
        self.role = role
        self.pathMentionsSirportly = pathMentionsSirportly
        self.pathAllowed = Array(repeating: nil, count: ruleCount)
        self.mentioned = Array(repeating: false, count: keywordCount)
    }

    mutating func warn(ruleID: String?, _ message: String) {
        let text = ruleID.map { "rule \($0): \(message)" } ?? message
        let warning = ScanWarning(ruleID: ruleID, message: text)
        if warned.insert(warning).inserted { warnings.append(warning) }
    }

    mutating func runs(_ shape: TokenShape, in buffer: UnsafeRawBufferPointer, viewID: Int) -> [Range<Int>] {
        if shapeRunsView != viewID {
            shapeRuns = [:]
            shapeRunsView = viewID
        }
        if let known = shapeRuns[shape] { return known }
        let found = ShapeRunFinder.runs(in: buffer, shape: shape)
        shapeRuns[shape] = found
        return found
    }

    /// 1-based line and Unicode-scalar column of byte `offset` of `buffer`.
    mutating func position(of offset: Int, in buffer: UnsafeRawBufferPointer, placement: Placement) -> (line: Int, column: Int) {
        let (line, column) = lines.position(of: offset, in: buffer)
        return (placement.lineBase + line + 1, line == 0 ? column + placement.columnCarry : column)
    }
}
