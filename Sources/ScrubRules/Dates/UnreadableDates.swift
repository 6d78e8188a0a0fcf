import ScrubIO

/// Date values of the lead file that do not read in their column's format, counted per column, for the
/// run's warnings.
///
/// A US date read as ISO 8601 is no date, so the consent it records silently does not count; this
/// tally is what says so. Every row's date columns are read (not only the rows a rule asked about), so
/// the count is the file's, whatever the rows' numbers. A blank value is no date, not an unreadable one.
/// A warning names the column, the format, the count and the first few lines, never a value.
public struct UnreadableDates: Sendable {
    /// One date column and what was counted in it.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var index: Int
        public var format: DateFormat
        /// Rows whose non-blank value did not read.
        public var rows = 0
        /// The input lines of the first few of them.
        public var lines: [Int] = []
        /// The consent policy's day this column gives, when it is one of the policy's columns: a
        /// row's ``LeadEvidence`` holds it read already.
        var evidenceDay: EvidenceDay?

        public init(name: String, index: Int, format: DateFormat) {
            self.name = name
            self.index = index
            self.format = format
        }
    }

    /// Which day of ``LeadEvidence`` a policy's date column gives.
    enum EvidenceDay: Sendable, Equatable {
        case consent, relationship
    }

    /// At most this many lines are named per column.
    public static let maxLines = 5

    public private(set) var columns: [Column]

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// The tally for a consent policy's date columns in `header`; nil when the policy reads no dates.
    public init?(policy: ConsentPolicy, header: [String]) {
        var columns: [Column] = []
        for (index, format, day) in [
            (policy.columns.timestamp, policy.dateFormats.timestamp, EvidenceDay.consent),
            (policy.columns.relationshipDate, policy.dateFormats.relationshipDate, EvidenceDay.relationship),
        ] {
            guard let index, index < header.count, !columns.contains(where: { $0.index == index }) else { continue }
            var column = Column(name: header[index], index: index, format: format)
            column.evidenceDay = day
            columns.append(column)
        }
        guard !columns.isEmpty else { return nil }
        self.columns = columns
    }

    /// Reads `record`'s date columns and counts those that do not read.
    public mutating func count(_ record: CSVRecord) {
        count(record, evidence: nil)
    }

    /// Counts `record`'s date columns that do not read, taking the policy's columns' days from
    /// `evidence` (the row's, read by the same policy) rather than reading each date twice.
    package mutating func count(_ record: CSVRecord, evidence: LeadEvidence?) {
        for position in columns.indices {
            let column = columns[position]
            guard column.index < record.count else { continue }
            let readable = record.withField(column.index) { field in
                guard !DateFormat.isBlank(field) else { return true }
                switch (column.evidenceDay, evidence) {
                case (.consent?, let evidence?): return evidence.consentDay != nil
                case (.relationship?, let evidence?): return evidence.relationshipDay != nil
                default: return column.format.day(field) != nil
                }
            }
            guard !readable else { continue }
            columns[position].rows += 1
            if columns[position].lines.count < Self.maxLines { columns[position].lines.append(record.line) }
        }
    }

    /// What was counted since the last call, leaving this tally empty: a worker hands each chunk's
    /// counts to the sequencer, which adds them in input order (so the lines named are the first).
    public mutating func take() -> UnreadableDates {
        let taken = self
        for position in columns.indices {
            columns[position].rows = 0
            columns[position].lines = []
        }
        return taken
    }

    /// Adds the counts of `later`, a tally of the same columns over rows that come after these.
    public mutating func add(_ later: UnreadableDates) {
        for position in columns.indices where position < later.columns.count {
            columns[position].rows += later.columns[position].rows
            let room = Self.maxLines - columns[position].lines.count
            columns[position].lines += later.columns[position].lines.prefix(max(0, room))
        }
    }

    /// One warning per column with unreadable values: `date column "Consent Date": 3 row(s) do not read as
    /// MM/DD/YYYY (lines 2, 7, 9) and count as no date: no consent, no business relationship`.
    public var warnings: [String] {
        columns.filter { $0.rows > 0 }.map { column in
            let lines = column.lines.map(String.init).joined(separator: ", ")
            let more = column.rows > column.lines.count ? ", ..." : ""
            return "date column \"\(column.name)\": \(column.rows) row(s) do not read as \(column.format) "
                + "(line\(column.lines.count == 1 ? "" : "s") \(lines)\(more)) and count as no date: no consent, "
                + "no business relationship; set `date_format` in the pipeline's `consent` section"
        }
    }
}
