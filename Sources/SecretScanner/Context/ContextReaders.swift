/// Combines the syntax readers into one `ValueContext`, in a fixed priority. This is the only
/// place that knows the order; a reader knows only its own syntax.
///
/// Priority (first answer wins for the key; the key path collects every enclosing name):
/// 1. **Embedded value** — a value glued to a longer word names nothing (`ContextWindow.isEmbedded`).
/// 2. **Key on the value's line** (`LineKeyReader`, which hands XML separators to `XMLReader`):
///    `key = v`, `"key": v`, `X-Auth-Token: v`, `--token v`, `<token>v`, `<e key="v">`.
/// 3. **Enclosing structure** (`StructureReader`, named by `BlockLabelReader` and `XMLReader`):
///    unmatched brackets and tags, and indentation parents. A call's `(` gives the callee
///    (`CallReader`) unless it is a container call (`array(…)`), which labels like a bracket.
/// 4. When the line gave no key, the first that applies: inside a call, its previous argument
///    when the call is the innermost structure and that argument is a quoted name (`CallReader`);
///    outside any call, the column of an SQL `VALUES` row (`SQLRowReader`), else the first element
///    of a tuple or list pair (`CallReader`).
/// 5. **Table header** (`TableReader`): outside any bracket, a CSV/TSV/Markdown cell's column name
///    when nothing else named the value or it looked like a tab-separated `word<TAB>value`.
/// 6. **Value-first labelled calls** (`CallReader`): `setValue(v, forHTTPHeaderField: "X")`.
/// 7. **Key path**: the INI/TOML `[section]` above a line-leading key (`INIReader`), then the
///    enclosing labels outermost first, then the leading parts of the key's member chain.
/// 8. **Name/value records** (`RecordReader`): a key `value`/`val`/`default` takes the record's
///    name (`{"name": "X-Auth-Token", "value": v}`) or, failing that, the enclosing name.
/// 9. **Lists under a key**: a value with no key in a list (`tokens:\n  - v`, `X: ["v"]`) takes the
///    list's label as its key.
struct ContextReaders: ContextReading {
    let window: ContextWindow

    func read() -> ValueContext {
        if window.isEmbedded() { return ValueContext() }
        let lines = LineKeyReader(window: window)
        let calls = CallReader(window: window)
        let blocks = BlockLabelReader(window: window)
        let records = RecordReader(window: window)

        let valueLineStart = lineStart(of: value.lowerBound)
        var left = lines.leftKey(lineStart: valueLineStart)
        let xml = left?.form == .xmlElement || left?.form == .xmlAttribute

        let (enclosers, yamlLabels) = StructureReader(window: window).walkStructure(valueLineStart: valueLineStart, xml: xml)

        var labels = yamlLabels
        var callee: String?
        var argumentIndex: Int?
        var calleeOpener: StructureReader.Opener?
        for opener in enclosers {
            // The element whose text is the value is its key, not an enclosing structure.
            if let left, opener.position >= left.start { continue }
            if opener.kind == openParen {
                let name = calls.calleeName(before: opener.position)
                if let name, CallReader.containerCalls.contains(name.lowercased()) {
                    if let label = blocks.label(before: calls.nameStart(before: opener.position)) {
                        labels.append(StructureReader.Label(position: opener.position, parts: label))
                    }
                } else if let name, callee == nil {
                    callee = name
                    calleeOpener = opener
                }
            } else if opener.kind == less {
                if let name = XMLReader(window: window).tagName(at: opener.position) {
                    labels.append(StructureReader.Label(position: opener.position, parts: [name]))
                }
            } else if let label = blocks.label(before: opener.position) {
                labels.append(StructureReader.Label(position: opener.position, parts: label))
            }
        }

        // Argument position, and a key given by the previous argument: `.header("X-Auth-Token", v)`.
        let innermost = enclosers.first { opener in left.map { opener.position < $0.start } ?? true }
        if let opener = calleeOpener {
            let scan = calls.scanArguments(from: opener.position + 1)
            argumentIndex = scan.index
            if left == nil, opener.position == innermost?.position, let key = scan.previousNameLiteral {
                left = KeyExpression(parts: [key], start: value.lowerBound, form: .separated)
            }
        } else if left == nil, let opener = innermost, opener.kind == openParen,
                  let (table, column) = SQLRowReader(window: window).sqlColumn(rowOpener: opener.position)
        {
            // `INSERT INTO t (id, token) VALUES (1, 'v')`: the value's column names it.
            left = KeyExpression(parts: (table.map { [$0] } ?? []) + [column], start: value.lowerBound, form: .separated)
        } else if left == nil, let opener = innermost, opener.kind == openParen || opener.kind == openBracket {
            // A pair in a tuple or list: `("X-Auth-Token", v)`, `['X-Auth-Token', v]`.
            if let key = calls.scanArguments(from: opener.position + 1).previousNameLiteral {
                left = KeyExpression(parts: [key], start: value.lowerBound, form: .separated)
            }
        }

        // A CSV/TSV/Markdown table cell: the header row names its column.
        // (A tab-separated cell also looks like `word<TAB>value`; the header wins.)
        if left == nil || (left?.form == .spaced && at(skipBlanksBack(value.lowerBound, valueLineStart)) == UInt8(ascii: "\t")),
           innermost == nil, let column = TableReader(window: window).tableColumn(valueLineStart: valueLineStart)
        {
            left = KeyExpression(parts: [column], start: value.lowerBound, form: .separated)
        }

        // Swift puts the value first: `setValue(v, forHTTPHeaderField: "X-Auth-Token")`.
        if left == nil, let key = calls.labelledNameAfterValue() {
            left = KeyExpression(parts: [key], start: value.lowerBound, form: .separated)
        }

        labels.sort { $0.position < $1.position }
        var keyPath: [String] = []
        if let left, left.form == .separated || left.form == .spaced, isLineStart(valueLineStart),
           left.start == skipBlanks(valueLineStart, value.lowerBound) || lines.isAfterExportKeyword(left.start, valueLineStart)
        {
            keyPath += INIReader(window: window).iniSection(above: valueLineStart)
        }
        for label in labels { keyPath += label.parts }

        var key: String?
        if let left {
            let parts = left.parts
            key = parts.last
            keyPath += parts.dropLast()
            // `{"name": "X-Auth-Token", "value": v}`, `- name: SIRPORTLY_TOKEN` / `value: v`.
            if let k = key, RecordReader.valueKeys.contains(k.lowercased()) {
                if let sibling = records.siblingName(
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
}
