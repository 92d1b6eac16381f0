/// Paces requests to one host: at most `maxInFlight` at once, and starts at least `interval` apart.
///
/// A caller `enter`s (waiting for a free slot, first come first served), sleeps on `clock` until the
/// start time it was given, sends its request, then `leave`s. Start times are reserved in the order
/// slots are granted, so the `n`th request never starts before `first + (n - 1) × interval`,
/// whatever the concurrency. The clock is a parameter so that tests can check the schedule on a
/// virtual clock instead of measuring wall time.
actor RequestGate<C: Clock> where C.Duration == Duration {
    let clock: C
    let interval: Duration
    let maxInFlight: Int
    private var inFlight = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var nextStart: C.Instant?

    init(clock: C, interval: Duration, maxInFlight: Int) {
        precondition(maxInFlight >= 1, "a gate needs at least one slot")
        self.clock = clock
        self.interval = interval
        self.maxInFlight = maxInFlight
    }

    /// Waits for a slot, then reserves and returns the earliest start time allowed by the rate.
    func enter() async -> C.Instant {
        if inFlight < maxInFlight {
            inFlight += 1
        } else {
            // `leave` hands its slot straight to the first waiter (inFlight stays the same).
            await withCheckedContinuation { waiting.append($0) }
        }
        let now = clock.now
        let start = nextStart.map { max($0, now) } ?? now
        nextStart = start.advanced(by: interval)
        return start
    }

    /// Frees the caller's slot, handing it to the longest waiter if there is one.
    func leave() {
        if waiting.isEmpty {
            inFlight -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
