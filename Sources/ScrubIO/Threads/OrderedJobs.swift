/// A queue of jobs run on a `WorkerPool` whose results come back in the order they were submitted.
///
/// One consumer (the thread that owns the queue) submits jobs and takes results; jobs run on the
/// pool's threads in any order. At most `maxInFlight` jobs are submitted and not yet taken, so
/// memory does not grow with the input: the consumer takes a result (`next`) before it submits
/// more once `hasRoom` is false. A job's error is a result like any other: `next` throws it at its
/// place in the order.
///
/// Teardown: releasing the queue at any moment takes its jobs that have not started back from the
/// pool, drops results not taken, and returns once none of its jobs runs any more, so nothing a job
/// holds outlives the queue. The hand-off is a `GuardedState`: no count to leave unbalanced.
package final class OrderedJobs<Output: Sendable, Failure: Error> {
    package let pool: WorkerPool
    package let maxInFlight: Int
    private let state = GuardedState(OrderedResults<Output, Failure>())
    private var submitted = 0
    private var taken = 0

    package init(pool: WorkerPool, maxInFlight: Int) {
        precondition(maxInFlight >= 1)
        self.pool = pool
        self.maxInFlight = maxInFlight
    }

    deinit {
        let owner = ObjectIdentifier(state)
        let removed = pool.shared.update { queue in
            let before = queue.jobs.count
            queue.jobs.removeAll { $0.owner == owner }
            return before - queue.jobs.count
        }
        state.update {
            $0.cancelled = true
            $0.unfinished -= removed
            $0.results.removeAll()
        }
        state.wait(until: { $0.unfinished == 0 })
    }

    /// Jobs submitted whose results have not been taken.
    package var inFlight: Int { submitted - taken }

    /// Whether `submit` may be called.
    package var hasRoom: Bool { inFlight < maxInFlight }

    /// Queues `job` (or, on a one-thread pool, runs it now). Requires `hasRoom`.
    package func submit(_ job: @escaping @Sendable () throws(Failure) -> Output) {
        precondition(hasRoom, "take a result before submitting more")
        let index = submitted
        submitted += 1
        if pool.runsInline {
            let result = Result(catching: job)
            state.update { $0.results[index] = result }
            return
        }
        let state = self.state
        state.update { $0.unfinished += 1 }
        let run: @Sendable () -> Void = {
            if state.update({ $0.cancelled }) {
                state.update { $0.unfinished -= 1 }
                return
            }
            let result = Result(catching: job)
            state.update {
                $0.unfinished -= 1
                if !$0.cancelled { $0.results[index] = result }
            }
        }
        pool.shared.update { $0.jobs.append(PoolJob(owner: ObjectIdentifier(state), run: run)) }
    }

    /// Waits for the oldest result not taken and returns it (or throws its error); nil when no job
    /// is in flight.
    package func next() throws(Failure) -> Output? {
        guard taken < submitted else { return nil }
        let index = taken
        let result = state.wait(until: { $0.results[index] != nil }) { $0.results.removeValue(forKey: index)! }
        taken += 1
        return try result.get()
    }

    /// The oldest result not taken if its job has finished, without waiting; nil otherwise.
    package func nextIfReady() throws(Failure) -> Output? {
        guard taken < submitted else { return nil }
        let index = taken
        guard let result = state.update({ $0.results.removeValue(forKey: index) }) else { return nil }
        taken += 1
        return try result.get()
    }
}

/// What a queue's consumer and the pool's threads share.
private struct OrderedResults<Output: Sendable, Failure: Error>: Sendable {
    var results: [Int: Result<Output, Failure>] = [:]
    /// Jobs submitted to the pool that have not finished (queued or running).
    var unfinished = 0
    /// Set when the queue is released: jobs not started are skipped, results dropped.
    var cancelled = false
}
