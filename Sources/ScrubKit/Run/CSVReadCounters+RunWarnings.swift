import ScrubIO

extension CSVReadCounters {
    /// What a run must say about how an input was read, for the report's `warnings`: quoted fields
    /// that never close and records past the size limit. Line numbers and counts only, never a field.
    func runWarnings(inputName: String, maxRecordBytes: Int) -> [String] {
        var warnings: [String] = []
        let limit = maxRecordBytes.grouped
        if let lines = unclosedToEndLines, let length = unclosedToEndLength {
            warnings.append(
                "\(inputName): the quoted field opened on line \(lines.lowerBound.grouped) never closes: "
                    + "lines \(lines.lowerBound.grouped)-\(lines.upperBound.grouped) "
                    + "(\(length.grouped) bytes, the rest of the input) are one MALFORMED_ROW; "
                    + "fix the quote and run again")
        }
        let cutBack = unclosedQuoteCount - (unclosedToEndLines == nil ? 0 : 1)
        if cutBack > 0, let line = firstUnclosedQuoteLine {
            warnings.append(
                "\(inputName): \(cutBack.grouped) quoted field(s) never close (the first on line \(line.grouped)); "
                    + "each cost its first line as a MALFORMED_ROW and reading went on at the next line")
        }
        let tooLarge = oversizedCount - (unclosedToEndLines == nil ? 0 : 1)
        if tooLarge > 0, let line = firstOversizedLine {
            warnings.append(
                "\(inputName): \(tooLarge.grouped) record(s) longer than the \(limit)-byte limit "
                    + "(the first on line \(line.grouped)), each one MALFORMED_ROW holding its first \(limit) bytes")
        }
        return warnings
    }
}
