import ScrubKit
import ScrubRecords
import ScrubRules
import Synchronization

/// The pipeline's opt-out suppression index with the journal's newer events laid over it, so an
/// opt-out the server records counts for the very next check.
///
/// The compiled index answers for every subject (number or person) the journal has not touched
/// since it was compiled. For a subject with a later event (found when the server starts, or
/// recorded through it) the overlay answers as the journal's state does by the rule the compiler
/// uses (``OptOutState/isListed(_:compiledFor:at:)``), so the answer is the one the next compiled
/// index will give, and a re-consent lifts a number again.
///
/// The overlay holds as little as that answer needs, so a server taking opt-outs all day stays
/// small: a subject whose every event is an opt-out is listed from the first one that falls in the
/// scope, which takes one integer in a set. Only a subject with a re-consent somewhere in the journal
/// needs its history (events may come out of time order, and a later re-consent lifts an earlier
/// opt-out), and re-consents are rare: the overlay reads that subject's events from the journal the
/// first time it is touched, and keeps them. The checks consult it through the same
/// ``SuppressionRule`` as a run: one decision path.
package final class LiveOptOutList: NumberList, @unchecked Sendable {
    package let info: NumberListInfo
    /// The compiled index; read-only, so safe to consult from any thread.
    private let base: any NumberList
    /// Where the events are, for the history of a subject the first time it needs one.
    private let journal: any OptOutStore
    /// The scope the index was compiled for (nil: every opt-out, `scrub optout compile`'s default).
    private let scope: OptOutScope?
    private let overlay: Mutex<Overlay>

    private struct Overlay {
        /// Subjects with no re-consent in the journal and an opt-out in the scope after the compiled
        /// prefix: listed, whatever the order of their events.
        var listed: Set<UInt64> = []
        /// Subjects with a re-consent anywhere in the journal: a new event for one needs its history.
        var reconsented: Set<UInt64> = []
        /// Subjects touched after the compiled prefix that have a re-consent: ``state`` holds every
        /// event of theirs, and only theirs, and answers for them.
        var exact: Set<UInt64> = []
        var state = OptOutState()
        /// The journal line the next recorded event gets (for ties in time, as the compiler breaks them).
        var nextLine = 1
    }

    /// Reads `journal` and lays its events after the compiled prefix (`compiledEvents` lines) over `base`.
    ///
    /// The journal is read once, and a second time only when a subject touched after the prefix has
    /// a re-consent, for those subjects' events.
    package init(base: any NumberList, journal: some OptOutStore, compiledEvents: Int, scope: OptOutScope?) throws {
        var overlay = Overlay()
        var touched = Set<UInt64>()
        var lastLine = 0
        try journal.forEachEvent { event, line in
            lastLine = line
            if event.action == .reconsent { overlay.reconsented.formUnion(event.subjects) }
            // Beyond the compiled prefix; a blank line in the prefix only makes this wider, which is safe:
            // the overlay's answer is exact for every subject.
            guard line > compiledEvents else { return }
            touched.formUnion(event.subjects)
            if event.action == .optOut, Self.binds(event.scope, compiledFor: scope) {
                overlay.listed.formUnion(event.subjects)
            }
        }
        overlay.listed.subtract(overlay.reconsented)
        overlay.exact = touched.intersection(overlay.reconsented)
        overlay.nextLine = lastLine + 1
        if !overlay.exact.isEmpty { try Self.readHistory(of: overlay.exact, from: journal, into: &overlay.state) }
        self.base = base
        self.info = base.info
        self.journal = journal
        self.scope = scope
        self.overlay = Mutex(overlay)
    }

    /// Whether a number (E.164 digits) or a person (``PersonKey`` subject) is opted out.
    package func contains(_ subject: UInt64) -> Bool {
        let live: Bool? = overlay.withLock { overlay in
            if overlay.exact.contains(subject) { return overlay.state.isListed(subject, compiledFor: scope) }
            return overlay.listed.contains(subject) ? true : nil
        }
        return live ?? base.contains(subject)
    }

    /// Lays events just appended to the journal over the index. The caller serialises appends and
    /// calls (the server's recording lock), so the journal holds these events and no later ones.
    ///
    /// - Throws: `RecordError` when the journal cannot be read back for a subject's history. The
    ///   overlay takes the safe side then: an opt-out binds, a re-consent waits for the next start.
    package func apply(_ events: [OptOutEvent]) throws {
        // Subjects that need their history first: a re-consent now, or a new event of a subject that has one.
        let needHistory: Set<UInt64> = overlay.withLock { overlay in
            var subjects = Set<UInt64>()
            for event in events {
                for subject in event.subjects where !overlay.exact.contains(subject) {
                    if event.action == .reconsent || overlay.reconsented.contains(subject) { subjects.insert(subject) }
                }
            }
            return subjects
        }
        // Read outside the overlay's lock, so checks go on meanwhile; the history includes `events`.
        var history = OptOutState()
        var failure: (any Error)?
        if !needHistory.isEmpty {
            do { try Self.readHistory(of: needHistory, from: journal, into: &history) } catch { failure = error }
        }
        let historyRead = failure == nil ? needHistory : []
        overlay.withLock { overlay in
            if !historyRead.isEmpty {
                overlay.state.merge(history)
                overlay.exact.formUnion(historyRead)
                overlay.reconsented.formUnion(historyRead)
                overlay.listed.subtract(historyRead)
            }
            for event in events {
                let line = overlay.nextLine
                overlay.nextLine += 1
                for subject in event.subjects where !historyRead.contains(subject) {
                    if overlay.exact.contains(subject) {
                        overlay.state.apply(event, line: line, to: subject)
                    } else if event.action == .optOut, Self.binds(event.scope, compiledFor: scope) {
                        overlay.listed.insert(subject)
                    }
                }
            }
        }
        if let failure { throw failure }
    }

    /// Subjects the overlay decides, for `/metrics`.
    package var touchedCount: Int { overlay.withLock { $0.listed.count + $0.exact.count } }

    /// Whether an opt-out of `scope` lists its subject on an index compiled for `compiled` (nil: every scope).
    private static func binds(_ scope: OptOutScope, compiledFor compiled: OptOutScope?) -> Bool {
        guard let compiled else { return true }
        return scope.isAll || scope == compiled
    }

    /// Applies every event of the journal to `subjects`, and to no other subject.
    private static func readHistory(
        of subjects: Set<UInt64>, from journal: some OptOutStore, into state: inout OptOutState
    ) throws {
        try journal.forEachEvent { event, line in
            for subject in event.subjects where subjects.contains(subject) {
                state.apply(event, line: line, to: subject)
            }
        }
    }
}
