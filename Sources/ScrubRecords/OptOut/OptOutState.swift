/// The journal's current state: for each number and scope, the latest event, by the time the person
/// asked (ties go to the later line).
///
/// A number is opted out of a scope when its latest event in that scope is an opt-out. Re-consent
/// lifts exactly its own scope: a re-consent for `all` does not lift a brand's opt-out, and a brand's
/// re-consent does not lift an opt-out of `all`.
public struct OptOutState: Sendable {
    struct Key: Hashable {
        var e164: UInt64
        var scope: OptOutScope
    }

    struct Latest {
        var time: UTCTime
        var line: Int
        var action: OptOutEvent.Action
    }

    private var latest: [Key: Latest] = [:]
    /// The scopes other than `all` each number has events in: brand opt-outs are few, so this stays small.
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
        let key = Key(e164: event.e164, scope: event.scope)
        if !event.scope.isAll { brandScopes[event.e164, default: []].insert(event.scope) }
        if let current = latest[key], (current.time, current.line) > (event.time, line) { return }
        latest[key] = Latest(time: event.time, line: line, action: event.action)
    }

    /// Whether a call about `scope` to `e164` is opted out: by an opt-out of `all` or of `scope`.
    public func isOptedOut(_ e164: UInt64, for scope: OptOutScope = .all) -> Bool {
        latest[Key(e164: e164, scope: .all)]?.action == .optOut
            || latest[Key(e164: e164, scope: scope)]?.action == .optOut
    }

    /// Whether `e164` is on a suppression index compiled for `scope` (``OptOutJournal/compile(to:name:scope:)``):
    /// opted out of `all` or of `scope`, or, when `scope` is nil, of any scope.
    public func isListed(_ e164: UInt64, compiledFor scope: OptOutScope?) -> Bool {
        if let scope { return isOptedOut(e164, for: scope) }
        if latest[Key(e164: e164, scope: .all)]?.action == .optOut { return true }
        return brandScopes[e164]?.contains { latest[Key(e164: e164, scope: $0)]?.action == .optOut } ?? false
    }

    /// The opt-outs in force for calls about `scope` (`all` and `scope` itself), or of every scope when
    /// `scope` is nil, each with the journal line of the event that decides it.
    ///
    /// - Returns: journal line to E.164, one entry per (number, scope) opted out.
    func inForce(for scope: OptOutScope?) -> [Int: UInt64] {
        var lines: [Int: UInt64] = [:]
        for (key, event) in latest where event.action == .optOut {
            if let scope, !key.scope.isAll, key.scope != scope { continue }
            lines[event.line] = key.e164
        }
        return lines
    }

    /// The distinct numbers opted out for `scope` (see ``inForce(for:)``), ascending.
    public func optedOut(for scope: OptOutScope?) -> [UInt64] {
        Array(Set(inForce(for: scope).values)).sorted()
    }
}
