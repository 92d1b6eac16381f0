/// Delimited tables (CSV, TSV, Markdown): the header row's name of the value's column.
struct TableReader: ContextReading {
    let window: ContextWindow

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
            // Checked without making strings: most rows above a value are data rows, and one
            // non-name cell settles it (a string per cell per row was most of a CSV's scan).
            if row.allSatisfy({ nameBounds($0) != nil }) { return cellName(row[column]) }
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
        nameBounds(cell).map(text)
    }

    /// The bytes of the cell's column name (`cellName`), quotes and padding left out, or nil.
    func nameBounds(_ cell: Range<Int>) -> Range<Int>? {
        var lo = skipBlanks(cell.lowerBound, cell.upperBound)
        var hi = skipBlanksBack(cell.upperBound, lo)
        if hi - lo >= 2, ASCII.isQuote(at(lo)), at(hi - 1) == at(lo) {
            lo += 1
            hi -= 1
        }
        if lo == hi { return lo..<lo }
        guard hi - lo <= 40, ASCII.isLetter(at(lo)) || at(lo) == UInt8(ascii: "_") else { return nil }
        var allHex = true
        for i in lo..<hi {
            let b = at(i)
            guard ASCII.isNameByte(b) || b == dot || b == 0x20 else { return nil }
            if !(ASCII.isDigit(b) || b == dash || (ASCII.lower(b) >= 0x61 && ASCII.lower(b) <= 0x66)) { allHex = false }
        }
        // A data cell such as a token is not a column name.
        return allHex && hi - lo > 8 ? nil : lo..<hi
    }
}
