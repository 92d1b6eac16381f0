/// XML, plist and Android resources: the element whose text is the value (`<token>v</token>`,
/// `<string name="sirportly_token">v</string>`, a plist `<key>…</key>` before `<string>v</string>`)
/// and tag boundaries.
struct XMLReader: ContextReading {
    let window: ContextWindow

    /// Attributes that name an XML element's text: `<string name="…">`, `<entry key="…">`.
    static let elementNameAttributes: [[UInt8]] = ["name", "key"].map { Array($0.utf8) }

    /// `<token>v`: the element name, when `>` at `gt` closes an opening tag on this line.
    func xmlElementKey(closingAt gt: Int, lineStart ls: Int) -> KeyExpression? {
        var i = gt - 1
        while i >= ls && at(i) != less && at(i) != greater { i -= 1 }
        guard i >= ls, at(i) == less, ASCII.isLetter(at(i + 1)), at(gt - 1) != slash else { return nil }
        guard let name = tagName(at: i) else { return nil }
        // `<string name="sirportly_application_token">v</string>`, `<entry key="token">v</entry>`
        if let named = RecordReader(window: window).nameField(in: i + 1..<gt, excluding: gt..<gt, names: Self.elementNameAttributes) {
            return KeyExpression(parts: [named], start: i, form: .xmlElement)
        }
        // plist: `<key>SirportlyApplicationToken</key>` then `<string>v</string>`
        var k = i
        while k > floor && (ASCII.isBlank(at(k - 1)) || ASCII.isNewline(at(k - 1))) { k -= 1 }
        if k - 6 >= floor, text(k - 6..<k) == "</key>" {
            var open = k - 6
            while open > max(floor, k - 262) && at(open - 1) != greater { open -= 1 }
            if open - 5 >= floor, text(open - 5..<open) == "<key>" {
                return KeyExpression(parts: [text(open..<k - 6)], start: i, form: .xmlElement)
            }
        }
        return KeyExpression(parts: [name], start: i, form: .xmlElement)
    }

    /// The name of the tag opening at `lt` (`<sirportly:token attr="…">` → "sirportly:token").
    func tagName(at lt: Int) -> String? {
        var j = lt + 1
        while j < ceiling, ASCII.isNameByte(at(j)) || at(j) == colon || at(j) == dot { j += 1 }
        return j > lt + 1 ? text(lt + 1..<j) : nil
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
}
