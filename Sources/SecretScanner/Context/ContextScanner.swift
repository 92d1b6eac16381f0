extension ContextAnalyzer {
    /// ASCII byte classes used by the context scanner.
    enum ASCII {
        @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
        @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
        /// Space or tab.
        @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        @inline(__always) static func isNewline(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
        /// `"`, `'` or a backtick.
        @inline(__always) static func isQuote(_ b: UInt8) -> Bool { b == 0x22 || b == 0x27 || b == 0x60 }
        /// Bytes of a name: letters, digits, `_`, `-`.
        @inline(__always) static func isNameByte(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x5F || b == 0x2D }
        /// Bytes of one part of a variable or member chain: a name plus sigils (`$`, `@`, `&`, `*`,
        /// `?`, `!`) that are stripped afterwards.
        @inline(__always) static func isChainByte(_ b: UInt8) -> Bool {
            isNameByte(b) || b == 0x24 || b == 0x40 || b == 0x26 || b == 0x2A || b == 0x3F || b == 0x21
        }
    }
}

// Byte constants, named for readability in the scanner below.
private let quoteDouble = UInt8(ascii: "\"")
private let quoteSingle = UInt8(ascii: "'")
private let backslash = UInt8(ascii: "\\")
private let colon = UInt8(ascii: ":")
private let equals = UInt8(ascii: "=")
private let greater = UInt8(ascii: ">")
private let less = UInt8(ascii: "<")
private let dash = UInt8(ascii: "-")
private let dot = UInt8(ascii: ".")
private let comma = UInt8(ascii: ",")
private let slash = UInt8(ascii: "/")
private let hash = UInt8(ascii: "#")
private let semicolon = UInt8(ascii: ";")
private let openParen = UInt8(ascii: "(")
private let closeParen = UInt8(ascii: ")")
private let openBracket = UInt8(ascii: "[")
private let closeBracket = UInt8(ascii: "]")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")
private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")

extension ContextAnalyzer {
    /// One analysis of one value. All reads go through `at(_:)`, which answers 0 outside
    /// `floor..<ceiling`, so no scan can leave the bounded neighbourhood.
    struct ContextScanner {
        let buffer: UnsafeRawBufferPointer
        let value: Range<Int>
        /// First byte the analysis may read.
        let floor: Int
        /// One past the last byte the analysis may read.
        let ceiling: Int

        init(buffer: UnsafeRawBufferPointer, value: Range<Int>) {
            self.buffer = buffer
            self.value = value
            self.floor = max(0, value.lowerBound - ContextAnalyzer.reach)
            self.ceiling = min(buffer.count, value.upperBound + ContextAnalyzer.reach)
        }

        /// How the key on the value's own line was written.
        enum KeyForm {
            /// `key = v`, `key: v`, `"key": "v"`, `key => v`, `X-Auth-Token: v`.
            case separated
            /// `key v` (nginx, Apache, command-line flags).
            case spaced
            /// `<key>v</key>`.
            case xmlElement
            /// `<element key="v">`.
            case xmlAttribute
        }

        /// The key found left of the value on its line.
        struct LeftKey {
            /// Member chain parts, outermost first; the last one is the key.
            var parts: [String]
            /// Offset of the first byte of the key expression.
            var start: Int
            var form: KeyForm
        }

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

        // MARK: Byte access

        @inline(__always) func at(_ i: Int) -> UInt8 {
            (i >= floor && i < ceiling) ? buffer[i] : 0
        }

        func text(_ range: Range<Int>) -> String {
            let lo = max(range.lowerBound, floor), hi = min(range.upperBound, ceiling)
            guard lo < hi else { return "" }
            return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[lo..<hi]), as: UTF8.self)
        }

        /// Offset of the first byte of the line holding offset `p`, or of the byte `lineReach`
        /// before `p` on a longer line (never below `floor`).
        func lineStart(of p: Int) -> Int {
            var i = p
            let limit = max(floor, p - ContextAnalyzer.lineReach)
            while i > limit && buffer[i - 1] != newline { i -= 1 }
            return i
        }

        /// Offset of the line break ending the line holding `p` (or `ceiling`, or `lineReach` bytes
        /// after `p` on a longer line), excluding a `\r`.
        func lineEnd(of p: Int) -> Int {
            var i = p
            let limit = min(ceiling, p + ContextAnalyzer.lineReach)
            while i < limit && buffer[i] != newline { i += 1 }
            if i > p && at(i - 1) == carriageReturn { i -= 1 }
            return i
        }

        /// Whether `ls` (from `lineStart(of:)`) is a real line start, not a cut in a long line.
        func isLineStart(_ ls: Int) -> Bool { ls == 0 || at(ls - 1) == newline }

        /// Offset of the first non-blank byte at or after `start`, before `end`.
        func skipBlanks(_ start: Int, _ end: Int) -> Int {
            var i = start
            while i < end && ASCII.isBlank(buffer[i]) { i += 1 }
            return i
        }

        /// Offset just after the last non-blank byte at or before `end - 1`, not below `start`.
        func skipBlanksBack(_ end: Int, _ start: Int) -> Int {
            var i = end
            while i > start && ASCII.isBlank(buffer[i - 1]) { i -= 1 }
            return i
        }

        /// Indentation of the line content starting at `lineStart`; a YAML list marker (`- `)
        /// counts as indentation, so `  - token: v` and `    secret: v` are siblings.
        func contentIndent(_ lineStart: Int, _ lineEnd: Int) -> Int {
            var i = skipBlanks(lineStart, lineEnd)
            while i + 1 < lineEnd && buffer[i] == dash && ASCII.isBlank(buffer[i + 1]) {
                i = skipBlanks(i + 1, lineEnd)
            }
            return i - lineStart
        }

        /// Whether the line is empty or a whole-line comment (`#`, `//`, `;`, `--`, `<!--`).
        func isBlankOrComment(_ lineStart: Int, _ lineEnd: Int) -> Bool {
            let i = skipBlanks(lineStart, lineEnd)
            if i >= lineEnd || buffer[i] == carriageReturn { return true }
            let b = buffer[i]
            if (b == hash && !ASCII.isDigit(at(i + 1))) || b == semicolon { return true }
            if b == slash && at(i + 1) == slash { return true }
            if b == slash && at(i + 1) == UInt8(ascii: "*") { return true }
            if b == UInt8(ascii: "*") && (at(i + 1) == 0x20 || at(i + 1) == slash) { return true }
            if b == less && at(i + 1) == UInt8(ascii: "!") && at(i + 2) == dash { return true }
            return false
        }

        // MARK: Analysis

        func analyze() -> ValueContext {
            if isEmbedded() { return ValueContext() }
            let valueLineStart = lineStart(of: value.lowerBound)
            var left = leftKey(lineStart: valueLineStart)
            let xml = left?.form == .xmlElement || left?.form == .xmlAttribute

            let (enclosers, yamlLabels) = walkStructure(valueLineStart: valueLineStart, xml: xml)

            var labels = yamlLabels
            var callee: String?
            var argumentIndex: Int?
            var calleeOpener: Opener?
            for opener in enclosers {
                // The element whose text is the value is its key, not an enclosing structure.
                if let left, opener.position >= left.start { continue }
                if opener.kind == openParen {
                    let name = calleeName(before: opener.position)
                    if let name, Self.containerCalls.contains(name.lowercased()) {
                        if let label = label(before: nameStart(before: opener.position)) {
                            labels.append(Label(position: opener.position, parts: label))
                        }
                    } else if let name, callee == nil {
                        callee = name
                        calleeOpener = opener
                    }
                } else if opener.kind == less {
                    if let name = tagName(at: opener.position) {
                        labels.append(Label(position: opener.position, parts: [name]))
                    }
                } else if let label = label(before: opener.position) {
                    labels.append(Label(position: opener.position, parts: label))
                }
            }

            // Argument position, and a key given by the previous argument: `.header("X-Auth-Token", v)`.
            let innermost = enclosers.first { opener in left.map { opener.position < $0.start } ?? true }
            if let opener = calleeOpener {
                let scan = scanArguments(from: opener.position + 1)
                argumentIndex = scan.index
                if left == nil, opener.position == innermost?.position, let key = scan.previousNameLiteral {
                    left = LeftKey(parts: [key], start: value.lowerBound, form: .separated)
                }
            } else if left == nil, let opener = innermost, opener.kind == openParen,
                      let (table, column) = sqlColumn(rowOpener: opener.position)
            {
                // `INSERT INTO t (id, token) VALUES (1, 'v')`: the value's column names it.
                left = LeftKey(parts: (table.map { [$0] } ?? []) + [column], start: value.lowerBound, form: .separated)
            } else if left == nil, let opener = innermost, opener.kind == openParen || opener.kind == openBracket {
                // A pair in a tuple or list: `("X-Auth-Token", v)`, `['X-Auth-Token', v]`.
                if let key = scanArguments(from: opener.position + 1).previousNameLiteral {
                    left = LeftKey(parts: [key], start: value.lowerBound, form: .separated)
                }
            }

            // A CSV/TSV/Markdown table cell: the header row names its column.
            // (A tab-separated cell also looks like `word<TAB>value`; the header wins.)
            if left == nil || (left?.form == .spaced && at(skipBlanksBack(value.lowerBound, valueLineStart)) == UInt8(ascii: "\t")),
               innermost == nil, let column = tableColumn(valueLineStart: valueLineStart)
            {
                left = LeftKey(parts: [column], start: value.lowerBound, form: .separated)
            }

            // Swift puts the value first: `setValue(v, forHTTPHeaderField: "X-Auth-Token")`.
            if left == nil, let key = labelledNameAfterValue() {
                left = LeftKey(parts: [key], start: value.lowerBound, form: .separated)
            }

            labels.sort { $0.position < $1.position }
            var keyPath: [String] = []
            if let left, left.form == .separated || left.form == .spaced, isLineStart(valueLineStart),
               left.start == skipBlanks(valueLineStart, value.lowerBound) || isAfterExportKeyword(left.start, valueLineStart)
            {
                keyPath += iniSection(above: valueLineStart)
            }
            for label in labels { keyPath += label.parts }

            var key: String?
            if let left {
                let parts = left.parts
                key = parts.last
                keyPath += parts.dropLast()
                // `{"name": "X-Auth-Token", "value": v}`, `- name: SIRPORTLY_TOKEN` / `value: v`.
                if let k = key, Self.valueKeys.contains(k.lowercased()) {
                    if let sibling = siblingName(
                        valueLineStart: valueLineStart, enclosers: enclosers.filter { $0.position < left.start },
                        keyStart: left.start)
                    {
                        key = sibling
                    } else if !keyPath.isEmpty {
                        // `variable "sirportly_token" { default = v }`, `{"sirportly_token": {"value": v}}`:
                        // the record's own name.
                        key = keyPath.removeLast()
                    }
                }
            } else if let last = labels.last, !keyPath.isEmpty,
                      innermost.map({ ($0.kind == openBracket || $0.kind == openBrace) && $0.position == last.position })
                        ?? isListItem(valueLineStart)
            {
                // A value inside a list under a key: `X-Auth-Token: ["v"]`, `tokens:\n  - v`.
                key = last.parts.last
                keyPath.removeLast()
            }
            keyPath = keyPath.filter { !$0.isEmpty }
            return ValueContext(key: key, keyPath: keyPath, callee: callee, argumentIndex: argumentIndex)
        }

        /// Calls whose "arguments" are really a key → value container (`'sirportly' => array(…)`).
        static let containerCalls: Set<String> = [
            "array", "dict", "hash", "map.of", "mapof", "hashmapof", "mutablemapof", "ordereddict", "hash[]",
        ]
        /// Keys that hold the value of a name/value record (HAR, Postman, Kubernetes env, .NET appSettings).
        static let valueKeys: Set<String> = ["value", "val", "default"]
        /// Keys that name a name/value record.
        static let nameKeys: [[UInt8]] = ["name", "key", "header", "headername", "field", "id"].map { Array($0.utf8) }
        /// Attributes that name an XML element's text: `<string name="…">`, `<entry key="…">`.
        static let elementNameAttributes: [[UInt8]] = ["name", "key"].map { Array($0.utf8) }
        /// Type names that can stand between a variable and `=` (`let token: String = …`).
        static let typeNames: Set<String> = ["string", "str", "text", "charsequence", "nsstring", "uuid"]
        /// Words before `(` that are not calls.
        static let notCallees: Set<String> = [
            "if", "for", "while", "switch", "catch", "return", "and", "or", "not", "in", "elif", "when",
            "function", "fn", "func", "fun", "lambda", "foreach", "with", "assert", "until", "unless", "match",
            "values",
        ]

        /// Whether the value is glued to a longer word: it is then part of something else.
        func isEmbedded() -> Bool {
            let before = at(value.lowerBound - 1)
            let after = at(value.upperBound)
            func glue(_ b: UInt8) -> Bool {
                ASCII.isNameByte(b) || b == UInt8(ascii: "+") || b == slash
            }
            if value.lowerBound > floor && glue(before) { return true }
            if value.upperBound < ceiling && (glue(after) || after == equals) { return true }
            return false
        }

        // MARK: The key on the value's line

        /// The key written left of the value on its line, if any.
        func leftKey(lineStart ls: Int) -> LeftKey? {
            var p = value.lowerBound
            var quoted = false
            if p > ls && ASCII.isQuote(at(p - 1)) {
                p -= 1
                quoted = true
                while p > ls && at(p - 1) == backslash { p -= 1 }
            }
            let beforeBlanks = p
            p = skipBlanksBack(p, ls)
            let sawBlank = p < beforeBlanks
            guard p > ls else { return nil }
            let c = at(p - 1)
            switch c {
            case greater:
                if at(p - 2) == equals || at(p - 2) == dash {
                    return separatedKey(endingBefore: p - 2, lineStart: ls, quotedValue: quoted)
                }
                return xmlElementKey(closingAt: p - 1, lineStart: ls)
            case equals:
                var q = p - 1
                while q > ls && (at(q - 1) == colon || at(q - 1) == UInt8(ascii: "+") || at(q - 1) == UInt8(ascii: "?")
                    || at(q - 1) == UInt8(ascii: "|") || at(q - 1) == UInt8(ascii: "!") || at(q - 1) == equals)
                { q -= 1 }
                return separatedKey(endingBefore: q, lineStart: ls, quotedValue: quoted)
            case colon:
                if at(p - 2) == colon { return nil }
                return separatedKey(endingBefore: p - 1, lineStart: ls, quotedValue: quoted)
            default:
                guard sawBlank, ASCII.isChainByte(c) || ASCII.isQuote(c) else { return nil }
                guard var key = readKey(endingAt: p, lineStart: ls) else { return nil }
                // Prose: "the staging token is `v`".
                if key.parts.count == 1, Self.copulas.contains(key.parts[0].lowercased()) {
                    let q = skipBlanksBack(key.start, ls)
                    guard q > ls, var named = readKey(endingAt: q, lineStart: ls) else { return nil }
                    named.form = .spaced
                    return named
                }
                // `Authorization: Bearer v`: the scheme word is not the key.
                if key.parts.count == 1, Self.schemeWords.contains(key.parts[0].lowercased()) {
                    let q = skipBlanksBack(key.start, ls)
                    if at(q - 1) == colon || at(q - 1) == equals {
                        return separatedKey(endingBefore: q - 1, lineStart: ls, quotedValue: quoted)
                    }
                }
                // A spaced key must start a line or a quoted/parenthesised phrase, or follow a blank.
                let before = at(key.start - 1)
                guard key.start == ls || ASCII.isBlank(before) || ASCII.isQuote(before) || before == openParen else {
                    return nil
                }
                key.form = .spaced
                return key
            }
        }

        static let schemeWords: Set<String> = ["bearer", "token", "basic"]
        static let copulas: Set<String> = ["is", "was", "are", "be", "to"]

        /// The key before a separator ending at `end` (exclusive): `key =`, `"key":`, `key =>`.
        func separatedKey(endingBefore end: Int, lineStart ls: Int, quotedValue: Bool) -> LeftKey? {
            let p = skipBlanksBack(end, ls)
            guard p > ls, var key = readKey(endingAt: p, lineStart: ls) else { return nil }
            // `let token: String = v`, `var token string = v`, `const TOKEN: &str = v`.
            if key.parts.count == 1, Self.typeNames.contains(key.parts[0].lowercased()) {
                var q = skipBlanksBack(key.start, ls)
                if at(q - 1) == colon && at(q - 2) != colon { q = skipBlanksBack(q - 1, ls) }
                if q > ls, let named = readKey(endingAt: q, lineStart: ls) { key = named }
            }
            key.form = .separated
            // `<sirportly token="v">`: an attribute of an element.
            if quotedValue && at(end) == equals {
                var i = key.start - 1
                while i >= ls {
                    let b = at(i)
                    if b == greater { break }
                    if b == less {
                        if ASCII.isLetter(at(i + 1)) { key.form = .xmlAttribute }
                        break
                    }
                    i -= 1
                }
            }
            return key
        }

        /// `<token>v`: the element name, when `>` at `gt` closes an opening tag on this line.
        func xmlElementKey(closingAt gt: Int, lineStart ls: Int) -> LeftKey? {
            var i = gt - 1
            while i >= ls && at(i) != less && at(i) != greater { i -= 1 }
            guard i >= ls, at(i) == less, ASCII.isLetter(at(i + 1)), at(gt - 1) != slash else { return nil }
            guard let name = tagName(at: i) else { return nil }
            // `<string name="sirportly_application_token">v</string>`, `<entry key="token">v</entry>`
            if let named = nameField(in: i + 1..<gt, excluding: gt..<gt, names: Self.elementNameAttributes) {
                return LeftKey(parts: [named], start: i, form: .xmlElement)
            }
            // plist: `<key>SirportlyApplicationToken</key>` then `<string>v</string>`
            var k = i
            while k > floor && (ASCII.isBlank(at(k - 1)) || ASCII.isNewline(at(k - 1))) { k -= 1 }
            if k - 6 >= floor, text(k - 6..<k) == "</key>" {
                var open = k - 6
                while open > max(floor, k - 262) && at(open - 1) != greater { open -= 1 }
                if open - 5 >= floor, text(open - 5..<open) == "<key>" {
                    return LeftKey(parts: [text(open..<k - 6)], start: i, form: .xmlElement)
                }
            }
            return LeftKey(parts: [name], start: i, form: .xmlElement)
        }

        /// The name of the tag opening at `lt` (`<sirportly:token attr="…">` → "sirportly:token").
        func tagName(at lt: Int) -> String? {
            var j = lt + 1
            while j < ceiling, ASCII.isNameByte(at(j)) || at(j) == colon || at(j) == dot { j += 1 }
            return j > lt + 1 ? text(lt + 1..<j) : nil
        }

        /// Reads a key expression ending at `end` (exclusive): a quoted string, a name, or a member
        /// chain with subscripts (`$config['sirportly']['token']`, `config.sirportly.secret`,
        /// `$this->token`, `Sirportly::TOKEN`). Returns its parts, outermost first, cleaned of sigils.
        func readKey(endingAt end: Int, lineStart ls: Int) -> LeftKey? {
            var parts: [String] = []
            var p = end
            let limit = max(ls, end - 256)
            while p > limit {
                let b = at(p - 1)
                if ASCII.isQuote(b) {
                    // A quoted part: `"X-Auth-Token"`, `'token'`, `\"token\"`.
                    var close = p - 1
                    let escaped = at(close - 1) == backslash
                    if escaped { close -= 1 }
                    var open = close - 1
                    while open >= limit && !(at(open) == b && (at(open - 1) == backslash) == escaped) { open -= 1 }
                    guard open >= limit else { return nil }
                    var contentStart = open + 1
                    if at(contentStart) == backslash { contentStart += 1 }
                    var start = open
                    if at(start - 1) == backslash { start -= 1 }
                    parts.insert(text(contentStart..<close), at: 0)
                    p = start
                    if at(p - 1) == openBracket {
                        p -= 1  // `headers['X-Auth-Token']`: continue with the subscripted object
                        continue
                    }
                    break
                }
                if b == closeBracket {
                    var open = p - 2
                    while open >= limit && at(open) != openBracket { open -= 1 }
                    guard open >= limit else { return nil }
                    var inner = text(open + 1..<p - 1).trimmingBlanks()
                    if let first = inner.utf8.first, ASCII.isQuote(first), inner.utf8.count >= 2 {
                        inner = String(inner.dropFirst().dropLast())
                    }
                    parts.insert(inner, at: 0)
                    p = open
                    continue
                }
                let nameEnd = p
                while p > limit && ASCII.isChainByte(at(p - 1)) { p -= 1 }
                // `?`, `&`, `!`, `*` before a name separate it from what precedes (`all?auth_token`,
                // `a&b`); only at the edges are they sigils (`&str`, `token?`).
                var cut = p
                for j in p..<nameEnd where j > p && j + 1 < nameEnd && ASCII.isNameByte(at(j + 1)) {
                    let b = at(j)
                    if b == UInt8(ascii: "?") || b == UInt8(ascii: "&") || b == UInt8(ascii: "!") || b == UInt8(ascii: "*") {
                        cut = j + 1
                    }
                }
                // A name after a literal escape (`…\r\nX-Auth-Token` in a logged string): the escape's
                // letter is not part of it.
                if cut == p, p + 1 < nameEnd, at(p - 1) == backslash,
                   at(p) == UInt8(ascii: "n") || at(p) == UInt8(ascii: "r") || at(p) == UInt8(ascii: "t")
                {
                    cut = p + 1
                }
                if cut > p {
                    parts.insert(text(cut..<nameEnd), at: 0)
                    p = cut
                    break
                }
                if p < nameEnd {
                    parts.insert(text(p..<nameEnd), at: 0)
                } else if parts.isEmpty {
                    return nil
                }
                if at(p - 1) == dot || (at(p - 1) == greater && at(p - 2) == dash) || (at(p - 1) == colon && at(p - 2) == colon) {
                    p -= at(p - 1) == dot ? 1 : 2
                    if !ASCII.isChainByte(at(p - 1)) && at(p - 1) != closeBracket && !ASCII.isQuote(at(p - 1)) { break }
                    continue
                }
                break
            }
            let cleaned = parts.map(Self.cleanPart).filter { !$0.isEmpty && !Self.selfWords.contains($0) }
            guard !cleaned.isEmpty else { return nil }
            return LeftKey(parts: cleaned, start: p, form: .separated)
        }

        static let selfWords: Set<String> = ["this", "self", "Self", "@"]

        /// Strips sigils and flag dashes: `$token` → `token`, `--secret` → `secret`, `@token` → `token`.
        static func cleanPart(_ part: String) -> String {
            var bytes = Array(part.utf8)
            while let f = bytes.first, f == UInt8(ascii: "$") || f == UInt8(ascii: "@") || f == UInt8(ascii: "&")
                || f == UInt8(ascii: "*") || f == dash || f == UInt8(ascii: ":") || f == UInt8(ascii: "!")
            { bytes.removeFirst() }
            while let l = bytes.last, l == UInt8(ascii: "?") || l == UInt8(ascii: "!") || l == UInt8(ascii: "*") || l == dash {
                bytes.removeLast()
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Whether the key at `start` follows only `export`, `set`, `setenv`, `SetEnv` or `env` on its line.
        func isAfterExportKeyword(_ start: Int, _ ls: Int) -> Bool {
            let first = skipBlanks(ls, start)
            var i = first
            while i < start && ASCII.isLetter(at(i)) { i += 1 }
            guard i > first, skipBlanks(i, start) == start else { return false }
            return ["export", "set", "setenv", "env", "declare"].contains(text(first..<i).lowercased())
        }

        // MARK: Enclosing structure

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
                        if let label = indentationParent(ls, segmentEnd) {
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
                return endsWithDo(ls, e) != nil
            }
        }

        /// For a line ending in `do` or `do |x|`: the offset of `do`.
        func endsWithDo(_ ls: Int, _ e: Int) -> Int? {
            var i = e
            if at(i - 1) == UInt8(ascii: "|") {
                i -= 1
                while i > ls && at(i - 1) != UInt8(ascii: "|") { i -= 1 }
                guard i > ls else { return nil }
                i = skipBlanksBack(i - 1, ls)
            }
            guard i - 2 >= ls, at(i - 2) == UInt8(ascii: "d"), at(i - 1) == UInt8(ascii: "o"),
                  i - 2 == ls || ASCII.isBlank(at(i - 3))
            else { return nil }
            return i - 2
        }

        /// The name a lower-indented line gives to what follows it: `sirportly:` (YAML),
        /// `"sirportly":` , `class SirportlyConfig:` (Python), `Sirportly.configure do |config|` (Ruby).
        func indentationParent(_ ls: Int, _ le: Int) -> String? {
            var e = skipBlanksBack(le, ls)
            // Drop a trailing YAML comment, anchor or block indicator.
            var i = ls
            var quote: UInt8 = 0
            while i < e {
                let b = at(i)
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == quoteDouble || b == quoteSingle {
                    quote = b
                } else if b == hash && i > ls && ASCII.isBlank(at(i - 1)) {
                    e = skipBlanksBack(i, ls)
                    break
                }
                i += 1
            }
            if let d = endsWithDo(ls, e) {
                let end = skipBlanksBack(d, ls)
                return calleeName(before: end, allowEmptyArgs: true)
            }
            var tail = e
            while tail > ls && (at(tail - 1) == UInt8(ascii: "|") || at(tail - 1) == greater || at(tail - 1) == dash
                || at(tail - 1) == UInt8(ascii: "+"))
            { tail = skipBlanksBack(tail - 1, ls) }
            if tail < e {
                e = tail
            } else {
                // `key: &anchor` / `key: !!tag`
                var w = e
                while w > ls && !ASCII.isBlank(at(w - 1)) { w -= 1 }
                if w > ls, at(w) == UInt8(ascii: "&") || at(w) == UInt8(ascii: "!") {
                    e = skipBlanksBack(w, ls)
                }
            }
            guard e > ls, at(e - 1) == colon, at(e - 2) != colon else { return nil }
            var keyEnd = skipBlanksBack(e - 1, ls)
            // `class SirportlyConfig(Base):` / `def sirportly_client():`
            if at(keyEnd - 1) == closeParen {
                var depth = 0
                var j = keyEnd - 1
                while j >= ls {
                    if at(j) == closeParen { depth += 1 } else if at(j) == openParen {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    j -= 1
                }
                guard j >= ls else { return nil }
                keyEnd = skipBlanksBack(j, ls)
            }
            guard let key = readKey(endingAt: keyEnd, lineStart: ls) else { return nil }
            let name = key.parts.joined(separator: ".")
            if Self.blockKeywords.contains(name.lowercased()) { return nil }
            return name
        }

        static let blockKeywords: Set<String> = ["else", "try", "finally", "except", "default", "do", "then"]

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

        /// The name labelling a `{`/`[` (or a container call) at `opener`: `"sirportly": {`,
        /// `sirportly: {`, `'sirportly' => [`, `$config = [`, `SIRPORTLY = {`, `sirportly.Config{`.
        func label(before opener: Int) -> [String]? {
            let ls = lineStart(of: opener)
            var p = skipBlanksBack(opener, ls)
            guard p > ls else { return nil }
            let c = at(p - 1)
            if c == greater && at(p - 2) == equals {
                p -= 2
            } else if c == colon && at(p - 2) != colon {
                p -= 1
            } else if c == equals {
                p -= 1
                while p > ls && (at(p - 1) == colon || at(p - 1) == UInt8(ascii: "|") || at(p - 1) == UInt8(ascii: "?")) { p -= 1 }
            } else if ASCII.isQuote(c) && at(opener) == openBrace {
                // HCL blocks: `variable "sirportly_token" {`, `provider "sirportly" {`
                guard let key = readKey(endingAt: p, lineStart: ls), let last = key.parts.last else { return nil }
                return [last]
            } else if ASCII.isChainByte(c) && at(opener) == openBrace {
                // `sirportly.Config{`, `Sirportly.configure {`, `class Sirportly {`
                guard let key = readKey(endingAt: p, lineStart: ls) else { return nil }
                let name = key.parts.joined(separator: ".")
                return Self.notCallees.contains(name.lowercased()) || Self.blockKeywords.contains(name.lowercased()) ? nil : [name]
            } else {
                return nil
            }
            p = skipBlanksBack(p, ls)
            guard p > ls, var key = readKey(endingAt: p, lineStart: ls) else { return nil }
            if key.parts.count == 1, Self.typeNames.contains(key.parts[0].lowercased()) {
                var q = skipBlanksBack(key.start, ls)
                if at(q - 1) == colon { q = skipBlanksBack(q - 1, ls) }
                if let named = readKey(endingAt: q, lineStart: ls) { key = named }
            }
            return key.parts
        }

        /// Offset where the callee name before `(` at `paren` starts.
        func nameStart(before paren: Int) -> Int {
            var p = skipBlanksBack(paren, lineStart(of: paren))
            while p > floor && (ASCII.isChainByte(at(p - 1)) || at(p - 1) == dot || at(p - 1) == colon || at(p - 1) == greater) {
                p -= 1
            }
            return p
        }

        /// The function or constructor called by the `(` at `paren`, as written (`Sirportly::Client.new`,
        /// `req.Header.Set`, `SirportlyClient` for `new SirportlyClient(`), or nil for a grouping
        /// parenthesis or a control-flow keyword.
        func calleeName(before paren: Int, allowEmptyArgs: Bool = false) -> String? {
            let ls = lineStart(of: paren)
            var end = skipBlanksBack(paren, ls)
            // `Sirportly.configure() do |c|`
            if allowEmptyArgs && at(end - 1) == closeParen {
                var j = end - 1
                while j > ls && at(j) != openParen { j -= 1 }
                end = skipBlanksBack(j, ls)
            }
            var p = end
            while p > ls {
                let b = at(p - 1)
                if ASCII.isChainByte(b) || b == dot || b == backslash {
                    p -= 1
                } else if b == colon && at(p - 2) == colon {
                    p -= 2
                } else if b == greater && at(p - 2) == dash {
                    p -= 2
                } else {
                    break
                }
            }
            var bytes = Array(UnsafeRawBufferPointer(rebasing: buffer[max(p, floor)..<max(end, max(p, floor))]))
            while let f = bytes.first, f == dot || f == UInt8(ascii: "$") || f == UInt8(ascii: "@") || f == UInt8(ascii: "&")
                || f == UInt8(ascii: "!") || f == dash || f == UInt8(ascii: "*")
            { bytes.removeFirst() }
            while let l = bytes.last, l == UInt8(ascii: "?") || l == UInt8(ascii: "!") || l == dot { bytes.removeLast() }
            guard let first = bytes.first, ASCII.isLetter(first) || first == UInt8(ascii: "_") else { return nil }
            let name = String(decoding: bytes, as: UTF8.self)
            if Self.notCallees.contains(name.lowercased()) { return nil }
            return name
        }

        /// Counts the top-level commas between `start` (just after an opener) and the value: the
        /// value's argument index. Also returns the previous argument when it is a quoted name
        /// (`"X-Auth-Token"`), which then names the value.
        func scanArguments(from start: Int) -> (index: Int, previousNameLiteral: String?) {
            var depth = 0
            var commas = 0
            var argStart = start
            var previous: Range<Int>?
            var quote: UInt8 = 0
            var i = start
            while i < value.lowerBound {
                let b = buffer[i]
                if quote != 0 {
                    if b == backslash { i += 2; continue }
                    if b == quote || b == newline { quote = 0 }
                } else {
                    switch b {
                    case quoteDouble, quoteSingle, UInt8(ascii: "`"):
                        quote = b
                    case openParen, openBracket, openBrace:
                        depth += 1
                    case closeParen, closeBracket, closeBrace:
                        depth -= 1
                    case comma where depth == 0:
                        commas += 1
                        previous = argStart..<i
                        argStart = i + 1
                    default:
                        break
                    }
                }
                i += 1
            }
            guard let previous else { return (commas, nil) }
            return (commas, nameLiteral(previous))
        }

        /// The content of a quoted literal spanning `range` (blanks and newlines trimmed) when it
        /// looks like a name: starts with a letter or `_`, only name bytes and dots, at most 64
        /// bytes, and not all hex digits and dashes (so a token is never the key of the next token).
        func nameLiteral(_ range: Range<Int>) -> String? {
            var lo = range.lowerBound, hi = range.upperBound
            while lo < hi && (ASCII.isBlank(buffer[lo]) || ASCII.isNewline(buffer[lo])) { lo += 1 }
            while hi > lo && (ASCII.isBlank(buffer[hi - 1]) || ASCII.isNewline(buffer[hi - 1])) { hi -= 1 }
            // Ruby symbols and bare constants are not names of the value: only quoted literals.
            guard hi - lo >= 3, ASCII.isQuote(buffer[lo]), buffer[hi - 1] == buffer[lo] else { return nil }
            lo += 1
            hi -= 1
            guard hi - lo <= 64, ASCII.isLetter(buffer[lo]) || buffer[lo] == UInt8(ascii: "_") else { return nil }
            var allHex = true
            for i in lo..<hi {
                let b = buffer[i]
                guard ASCII.isNameByte(b) || b == dot else { return nil }
                if !(ASCII.isDigit(b) || b == dash || (ASCII.lower(b) >= 0x61 && ASCII.lower(b) <= 0x66)) { allHex = false }
            }
            return allHex ? nil : text(lo..<hi)
        }

        /// `setValue(v, forHTTPHeaderField: "X-Auth-Token")`, `set(v, forKey: "sirportlyToken")`:
        /// the quoted name after a `for…:` label following the value.
        func labelledNameAfterValue() -> String? {
            var i = value.upperBound
            if ASCII.isQuote(at(i)) { i += 1 }
            i = skipBlanks(i, ceiling)
            guard at(i) == comma else { return nil }
            i += 1
            while i < ceiling && (ASCII.isBlank(at(i)) || ASCII.isNewline(at(i))) { i += 1 }
            guard at(i) == UInt8(ascii: "f"), at(i + 1) == UInt8(ascii: "o"), at(i + 2) == UInt8(ascii: "r") else { return nil }
            while i < ceiling && ASCII.isNameByte(at(i)) { i += 1 }
            guard at(i) == colon else { return nil }
            i = skipBlanks(i + 1, ceiling)
            let q = at(i)
            guard ASCII.isQuote(q) else { return nil }
            var j = i + 1
            while j < ceiling && at(j) != q && !ASCII.isNewline(at(j)) { j += 1 }
            guard at(j) == q, j > i + 1 else { return nil }
            return text(i + 1..<j)
        }

        /// Whether the value's line is a YAML list item (`- v`).
        func isListItem(_ ls: Int) -> Bool {
            let i = skipBlanks(ls, value.lowerBound)
            return at(i) == dash && ASCII.isBlank(at(i + 1))
        }

        // MARK: SQL rows

        /// For a value in a row of `INSERT INTO table (col, …) VALUES (…), (…)`: the table and the
        /// value's column. The row's `(` is at `rowOpener`; the statement is searched back to its
        /// `VALUES` keyword (not past a `;`).
        func sqlColumn(rowOpener: Int) -> (table: String?, column: String)? {
            // Find `VALUES` before the row, skipping earlier rows of the same statement.
            var i = rowOpener
            var found = -1
            while i - 6 >= floor {
                let b = at(i - 1)
                if b == semicolon { return nil }
                if ASCII.lower(b) == UInt8(ascii: "s"), !ASCII.isNameByte(at(i)),
                   ASCII.lower(at(i - 6)) == UInt8(ascii: "v"), !ASCII.isNameByte(at(i - 7)),
                   text(i - 6..<i).lowercased() == "values"
                {
                    found = i - 6
                    break
                }
                i -= 1
            }
            guard found >= 0 else { return nil }
            var e = found
            while e > floor && (ASCII.isBlank(at(e - 1)) || ASCII.isNewline(at(e - 1))) { e -= 1 }
            guard at(e - 1) == closeParen else { return nil }
            var open = e - 2
            while open >= floor && at(open) != openParen && at(open) != closeParen { open -= 1 }
            guard open >= floor, at(open) == openParen else { return nil }
            var columns: [String] = []
            for raw in text(open + 1..<e - 1).split(separator: ",", omittingEmptySubsequences: false) {
                let name = raw.unicodeScalars.filter { !" \t\r\n\"'`[]".unicodeScalars.contains($0) }
                columns.append(String(String.UnicodeScalarView(name)))
            }
            let index = scanArguments(from: rowOpener + 1).index
            guard index < columns.count, !columns[index].isEmpty else { return nil }
            let ls = lineStart(of: open)
            var tableEnd = skipBlanksBack(open, ls)
            if ASCII.isQuote(at(tableEnd - 1)) || at(tableEnd - 1) == closeBracket { tableEnd -= 1 }
            var tableStart = tableEnd
            while tableStart > ls && (ASCII.isNameByte(at(tableStart - 1)) || at(tableStart - 1) == dot) { tableStart -= 1 }
            let table = tableStart < tableEnd ? text(tableStart..<tableEnd) : nil
            return (table, columns[index])
        }

        // MARK: Tables

        /// Field separators of delimited tables.
        static let tableSeparators: [UInt8] = [comma, UInt8(ascii: "\t"), semicolon, UInt8(ascii: "|")]

        /// For a value that is a whole cell of a delimited table (CSV, TSV, Markdown): the name in
        /// its column of the header row. The header is the nearest line above with the same number
        /// of separators whose cells are all names; every line in between must have that number too.
        func tableColumn(valueLineStart ls: Int) -> String? {
            // Spaces pad cells; a tab is a separator.
            var before = value.lowerBound
            if ASCII.isQuote(at(before - 1)) { before -= 1 }
            while before > ls && at(before - 1) == 0x20 { before -= 1 }
            var after = value.upperBound
            if ASCII.isQuote(at(after)) { after += 1 }
            while after < ceiling && at(after) == 0x20 { after += 1 }
            let le = lineEnd(of: value.lowerBound)
            let separator: UInt8
            if before > ls, Self.tableSeparators.contains(at(before - 1)) {
                separator = at(before - 1)
            } else if before == ls, after < le, Self.tableSeparators.contains(at(after)) {
                separator = at(after)
            } else {
                return nil
            }
            guard after >= le || at(after) == separator else { return nil }
            let cells = tableCells(ls..<le, separator: separator)
            guard cells.count >= 2, let column = cells.firstIndex(where: { $0.contains(value.lowerBound) || $0.upperBound == before || $0.lowerBound == before }) else {
                return nil
            }
            var lineStartAbove = ls
            for _ in 0..<ContextAnalyzer.maxLinesBack {
                guard lineStartAbove > floor else { return nil }
                var prevEnd = lineStartAbove - 1
                if at(prevEnd - 1) == carriageReturn { prevEnd -= 1 }
                lineStartAbove = lineStart(of: prevEnd)
                let row = tableCells(lineStartAbove..<prevEnd, separator: separator)
                guard row.count == cells.count else { return nil }
                let names = row.map { cellName($0) }
                if names.allSatisfy({ $0 != nil }), let name = names[column] { return name }
            }
            return nil
        }

        /// The cells of one delimited line (quoted cells may contain the separator).
        func tableCells(_ line: Range<Int>, separator: UInt8) -> [Range<Int>] {
            var cells: [Range<Int>] = []
            var start = line.lowerBound
            var quote: UInt8 = 0
            var i = line.lowerBound
            while i < line.upperBound {
                let b = buffer[i]
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == quoteDouble {
                    quote = b
                } else if b == separator {
                    cells.append(start..<i)
                    start = i + 1
                }
                i += 1
            }
            cells.append(start..<line.upperBound)
            return cells
        }

        /// The cell's text when it is a column name (letters, digits, `_`, `-`, `.`, spaces; starting
        /// with a letter or `_`), else nil. An empty cell (Markdown's outer `|`) counts as a name "".
        func cellName(_ cell: Range<Int>) -> String? {
            var lo = skipBlanks(cell.lowerBound, cell.upperBound)
            var hi = skipBlanksBack(cell.upperBound, lo)
            if hi - lo >= 2, ASCII.isQuote(at(lo)), at(hi - 1) == at(lo) {
                lo += 1
                hi -= 1
            }
            if lo == hi { return "" }
            guard hi - lo <= 40, ASCII.isLetter(at(lo)) || at(lo) == UInt8(ascii: "_") else { return nil }
            var allHex = true
            for i in lo..<hi {
                let b = at(i)
                guard ASCII.isNameByte(b) || b == dot || b == 0x20 else { return nil }
                if !(ASCII.isDigit(b) || b == dash || (ASCII.lower(b) >= 0x61 && ASCII.lower(b) <= 0x66)) { allHex = false }
            }
            // A data cell such as a token is not a column name.
            return allHex && hi - lo > 8 ? nil : text(lo..<hi)
        }

        // MARK: Name/value records

        /// For a value written as `value`, the name in the same record: HAR/Postman
        /// `{"name": "X-Auth-Token", "value": v}`, Kubernetes `- name: SIRPORTLY_TOKEN` / `value: v`,
        /// `.NET` `<add key="SirportlyToken" value="v"/>`.
        func siblingName(valueLineStart: Int, enclosers: [Opener], keyStart: Int) -> String? {
            var region: Range<Int>
            if let opener = enclosers.first, opener.kind == openBrace || opener.kind == less {
                let close = opener.kind == openBrace ? matchingClose(from: opener.position) : tagEnd(from: opener.position)
                region = opener.position + 1..<close
            } else {
                region = yamlRecord(valueLineStart: valueLineStart)
            }
            region = max(region.lowerBound, floor)..<min(region.upperBound, ceiling)
            return nameField(in: region, excluding: keyStart..<value.upperBound)
        }

        /// Offset of the `}` matching the `{` at `open` (or the end of the reachable bytes).
        func matchingClose(from open: Int) -> Int {
            var depth = 0
            var quote: UInt8 = 0
            var i = open
            while i < ceiling {
                let b = buffer[i]
                if quote != 0 {
                    if b == backslash { i += 2; continue }
                    if b == quote || b == newline { quote = 0 }
                } else if b == quoteDouble || b == quoteSingle {
                    quote = b
                } else if b == openBrace || b == openBracket {
                    depth += 1
                } else if b == closeBrace || b == closeBracket {
                    depth -= 1
                    if depth == 0 { return i }
                }
                i += 1
            }
            return ceiling
        }

        /// Offset of the `>` ending the tag that starts at `lt`.
        func tagEnd(from lt: Int) -> Int {
            var i = lt
            var quote: UInt8 = 0
            while i < ceiling {
                let b = buffer[i]
                if quote != 0 { if b == quote { quote = 0 } } else if b == quoteDouble || b == quoteSingle { quote = b } else if b == greater { return i }
                i += 1
            }
            return ceiling
        }

        /// The lines of the YAML mapping holding the value's line: same content indentation, from the
        /// list item (`- `) that starts the record to the next one.
        func yamlRecord(valueLineStart: Int) -> Range<Int> {
            let valueLineEnd = lineEnd(of: valueLineStart)
            let indent = contentIndent(valueLineStart, valueLineEnd)
            var start = valueLineStart
            var end = valueLineEnd
            if !isListItem(valueLineStart) {
                var ls = valueLineStart
                for _ in 0..<10 {
                    guard ls > floor else { break }
                    let prevStart = lineStart(of: ls - 1)
                    let prevEnd = lineEnd(of: prevStart)
                    guard contentIndent(prevStart, prevEnd) == indent else { break }
                    start = prevStart
                    ls = prevStart
                    let first = skipBlanks(prevStart, prevEnd)
                    if at(first) == dash && ASCII.isBlank(at(first + 1)) { break }
                }
            }
            var le = valueLineEnd
            for _ in 0..<10 {
                guard le + 1 < ceiling else { break }
                let nextStart = le + (at(le) == carriageReturn ? 2 : 1)
                let nextEnd = lineEnd(of: nextStart)
                let first = skipBlanks(nextStart, nextEnd)
                guard contentIndent(nextStart, nextEnd) == indent, !(at(first) == dash && ASCII.isBlank(at(first + 1))) else { break }
                end = nextEnd
                le = nextEnd
            }
            return start..<end
        }

        /// The first `name`/`key`/`header` field in `region` outside `excluded`, with its value:
        /// `"name": "X"`, `name: X`, `key="X"`, `'name' => 'X'`, `name = "X"`.
        func nameField(in region: Range<Int>, excluding excluded: Range<Int>, names: [[UInt8]] = nameKeys) -> String? {
            var i = region.lowerBound
            while i < region.upperBound {
                if excluded.contains(i) { i = excluded.upperBound; continue }
                let b = at(i)
                guard ASCII.isLetter(b), !ASCII.isNameByte(at(i - 1)) else { i += 1; continue }
                var j = i
                while j < region.upperBound && ASCII.isNameByte(at(j)) { j += 1 }
                let word = UnsafeRawBufferPointer(rebasing: buffer[i..<j])
                let isNameKey = names.contains { name in
                    name.count == word.count && zip(name, word).allSatisfy { $0 == ASCII.lower($1) }
                }
                guard isNameKey else { i = j; continue }
                var k = j
                if ASCII.isQuote(at(k)) { k += 1 }
                k = skipBlanks(k, region.upperBound)
                if at(k) == equals && at(k + 1) == greater { k += 2 } else if at(k) == colon || at(k) == equals { k += 1 } else { i = j; continue }
                k = skipBlanks(k, region.upperBound)
                let q = at(k)
                if ASCII.isQuote(q) {
                    var e = k + 1
                    while e < region.upperBound && at(e) != q && !ASCII.isNewline(at(e)) { e += 1 }
                    if at(e) == q && e > k + 1 { return text(k + 1..<e) }
                } else {
                    var e = k
                    while e < region.upperBound && (ASCII.isNameByte(at(e)) || at(e) == dot) { e += 1 }
                    if e > k { return text(k..<e) }
                }
                i = j
            }
            return nil
        }

        // MARK: INI / TOML sections

        /// The `[section]` (INI, TOML, git config) above a `key = v` line, split into parts:
        /// `[sirportly]` → ["sirportly"], `[services.sirportly]` → ["services", "sirportly"],
        /// `[remote "sirportly"]` → ["remote", "sirportly"]. Walks back only over lines that look
        /// like settings, comments or blanks.
        func iniSection(above valueLineStart: Int) -> [String] {
            var ls = valueLineStart
            for _ in 0..<ContextAnalyzer.maxLinesBack {
                guard ls > floor else { return [] }
                var le = ls - 1
                if at(le - 1) == carriageReturn { le -= 1 }
                ls = lineStart(of: le)
                if isBlankOrComment(ls, le) { continue }
                let first = skipBlanks(ls, le)
                let last = skipBlanksBack(le, first)
                if at(first) == openBracket && at(last - 1) == closeBracket {
                    var lo = first, hi = last
                    while at(lo) == openBracket && lo < hi { lo += 1 }
                    while at(hi - 1) == closeBracket && hi > lo { hi -= 1 }
                    var parts: [String] = []
                    var current: [UInt8] = []
                    for i in lo..<hi {
                        let b = buffer[i]
                        if b == dot || ASCII.isBlank(b) {
                            if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
                            current.removeAll()
                        } else if !ASCII.isQuote(b) {
                            current.append(b)
                        }
                    }
                    if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
                    return parts
                }
                // A setting line: `name = …`, `name: …`, `name=…`.
                var i = first
                while i < le && (ASCII.isNameByte(at(i)) || at(i) == dot) { i += 1 }
                guard i > first else { return [] }
                i = skipBlanks(i, le)
                guard at(i) == equals || at(i) == colon else { return [] }
            }
            return []
        }
    }
}

fileprivate extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let bytes = Array(utf8)
        var lo = 0, hi = bytes.count
        while lo < hi && (bytes[lo] == 0x20 || bytes[lo] == 0x09) { lo += 1 }
        while hi > lo && (bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09) { hi -= 1 }
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}
