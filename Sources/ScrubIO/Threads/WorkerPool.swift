import Foundation

/// The threads that do a run's CPU work (parsing, deciding, compressing), shared by any number of
/// `OrderedJobs` queues, so that `--threads N` means N threads whatever the stages.
///
/// With one thread the pool starts none: jobs run on the thread that submits them, in order, which
/// is the same work in the same order as with many threads. Jobs never wait for other jobs (the
/// queues apply backpressure where jobs are submitted), so a full pool cannot deadlock.
///
/// Teardown: releasing the pool stops its threads and returns once they have returned. Every queue
/// holds the pool, so when it is released no job is queued; a job must not hold the pool or a
/// queue itself (its release would then wait for the thread it runs on).
public final class WorkerPool: Sendable {
    /// The threads doing work: the pool's own, or 1 for the submitting thread.
    public let threads: Int
    let shared = GuardedState(PoolQueue())

    public init(threads: Int) {
        precondition(threads >= 1)
        self.threads = threads
        guard threads > 1 else { return }
        shared.update { $0.running = threads }
        for _ in 0..<threads {
            let shared = self.shared
            let thread = Thread {
                defer { shared.update { $0.running -= 1 } }
                while true {
                    let job = shared.wait(until: { !$0.jobs.isEmpty || $0.stopping }) {
                        $0.stopping ? nil : $0.jobs.removeFirst()
                    }
                    guard let job else { return }
                    job.run()
                }
            }
            thread.name = "scrub.worker"
            thread.start()
        }
    }

    deinit {
        shared.update { $0.stopping = true }
        shared.wait(until: { $0.running == 0 })
    }

    /// Jobs run on the submitting thread.
    var runsInline: Bool { threads == 1 }
}

/// What the pool's threads share: jobs waiting for a thread, oldest first.
struct PoolQueue: Sendable {
    var jobs: [PoolJob] = []
    /// Threads that have not returned.
    var running = 0
    var stopping = false
}

/// One job and the queue it belongs to (so a queue released early can take its jobs back).
struct PoolJob: Sendable {
    let owner: ObjectIdentifier
    let run: @Sendable () -> Void
}
