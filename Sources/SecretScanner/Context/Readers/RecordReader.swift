/// Name/value records: for a value written under `value`, the name in the same record (HAR and
/// Postman `{"name": "X-Auth-Token", "value": v}`, Kubernetes `- name: X` / `value: v`, .NET
/// `<add key="X" value="v"/>`).
struct RecordReader: ContextReading {
    let window: ContextWindow

    /// Keys that hold the value of a name/value record (HAR, Postman, Kubernetes env, .NET appSettings).
    static let valueKeys: Set<String> = ["value", "val", "default"]

    /// Keys that name a name/value record.
    static let nameKeys: [[UInt8]] = ["name", "key", "header", "headername", "field", "id"].map { Array($0.utf8) }

    /// For a value written as `value`, the name in the same record: HAR/Postman
    /// `{"name": "X-Auth-Token", "value": v}`, Kubernetes `- name: SIRPORTLY_TOKEN` / `value: v`,
    /// `.NET` `<add key="SirportlyToken" value="v"/>`.
    func siblingName(valueLineStart: Int, enclosers: [StructureReader.Opener], keyStart: Int) -> String? {
        var region: Range<Int>
        if let opener = enclosers.first, opener.kind == openBrace || opener.kind == less {
            let close = opener.kind == openBrace ? matchingClose(from: opener.position) : XMLReader(window: window).tagEnd(from: opener.position)
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
}
