import CallingWindows
import ScrubKit
import ScrubPipeline
import ScrubRules
import Synchronization

/// Deciders of one generation's plans, lent to one request at a time.
///
/// A ``RowDecider``'s stages keep caches (number profiles, window annotations, cap sets) that are not
/// safe to share between threads, so a decider is never used by two requests at once: a request
/// checks a slot out, decides synchronously, and returns it; a request that finds none free waits for
/// one. The plans are resolved once per generation; each slot's deciders are made from them with
/// `makeDeciderForAnotherThread()`: own caches, the same mapped lists. Caches stay warm across
/// requests without shared mutable state.
final class DeciderPool: Sendable {
    /// One decider per call channel, and a number stage for recording opt-outs; used by one request at
    /// a time (the pool's invariant).
    final class Slot: @unchecked Sendable {
        let deciders: [CallChannel: RowDecider]
        /// Reads the numbers of recorded opt-outs, with caches of its own.
        let normalizer: any NumberNormalizing

        init(plans: [CallChannel: PipelinePlan], normalizer: any NumberNormalizing) {
            deciders = plans.mapValues { $0.makeDeciderForAnotherThread() }
            self.normalizer = normalizer.forAnotherThread()
        }
    }

    private struct State {
        var free: [Slot]
        var waiting: [CheckedContinuation<Slot, Never>] = []
    }

    private let state: Mutex<State>
    /// How many slots the pool holds.
    let size: Int

    init(slots: [Slot]) {
        precondition(!slots.isEmpty, "a decider pool needs at least one slot")
        state = Mutex(State(free: slots))
        size = slots.count
    }

    /// Runs `body` with a slot no other request holds, waiting for one if all are busy.
    func withSlot<R>(_ body: (Slot) throws -> R) async rethrows -> R {
        let slot = await checkOut()
        defer { checkIn(slot) }
        return try body(slot)
    }

    private func checkOut() async -> Slot {
        if let slot = state.withLock({ $0.free.popLast() }) { return slot }
        return await withCheckedContinuation { continuation in
            let slot: Slot? = state.withLock { state in
                if let slot = state.free.popLast() { return slot }
                state.waiting.append(continuation)
                return nil
            }
            if let slot { continuation.resume(returning: slot) }
        }
    }

    private func checkIn(_ slot: Slot) {
        let waiter: CheckedContinuation<Slot, Never>? = state.withLock { state in
            if state.waiting.isEmpty {
                state.free.append(slot)
                return nil
            }
            return state.waiting.removeFirst()
        }
        waiter?.resume(returning: slot)
    }
}
