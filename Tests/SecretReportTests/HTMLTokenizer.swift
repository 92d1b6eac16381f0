/// A small HTML tokenizer for the report tests, following the HTML standard's tokenization for
/// what the report can contain: the doctype, comments, start and end tags with double-, single- or
/// un-quoted attributes, raw-text elements (`script`, `style`: their content ends only at the
/// matching end tag) and escapable raw text (`title`, `textarea`), and text with character
/// references. It answers the question a browser would: which elements and attributes does this
/// page have, and what text?
struct HTMLTokenizer {
    struct Element: Equatable {
        var name: String
        var attributes: [(name: String, value: String)]
        /// Content of a raw-text element (`script`, `style`), as written.
        var rawText: String?

        static func == (a: Element, b: Element) -> Bool {
            a.name == b.name && a.rawText == b.rawText
                && a.attributes.map(\.name) == b.attributes.map(\.name) && a.attributes.map(\.value) == b.attributes.map(\.value)
        }

        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    private(set) var elements: [Element] = []
    /// Every text node, character references decoded.
    private(set) var texts: [String] = []
    private(set) var comments: [String] = []

    init(_ html: String) {
        let s = Array(html.unicodeScalars)
        var i = 0
        var text = ""
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }
        func starts(_ prefix: String, at index: Int, caseless: Bool = false) -> Bool {
            let p = Array(prefix.unicodeScalars)
            guard index + p.count <= s.count else { return false }
            for k in 0..<p.count {
                let a = caseless ? Character(s[index + k]).lowercased() : String(s[index + k])
                if a != String(p[k]) { return false }
            }
            return true
        }
        func flushText() {
            if !text.isEmpty { texts.append(Self.decode(text)) }
            text = ""
        }
        while i < s.count {
            let c = s[i]
            guard c == "<" else { text.unicodeScalars.append(c); i += 1; continue }
            if starts("<!--", at: i) {
                flushText()
                var j = i + 4
                while j < s.count && !starts("-->", at: j) { j += 1 }
                comments.append(String(String.UnicodeScalarView(s[(i + 4)..<min(j, s.count)])))
                i = min(s.count, j + 3)
            } else if i + 1 < s.count && (s[i + 1] == "!" || s[i + 1] == "?") {
                flushText()
                while i < s.count && s[i] != ">" { i += 1 }
                i += 1
            } else if i + 2 < s.count && s[i + 1] == "/" && isLetter(s[i + 2]) {
                flushText()
                while i < s.count && s[i] != ">" { i += 1 }
                i += 1
            } else if i + 1 < s.count && isLetter(s[i + 1]) {
                flushText()
                var j = i + 1
                var name = ""
                while j < s.count && !isSpace(s[j]) && s[j] != "/" && s[j] != ">" { name += String(s[j]).lowercased(); j += 1 }
                var attributes: [(String, String)] = []
                while j < s.count {
                    while j < s.count && (isSpace(s[j]) || s[j] == "/") { j += 1 }
                    if j >= s.count || s[j] == ">" { j += 1; break }
                    var attr = String(s[j]).lowercased()
                    j += 1
                    while j < s.count && !isSpace(s[j]) && s[j] != "/" && s[j] != ">" && s[j] != "=" { attr += String(s[j]).lowercased(); j += 1 }
                    while j < s.count && isSpace(s[j]) { j += 1 }
                    var value = ""
                    if j < s.count && s[j] == "=" {
                        j += 1
                        while j < s.count && isSpace(s[j]) { j += 1 }
                        if j < s.count && (s[j] == "\"" || s[j] == "'") {
                            let quote = s[j]
                            j += 1
                            while j < s.count && s[j] != quote { value.unicodeScalars.append(s[j]); j += 1 }
                            j += 1
                        } else {
                            while j < s.count && !isSpace(s[j]) && s[j] != ">" { value.unicodeScalars.append(s[j]); j += 1 }
                        }
                    }
                    attributes.append((attr, Self.decode(value)))
                }
                var element = Element(name: name, attributes: attributes, rawText: nil)
                if ["script", "style", "title", "textarea"].contains(name) {
                    var k = j
                    while k < s.count && !starts("</" + name, at: k, caseless: true) { k += 1 }
                    let raw = String(String.UnicodeScalarView(s[j..<min(k, s.count)]))
                    if name == "script" || name == "style" { element.rawText = raw } else { texts.append(Self.decode(raw)) }
                    while k < s.count && s[k] != ">" { k += 1 }
                    j = k + 1
                }
                elements.append(element)
                i = j
            } else {
                text.unicodeScalars.append(c)
                i += 1
            }
        }
        flushText()
    }

    /// Text with the character references the report writes decoded (named ones it uses, and
    /// decimal and hex numeric references).
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let name = after[after.index(after: amp)..<semi]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let value = named[String(name)] {
                out += value
            } else if name.hasPrefix("#x"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
                out.unicodeScalars.append(u)
            } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) {
                out.unicodeScalars.append(u)
            } else {
                out += after[amp...semi]
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}
