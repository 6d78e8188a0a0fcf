import CallingWindows

/// Answers imported from the FCC Reassigned Numbers Database (RND), loaded once per run into a compact
/// table keyed by E.164 (`reassigned: {files: [...]}` in a pipeline).
///
/// The RND cannot be downloaded: a caller asks it about a number and a date (the day it obtained
/// consent, or last knew it reached the person) and it answers "yes" (permanently disconnected on or
/// after that date), "no" (not disconnected since; the safe harbour of 47 CFR 64.1200(m) for a call that
/// still reaches someone else through a database error) or "no data". This table holds those answers
/// as the caller downloaded them; ``ReassignedRule`` compares them with each lead's dates.
///
/// - Complexity: a lookup is a binary search over the sorted numbers, O(log n); the table costs 16 bytes
///   an answer.
public struct ReassignedNumbers: Sendable {
    /// The RND's three answers.
    public enum Answer: String, Sendable, CaseIterable, Comparable {
        case yes
        case no
        case noData = "no_data"

        public static func < (lhs: Answer, rhs: Answer) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What the answers say about one row, counted in `report.json` (``Decision/reassigned``).
    public enum Finding: String, Sendable, CaseIterable, Codable {
        /// A "yes" for a date on or after the lead's dates: rejected `REASSIGNED`.
        case reassigned
        /// A "no" for a date on or before the lead's: the safe harbour holds.
        case notReassigned = "not_reassigned"
        /// Only "no data": the database could not say.
        case noData = "no_data"
        /// Answers about other dates only (a "yes" before the lead's date, a "no" after it): ask again
        /// with the lead's date.
        case otherDates = "other_dates"
    }

    /// One answer: the date asked about (a day number), the answer, the file it came from.
    struct Entry: Sendable, Equatable {
        var dayAsked: Int32
        var answer: Answer
        var file: UInt16

        var dateAsked: LocalDate { LocalDate(dayNumber: Int(dayAsked)) }
    }

    /// What one answers file held: counts by answer and the span of dates asked, never a number.
    public struct FileFacts: Sendable, Equatable {
        public var path: String
        public var answers: [Answer: Int]
        public var firstDateAsked: LocalDate?
        public var lastDateAsked: LocalDate?

        public init(
            path: String, answers: [Answer: Int] = [:], firstDateAsked: LocalDate? = nil,
            lastDateAsked: LocalDate? = nil
        ) {
            self.path = path
            self.answers = answers
            self.firstDateAsked = firstDateAsked
            self.lastDateAsked = lastDateAsked
        }
    }

    /// Sorted; `entries[i]` is the answer of `numbers[i]`, a number's answers by date asked.
    private let numbers: [UInt64]
    private let entries: [Entry]
    public let files: [FileFacts]

    /// A table of `answers` (number, entry), in any order, read from `files`.
    init(answers: [(number: UInt64, entry: Entry)], files: [FileFacts]) {
        let sorted = answers.sorted {
            ($0.number, $0.entry.dayAsked, $0.entry.answer, $0.entry.file)
                < ($1.number, $1.entry.dayAsked, $1.entry.answer, $1.entry.file)
        }
        numbers = sorted.map(\.number)
        entries = sorted.map(\.entry)
        self.files = files
    }

    /// The answers about `e164`, by date asked; empty when the number was not asked about.
    func answers(for e164: UInt64) -> ArraySlice<Entry> {
        let low = numbers.lowerBound(of: e164)
        var end = low
        while end < numbers.count, numbers[end] == e164 { end += 1 }
        return entries[low..<end]
    }

    /// The number of answers held.
    public var count: Int { numbers.count }
}
