import ScrubRecords
import ScrubRules

extension NumberNormalizing {
    /// This normaliser as the opt-out journal reads numbers: the E.164 number, or why there is none.
    public func reading(_ field: UnsafeRawBufferPointer, country: String) -> NumberReading {
        switch check(field, country: country) {
        case .number(let facts): .e164(facts.e164)
        case .missing: .missing
        case .invalid(let detail): .invalid(detail)
        case .unsupportedRegion(let detail): .unsupportedRegion(detail)
        }
    }
}

extension OptOutStore {
    /// ``OptOutStore/record(_:country:request:now:reading:)`` with the pipeline's number stage: the
    /// store holds the numbers a run would match.
    @discardableResult
    public func record(
        _ numbers: [String], country: String, request: OptOutRequest, normalizer: some NumberNormalizing,
        now: UTCTime
    ) throws -> [OptOutEvent] {
        try record(numbers, country: country, request: request, now: now, reading: normalizer.reading)
    }
}

extension OptOutJournal {

    /// ``OptOutJournal/importDispositions(_:now:reading:)`` with the pipeline's number stage.
    @discardableResult
    public func importDispositions(
        _ options: DispositionImport, normalizer: some NumberNormalizing, now: UTCTime
    ) throws -> DispositionImportReport {
        try importDispositions(options, now: now, reading: normalizer.reading)
    }
}
