/// A deterministic automaton over the digits 0-9, compiled by the generator from libphonenumber's
/// number patterns.
///
/// Each accepting state carries a bit mask of the pattern slots that match the whole input (see
/// `PhoneNumberDescription`). A walk over a national number of at most 17 digits replaces a regex match.
///
/// The tables live in memory allocated once when the metadata is decoded and never freed (the
/// metadata is a process-wide constant), so the walk reads them through plain pointers: no bounds
/// check and no reference counting per digit. Invariants, established by `init` and never changed:
/// `transitions` holds `stateCount * 10` entries, each `dead` or a row offset below `stateCount * 10`; `accepting` holds
/// `stateCount` entries; `stateCount >= 1`. Callers pass ASCII digits only.
struct DigitAutomaton: @unchecked Sendable {
    private let transitions: UnsafePointer<UInt16>
    private let accepting: UnsafePointer<UInt16>
    let stateCount: Int

    static let dead: UInt16 = 0xFFFF

    init(transitions: [UInt16], accepting: [UInt16]) {
        precondition(!accepting.isEmpty && transitions.count == accepting.count * 10)
        precondition(transitions.allSatisfy { $0 == Self.dead || Int($0) < accepting.count })
        // Stored as row offsets (`next * 10`), which keeps a multiply out of the per-digit dependency chain.
        precondition(accepting.count * 10 < Int(Self.dead))
        let table = UnsafeMutablePointer<UInt16>.allocate(capacity: transitions.count)
        table.initialize(from: transitions.map { $0 == Self.dead ? $0 : $0 * 10 }, count: transitions.count)
        let masks = UnsafeMutablePointer<UInt16>.allocate(capacity: accepting.count)
        masks.initialize(from: accepting, count: accepting.count)
        self.transitions = UnsafePointer(table)
        self.accepting = UnsafePointer(masks)
        self.stateCount = accepting.count
    }

    /// The mask of patterns that match `digits` in full (ASCII `0`-`9`), or 0.
    /// - Complexity: O(digits.count).
    @inline(__always)
    func match(_ digits: UnsafeBufferPointer<UInt8>) -> UInt16 {
        var row = 0
        for byte in digits {
            let next = transitions[row &+ Int(byte &- 0x30)]
            if next == Self.dead { return 0 }
            row = Int(next)
        }
        return accepting[row / 10]
    }
}
