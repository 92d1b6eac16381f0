import PCRE2
import SecretRules
import TokenFormat

/// The detection engine: bytes in, findings out. It knows no files, only a path for rules'
/// `path` filters, allowlists and fingerprints.
///
/// An engine is built once per rule set and shared by all threads; each thread scans through its
/// own `ScanWorker` (per-thread PCRE2 scratch). Scanning is two-phase:
/// 1. one pass over the buffer with a keyword automaton (every rule keyword and every context
///    word, case-insensitively) plus `TokenFormat` shape runs for shape rules;
/// 2. each rule's PCRE2 pattern only in windows around its own candidates (a few lines around a
///    keyword hit, overlapping windows merged). A rule without keywords and without a shape runs on
///    the whole buffer.
/// Work therefore grows with the input, not with input × rules. Patterns compile lazily, the
/// first time a window needs them.
public final class Engine: Sendable {
    /// The rules, in the order given.
    public let rules: [Rule]
    public let options: EngineOptions

    let compiledRules: [CompiledRule]
    let globalAllowlists: [CompiledAllowlist]
    let automaton: KeywordAutomaton
    /// Lowercased word → automaton keyword id, for `fileMentions`.
    let keywordIDs: [[UInt8]: Int]
    /// For each automaton output index: the rules with a keyword ending there.
    let outputRules: [[Int32]]
    /// For each automaton output index: the longest keyword ending there.
    let outputLength: [Int]
    /// Rules that run on the whole buffer (no keywords, no shape).
    let unconditionalRules: [Int]
    /// Shapes some rule needs, with those rules.
    let shapeRules: [(shape: TokenShape, rules: [Int])]
    let patterns: PatternCache
    /// Bytes a window may span around its hit, at most (for the stream overlap).
    let maxWindowSpan: Int
    /// Whether any rule pairs with another.
    let hasPairs: Bool
    /// Ids of rules with `yields = "any-other-rule"` (e.g. `generic-api-key`): their findings give
    /// way to any other rule's finding on an overlapping value, built-in or the user's.
    let fallbackRuleIDs: Set<String>
    /// For each automaton keyword id, its proximity slot (positions recorded in phase 1), or -1.
    let proximitySlot: [Int]
    let proximityWordCount: Int
    /// The proximity slot holding `sirportly`'s hit positions, when it is a keyword.
    let sirportlyProximitySlot: Int?
    /// Automaton keyword ids of every rule's `base64Documents` words (e.g. `kind: Secret`).
    let base64DocumentKeywordIDs: [Int]
    /// Rule id → pairing family (see `Pairing`).
    let pairFamilies: [String: Int]

    /// Builds the engine. Patterns are not compiled here (see `PatternCache`); a pattern that does
    /// not compile becomes a `ScanWarning` when a scan first needs it.
    /// - Throws: `EngineError` for duplicate rule ids, a rule with neither `regex` nor `shape`, a
    ///   negative `secretGroup`, or `decodedRegex` without `decode`.
    public init(rules: [Rule], options: EngineOptions = EngineOptions()) throws(EngineError) {
        self.rules = rules
        self.options = options
        var seen = Set<String>()
        for rule in rules {
            guard seen.insert(rule.id).inserted else { throw EngineError(ruleID: rule.id, message: "duplicate rule id") }
            if rule.regex == nil && rule.shape == nil {
                throw EngineError(ruleID: rule.id, message: "a rule needs a regex or a shape")
            }
            if let g = rule.secretGroup, g < 0 {
                throw EngineError(ruleID: rule.id, message: "secretGroup must not be negative")
            }
            if rule.decodedRegex != nil && rule.decode == nil {
                throw EngineError(ruleID: rule.id, message: "decodedRegex needs decode")
            }
            if rule.keywordGuard != nil, rule.keywords.isEmpty || rule.regex == nil || rule.shape != nil {
                throw EngineError(ruleID: rule.id, message: "keywordGuard needs keywords and a regex (and no shape)")
            }
            if rule.anchor == .keyword {
                guard !rule.keywords.isEmpty, rule.regex != nil, rule.shape == nil, let d = rule.maxKeywordDistance, d >= 0 else {
                    throw EngineError(ruleID: rule.id, message: "anchor = \"keyword\" needs keywords, a regex, no shape and maxKeywordDistance")
                }
            }
        }

        var slots = PatternSlotTable()
        var keywords: [[UInt8]] = []
        var keywordIndex: [[UInt8]: Int] = [:]
        func keywordID(_ word: String) -> Int? {
            let folded = Array(word.utf8).map(KeywordAutomaton.fold)
            guard !folded.isEmpty else { return nil }
            if let id = keywordIndex[folded] { return id }
            keywords.append(folded)
            keywordIndex[folded] = keywords.count - 1
            return keywords.count - 1
        }

        var keywordRules: [[Int]] = []
        var proximityIndex: [Int: Int] = [:]
        var compiled: [CompiledRule] = []
        var unconditional: [Int] = []
        var byShape: [TokenShape: [Int]] = [:]
        let reach = max(64, options.windowReach)
        var maxSpan = 0
        for (index, rule) in rules.enumerated() {
            var ruleKeywordIDs: [Int] = []
            for word in rule.keywords {
                guard let id = keywordID(word) else { continue }
                while keywordRules.count <= id { keywordRules.append([]) }
                if !keywordRules[id].contains(index) { keywordRules[id].append(index) }
                ruleKeywordIDs.append(id)
            }
            // Context words: the engine answers `fileMentions` and pre-checks `near` from its
            // prefilter, so they become keywords too (without rules).
            var alternatives: [CompiledRule.ContextPrecheck] = []
            for requirement in rule.context {
                let near = requirement.near.compactMap(keywordID)
                let mentions = requirement.fileMentions.compactMap(keywordID)
                var keyWords: [(id: Int, slot: Int)] = []
                let required: [String] = requirement.key.map { KeyRegexLiterals.required($0) } ?? []
                for word in required {
                    guard let id = keywordID(word) else { continue }
                    if proximityIndex[id] == nil { proximityIndex[id] = proximityIndex.count }
                    keyWords.append((id, proximityIndex[id]!))
                }
                // A key regex is an ordinary engine pattern (caseless): compiled once per engine with its
                // JIT policy, matched with per-worker scratch and the engine's match limits.
                let keySlot = requirement.key.map { slots.slot($0, options: [.caseless]) }
                alternatives.append(.init(nearIDs: near, mentionIDs: mentions, keyWords: keyWords, keySlot: keySlot))
            }
            let isMultiline = rule.window == .multiline
            let ruleReach = isMultiline ? reach * 16 : reach
            let ruleLines = isMultiline ? max(options.windowLines, 100) : options.windowLines
            maxSpan = max(maxSpan, 2 * (ruleReach + ruleReach / 4) + 256)
            let shape: TokenShape? = switch rule.shape {
            case .sirportlyToken: .token
            case .sirportlySecret: .secret
            case nil: nil
            }
            if let shape {
                byShape[shape, default: []].append(index)
            } else if ruleKeywordIDs.isEmpty {
                unconditional.append(index)
            }
            compiled.append(CompiledRule(
                rule: rule,
                index: index,
                regexSlot: rule.regex.map { slots.slot($0, options: rule.anchor == .keyword ? [.multiline, .startBounds] : [.multiline]) },
                decodedRegexSlot: rule.decodedRegex.map { slots.slot($0) },
                pathSlot: rule.path.map { slots.slot($0) },
                allowlists: rule.allowlists.map { CompiledAllowlist($0, slots: &slots) },
                contextPrechecks: alternatives,
                shape: shape,
                reach: ruleReach,
                lines: ruleLines,
                isPassword: rule.kind == .password,
                reportsExpression: rule.value == .expression,
                keywordAnchor: rule.anchor == .keyword ? rule.maxKeywordDistance : nil,
                keywordGuardSlot: rule.keywordGuard.map { slots.slot($0, options: [.anchored]) }
            ))
        }
        // Document markers (`base64Documents`): short base64 values in such documents are decoded
        // (see `scanEncodedViews`).
        var documentIDs: [Int] = []
        for rule in rules {
            for word in rule.base64Documents {
                if let id = keywordID(word), !documentIDs.contains(id) { documentIDs.append(id) }
            }
        }
        self.base64DocumentKeywordIDs = documentIDs
        self.globalAllowlists = options.allowlists.map { CompiledAllowlist($0, slots: &slots) }
        while keywordRules.count < keywords.count { keywordRules.append([]) }

        let automaton = KeywordAutomaton(keywords: keywords)
        self.automaton = automaton
        // `sirportly` hits are recorded too: the shape evidence asks whether the lines around a
        // candidate mention Sirportly (`ShapeEvidence`), answered from these positions.
        if let id = keywordIndex[Array("sirportly".utf8)] {
            if proximityIndex[id] == nil { proximityIndex[id] = proximityIndex.count }
            self.sirportlyProximitySlot = proximityIndex[id]
        } else {
            self.sirportlyProximitySlot = nil
        }
        var proximitySlots = [Int](repeating: -1, count: keywords.count)
        for (id, slot) in proximityIndex { proximitySlots[id] = slot }
        self.proximitySlot = proximitySlots
        self.proximityWordCount = proximityIndex.count
        self.keywordIDs = keywordIndex
        self.outputRules = automaton.outputs.map { ids in
            var result: [Int32] = []
            for id in ids { for r in keywordRules[Int(id)] where !result.contains(Int32(r)) { result.append(Int32(r)) } }
            return result.sorted()
        }
        self.outputLength = automaton.outputs.map { ids in ids.map { automaton.keywords[Int($0)].count }.max() ?? 0 }
        self.compiledRules = compiled
        self.unconditionalRules = unconditional
        self.shapeRules = TokenShape.allCases.compactMap { shape in byShape[shape].map { (shape, $0) } }
        self.patterns = PatternCache(slots: slots.slots, jit: options.jit)
        self.maxWindowSpan = maxSpan + (keywords.map(\.count).max() ?? 0)
        self.hasPairs = rules.contains { $0.pairWith != nil }
        self.fallbackRuleIDs = Set(rules.filter { $0.yields == .anyOtherRule }.map(\.id))
        self.pairFamilies = Pairing.families(rules)
    }

    /// Whether a buffer whose automaton hits are `mentioned` is a document whose values are base64
    /// by definition (one of the rules' `base64Documents` words occurs in it).
    func isBase64Document(_ mentioned: [Bool]) -> Bool {
        base64DocumentKeywordIDs.contains { mentioned[$0] }
    }

    /// One worker per thread: it owns the PCRE2 scratch and is not `Sendable`.
    public func makeWorker() -> ScanWorker { ScanWorker(engine: self) }

    /// How many of the engine's patterns have been compiled so far (they compile lazily).
    public var compiledPatternCount: Int { patterns.compiledCount }

    /// Secret spans (UTF-8 byte ranges) that `rule` alone reports in `text`, sorted: what
    /// `RuleChecker` compares with an example's marked spans. Known example values are reported
    /// here (not suppressed), so an example may use them.
    /// - Throws: `EngineError` for an invalid rule, `PatternError` (PCRE2's message and offset) for
    ///   a pattern that does not compile, `EngineError` when a match limit was hit.
    public static func secretSpans(of rule: Rule, in text: String, path: String) throws -> [Range<Int>] {
        var options = EngineOptions()
        options.reportKnownExamples = true
        let engine = try Engine(rules: [rule], options: options)
        for i in engine.patterns.slots.indices {
            if case .failure(let error) = engine.patterns.pattern(at: i) { throw error }
        }
        let result = engine.makeWorker().scan(Array(text.utf8), path: path)
        if let warning = result.warnings.first { throw EngineError(ruleID: rule.id, message: warning.message) }
        return result.findings.map(\.secretRange).sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
    }
}

extension Engine {
    /// The secret spans `rule` reports in an example `text`: `secretSpans(of:in:path:)` with the
    /// rule's `path` filter lifted (examples show what a rule matches, not where).
    public static func exampleSpans(of rule: Rule, in text: String) throws -> [Range<Int>] {
        var anywhere = rule
        anywhere.path = nil
        return try secretSpans(of: anywhere, in: text, path: "example.txt")
    }
}

extension RuleChecker {
    /// The one engine-backed rule checker: what `tokenaudit rules check` and the test suite run.
    /// Each example is evaluated by `Engine.exampleSpans(of:in:)`; `locations` name the file and
    /// line of a failing example.
    public static func engineBacked(locations: [String: ExampleLocations] = [:]) -> RuleChecker {
        RuleChecker(evaluate: Engine.exampleSpans, locations: locations)
    }
}

/// A rule with its pattern slots and window parameters resolved. A class, not a struct: the scan
/// loop hands every rule to several functions for every input, and copying a value this size
/// retains and releases each of its fields (a fifth of the time of a scan of small files).
final class CompiledRule: Sendable {
    /// What the prefilter can tell about one `[[rules.context]]` alternative: when it names `near`
    /// words and none occurs in the buffer, or `fileMentions` words and none occurs, it cannot
    /// hold; nor when a word its `key` regex requires (`KeyRegexLiterals`) does not occur within
    /// `ContextAnalyzer.reach` bytes of the candidate, since names are read from those bytes.
    struct ContextPrecheck: Sendable {
        let nearIDs: [Int]
        let mentionIDs: [Int]
        /// Automaton ids and proximity slots of the words the key regex requires.
        let keyWords: [(id: Int, slot: Int)]
        /// Pattern slot of the alternative's `key` regex (compiled caseless), if it has one.
        let keySlot: Int?

        /// Whether the alternative can hold anywhere in the buffer.
        func mayHold(in facts: PrefilterFacts) -> Bool {
            if !nearIDs.isEmpty && !nearIDs.contains(where: { facts.mentioned[$0] }) { return false }
            if !mentionIDs.isEmpty && !mentionIDs.contains(where: { facts.mentioned[$0] }) { return false }
            return keyWords.allSatisfy { facts.mentioned[$0.id] }
        }

        /// Whether the alternative can hold for the candidate at `value`.
        func mayHold(in facts: PrefilterFacts, near value: Range<Int>) -> Bool {
            guard mayHold(in: facts) else { return false }
            let margin = ContextAnalyzer.reach + 256
            return keyWords.allSatisfy {
                PrefilterFacts.anyEnd(facts.proximity[$0.slot], from: value.lowerBound - margin, through: value.upperBound + margin)
            }
        }
    }

    /// Bytes a capped window may extend beyond `reach` to end at a separator instead of mid-token
    /// (a quarter of the reach).
    var slack: Int { reach / 4 }

    let rule: Rule
    let index: Int
    let regexSlot: Int?
    let decodedRegexSlot: Int?
    let pathSlot: Int?
    let allowlists: [CompiledAllowlist]
    let contextPrechecks: [ContextPrecheck]
    let shape: TokenShape?
    let reach: Int
    let lines: Int
    /// `kind = "password"`: the password filters apply (`CandidateFilter.isNotAPassword`).
    let isPassword: Bool
    /// `value = "expression"`: the rule reports an expression evaluated at run time (e.g. the variable an app persists),
    /// not a literal: the literal-value filters (placeholder words, references, masks, "not a
    /// password") do not apply, since `password` is the commonest such expression.
    let reportsExpression: Bool
    /// `anchor = "keyword"`: its `maxKeywordDistance`. The regex is tried only at the start of each
    /// keyword hit's line and up to this many bytes before each hit. Nil: everywhere in the window.
    let keywordAnchor: Int?
    /// `keywordGuard`: its pattern slot (compiled anchored). A keyword hit counts for this rule only
    /// where the guard matches at the hit's end.
    let keywordGuardSlot: Int?

    init(
        rule: Rule, index: Int, regexSlot: Int?, decodedRegexSlot: Int?, pathSlot: Int?, allowlists: [CompiledAllowlist],
        contextPrechecks: [ContextPrecheck], shape: TokenShape?, reach: Int, lines: Int, isPassword: Bool,
        reportsExpression: Bool, keywordAnchor: Int?, keywordGuardSlot: Int?
    ) {
        self.rule = rule
        self.index = index
        self.regexSlot = regexSlot
        self.decodedRegexSlot = decodedRegexSlot
        self.pathSlot = pathSlot
        self.allowlists = allowlists
        self.contextPrechecks = contextPrechecks
        self.shape = shape
        self.reach = reach
        self.lines = lines
        self.isPassword = isPassword
        self.reportsExpression = reportsExpression
        self.keywordAnchor = keywordAnchor
        self.keywordGuardSlot = keywordGuardSlot
    }
}

/// An allowlist with its regexes assigned to pattern slots and its stopwords lowercased.
struct CompiledAllowlist: Sendable {
    let allowlist: Allowlist
    let regexSlots: [Int]
    let pathSlots: [Int]
    let stopwords: [[UInt8]]
    let fingerprints: Set<String>

    init(_ allowlist: Allowlist, slots: inout PatternSlotTable) {
        self.allowlist = allowlist
        self.regexSlots = allowlist.regexes.map { slots.slot($0) }
        self.pathSlots = allowlist.paths.map { slots.slot($0) }
        self.stopwords = allowlist.stopwords.map { Array($0.utf8).map(KeywordAutomaton.fold) }.filter { !$0.isEmpty }
        self.fingerprints = Set(allowlist.fingerprints)
    }
}
