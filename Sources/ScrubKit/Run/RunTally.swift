/// Running counts of the run's decisions for the report; clean rows' annotations are counted by
/// `CleanAnnotations`.
///
/// Everything is counted from the ``Decision`` values, by identity: rejections by list position and
/// by cap, exemptions by kind. Rows are counted by number profile, not by region text, so a row costs
/// an integer-keyed increment; the report's per-region counts are summed at the end.
struct RunTally {
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
    private var rejectedByProfile: [Int: (profile: NumberProfile, rows: Int)] = [:]
    private var rejectedWithoutNumber = 0

    init(lists: Int) {
        rejectedByList = Array(repeating: 0, count: lists)
    }

    /// Counts one decided row.
    mutating func count(_ decision: Decision) {
        guard let reason = decision.reason else {
            cleanRows += 1
            if let exemption = decision.exemption { exempted[exemption, default: 0] += 1 }
            return
        }
        reject(reason, number: decision.number)
        if let list = decision.list { rejectedByList[list] += 1 }
        if reason == .frequencyCap, let cap = decision.cap { rejectedByCap[cap, default: 0] += 1 }
    }

    /// Counts one rejected row (a malformed one has no decision).
    mutating func reject(_ reason: RejectReason, number: NumberFacts?) {
        rejectedRows += 1
        rejectedByReason[reason, default: 0] += 1
        if let profile = number?.profile {
            rejectedByProfile[profile.id, default: (profile, 0)].rows += 1
        } else {
            rejectedWithoutNumber += 1
        }
    }

    /// The report's `rejected_by_list`: each list's count under its `reject_detail`.
    func rejectedByList(_ lists: [NumberList]) -> [String: Int] {
        Dictionary(zip(lists.map(\.info.detail), rejectedByList), uniquingKeysWith: +)
    }

    /// The report's `rejected_by_cap`, by cap name.
    var rejectedByCapName: [String: Int] {
        Dictionary(rejectedByCap.map { ($0.key.name, $0.value) }, uniquingKeysWith: +)
    }

    /// The report's counts, summed from the rejected rows and the clean rows' `entries`.
    func summary(clean entries: [CleanAnnotations.Entry], hourStart: Int64) -> Summary {
        var summary = Summary()
        if rejectedWithoutNumber > 0 { summary.rowsByRegion["unknown"] = rejectedWithoutNumber }
        for (profile, rows) in rejectedByProfile.values { summary.rowsByRegion[profile.region, default: 0] += rows }
        for entry in entries {
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
            uniqueKeysWithValues: rejectedByReason.map { ($0.key.rawValue, $0.value) })
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
