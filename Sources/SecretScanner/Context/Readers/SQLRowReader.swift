/// SQL: the column (and table) of a value in a row of `INSERT INTO t (col, …) VALUES (…), (…)`.
struct SQLRowReader: ContextReading {
    let window: ContextWindow

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
        let index = CallReader(window: window).scanArguments(from: rowOpener + 1).index
        guard index < columns.count, !columns[index].isEmpty else { return nil }
        let ls = lineStart(of: open)
        var tableEnd = skipBlanksBack(open, ls)
        if ASCII.isQuote(at(tableEnd - 1)) || at(tableEnd - 1) == closeBracket { tableEnd -= 1 }
        var tableStart = tableEnd
        while tableStart > ls && (ASCII.isNameByte(at(tableStart - 1)) || at(tableStart - 1) == dot) { tableStart -= 1 }
        let table = tableStart < tableEnd ? text(tableStart..<tableEnd) : nil
        return (table, columns[index])
    }
}
