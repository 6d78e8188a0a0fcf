import ScrubRules

/// The phone numbers of a run whose leads have several (`phone_column` a list), counted apart from
/// the leads: the report's rows are leads, these are the numbers in them.
///
/// Counted like ``RunTally``: per chunk as the worker decided, and the sequencer takes a lead back
/// (`by: -1`) and counts it again when one of its numbers turns out to be a duplicate.
struct NumberCounts: Sendable, Equatable {
    /// Numbers in non-empty phone columns.
    var numbers = 0
    var callable = 0
    var rejectedByReason: [RejectReason: Int] = [:]
    /// Callable leads by the position of the phone column they are called on.
    var leadsByColumn: [Int: Int] = [:]

    /// Counts `lead`'s numbers and the column it is called on.
    mutating func count(_ lead: LeadNumbers, by delta: Int = 1) {
        for number in lead.numbers {
            guard let reason = number.decision.reason else {
                numbers += delta
                callable += delta
                continue
            }
            guard reason != .missingNumber else { continue }
            numbers += delta
            rejectedByReason[reason, default: 0] += delta
        }
        let chosen = lead.numbers[lead.chosen]
        if chosen.decision.isClean { leadsByColumn[chosen.column, default: 0] += delta }
    }

    mutating func add(_ other: NumberCounts) {
        numbers += other.numbers
        callable += other.callable
        rejectedByReason.merge(other.rejectedByReason, uniquingKeysWith: +)
        leadsByColumn.merge(other.leadsByColumn, uniquingKeysWith: +)
    }

    /// The report's `phone_numbers`, the columns named.
    func facts(columns names: [String]) -> RunReport.PhoneNumberFacts {
        RunReport.PhoneNumberFacts(
            columns: names, numbers: numbers, callable: callable,
            rejectedByReason: Dictionary(
                uniqueKeysWithValues: rejectedByReason.filter { $0.value != 0 }.map { ($0.key.rawValue, $0.value) }),
            callableLeadsByColumn: names.indices.map { .init(column: names[$0], leads: leadsByColumn[$0] ?? 0) })
    }
}
