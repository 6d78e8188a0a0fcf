/// Where opt-out events are kept, as `scrub serve` records and reads them: the journal file
/// (``OptOutJournal``) today; a store shared by several replicas (a database) later, behind the same
/// three calls, without touching the handlers.
///
/// A store appends all of a request's events or none, keeps them in the order appended, and hands
/// them back with their positions (1-based), which break ties in time as the journal's lines do.
public protocol OptOutStore: Sendable {
    /// The store as audit records name it: the journal's path.
    var name: String { get }

    /// Appends one event for each of `numbers`, after reading them all (see
    /// ``OptOutJournal/record(_:country:request:now:reading:)``).
    ///
    /// - Returns: the events appended, in order.
    /// - Throws: `RecordError`; nothing is appended then.
    @discardableResult
    func record(
        _ numbers: [String], country: String, request: OptOutRequest, now: UTCTime, reading: NumberReader
    ) throws -> [OptOutEvent]

    /// Calls `body` with every event and its position, in the order appended.
    func forEachEvent(_ body: (OptOutEvent, Int) throws -> Void) throws
}

extension OptOutJournal: OptOutStore {
    public var name: String { path }
}
