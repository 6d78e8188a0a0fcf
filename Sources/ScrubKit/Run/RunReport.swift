/// Everything `report.json` says about a run. Rows in = clean + rejected, always.
public struct RunReport: Sendable, Codable {
    public struct FileFacts: Sendable, Codable {
        public var path: String
        public var bytes: Int64
        public var sha256: String
    }

    public struct ListFacts: Sendable, Codable {
        public var name: String
        public var kind: String
        /// The regions the list was declared for.
        public var regions: [String]
        /// The regions whose numbers it was checked for (`NumberListInfo.coverage`); empty: every region.
        public var covers: [String]
        public var snapshotDate: String?
        public var ageDays: Int?
        public var maxAgeDays: Int?
        public var stale: Bool
        public var entries: Int
        public var path: String
        public var sha256: String
        /// Rows this list rejected.
        public var rejected: Int
        /// A litigator list's `min_grade`, and the rows it listed below it (not rejected).
        public var minGrade: Int? = nil
        public var belowMinGrade: Int? = nil
    }

    /// One column of `report.group_by`: its most frequent values and what their rows came to.
    public struct GroupFacts: Sendable, Codable, Equatable {
        public struct Value: Sendable, Codable, Equatable {
            /// As the input writes it (a field that is not UTF-8 read as Windows-1252).
            public var value: String
            public var rows: Int
            public var clean: Int
            public var rejectedByReason: [String: Int]

            init(_ value: String, _ counts: GroupCounts.Counts) {
                self.value = value
                rows = counts.rows
                clean = counts.clean
                rejectedByReason = Dictionary(
                    uniqueKeysWithValues: counts.rejected.filter { $0.value != 0 }.map { ($0.key.rawValue, $0.value) })
            }
        }

        public var column: String
        /// At most 100, by rows.
        public var values: [Value]
        /// Every other value's rows summed; absent when there are none.
        public var other: Value?
        /// Values told apart (at most 10,000).
        public var distinctValues: Int
        /// True when the column had more than 10,000 values: the rest are in `other`.
        public var valuesPastLimit: Bool
    }

    /// The numbers of a run whose leads have several phone columns: rows are leads, these are the
    /// numbers in them.
    public struct PhoneNumberFacts: Sendable, Codable, Equatable {
        /// The phone columns, in priority order.
        public var columns: [String]
        /// Numbers in non-empty phone columns, and how many of them were callable.
        public var numbers: Int
        public var callable: Int
        public var rejectedByReason: [String: Int]
        /// Callable leads by the column of the number they are called on, in the columns' order.
        public var callableLeadsByColumn: [ColumnCount]

        public struct ColumnCount: Sendable, Codable, Equatable {
            public var column: String
            public var leads: Int
        }
    }

    public struct Timings: Sendable, Codable {
        /// Wall-clock seconds, start to published outputs.
        public var totalSeconds: Double
        public var rowsPerSecond: Double
        /// CPU seconds by stage, so a slow run says where its time went: `inflate` (the reading
        /// thread), `parse`, `decide` and `write` (summed over the workers; deciding and encoding
        /// split by sampling rows), `sequencer` (the one thread that takes chunks in input order:
        /// duplicates, counts, copying rows to the outputs), `compress` (summed over the threads that
        /// compressed) and `other` (set-up, hashing, reports, waiting threads' overhead).
        public var cpuSeconds: [String: Double]

        static func cpuStages(
            inflate: Double, parse: Double, decide: Double, write: Double, sequencer: Double, compress: Double,
            process: Double
        ) -> [String: Double] {
            let stages = [
                "inflate": inflate, "parse": parse, "decide": decide, "write": write, "sequencer": sequencer,
                "compress": compress,
            ]
            return stages.merging(["other": max(0, process - stages.values.reduce(0, +))]) { $1 }
        }
    }

    public var pipeline: String
    public var campaignDate: String
    public var purpose: String
    public var rulesVersion: String?
    public var allowStale: Bool
    public var rowsIn: Int
    public var clean: Int
    public var rejected: Int
    public var rejectedByReason: [String: Int]
    public var rejectedByList: [String: Int]
    public var rowsByRegion: [String: Int]
    public var cleanByRegion: [String: Int]
    public var cleanByLineType: [String: Int]
    public var ambiguousTimeZones: Int
    /// Clean rows callable in each UTC hour of the campaign day's windows (index 0 = first hour).
    public var callableByUTCHour: [Int]
    public var callableHoursStart: String?
    /// Clean rows callable in each local hour (0 to 23) of the campaign date, by IANA zone; a row of
    /// several zones counts under each.
    public var callableByLocalHour: [String: [Int]]? = nil
    public var inputs: [FileFacts]
    public var lists: [ListFacts]
    public var outputs: [FileFacts]
    public var warnings: [String]
    /// The opt-out journal behind a suppression index, and the events not yet compiled into it.
    public var optOutJournal: OptOutJournalFacts? = nil
    /// Consent regions, exemptions granted and rows rejected by frequency caps.
    public var compliance: ComplianceFacts? = nil
    /// The reassigned-number answers read and what they said of the rows, when the pipeline has any.
    public var reassigned: ReassignedFacts? = nil
    /// The line-type data read (its date and files), when the pipeline has any.
    public var lineTypes: LineTypeFacts? = nil
    /// The output set these outputs were published as (`OUT.sets/ID`, `docs/operations.md`).
    public var outputSet: String? = nil
    /// Where the run's audit record is: `output.audit_log`, else `audit.jsonl` beside the output
    /// folder (so `--out` elsewhere puts it elsewhere, which the summary and the report say).
    public var auditLog: String? = nil
    /// Rows in, callable and rejected by reason against the run published before in the same output
    /// folder; absent for the first run there.
    public var sincePreviousRun: RunChanges? = nil
    /// Rows, clean and rejected by reason for each value of the `report.group_by` columns.
    public var groups: [GroupFacts]? = nil
    /// Leads told apart by their person key (`person_column`), else by their number; rows with
    /// neither are not counted (``LeadOutcomes``).
    public var distinctLeads: Int? = nil
    /// Distinct E.164 numbers in the phone columns.
    public var distinctNumbers: Int? = nil
    /// The numbers in the leads, when `phone_column` names several columns.
    public var phoneNumbers: PhoneNumberFacts? = nil
    /// True for `scrub run --dry-run`: everything was read and decided, nothing was published.
    public var dryRun: Bool? = nil
    /// Varies between runs of the same inputs; everything else in the report does not.
    public var timings: Timings
}
