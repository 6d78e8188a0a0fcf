import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A test seam: makes the Nth file system call of one kind, on one thread, fail with EIO.
///
/// Every call in `FileDescriptor.swift` asks ``fails(_:)`` first; nothing else changes, and with no
/// plan armed (always, outside tests) the check is one uncontended lock. Plans are per thread: only
/// calls on the thread that armed one count, so tests running in parallel each fail their own calls. The
/// hash-chained logs (ScrubRecords' `LogFile`) make their calls through `FileDescriptor` too, so an
/// audit append is failed like any other write.
package enum FaultInjection {
    package enum Call: String, CaseIterable, Sendable {
        case open, lock, write, fsync, rename, exchange, symlink, mkdir, unlink, rmdir
    }

    private struct Plan {
        var call: Call
        var failAt: Int
        var count = 0
    }

    /// The armed plans, by thread.
    private static let plans = Mutex([pthread_t: Plan]())

    /// Fails the `n`th `call` (1-based) made on this thread from now on, until ``disarm()``.
    package static func arm(_ call: Call, at n: Int) {
        plans.withLock { $0[pthread_self()] = Plan(call: call, failAt: n) }
    }

    /// Stops failing this thread's calls; returns how many calls of the armed kind it made.
    @discardableResult
    package static func disarm() -> Int {
        plans.withLock { $0.removeValue(forKey: pthread_self())?.count ?? 0 }
    }

    /// Whether this `call` is to fail; sets errno to EIO when it is.
    static func fails(_ call: Call) -> Bool {
        let fail = plans.withLock { plans -> Bool in
            guard !plans.isEmpty, let plan = plans[pthread_self()], plan.call == call else { return false }
            plans[pthread_self()]!.count += 1
            return plan.count + 1 == plan.failAt
        }
        if fail { errno = EIO }
        return fail
    }
}
