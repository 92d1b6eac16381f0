/// Brackets and indentation: walks back from the value over its line and the lines above while
/// the code continues, and returns the structures enclosing the value (unmatched `(`, `[`, `{`
/// and XML tags, innermost first) and the indentation parents (YAML keys, Python `class X:`, Ruby
/// `X.configure do |c|`). JSON, YAML, HCL, PHP arrays, Ruby hashes and call arguments all nest
/// this way; `BlockLabelReader` names what it finds.
struct StructureReader: ContextReading {
    let window: ContextWindow

    /// An unmatched opening bracket or XML tag before the value, i.e. a structure enclosing it.
    struct Opener {
        /// Offset of `(`, `[`, `{`, or `<` of a tag.
        var position: Int
        /// `(`, `[`, `{` or `<`.
        var kind: UInt8
    }

    /// A name that encloses the value (a YAML parent key, a labelled bracket, a Ruby block).
    struct Label {
        var position: Int
        var parts: [String]
    }

    /// Walks back from the value over its line and, while the code continues upwards, the lines
    /// above. Returns the unmatched openers enclosing the value (innermost first) and the YAML /
    /// indentation parents (Python `class X:`, Ruby `X.configure do |c|`).
    func walkStructure(valueLineStart: Int, xml: Bool) -> (enclosers: [Opener], labels: [Label]) {
        var enclosers: [Opener] = []
        var labels: [Label] = []
        var pending = 0
        var ls = valueLineStart
        var segmentEnd = value.lowerBound
        var indentLimit = contentIndent(valueLineStart, lineEnd(of: valueLineStart))
        var lines = 0
        var currentIsContent = true
        // Unindented lines joined only by a trailing `,` (JSON lines, CSV) are followed upwards a
        // few times at most, so that a file of one-line records costs a few lines per value.
        var flatContinuations = 0
        let walkFloor = max(floor, value.lowerBound - ContextAnalyzer.structureReach)
        // A very long line (minified JSON) is read from at most `lineReach` bytes before the
        // value, starting at a record boundary (`{"`, `,"`, `["`) so quotes pair up.
        if !isLineStart(ls) {
            var start = ls
            while start < value.lowerBound - 1,
                  !((at(start) == openBrace || at(start) == comma || at(start) == openBracket) && at(start + 1) == quoteDouble)
            { start += 1 }
            ls = start
        }
        while true {
            // On the value's own line a comment marker does not end the code: commented-out code
            // (`# client = Sirportly::Client.new('…')`) is where credentials are left behind.
            let shape = lineShape(ls..<segmentEnd, xml: xml, commentsEndLine: ls != valueLineStart)
            for opener in shape.openers.reversed() {
                if pending > 0 { pending -= 1 } else { enclosers.append(opener) }
            }
            pending += shape.unmatchedClosers
            guard ls > walkFloor, isLineStart(ls), lines < ContextAnalyzer.maxLinesBack else { break }
            var prevEnd = ls - 1
            if at(prevEnd - 1) == carriageReturn { prevEnd -= 1 }
            let prevStart = lineStart(of: prevEnd)
            if currentIsContent && indentLimit == 0 && pending == 0 {
                guard endsWithContinuation(prevStart, prevEnd) else { break }
                if at(skipBlanksBack(prevEnd, prevStart) - 1) == comma {
                    flatContinuations += 1
                    if flatContinuations > ContextAnalyzer.maxFlatContinuations { break }
                }
            }
            ls = prevStart
            segmentEnd = prevEnd
            lines += 1
            // Blank and comment lines neither open nor close anything: walk over them.
            currentIsContent = !isBlankOrComment(ls, segmentEnd)
            if currentIsContent {
                let indent = contentIndent(ls, segmentEnd)
                if indent < indentLimit {
                    if let label = BlockLabelReader(window: window).indentationParent(ls, segmentEnd) {
                        labels.append(Label(position: ls + indent, parts: [label]))
                    }
                    indentLimit = indent
                }
            }
        }
        return (enclosers, labels)
    }

    /// Whether a line ends in a way that continues onto the next line (an opener, a separator,
    /// a comma, a backslash, `do |x|`).
    func endsWithContinuation(_ ls: Int, _ le: Int) -> Bool {
        let e = skipBlanksBack(le, ls)
        guard e > ls else { return false }
        switch at(e - 1) {
        case openParen, openBracket, openBrace, comma, equals, colon, backslash, greater, UInt8(ascii: "|"),
             UInt8(ascii: "+"), dot:
            return true
        default:
            return BlockLabelReader(window: window).endsWithDo(ls, e) != nil
        }
    }

    /// The reduced bracket structure of one line segment: closers that match openers on earlier
    /// lines, then the openers left open (in order). Quoted strings and trailing comments are
    /// skipped. With `xml`, only XML tags count.
    func lineShape(_ segment: Range<Int>, xml: Bool, commentsEndLine: Bool = true) -> (unmatchedClosers: Int, openers: [Opener]) {
        var unmatched = 0
        var openers: [Opener] = []
        var i = segment.lowerBound
        let end = segment.upperBound
        var quote: UInt8 = 0
        // Inside a string opened by `\"` (JSON escaped inside a string): it ends at `\"`.
        var escapedQuote = false
        while i < end {
            let b = buffer[i]
            if quote != 0 {
                if b == backslash {
                    if escapedQuote && at(i + 1) == quote { quote = 0 }
                    i += 2
                    continue
                }
                if b == quote && !escapedQuote { quote = 0 }
                i += 1
                continue
            }
            if xml {
                if b == less {
                    if at(i + 1) == slash {
                        if let last = openers.last, last.kind == less { openers.removeLast() } else { unmatched += 1 }
                        while i < end && buffer[i] != greater { i += 1 }
                    } else if ASCII.isLetter(at(i + 1)) {
                        var j = i + 1
                        var q: UInt8 = 0
                        while j < end {
                            let c = buffer[j]
                            if q != 0 { if c == q { q = 0 } } else if c == quoteDouble || c == quoteSingle { q = c } else if c == greater { break }
                            j += 1
                        }
                        if j < end && buffer[j - 1] == slash {
                            // self-closing
                        } else {
                            openers.append(Opener(position: i, kind: less))
                        }
                        i = j
                    } else {
                        while i < end && buffer[i] != greater { i += 1 }
                    }
                }
                i += 1
                continue
            }
            switch b {
            case quoteDouble, UInt8(ascii: "`"):
                // A string holding JSON (`"{\"sirportly\": …}"`) is read as structure.
                if !(b == quoteDouble && (at(i + 1) == openBrace || at(i + 1) == openBracket)) {
                    quote = b
                    escapedQuote = false
                }
            case backslash:
                if at(i + 1) == quoteDouble {
                    quote = quoteDouble
                    escapedQuote = true
                    i += 1
                }
            case quoteSingle:
                // An apostrophe inside a word ("don't") is not a quote.
                if !(i > segment.lowerBound && ASCII.isLetter(buffer[i - 1]) && ASCII.isLetter(at(i + 1))) {
                    quote = b
                    escapedQuote = false
                }
            case hash:
                // `# comment`, but not `#0` (a stack frame) or `#{…}` (interpolation).
                if commentsEndLine && (i == segment.lowerBound || ASCII.isBlank(buffer[i - 1])) && !ASCII.isDigit(at(i + 1))
                    && at(i + 1) != openBrace
                {
                    return (unmatched, openers)
                }
            case slash:
                if commentsEndLine && at(i + 1) == slash && (i == segment.lowerBound || ASCII.isBlank(buffer[i - 1])) {
                    return (unmatched, openers)
                }
            case openParen, openBracket, openBrace:
                openers.append(Opener(position: i, kind: b))
            case closeParen, closeBracket, closeBrace:
                if openers.isEmpty { unmatched += 1 } else { openers.removeLast() }
            default:
                break
            }
            i += 1
        }
        return (unmatched, openers)
    }
}
