import Foundation

/// One snapshot an index was built from: the full list it started as, or a change list applied since.
///
/// An index built by `scrub registry build` has one link, the full snapshot; each `scrub registry update`
/// appends one. The last link's date is the index's `snapshotDate`. The chain shows how a date was
/// reached: an index whose snapshot date is recent but whose chain is a two-month-old full list and one
/// empty change list is as fresh as the registry operator's statement that nothing changed, and the
/// chain says so (see `docs/index-format.md`, "Snapshot chain").
public struct SnapshotLink: Codable, Sendable, Equatable {
    /// What the link is.
    public enum Kind: String, Codable, Sendable {
        /// A full snapshot of the list.
        case full
        /// A change list (additions and removals) applied to the index before it.
        case delta
    }

    public var kind: Kind
    /// The snapshot's date, `YYYY-MM-DD`.
    public var date: String
    /// For a delta: the snapshot date the change list says it follows (`--base-date`), when it said.
    public var follows: String?
    /// For a delta: the key lines of its change files, additions and removals together; 0 for an empty
    /// change list.
    public var changes: Int?

    public init(kind: Kind, date: String, follows: String? = nil, changes: Int? = nil) {
        self.kind = kind
        self.date = date
        self.follows = follows
        self.changes = changes
    }

    /// How `scrub registry info` shows the link.
    public var description: String {
        switch kind {
        case .full: return "full \(date)"
        case .delta:
            let base = follows.map { ", follows \($0) (declared)" } ?? ""
            return "delta \(date)\(base), \(changes ?? 0) change(s)"
        }
    }
}

extension IndexMetadata {
    /// The snapshots the index was built from, oldest first; nil for a version 1 file made by an
    /// update, which did not record them.
    public var snapshotChain: [SnapshotLink]? {
        if let chain { return chain }
        return parent == nil ? [SnapshotLink(kind: .full, date: snapshotDate)] : nil
    }

    /// Today's date in UTC, `YYYY-MM-DD`: what snapshot dates are checked against.
    public static func todayUTC(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        func pad(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        return "\(pad(parts.year!, 4))-\(pad(parts.month!, 2))-\(pad(parts.day!, 2))"
    }

    /// How many days after today (UTC) a snapshot date may be: it is already tomorrow in time zones
    /// ahead of UTC (Sydney is UTC+10 or +11), where registries publish.
    public static let futureGraceDays = 1

    /// Whether `date` is later than `today` plus ``futureGraceDays``: a typo (2062 for 2026) that would
    /// keep an index fresh for decades. Malformed dates are not in the future (they fail elsewhere).
    public static func isInFuture(_ date: String, today: String) -> Bool {
        guard let snapshot = Self.day(date), let now = Self.day(today) else { return false }
        return snapshot > now + futureGraceDays
    }

    /// Throws when `date` is after `today` (UTC) plus a day's grace.
    static func checkNotInFuture(_ date: String, today: String, path: String) throws {
        guard !isInFuture(date, today: today) else {
            throw IndexError(
                .invalidArgument, path: path,
                message: "snapshot date \(date) is in the future (today is \(today) UTC, with \(futureGraceDays) "
                    + "day's grace): an index dated ahead would look fresh until then; give the date the snapshot "
                    + "was taken")
        }
    }
}
