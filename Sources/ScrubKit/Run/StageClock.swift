import ScrubIO

/// Splits a worker's CPU time on one chunk between deciding and writing by timing one row in
/// `interval`: reading a thread's CPU clock is a system call, too dear for every row, and a sample
/// of a million rows' stages gives their shares to well under a percent. (Parsing is timed whole by
/// the reader, chunk by chunk.)
struct StageClock {
    enum Stage: Int, CaseIterable {
        case decide, write
    }

    private let interval: Int
    private var sampled: (decide: Duration, write: Duration) = (.zero, .zero)
    private var mark: Duration?
    private var rows = 0
    private let started = CPUTime.currentThread()

    init(interval: Int = 64) {
        self.interval = interval
    }

    /// Starts a row; every `interval`-th row is timed.
    mutating func beginRow() {
        rows += 1
        mark = rows % interval == 1 || interval == 1 ? CPUTime.currentThread() : nil
    }

    /// Ends `stage` of the current row (and starts the next stage).
    mutating func end(_ stage: Stage) {
        guard let mark else { return }
        let now = CPUTime.currentThread()
        switch stage {
        case .decide: sampled.decide += now - mark
        case .write: sampled.write += now - mark
        }
        self.mark = now
    }

    /// This thread's CPU time since this clock was made, split in the sampled proportions.
    func split() -> (decide: Duration, write: Duration) {
        let total = CPUTime.currentThread() - started
        let sampledTotal = sampled.decide + sampled.write
        guard sampledTotal > .zero else { return (total, .zero) }
        let decide = total * (sampled.decide.seconds / sampledTotal.seconds)
        return (decide, total - decide)
    }
}
