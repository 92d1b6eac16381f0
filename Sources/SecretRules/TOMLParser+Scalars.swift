// Strings (basic, literal, multi-line, escapes) and numbers for `TOMLParser` (TOMLParser.swift).

extension TOMLParser {
    // MARK: strings

    mutating func parseBasicString() throws(TOMLError) -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard let b = peek else { throw TOMLError("unterminated string: expected '\"' before the end of file", at: positionOfOffset(open)) }
            switch b {
            case 0x22:
                i += 1
                return String(decoding: out, as: UTF8.self)
            case 0x5C:
                try parseEscape(into: &out)
            case 0x0A, 0x0D:
                throw error("unterminated string: a \"basic\" string must end on the line it starts; use \"\"\" for multi-line text")
            default:
                if (b < 0x20 && b != 0x09) || b == 0x7F {
                    throw error("control character \(describe(b)) must be escaped in a string")
                }
                out.append(b)
                i += 1
            }
        }
    }

    mutating func parseLiteralString() throws(TOMLError) -> String {
        let open = i
        i += 1
        let start = i
        while true {
            guard let b = peek else { throw TOMLError("unterminated literal string: expected \"'\" before the end of file", at: positionOfOffset(open)) }
            if b == 0x27 {
                let s = String(decoding: bytes[start..<i], as: UTF8.self)
                i += 1
                return s
            }
            if b == 0x0A || b == 0x0D {
                throw error("unterminated literal string: a 'literal' string must end on the line it starts; use ''' for multi-line text")
            }
            if (b < 0x20 && b != 0x09) || b == 0x7F {
                throw error("control character \(describe(b)) is not allowed in a literal string")
            }
            i += 1
        }
    }

    mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        let open = i
        i += 3
        _ = try consumeNewline()  // a newline right after the opening delimiter is trimmed
        var out: [UInt8] = []
        while true {
            guard let b = peek else { throw TOMLError("unterminated multi-line string: expected '\"\"\"' before the end of file", at: positionOfOffset(open)) }
            if b == 0x22 && peek(1) == 0x22 && peek(2) == 0x22 {
                // Up to two quotes may directly precede the closing delimiter.
                var run = 3
                while peek(run) == 0x22 { run += 1 }
                guard run <= 5 else { throw error("too many quotes: at most two '\"' may come right before the closing '\"\"\"'") }
                out.append(contentsOf: repeatElement(0x22, count: run - 3))
                i += run
                return String(decoding: out, as: UTF8.self)
            }
            if b == 0x5C {
                // A line-ending backslash trims the newline and all whitespace that follows.
                var k = i + 1
                while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
                if k < bytes.count, bytes[k] == 0x0A || (bytes[k] == 0x0D && k + 1 < bytes.count && bytes[k + 1] == 0x0A) {
                    i = k
                    while true {
                        skipSpaces()
                        if try !consumeNewline() { break }
                    }
                    continue
                }
                try parseEscape(into: &out)
                continue
            }
            if b == 0x0A || b == 0x0D {
                _ = try consumeNewline()
                out.append(0x0A)
                continue
            }
            if (b < 0x20 && b != 0x09) || b == 0x7F {
                throw error("control character \(describe(b)) must be escaped in a string")
            }
            out.append(b)
            i += 1
        }
    }

    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        let open = i
        i += 3
        _ = try consumeNewline()
        var out: [UInt8] = []
        while true {
            guard let b = peek else { throw TOMLError("unterminated multi-line literal string: expected \"'''\" before the end of file", at: positionOfOffset(open)) }
            if b == 0x27 && peek(1) == 0x27 && peek(2) == 0x27 {
                var run = 3
                while peek(run) == 0x27 { run += 1 }
                guard run <= 5 else { throw error("too many quotes: at most two \"'\" may come right before the closing \"'''\"") }
                out.append(contentsOf: repeatElement(0x27, count: run - 3))
                i += run
                return String(decoding: out, as: UTF8.self)
            }
            if b == 0x0A || b == 0x0D {
                _ = try consumeNewline()
                out.append(0x0A)
                continue
            }
            if (b < 0x20 && b != 0x09) || b == 0x7F {
                throw error("control character \(describe(b)) is not allowed in a literal string")
            }
            out.append(b)
            i += 1
        }
    }

    /// An escape sequence at the cursor (which is on the backslash).
    mutating func parseEscape(into out: inout [UInt8]) throws(TOMLError) {
        let start = i
        i += 1
        guard let e = peek else { throw error("unterminated escape sequence at the end of file") }
        i += 1
        switch e {
        case 0x62: out.append(0x08)  // \b
        case 0x74: out.append(0x09)  // \t
        case 0x6E: out.append(0x0A)  // \n
        case 0x66: out.append(0x0C)  // \f
        case 0x72: out.append(0x0D)  // \r
        case 0x65: out.append(0x1B)  // \e (TOML 1.1)
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x78: try appendScalar(hexDigits: 2, escapeStart: start, into: &out)  // \xHH (TOML 1.1)
        case 0x75: try appendScalar(hexDigits: 4, escapeStart: start, into: &out)
        case 0x55: try appendScalar(hexDigits: 8, escapeStart: start, into: &out)
        default:
            throw error(
                "invalid escape sequence `\\\(String(decoding: [e], as: UTF8.self))`; in a \"basic\" string write `\\\\` for a backslash, "
                    + "or use a 'literal' string (single quotes), which has no escapes — the usual choice for regexes",
                at: start)
        }
    }

    mutating func appendScalar(hexDigits: Int, escapeStart: Int, into out: inout [UInt8]) throws(TOMLError) {
        var value: UInt32 = 0
        for _ in 0..<hexDigits {
            guard let h = peek, let d = hexValue(h) else {
                throw error("expected \(hexDigits) hexadecimal digits in the escape sequence", at: escapeStart)
            }
            value = value * 16 + UInt32(d)
            i += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("escape sequence is not a Unicode scalar value (U+\(String(value, radix: 16, uppercase: true)))", at: escapeStart)
        }
        out.append(contentsOf: String(Character(scalar)).utf8)
    }

    func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 0x30...0x39: Int(b - 0x30)
        case 0x41...0x46: Int(b - 0x41 + 10)
        case 0x61...0x66: Int(b - 0x61 + 10)
        default: nil
        }
    }

    // MARK: numbers

    mutating func parseNumber(at position: SourcePosition) throws(TOMLError) -> TOMLNode {
        let start = i
        while let b = peek, !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x2C || b == 0x5D || b == 0x7D || b == 0x23) {
            i += 1
        }
        let raw = String(decoding: bytes[start..<i], as: UTF8.self)
        func bad(_ why: String) -> TOMLError { TOMLError("invalid number `\(raw)`: \(why)", at: position) }

        // Dates/times look like numbers at first.
        if raw.count >= 5, raw.utf8.dropFirst(4).first == 0x2D, raw.utf8.prefix(4).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            throw TOMLError("dates and times are not supported in TokenAudit configs; write the value as a string", at: position)
        }
        if raw.utf8.count >= 3, raw.utf8.dropFirst(2).first == 0x3A {
            throw TOMLError("dates and times are not supported in TokenAudit configs; write the value as a string", at: position)
        }

        var body = Substring(raw)
        var negative = false
        if body.first == "+" || body.first == "-" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        if body == "inf" { return TOMLNode(.float(negative ? -.infinity : .infinity), at: position) }
        if body == "nan" { return TOMLNode(.float(.nan), at: position) }
        if body.isEmpty { throw bad("expected digits") }

        // Underscores only between digits.
        func checkUnderscores(_ s: Substring) throws(TOMLError) {
            let u = Array(s.utf8)
            for (k, c) in u.enumerated() where c == 0x5F {
                let before = k > 0 ? u[k - 1] : 0
                let after = k + 1 < u.count ? u[k + 1] : 0
                if hexValue(before) == nil || hexValue(after) == nil {
                    throw bad("an underscore must sit between two digits")
                }
            }
        }

        if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") {
            if raw.first == "+" || raw.first == "-" { throw bad("hexadecimal, octal and binary integers cannot have a sign") }
            let radix = body.hasPrefix("0x") ? 16 : body.hasPrefix("0o") ? 8 : 2
            let digits = body.dropFirst(2)
            try checkUnderscores(digits)
            let clean = digits.filter { $0 != "_" }
            guard !clean.isEmpty, let v = Int(clean, radix: radix) else {
                throw bad("not a valid base-\(radix) integer (or too large for 64 bits)")
            }
            return TOMLNode(.integer(v), at: position)
        }

        try checkUnderscores(body)
        let clean = String(body.filter { $0 != "_" })
        let isFloat = clean.contains(".") || clean.contains("e") || clean.contains("E")
        let u = Array(clean.utf8)
        guard let first = u.first, first >= 0x30 && first <= 0x39 else {
            throw TOMLError("expected a value, found `\(raw)`; strings must be quoted", at: position)
        }
        if !isFloat {
            guard u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw bad("unexpected characters; strings must be quoted") }
            if u.count > 1 && first == 0x30 { throw bad("leading zeros are not allowed") }
            guard let v = Int((negative ? "-" : "") + clean) else { throw bad("too large for a 64-bit integer") }
            return TOMLNode(.integer(v), at: position)
        }
        // Float: int part, optional .digits, optional e[+-]digits.
        var k = 0
        func digitsRun() -> Int {
            let s = k
            while k < u.count, u[k] >= 0x30 && u[k] <= 0x39 { k += 1 }
            return k - s
        }
        let intDigits = digitsRun()
        if intDigits > 1 && first == 0x30 { throw bad("leading zeros are not allowed") }
        if k < u.count, u[k] == 0x2E {
            k += 1
            if digitsRun() == 0 { throw bad("a decimal point must be followed by digits") }
        }
        if k < u.count, u[k] == 0x65 || u[k] == 0x45 {
            k += 1
            if k < u.count, u[k] == 0x2B || u[k] == 0x2D { k += 1 }
            if digitsRun() == 0 { throw bad("an exponent needs digits") }
        }
        guard k == u.count, let v = Double(clean) else { throw bad("unexpected characters; strings must be quoted") }
        return TOMLNode(.float(negative ? -v : v), at: position)
    }
}
