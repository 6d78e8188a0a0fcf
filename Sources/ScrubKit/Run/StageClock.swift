import ScrubIO

/// Splits the run loop's CPU time between parsing, deciding and writing by timing one row in
/// `interval`: reading a thread's CPU clock is a system call, too dear for every row, and a sample
/// of a million rows' stages gives their shares to well under a percent.
struct StageClock {
    enum Stage: Int, CaseIterable {
        case parse, decide, write
    }

    private let interval: Int
    private var sampled = [Duration](repeating: .zero, count: Stage.allCases.count)
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
        sampled[stage.rawValue] += now - mark
        self.mark = now
    }

    /// The loop thread's CPU time since this clock was made, split in the sampled proportions.
    func split() -> [Stage: Double] {
        let total = (CPUTime.currentThread() - started).seconds
        let sampledTotal = sampled.reduce(Duration.zero, +).seconds
        var shares: [Stage: Double] = [:]
        for stage in Stage.allCases {
            shares[stage] = sampledTotal > 0 ? total * sampled[stage.rawValue].seconds / sampledTotal : 0
        }
        return shares
    }
}
