import ScrubKit
import ScrubRecords
import Synchronization

/// The pipeline's opt-out suppression index with the journal's newer events laid over it, so an
/// opt-out the server records counts for the very next check.
///
/// The compiled index answers for every number the journal has not touched since it was compiled.
/// For a number with a later event (found when the server starts, or recorded through it) the
/// journal's own state answers, by the rule the compiler uses (``OptOutState/isListed(_:compiledFor:)``):
/// so a re-consent lifts a number again, and the answer is the one the next compiled index will give.
/// The checks consult it through the same ``SuppressionRule`` as a run: one decision path.
final class LiveOptOutList: NumberList, @unchecked Sendable {
    let info: NumberListInfo
    /// The compiled index; read-only, so safe to consult from any thread.
    private let base: any NumberList
    /// The scope the index was compiled for (nil: every opt-out, `scrub optout compile`'s default).
    private let scope: OptOutScope?
    private let overlay: Mutex<Overlay>

    private struct Overlay {
        /// The journal's state: every event read at start and every event recorded since.
        var state: OptOutState
        /// Subjects (numbers and persons) with events after the compiled prefix of the journal.
        var touched: Set<UInt64>
        /// The journal line the next recorded event gets (for ties in time, as the compiler breaks them).
        var nextLine: Int
    }

    /// Reads `journal` and lays its events after the compiled prefix (`compiledEvents` lines) over `base`.
    init(base: any NumberList, journal: some OptOutStore, compiledEvents: Int, scope: OptOutScope?) throws {
        var state = OptOutState()
        var touched = Set<UInt64>()
        var lastLine = 0
        try journal.forEachEvent { event, line in
            state.apply(event, line: line)
            // Beyond the compiled prefix; a blank line in the prefix only makes this wider, which is safe:
            // the state's answer is exact for every number.
            if line > compiledEvents { touched.formUnion(event.subjects) }
            lastLine = line
        }
        self.base = base
        self.info = base.info
        self.scope = scope
        self.overlay = Mutex(Overlay(state: state, touched: touched, nextLine: lastLine + 1))
    }

    /// Whether a number (E.164 digits) or a person (``PersonKey`` subject) is opted out.
    func contains(_ subject: UInt64) -> Bool {
        let live: Bool? = overlay.withLock { overlay in
            overlay.touched.contains(subject) ? overlay.state.isListed(subject, compiledFor: scope) : nil
        }
        return live ?? base.contains(subject)
    }

    /// Lays events just appended to the journal over the index.
    func apply(_ events: [OptOutEvent]) {
        overlay.withLock { overlay in
            for event in events {
                overlay.state.apply(event, line: overlay.nextLine)
                overlay.nextLine += 1
                overlay.touched.formUnion(event.subjects)
            }
        }
    }

    /// Subjects the overlay decides, for `/metrics`.
    var touchedCount: Int { overlay.withLock { $0.touched.count } }
}
