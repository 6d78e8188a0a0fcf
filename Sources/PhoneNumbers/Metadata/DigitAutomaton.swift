/// A deterministic automaton over the digits 0-9, compiled by the generator from libphonenumber's
/// number patterns.
///
/// Each accepting state carries a bit mask of the pattern slots that match the whole input (see
/// `PhoneNumberDescription`). A walk over a national number of at most 17 digits replaces a regex match.
struct DigitAutomaton: Sendable {
    /// `transitions[state * 10 + digit]`; `dead` when no pattern can still match.
    let transitions: [UInt16]
    /// `accepting[state]`: bit mask of the patterns that match when the input ends in `state`.
    let accepting: [UInt16]

    static let dead: UInt16 = 0xFFFF

    /// The mask of patterns that match `digits` in full (ASCII `0`-`9`), or 0.
    /// - Complexity: O(digits.count).
    func match(_ digits: UnsafeBufferPointer<UInt8>) -> UInt16 {
        var state = 0
        for byte in digits {
            let next = transitions[state &* 10 &+ Int(byte &- 0x30)]
            if next == Self.dead { return 0 }
            state = Int(next)
        }
        return accepting[state]
    }
}
