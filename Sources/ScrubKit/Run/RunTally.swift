/// Running counts of rejected rows for the report; clean rows are counted by `CleanAnnotations`.
///
/// Rows are counted by number profile, not by region text, so a row costs an integer-keyed
/// increment; the report's per-region counts are summed at the end.
struct RunTally {
    var rowsIn = 0
    var cleanRows = 0
    var rejectedRows = 0
    var rejectedByReason: [RejectReason: Int] = [:]
    var byList: [String: Int] = [:]
    private var rejectedByProfile: [Int: (profile: NumberProfile, rows: Int)] = [:]
    private var rejectedWithoutNumber = 0

    init(lists: [NumberList]) {
        for list in lists { byList[list.info.detail] = 0 }
    }

    mutating func reject(_ reason: RejectReason, list: String?, number: NumberFacts?) {
        rejectedRows += 1
        rejectedByReason[reason, default: 0] += 1
        if let list { byList[list, default: 0] += 1 }
        if let profile = number?.profile {
            rejectedByProfile[profile.id, default: (profile, 0)].rows += 1
        } else {
            rejectedWithoutNumber += 1
        }
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
