import CallingWindows

/// Reads answers files of the FCC Reassigned Numbers Database into a ``ReassignedNumbers`` table, every
/// malformed line reported as `file:line:column` (the run stops: a misread answer would clear or reject
/// a lead wrongly).
///
/// Two layouts, told apart by the header line's column names:
/// - the project's CSV, `number,date_asked,answer`;
/// - the RND's own query result file as the caller downloads it. Its layout is not published outside
///   the RND's user guide, so this reader assumes what that guide's screens show: a header-led CSV whose
///   columns name the telephone number (`Phone Number`, `TN`), the date the query named (`Date`,
///   `Date Provided`, `Consent Date`) and the result (`Result`, `Response`), in any order, other columns
///   ignored, fields optionally quoted.
///
/// Numbers are US (NANP) numbers, ten digits with or without `1`/`+1` and punctuation; dates
/// `YYYY-MM-DD` or `MM/DD/YYYY`; answers `yes`, `no` or `no data` (`no_data`), in any case.
public enum ReassignedNumbersFile {
    static let numberNames: Set<String> = ["number", "phone", "phone number", "phone_number", "tn", "telephone number"]
    static let dateNames: Set<String> = [
        "date_asked", "date asked", "date", "date provided", "date_provided", "consent date", "query date",
    ]
    static let answerNames: Set<String> = ["answer", "result", "response"]

    /// Loads every file in order into one table.
    public static func load(paths: [String]) throws(PipelineError) -> ReassignedNumbers {
        var answers: [(number: UInt64, entry: ReassignedNumbers.Entry)] = []
        var files: [ReassignedNumbers.FileFacts] = []
        for (index, path) in paths.enumerated() {
            let csv = try VendorCSV(path: path, what: "reassigned-numbers answers file")
            files.append(try parse(csv, index: UInt16(index), into: &answers))
        }
        return ReassignedNumbers(answers: answers, files: files)
    }

    /// Parses one file, appending its answers, and returns what it held.
    static func parse(
        _ csv: VendorCSV, index: UInt16, into answers: inout [(number: UInt64, entry: ReassignedNumbers.Entry)]
    ) throws(PipelineError) -> ReassignedNumbers.FileFacts {
        var facts = ReassignedNumbers.FileFacts(path: csv.file)
        var columns: (number: Int, date: Int, answer: Int)?
        try csv.forEachLine { line throws(PipelineError) in
            guard let found = columns else {
                columns = try header(line, csv)
                return
            }
            let number = try csv.field(line, found.number, "number")
            let date = try csv.field(line, found.date, "date asked")
            let answer = try csv.field(line, found.answer, "answer")
            guard let national = VendorCSV.nanpDigits(number.text) else {
                throw PipelineError(
                    .badData, "`\(number.text)` is not a US number (ten digits, optionally after 1 or +1)",
                    at: csv.place(line, number.column))
            }
            guard let day = Self.date(date.text) else {
                throw PipelineError(
                    .badData, "`\(date.text)` is not a date (YYYY-MM-DD or MM/DD/YYYY)",
                    at: csv.place(line, date.column))
            }
            guard let kind = Self.answer(answer.text) else {
                throw PipelineError(
                    .badData, "`\(answer.text)` is not an answer (yes, no or no data)",
                    at: csv.place(line, answer.column))
            }
            answers.append(
                (10_000_000_000 + national, .init(dayAsked: Int32(day.dayNumber), answer: kind, file: index)))
            facts.answers[kind, default: 0] += 1
            facts.firstDateAsked = min(facts.firstDateAsked ?? day, day)
            facts.lastDateAsked = max(facts.lastDateAsked ?? day, day)
        }
        return facts
    }

    /// The columns of the header line, by the names either layout gives them.
    private static func header(
        _ line: VendorCSV.Line, _ csv: VendorCSV
    ) throws(PipelineError) -> (number: Int, date: Int, answer: Int) {
        let names = line.fields.map { $0.text.lowercased() }
        guard let number = names.firstIndex(where: numberNames.contains),
            let date = names.firstIndex(where: dateNames.contains),
            let answer = names.firstIndex(where: answerNames.contains)
        else {
            throw PipelineError(
                .badData,
                "the first line must be a header naming the number, the date asked and the answer "
                    + "(number,date_asked,answer, or the RND's Phone Number,Date,Result)", at: csv.place(line, 1))
        }
        return (number, date, answer)
    }

    /// `YYYY-MM-DD`, or `MM/DD/YYYY` (`M/D/YYYY`) as the lead files' ``DateFormat`` reads it.
    static func date(_ text: String) -> LocalDate? {
        if let date = LocalDate(text) { return date }
        var text = text
        return text.withUTF8 { usDate.day(UnsafeRawBufferPointer($0)) }
    }

    private static let usDate = DateFormat(name: "MM/DD/YYYY")!

    /// `yes`, `no`, `no data` (`no_data`, `nodata`), in any case.
    static func answer(_ text: String) -> ReassignedNumbers.Answer? {
        switch text.lowercased() {
        case "yes", "y": .yes
        case "no", "n": .no
        case "no data", "no_data", "nodata": .noData
        default: nil
        }
    }
}
