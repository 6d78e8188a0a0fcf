import Synchronization

/// The generation new requests use, swapped whole by a reload.
///
/// Journal appends and the swap hold ``recording``: an opt-out recorded while a reload reads the journal
/// lands either before the read (the new generation has it) or after the swap (it is laid over the new
/// generation), never only over the old one.
final class CurrentGeneration: Sendable {
    private let current: Mutex<DecisionGeneration>
    /// Held while an event is appended to the journal and laid over the index, and while a reload reads
    /// the journal and swaps; never across a suspension.
    let recording = Mutex(())

    init(_ generation: DecisionGeneration) {
        current = Mutex(generation)
    }

    /// The generation to use now; the caller keeps it (and its mapped lists) alive until it answers.
    var generation: DecisionGeneration { current.withLock { $0 } }

    /// Makes `generation` the one new requests use; the old one lives on in the requests holding it.
    func replace(with generation: DecisionGeneration) {
        current.withLock { $0 = generation }
    }
}
