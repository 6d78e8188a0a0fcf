import ScrubIO

extension CSVReader {
    /// What a run must say about how this input was read, for the report's `warnings`: quoted fields
    /// that never close and records past the size limit. Line numbers and counts only, never a field.
    func runWarnings(inputName: String) -> [String] {
        var warnings: [String] = []
        let limit = options.maxRecordBytes.grouped
        if let unclosed = unclosedToEnd {
            warnings.append(
                "\(inputName): the quoted field opened on line \(unclosed.lines.lowerBound.grouped) never closes: "
                    + "lines \(unclosed.lines.lowerBound.grouped)-\(unclosed.lines.upperBound.grouped) "
                    + "(\(unclosed.length.grouped) bytes, the rest of the input) are one MALFORMED_ROW; "
                    + "fix the quote and run again")
        }
        let cutBack = unclosedQuoteCount - (unclosedToEnd == nil ? 0 : 1)
        if cutBack > 0, let line = firstUnclosedQuoteLine {
            warnings.append(
                "\(inputName): \(cutBack.grouped) quoted field(s) never close (the first on line \(line.grouped)); "
                    + "each cost its first line as a MALFORMED_ROW and reading went on at the next line")
        }
        let tooLarge = oversizedCount - (unclosedToEnd == nil ? 0 : 1)
        if tooLarge > 0, let line = firstOversizedLine {
            warnings.append(
                "\(inputName): \(tooLarge.grouped) record(s) longer than the \(limit)-byte limit "
                    + "(the first on line \(line.grouped)), each one MALFORMED_ROW holding its first \(limit) bytes")
        }
        return warnings
    }
}
