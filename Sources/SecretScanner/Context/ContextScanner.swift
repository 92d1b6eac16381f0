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
        @inline(__always) static func isQuote(_ b: UInt8) -> Bool { b == 0x22 || b == 0x27 || b == 0x60 }
        /// Bytes of a name: letters, digits, `_`, `-`.
        @inline(__always) static func isNameByte(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x5F || b == 0x2D }
    }

    /// One analysis of one value (first version: the key on the value's own line).
    struct ContextScanner {
        let buffer: UnsafeRawBufferPointer
        let value: Range<Int>

        func analyze() -> ValueContext {
            var p = value.lowerBound
            let floor = max(0, p - 256)
            if p > 0 && ASCII.isQuote(buffer[p - 1]) { p -= 1 }
            while p > floor && ASCII.isBlank(buffer[p - 1]) { p -= 1 }
            guard p > floor else { return ValueContext() }
            let sep = buffer[p - 1]
            guard sep == UInt8(ascii: ":") || sep == UInt8(ascii: "=") else { return ValueContext() }
            p -= 1
            while p > floor && ASCII.isBlank(buffer[p - 1]) { p -= 1 }
            if p > floor && ASCII.isQuote(buffer[p - 1]) { p -= 1 }
            let end = p
            while p > floor && ASCII.isNameByte(buffer[p - 1]) { p -= 1 }
            guard p < end else { return ValueContext() }
            return ValueContext(key: String(decoding: UnsafeRawBufferPointer(rebasing: buffer[p..<end]), as: UTF8.self))
        }
    }
}
