/// What a reader counted while reading part or all of an input: the figures a run reports and
/// warns about. Counters of consecutive parts add up to those of the whole (`add`).
public struct CSVReadCounters: Sendable, Equatable {
    public var recordCount = 0
    public var malformedCount = 0
    public var blankLineCount = 0
    public var oversizedCount = 0
    public var firstOversizedLine: Int?
    public var unclosedQuoteCount = 0
    public var firstUnclosedQuoteLine: Int?
    /// The lines and length of the record whose quoted field never closes past the limit.
    public var unclosedToEndLines: ClosedRange<Int>?
    public var unclosedToEndLength: Int?

    public init() {}

    /// Adds the counters of the part of the input that follows.
    public mutating func add(_ later: CSVReadCounters) {
        recordCount += later.recordCount
        malformedCount += later.malformedCount
        blankLineCount += later.blankLineCount
        oversizedCount += later.oversizedCount
        firstOversizedLine = firstOversizedLine ?? later.firstOversizedLine
        unclosedQuoteCount += later.unclosedQuoteCount
        firstUnclosedQuoteLine = firstUnclosedQuoteLine ?? later.firstUnclosedQuoteLine
        if later.unclosedToEndLines != nil {
            unclosedToEndLines = later.unclosedToEndLines
            unclosedToEndLength = later.unclosedToEndLength
        }
    }

    /// The counters of what was read after `earlier`, a snapshot of the same reader.
    public func since(_ earlier: CSVReadCounters) -> CSVReadCounters {
        var part = CSVReadCounters()
        part.recordCount = recordCount - earlier.recordCount
        part.malformedCount = malformedCount - earlier.malformedCount
        part.blankLineCount = blankLineCount - earlier.blankLineCount
        part.oversizedCount = oversizedCount - earlier.oversizedCount
        part.firstOversizedLine = earlier.firstOversizedLine == nil ? firstOversizedLine : nil
        part.unclosedQuoteCount = unclosedQuoteCount - earlier.unclosedQuoteCount
        part.firstUnclosedQuoteLine = earlier.firstUnclosedQuoteLine == nil ? firstUnclosedQuoteLine : nil
        if earlier.unclosedToEndLines == nil {
            part.unclosedToEndLines = unclosedToEndLines
            part.unclosedToEndLength = unclosedToEndLength
        }
        return part
    }
}

extension CSVReader {
    /// Everything the reader has counted so far.
    public var counters: CSVReadCounters {
        var counters = CSVReadCounters()
        counters.recordCount = recordCount
        counters.malformedCount = malformedCount
        counters.blankLineCount = blankLineCount
        counters.oversizedCount = oversizedCount
        counters.firstOversizedLine = firstOversizedLine
        counters.unclosedQuoteCount = unclosedQuoteCount
        counters.firstUnclosedQuoteLine = firstUnclosedQuoteLine
        counters.unclosedToEndLines = unclosedToEnd?.lines
        counters.unclosedToEndLength = unclosedToEnd?.length
        return counters
    }
}
