import Dispatch
import Locking
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread of its own (not a dispatch pool thread) that runs one closure and is joined.
///
/// The git pipelines block in `read` and `write` on pipes; on a dispatch pool sized to the
/// processors, a blocked block would hold one of the few threads and could starve the others.
final class JoinableThread: @unchecked Sendable {
    // SAFETY: `thread` is written only in `init`, before the object can be shared; `join()`
    // checks and sets `joined` under its mutex, so exactly one caller joins the thread.
    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    #if canImport(Darwin)
    private var thread: pthread_t?
    #else
    private var thread = pthread_t()
    #endif
    private let joined = Locked(false)

    /// Starts `body` on a new thread. If no thread can be created, runs it on the caller's.
    init(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        let started = pthread_create(&thread, nil, { raw in
            #if canImport(Darwin)
            let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
            #else
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            #endif
            box.body()
            return nil
        }, context)
        if started != 0 {
            joined.withLock { $0 = true }
            Unmanaged<Box>.fromOpaque(context).takeRetainedValue().body()
        }
    }

    /// Waits for the closure to return.
    func join() {
        let first = joined.withLock { joined in
            defer { joined = true }
            return !joined
        }
        guard first else { return }
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
    }

    deinit { join() }

    /// Blocks SIGPIPE on the calling thread, so that a write to a pipe whose reader has gone (a
    /// git process that failed) returns `EPIPE` instead of ending the process.
    static func ignoreBrokenPipes() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }
}

/// Work for a pool of threads, with results handed back in submission order.
///
/// The submitting thread `submit`s items (numbered 0, 1, 2, … in order) and takes results with
/// `result(_:)` in the same order; `jobs` threads run `work` on the items, each with its own state
/// from `makeState` (a scan worker: PCRE2 scratch is per thread). What is submitted but not yet
/// taken back is bounded by `window` items and `byteBudget` bytes (one item is always allowed),
/// so memory stays flat whatever the number of items, and the output cannot depend on `jobs`.
final class OrderedWorkPool<Item: Sendable, Output: Sendable>: Sendable {
    private struct State {
        /// Items not yet taken are `queue[queueHead...]`; item number = `taken + position`.
        var queue: [Item?] = []
        var queueHead = 0
        var taken = 0
        var ready: [Int: Output] = [:]
        var closed = false
    }

    private let state = Locked(State())
    private let available = DispatchSemaphore(value: 0)
    private let completed = DispatchSemaphore(value: 0)
    private let jobs: Int
    private let threads: Locked<[JoinableThread]> = Locked([])

    init<WorkerState>(
        jobs: Int, makeState: @escaping @Sendable () -> WorkerState,
        work: @escaping @Sendable (inout WorkerState, Item) -> Output
    ) {
        self.jobs = max(1, jobs)
        var started: [JoinableThread] = []
        for _ in 0..<self.jobs {
            started.append(JoinableThread { [self] in
                var local = makeState()
                while let (index, item) = self.take() {
                    let output = work(&local, item)
                    self.state.withLock { $0.ready[index] = output }
                    self.completed.signal()
                }
            })
        }
        threads.withLock { $0 = started }
    }

    /// The next item and its number, or nil once the pool is closed and drained.
    private func take() -> (Int, Item)? {
        while true {
            available.wait()
            let next = state.withLock { state -> (Int, Item)?? in
                if state.queueHead < state.queue.count {
                    let item = state.queue[state.queueHead]!
                    state.queue[state.queueHead] = nil  // the item's bytes go with the worker
                    state.queueHead += 1
                    if state.queueHead >= 1024 {  // drop the taken items now and then
                        state.queue.removeFirst(state.queueHead)
                        state.taken += state.queueHead
                        state.queueHead = 0
                        return .some((state.taken - 1, item))
                    }
                    return .some((state.taken + state.queueHead - 1, item))
                }
                return state.closed ? .some(nil) : nil
            }
            if let next { return next }
        }
    }

    /// Queues `item`; its number is the count of items submitted before it.
    func submit(_ item: Item) {
        state.withLock { $0.queue.append(item) }
        available.signal()
    }

    /// The output of item `index` if it is done (taken out of the pool), else nil.
    func readyResult(_ index: Int) -> Output? {
        state.withLock { $0.ready.removeValue(forKey: index) }
    }

    /// The output of item `index`, waiting for it.
    func result(_ index: Int) -> Output {
        while true {
            if let output = readyResult(index) { return output }
            completed.wait()
        }
    }

    /// No more items: the threads end once the queue is drained. Waits for them.
    func close() {
        state.withLock { $0.closed = true }
        for _ in 0..<jobs { available.signal() }
        let started = threads.withLock { threads in
            defer { threads = [] }
            return threads
        }
        for thread in started { thread.join() }
    }
}
