#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value guarded by a pthread mutex: the lock every module uses for state shared between threads.
///
/// Why not `Synchronization.Mutex`: on Linux it locks with futexes inside the Swift runtime's
/// Synchronization library, which is not built with ThreadSanitizer, so TSan cannot see the lock
/// and reports every access under it as a data race (`make test-sanitized` did, in the scan's
/// reorder buffer). pthread mutexes are intercepted by TSan, so its reports stay about real races.
/// The cost is the same uncontended lock and unlock, plus one allocation per guarded value.
public final class Locked<State>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var state: State

    public init(_ initial: State) {
        state = initial
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let rc = pthread_mutex_init(mutex, nil)
        precondition(rc == 0, "pthread_mutex_init failed: \(rc)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the lock held and the state borrowed for mutation.
    public func withLock<Result, E: Error>(_ body: (inout State) throws(E) -> Result) throws(E) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }
}
