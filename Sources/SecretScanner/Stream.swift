#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ScanWorker {
    /// Scans a stream of any size in bounded memory: chunks of `EngineOptions.streamChunkSize`
    /// bytes (at least), each scanned together with `overlap` bytes of the previous and the next
    /// chunk, so that every window is seen whole. A chunk reports only the findings whose secret
    /// starts in its own part, so a finding across a chunk boundary is neither lost nor doubled.
    /// Offsets and line numbers are those of the whole stream.
    ///
    /// `read` fills the buffer it is given and returns the byte count; 0 means the end. Short
    /// reads are fine. Errors thrown by `read` end the scan and are rethrown.
    ///
    /// Differences from a whole-buffer scan: `fileMentions` context words count only if they occur
    /// before or within the current chunk (plus its overlap).
    ///
    /// Collects every finding; `scanStream(path:read:emit:)` hands them out as they are final.
    public func scanStream(path: String, read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> ScanResult {
        var streamed: [StreamedFinding] = []
        let result = try scanStream(path: path, read: read) { streamed += $0 }
        var pairs = result.pairs.applier()
        return ScanResult(findings: streamed.map { pairs.apply($0) }, warnings: result.warnings)
    }

    /// `scanStream(path:read:)` handing the findings to `emit` in batches as soon as nothing later
    /// in the stream can change them (`readyCount`), in the order a whole scan gives them. Memory
    /// holds the findings of about one chunk, not of the whole stream. Credential pairs are known
    /// only at the end: pass each finding, in the order emitted, through the returned `pairs`'
    /// `PairApplier` to give it its group and severity. Errors thrown by `emit` end the scan and
    /// are rethrown.
    public func scanStream(
        path: String, read: (UnsafeMutableRawBufferPointer) throws -> Int, emit: ([StreamedFinding]) throws -> Void
    ) throws -> StreamedScan {
        var linker = PairLinker(families: engine.hasPairs ? engine.pairFamilies : [:])
        // Handed out in batches of at most 4,096, so that no second copy of a chunk's findings
        // is made.
        func hand(_ segment: [PendingFinding]) throws {
            var start = 0
            while start < segment.count {
                let end = min(segment.count, start + 4096)
                try emit(segment[start..<end].map { StreamedFinding(finding: $0.finding, pairSlot: linker.add($0)) })
                start = end
            }
        }
        let overlap = streamOverlap
        let chunk = max(engine.options.streamChunkSize, overlap)
        let capacity = chunk + 2 * overlap
        var pass = makePass(path: path)
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { storage.deallocate() }

        var filled = 0
        var keepStart = 0
        var placement = Placement(keep: 0..<0)
        var atEnd = false
        while true {
            while filled < capacity && !atEnd {
                let n = try read(UnsafeMutableRawBufferPointer(rebasing: storage[filled..<capacity]))
                if n <= 0 { atEnd = true } else { filled += min(n, capacity - filled) }
            }
            let buffer = UnsafeRawBufferPointer(rebasing: storage[0..<filled])
            let keepEnd = atEnd ? filled : filled - overlap
            placement.keep = keepStart..<max(keepStart, keepEnd)
            scanChunk(buffer, placement: placement, pass: &pass)
            if atEnd { break }

            // No later finding starts before the end of this chunk's own part.
            let frontier = placement.streamOffset + keepEnd
            // Keep `overlap` bytes before the next chunk's own part.
            let drop = keepEnd - overlap
            let dropped = UnsafeRawBufferPointer(rebasing: storage[0..<drop])
            advance(&placement, over: dropped)
            storage.baseAddress!.copyMemory(from: storage.baseAddress! + drop, byteCount: filled - drop)
            filled -= drop
            keepStart = overlap
            try hand(takeReady(&pass, frontier: frontier))
        }
        var rest = pass.findings
        pass.findings = []
        finalize(&rest, kubernetes: engine.isBase64Document(pass.mentioned))
        try hand(rest)
        return StreamedScan(warnings: pass.warnings, pairs: linker.groups(exampleMaterial: pass.role.isExampleMaterial))
    }

    /// Bytes of context a chunk needs on each side of its own part: twice the longest window.
    var streamOverlap: Int { 2 * engine.maxWindowSpan }

    /// Moves `placement` past `dropped`, the bytes that leave the front of the chunk buffer: the
    /// stream offset, the newline count, and the columns of the line that continues.
    func advance(_ placement: inout Placement, over dropped: UnsafeRawBufferPointer) {
        placement.streamOffset += dropped.count
        guard let base = dropped.baseAddress else { return }
        var lastNewline = -1
        var i = 0
        while i < dropped.count, let hit = memchr(base + i, 0x0A, dropped.count - i) {
            let at = base.distance(to: UnsafeRawPointer(hit))
            placement.lineBase += 1
            lastNewline = at
            i = at + 1
        }
        var scalars = 0
        var j = lastNewline + 1
        while j < dropped.count {
            if dropped[j] & 0xC0 != 0x80 { scalars += 1 }
            j += 1
        }
        placement.columnCarry = lastNewline >= 0 ? scalars : placement.columnCarry + scalars
    }
}
