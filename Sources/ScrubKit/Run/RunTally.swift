import ScrubRules

/// Running counts of the run's decisions for the report.
///
/// Everything is counted from the ``Decision`` values, by identity: rejections by list position and
/// by cap, exemptions by kind, clean rows by (number profile, window annotation). Rows are counted by
/// number profile, not by region text, so a row costs an integer-keyed increment; the report's
/// per-region counts are summed at the end.
///
/// Workers count the rows of each chunk in a tally of their own, as if every decision were final; the
/// sequencer adds the chunks' tallies up (``add(_:)``) and, for a row that turns out to be a
/// duplicate, takes its first decision back (``count(_:by:)`` with -1) before it counts the
/// `DUPLICATE`. Profiles and annotations made by different workers are different objects with equal
/// text, so the report's sums go by text, never by id.
struct RunTally: Sendable {
    /// Clean rows of one (number profile, window annotation).
    struct CleanEntry: Sendable {
        let profile: NumberProfile
        let window: WindowAnnotation?
        var rows = 0
    }

    var rowsIn = 0
    var cleanRows = 0
    var rejectedRows = 0
    var rejectedByReason: [RejectReason: Int] = [:]
    /// Rows rejected by each list, by its position (``Decision/list``: registries, then suppression lists).
    private(set) var rejectedByList: [Int]
    /// Rows rejected by each frequency cap.
    private(set) var rejectedByCap: [FrequencyCap: Int] = [:]
    /// Clean rows let past a registry match, by exemption.
    private(set) var exempted: [Exemption: Int] = [:]
    /// Rows whose number had reassigned-number answers when its rule judged it, by what they said.
    private(set) var reassigned: [ReassignedNumbers.Finding: Int] = [:]
    /// Rows a litigator list listed below its `min_grade`, by the list's position.
    private(set) var belowMinGrade: [Int: Int] = [:]
    /// Clean rows by ``cleanKey(_:_:)``.
    private(set) var clean: [UInt64: CleanEntry] = [:]
    /// The numbers of leads with several phone columns (rows are leads; these are their numbers).
    var numbers = NumberCounts()
    private var rejectedByProfile: [Int: (profile: NumberProfile, rows: Int)] = [:]
    private var rejectedWithoutNumber = 0

    init(lists: Int) {
        rejectedByList = Array(repeating: 0, count: lists)
    }

    /// The key of clean rows of `profile` and `window`: profile id (high half), window id + 1 (low half).
    static func cleanKey(_ profile: NumberProfile, _ window: WindowAnnotation?) -> UInt64 {
        UInt64(profile.id) << 32 | UInt64(window.map { $0.id + 1 } ?? 0)
    }

    /// Counts one decided row (`by: -1` takes a counted decision back). A clean row's (profile,
    /// window) is counted apart, by ``countClean(_:_:rows:)``: a worker counts those per chunk in
    /// ``CleanAnnotations``, by index, where a dictionary here would cost a hash per row.
    mutating func count(_ decision: Decision, by delta: Int = 1) {
        if let finding = decision.reassigned { reassigned[finding, default: 0] += delta }
        if let list = decision.belowMinGrade { belowMinGrade[list, default: 0] += delta }
        guard let reason = decision.reason else {
            cleanRows += delta
            if let exemption = decision.exemption { exempted[exemption, default: 0] += delta }
            return
        }
        reject(reason, number: decision.number, by: delta)
        if let list = decision.list { rejectedByList[list] += delta }
        if reason == .frequencyCap, let cap = decision.cap { rejectedByCap[cap, default: 0] += delta }
    }

    /// Counts `rows` clean rows of `profile` and `window` (negative to take them back).
    mutating func countClean(_ profile: NumberProfile, _ window: WindowAnnotation?, rows: Int) {
        clean[Self.cleanKey(profile, window), default: CleanEntry(profile: profile, window: window)].rows += rows
    }

    /// Counts one rejected row (a malformed one has no decision).
    mutating func reject(_ reason: RejectReason, number: NumberFacts?, by delta: Int = 1) {
        rejectedRows += delta
        rejectedByReason[reason, default: 0] += delta
        if let profile = number?.profile {
            rejectedByProfile[profile.id, default: (profile, 0)].rows += delta
        } else {
            rejectedWithoutNumber += delta
        }
    }

    /// Adds the counts of `other` (a chunk's).
    mutating func add(_ other: RunTally) {
        rowsIn += other.rowsIn
        cleanRows += other.cleanRows
        rejectedRows += other.rejectedRows
        rejectedByReason.merge(other.rejectedByReason, uniquingKeysWith: +)
        for (position, rows) in other.rejectedByList.enumerated() { rejectedByList[position] += rows }
        rejectedByCap.merge(other.rejectedByCap, uniquingKeysWith: +)
        exempted.merge(other.exempted, uniquingKeysWith: +)
        reassigned.merge(other.reassigned, uniquingKeysWith: +)
        belowMinGrade.merge(other.belowMinGrade, uniquingKeysWith: +)
        clean.merge(other.clean) { mine, theirs in
            var sum = mine
            sum.rows += theirs.rows
            return sum
        }
        rejectedByProfile.merge(other.rejectedByProfile) { ($0.profile, $0.rows + $1.rows) }
        rejectedWithoutNumber += other.rejectedWithoutNumber
        numbers.add(other.numbers)
    }

    /// The report's `rejected_by_list`: each list's count under its `reject_detail`.
    func rejectedByList(_ lists: [NumberList]) -> [String: Int] {
        Dictionary(zip(lists.map(\.info.detail), rejectedByList), uniquingKeysWith: +)
    }

    /// The report's `rejected_by_cap`, by cap name.
    var rejectedByCapName: [String: Int] {
        Dictionary(rejectedByCap.filter { $0.value != 0 }.map { ($0.key.name, $0.value) }, uniquingKeysWith: +)
    }

    /// Clean rows by exemption, without the kinds a taken-back decision left at zero.
    var exemptedRows: [Exemption: Int] { exempted.filter { $0.value != 0 } }

    /// The report's counts, summed from the rejected and the clean rows.
    func summary(hourStart: Int64) -> Summary {
        var summary = Summary()
        if rejectedWithoutNumber > 0 { summary.rowsByRegion["unknown"] = rejectedWithoutNumber }
        for (profile, rows) in rejectedByProfile.values where rows != 0 {
            summary.rowsByRegion[profile.region, default: 0] += rows
        }
        for entry in clean.values where entry.rows != 0 {
            summary.rowsByRegion[entry.profile.region, default: 0] += entry.rows
            summary.cleanByRegion[entry.profile.region, default: 0] += entry.rows
            summary.cleanByLineType[entry.profile.lineType, default: 0] += entry.rows
            guard let window = entry.window else { continue }
            if window.ambiguous { summary.ambiguous += entry.rows }
            for interval in window.intervals {
                let first = max(0, Int((interval.lowerBound - hourStart) / 3_600))
                let last = min(47, Int((interval.upperBound - 1 - hourStart) / 3_600))
                if first <= last { for hour in first...last { summary.hours[hour] += entry.rows } }
            }
        }
        summary.rejectedByReason = Dictionary(
            uniqueKeysWithValues: rejectedByReason.filter { $0.value != 0 }.map { ($0.key.rawValue, $0.value) })
        return summary
    }

    struct Summary {
        var rejectedByReason: [String: Int] = [:]
        var rowsByRegion: [String: Int] = [:]
        var cleanByRegion: [String: Int] = [:]
        var cleanByLineType: [String: Int] = [:]
        var ambiguous = 0
        var hours = [Int](repeating: 0, count: 48)
    }
}
