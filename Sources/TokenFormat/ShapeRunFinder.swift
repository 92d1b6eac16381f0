/// Finds maximal runs of a credential alphabet that have exactly the credential's length.
///
/// A *run* is a maximal sequence of bytes of one `TokenShape` alphabet: the byte before it and the
/// byte after it (if any) are outside the alphabet. A run is reported only when its length is
/// exactly `shape.length` (36 for `.token`, 50 for `.secret`); a 36-byte stretch of `[0-9a-f-]`
/// inside a 40-byte run is not reported. The two shapes are independent: a 36-byte token run that
/// sits inside a longer alphanumeric word is still a token run, because the surrounding letters are
/// not in the token alphabet (`x` in `x0123…`). A hyphen ends a secret run.
///
/// The scan probes one byte in every `shape.length`: any run at least that long contains a probe,
/// so a probe outside the alphabet lets the scan skip `shape.length` bytes. Around a probe inside
/// the alphabet the run is extended both ways, and the scan resumes after the run. Each byte is
/// examined at most a small constant number of times, and on ordinary text most bytes are never
/// examined.
public enum ShapeRunFinder {
    /// Calls `body` with the byte range of every run of exactly `shape.length` alphabet bytes in
    /// `buffer`, in ascending order.
    @inlinable
    public static func forEachRun(
        in buffer: UnsafeRawBufferPointer, shape: TokenShape, _ body: (Range<Int>) throws -> Void
    ) rethrows {
        let count = buffer.count
        let length = shape.length
        guard count >= length, let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return
        }
        let mask = shape.mask
        try ByteClass.classes.withUnsafeBufferPointer { table in
            let classes = table.baseAddress.unsafelyUnwrapped
            // Invariant: no run that ends before `probe - length + 1` is unreported, and every run
            // of at least `length` bytes that is not yet reported contains a probe position
            // `probe + k * length`.
            var probe = length - 1
            while probe < count {
                if classes[Int(base[probe])] & mask == 0 {
                    probe &+= length
                    continue
                }
                var start = probe
                while start > 0 && classes[Int(base[start &- 1])] & mask != 0 { start &-= 1 }
                var end = probe &+ 1
                while end < count && classes[Int(base[end])] & mask != 0 { end &+= 1 }
                if end &- start == length {
                    try body(start..<end)
                }
                // `end` is outside the alphabet (or the buffer end); the next run starts after it.
                probe = end &+ length
            }
        }
    }

    /// The byte ranges of every run of exactly `shape.length` alphabet bytes in `buffer`, in
    /// ascending order. See `forEachRun(in:shape:_:)`.
    public static func runs(in buffer: UnsafeRawBufferPointer, shape: TokenShape) -> [Range<Int>] {
        var result: [Range<Int>] = []
        forEachRun(in: buffer, shape: shape) { result.append($0) }
        return result
    }

    /// The runs of exactly `shape.length` alphabet bytes in `bytes`. Convenience for tests and small
    /// inputs; large buffers should use the `UnsafeRawBufferPointer` forms.
    public static func runs(in bytes: [UInt8], shape: TokenShape) -> [Range<Int>] {
        bytes.withUnsafeBytes { runs(in: $0, shape: shape) }
    }

    /// Calls `body` with every run of either shape, ordered by start offset (a token run and a
    /// secret run never share a start and an end, since a hyphen ends a secret run and letters
    /// outside `a`-`f` end a token run; when they overlap, both are reported).
    public static func forEachRun(
        in buffer: UnsafeRawBufferPointer, _ body: (TokenShape, Range<Int>) throws -> Void
    ) rethrows {
        let tokens = runs(in: buffer, shape: .token)
        let secrets = runs(in: buffer, shape: .secret)
        var t = 0, s = 0
        while t < tokens.count || s < secrets.count {
            if s == secrets.count || (t < tokens.count && tokens[t].lowerBound <= secrets[s].lowerBound) {
                try body(.token, tokens[t]); t += 1
            } else {
                try body(.secret, secrets[s]); s += 1
            }
        }
    }
}
