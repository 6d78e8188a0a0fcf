import Foundation

/// What changed since the previous published run of the same output folder: rows in, callable rows
/// and rejections by reason, before and now, so "why did today's list shrink?" has an answer in the
/// report (`since_previous_run`) rather than in a spreadsheet of two reports.
///
/// The previous run is read from its published `report.json`: only the counts compared here, so a
/// report written by another version of scrub still compares.
public struct RunChanges: Sendable, Codable, Equatable {
    /// One count, before and now.
    public struct Count: Sendable, Codable, Equatable {
        public var before: Int
        public var now: Int
        public var change: Int

        init(_ before: Int, _ now: Int) {
            self.before = before
            self.now = now
            change = now - before
        }
    }

    /// Leads matched between the two runs (``LeadOutcomes``): which changed, and how.
    public struct Leads: Sendable, Codable, Equatable {
        /// What leads are known by (``LeadOutcomes``).
        public enum Key: String, Sendable, Codable {
            /// Their person key, `person_column`.
            case personColumn = "person_column"
            /// Their first number.
            case number
        }

        public var matchedBy: Key
        /// Distinct leads in the previous run and in this one.
        public var before: Int
        public var now: Int
        /// Leads of this run that the previous one did not have, and leads of the previous one this
        /// run does not have.
        public var new = 0
        public var gone = 0
        /// Leads rejected before and callable now.
        public var newlyCallable = 0
        /// Leads callable before and rejected now, by their reason now.
        public var newlyRejected: [String: Int] = [:]
    }

    /// The counts read from the previous report.
    struct Previous: Decodable {
        var outputSet: String?
        var campaignDate: String
        var rowsIn: Int
        var clean: Int
        var rejectedByReason: [String: Int]
    }

    /// The previous run's output set (`OUT.sets/ID`) and campaign date.
    public var previousOutputSet: String?
    public var previousCampaignDate: String
    public var rowsIn: Count
    public var clean: Count
    /// Every reason either run rejected a row for.
    public var rejectedByReason: [String: Count]
    /// Lead by lead; absent when the previous set kept no lead outcomes (an older version wrote it).
    public var leads: Leads? = nil

    init(previous: Previous, now report: RunReport) {
        previousOutputSet = previous.outputSet
        previousCampaignDate = previous.campaignDate
        rowsIn = Count(previous.rowsIn, report.rowsIn)
        clean = Count(previous.clean, report.clean)
        var reasons: [String: Count] = [:]
        for reason in Set(previous.rejectedByReason.keys).union(report.rejectedByReason.keys) {
            let count = Count(previous.rejectedByReason[reason] ?? 0, report.rejectedByReason[reason] ?? 0)
            if count.before != 0 || count.now != 0 { reasons[reason] = count }
        }
        rejectedByReason = reasons
    }

    /// The counts of the run published in `folder`: nil when nothing was published there yet, or a
    /// warning when its report cannot be read (then no changes are reported; the run goes on).
    static func previousRun(in folder: String) -> (previous: Previous?, warning: String?) {
        let path = folder + "/report.json"
        guard FileManager.default.fileExists(atPath: path) else { return (nil, nil) }
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return (try decoder.decode(Previous.self, from: Data(contentsOf: URL(fileURLWithPath: path))), nil)
        } catch {
            return (nil, "the previous run's report (\(path)) cannot be read, so no changes since it are reported")
        }
    }
}
