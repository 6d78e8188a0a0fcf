import Foundation

/// State shared between threads behind one lock, with waiting until the state satisfies a condition.
///
/// Every threaded component of a run (the compression pool, the prefetching reader, the input
/// digest) hands work across threads through this type instead of `DispatchSemaphore`s. A semaphore
/// carries a count that must be back at its starting value when it is released, or libdispatch
/// traps (SIGILL); a run that fails part-way releases its pipeline with work in flight, exactly
/// when the counts are unbalanced. A lock and a condition variable have no count to unbalance:
///
/// - Invariant: the state is read and written only while the lock is held, and every change wakes
///   every waiter, which re-checks its condition. Nothing else is required of either side, so any
///   thread may stop waiting, fail or go away at any moment, and releasing this value is always
///   safe (a waiter holds a reference to it, so no thread can be waiting when it is released).
package final class GuardedState<State: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var state: State

    package init(_ state: State) {
        self.state = state
    }

    /// Reads or changes the state under the lock, then wakes every waiter.
    @discardableResult
    package func update<R>(_ body: (inout State) -> R) -> R {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return body(&state)
    }

    /// Waits until `ready` holds, then runs `body` under the same lock and wakes every waiter.
    @discardableResult
    package func wait<R>(until ready: (State) -> Bool, then body: (inout State) -> R) -> R {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        while !ready(state) { condition.wait() }
        return body(&state)
    }

    /// Waits until `ready` holds.
    package func wait(until ready: (State) -> Bool) {
        wait(until: ready) { _ in }
    }
}
