import Synchronization

/// A window computed once, with its columns rendered: what a row looks up.
public final class CachedCallingWindow: Sendable {
    public let window: CallingWindow
    public let columns: WindowColumns
    /// The columns' bytes, each in `WindowColumns.names` order, for writers that take bytes.
    public let columnBytes: [[UInt8]]

    init(_ window: CallingWindow) {
        self.window = window
        self.columns = WindowColumns(window)
        self.columnBytes = columns.values.map { Array($0.utf8) }
    }
}

/// Computes each distinct window once per run; every later row with the same request is a dictionary
/// look-up. Safe to share between worker threads.
///
/// - Complexity: a hit costs hashing the request (a few short strings) and one uncontended lock.
public final class CallingWindowCache: Sendable {
    public let calculator: CallingWindowCalculator
    private let table = Mutex<[WindowRequest: CachedCallingWindow]>([:])

    public init(calculator: CallingWindowCalculator) {
        self.calculator = calculator
    }

    public func window(for request: WindowRequest) -> CachedCallingWindow {
        if let hit = table.withLock({ $0[request] }) { return hit }
        // Computed outside the lock; two threads racing on one key compute equal values.
        let computed = CachedCallingWindow(calculator.window(for: request))
        return table.withLock { table in
            if let existing = table[request] { return existing }
            table[request] = computed
            return computed
        }
    }

    /// How many distinct windows have been computed.
    public var count: Int { table.withLock { $0.count } }
}
