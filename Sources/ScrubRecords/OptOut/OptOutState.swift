/// The journal's current state: for each subject (a number, or a person: ``PersonKey``) and scope,
/// the latest event, by the time the person asked (ties go to the later line).
///
/// A subject is opted out of a scope when its latest event in that scope is an opt-out. Re-consent
/// lifts exactly its own scope: a re-consent for `all` does not lift a brand's opt-out, and a brand's
/// re-consent does not lift an opt-out of `all`. An event that applies to a person binds both its
/// number and the person (``OptOutEvent/subjects``); a re-consent of a person lifts both again, and
/// a re-consent of the number alone leaves the person's opt-out, which still binds every lead that
/// carries the person key.
public struct OptOutState: Sendable {
    struct Key: Hashable {
        /// A number's E.164 digits or a person's subject.
        var subject: UInt64
        var scope: OptOutScope
    }

    struct Latest {
        var time: UTCTime
        var line: Int
        var action: OptOutEvent.Action
        /// When the opt-out stops binding: the longest expiry of the opt-outs since the latest
        /// re-consent (nil: never). Events may come out of time order, so an opt-out older than a
        /// re-consent applied later may still lengthen it: the error is always on the side of keeping.
        var expiresAt: UTCTime?
        /// The latest re-consent applied, whatever came after it.
        var reconsent: (time: UTCTime, line: Int)?

        /// An opt-out that binds at `time` (nil: whenever; see ``OptOutEvent/isInForce(at:)``).
        func optsOut(at time: UTCTime?) -> Bool {
            guard action == .optOut else { return false }
            guard let expiresAt, let time else { return true }
            return time < expiresAt
        }
    }

    private var latest: [Key: Latest] = [:]
    /// The scopes other than `all` each subject has events in: brand opt-outs are few, so this stays small.
    private var brandScopes: [UInt64: Set<OptOutScope>] = [:]
    /// Events applied.
    public private(set) var eventCount = 0
    /// The latest event time seen.
    public private(set) var newest: UTCTime?

    public init() {}

    /// Applies the event on journal line `line`; events may come in any order of time.
    public mutating func apply(_ event: OptOutEvent, line: Int) {
        eventCount += 1
        if newest.map({ event.time > $0 }) ?? true { newest = event.time }
        for subject in event.subjects { apply(event, line: line, to: subject) }
    }

    /// Applies the event on journal line `line` to one of its subjects only, without counting it:
    /// for a state that holds the history of a few subjects (`scrub serve`'s overlay).
    public mutating func apply(_ event: OptOutEvent, line: Int, to subject: UInt64) {
        let key = Key(subject: subject, scope: event.scope)
        if !event.scope.isAll { brandScopes[subject, default: []].insert(event.scope) }
        guard var next = latest[key] else {
            latest[key] = Latest(
                time: event.time, line: line, action: event.action,
                expiresAt: event.action == .optOut ? event.expiresAt : nil,
                reconsent: event.action == .reconsent ? (event.time, line) : nil)
            return
        }
        let newer = (event.time, line) > (next.time, next.line)
        switch event.action {
        case .reconsent:
            if next.reconsent.map({ (event.time, line) > $0 }) ?? true { next.reconsent = (event.time, line) }
            if newer { (next.time, next.line, next.action, next.expiresAt) = (event.time, line, .reconsent, nil) }
        case .optOut:
            // A re-consent after it lifted it.
            if let reconsent = next.reconsent, (event.time, line) < reconsent { return }
            let binding = next.action == .optOut ? Self.longer(next.expiresAt, event.expiresAt) : event.expiresAt
            if newer { (next.time, next.line, next.action) = (event.time, line, .optOut) }
            if next.action == .optOut { next.expiresAt = binding }
        }
        latest[key] = next
    }

    /// Takes every subject's state from `other`, which holds only subjects this state does not.
    public mutating func merge(_ other: OptOutState) {
        latest.merge(other.latest) { _, new in new }
        brandScopes.merge(other.brandScopes) { $0.union($1) }
        eventCount += other.eventCount
        if let theirs = other.newest, newest.map({ theirs > $0 }) ?? true { newest = theirs }
    }

    /// The later of two expiries, where nil is never.
    private static func longer(_ a: UTCTime?, _ b: UTCTime?) -> UTCTime? {
        guard let a, let b else { return nil }
        return max(a, b)
    }

    /// Whether a call about `scope` to a subject (a number's E.164 digits, or a person's
    /// ``PersonKey`` subject) is opted out: by an opt-out of `all` or of `scope` that has not expired
    /// by `time` (nil: expiries are not applied).
    public func isOptedOut(_ subject: UInt64, for scope: OptOutScope = .all, at time: UTCTime? = nil) -> Bool {
        latest[Key(subject: subject, scope: .all)]?.optsOut(at: time) == true
            || latest[Key(subject: subject, scope: scope)]?.optsOut(at: time) == true
    }

    /// Whether a subject is on a suppression index compiled for `scope` as of `time`
    /// (``OptOutJournal/compile(to:name:scope:asOf:)``): opted out of `all` or of `scope`, or, when
    /// `scope` is nil, of any scope.
    public func isListed(_ subject: UInt64, compiledFor scope: OptOutScope?, at time: UTCTime? = nil) -> Bool {
        if let scope { return isOptedOut(subject, for: scope, at: time) }
        if latest[Key(subject: subject, scope: .all)]?.optsOut(at: time) == true { return true }
        return brandScopes[subject]?.contains {
            latest[Key(subject: subject, scope: $0)]?.optsOut(at: time) == true
        } ?? false
    }

    /// The opt-outs in force at `time` (nil: whatever their expiry) for calls about `scope` (`all` and
    /// `scope` itself), or of every scope when `scope` is nil, each with the journal line of the event
    /// that decides it.
    ///
    /// - Returns: journal line to the subjects it decides (a number, and a person for an event that
    ///   applies to one), ascending; one entry per (subject, scope) opted out.
    func inForce(for scope: OptOutScope?, at time: UTCTime? = nil) -> [Int: [UInt64]] {
        var lines: [Int: [UInt64]] = [:]
        for (key, event) in latest where event.optsOut(at: time) {
            if let scope, !key.scope.isAll, key.scope != scope { continue }
            lines[event.line, default: []].append(key.subject)
        }
        return lines.mapValues { $0.sorted() }
    }

    /// The distinct subjects opted out for `scope` at `time` (see ``inForce(for:at:)``), ascending:
    /// numbers first, then persons' subjects (``PersonKey/isSubject(_:)``).
    public func optedOut(for scope: OptOutScope?, at time: UTCTime? = nil) -> [UInt64] {
        Array(Set(inForce(for: scope, at: time).values.joined())).sorted()
    }

    /// The opt-outs that were in force but have expired by `time`, per (subject, scope).
    public func expiredCount(for scope: OptOutScope?, at time: UTCTime) -> Int {
        func count(_ lines: [Int: [UInt64]]) -> Int { lines.values.reduce(0) { $0 + $1.count } }
        return count(inForce(for: scope)) - count(inForce(for: scope, at: time))
    }
}
