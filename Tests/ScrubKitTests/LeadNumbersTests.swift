import ScrubRecords
import Testing

@testable import ScrubKit
@testable import ScrubRules

@Suite("LeadNumbers: a lead's outcome from its numbers'")
struct LeadNumbersTests {
    static let names = ["Mobile", "Home", "Work"]

    /// A number's pending decision: clean, or rejected for `reason`, callable again at `again`.
    static func pending(
        _ e164: UInt64?, _ reason: RejectReason? = nil, again: Int64? = nil, reachesDuplicates: Bool = true
    ) -> PendingDecision {
        var decision = Decision()
        decision.number = e164.map {
            NumberFacts(e164: $0, region: "US", lineType: "mobile", subdivision: nil, timeZones: ["America/New_York"])
        }
        if let reason {
            decision.reject(
                Rejection(
                    reason, detail: "why \(reason.rawValue)", callableAgain: again.map { UTCTime(seconds: $0) }
                ))
        }
        return PendingDecision(decision: decision, reachesDuplicates: reachesDuplicates)
    }

    @Test("the first callable number in column order, whatever comes before it")
    func firstCallable() {
        let lead = LeadNumbers(
            [Self.pending(1, .dncRegistry), Self.pending(2), Self.pending(3)], names: Self.names)
        #expect(lead.decision.isClean && lead.decision.number?.e164 == 2)
        #expect(lead.callableColumn == "Home")
        #expect(lead.outcomes(except: lead.chosen) == "Mobile: DNC_REGISTRY; Work: CLEAN")
    }

    @Test("with none callable, the number closest to a call: later reason, then sooner again, then column order")
    func closest() {
        let later = LeadNumbers(
            [
                Self.pending(1, .invalidNumber), Self.pending(2, .noCallingWindow, again: 500),
                Self.pending(3, .suppressed),
            ],
            names: Self.names)
        #expect(later.decision.reason == .noCallingWindow)
        #expect(later.decision.detail == "Home: why NO_CALLING_WINDOW")
        #expect(later.decision.nextCallableAt == UTCTime(seconds: 500))
        #expect(later.callableColumn == nil)

        let sooner = LeadNumbers(
            [Self.pending(1, .noCallingWindow, again: 900), Self.pending(2, .noCallingWindow, again: 600)],
            names: Self.names)
        #expect(sooner.decision.number?.e164 == 2)
        let tie = LeadNumbers([Self.pending(1, .dncRegistry), Self.pending(2, .dncRegistry)], names: Self.names)
        #expect(tie.decision.number?.e164 == 1)
    }

    @Test("empty columns are no numbers, unless all are empty")
    func emptyColumns() {
        let one = LeadNumbers([Self.pending(nil, .missingNumber), Self.pending(7)], names: Self.names)
        #expect(one.numbers.count == 1 && one.outcomes(except: one.chosen) == "")
        #expect(one.callableColumn == "Home")
        let none = LeadNumbers(
            [Self.pending(nil, .missingNumber), Self.pending(nil, .missingNumber)], names: Self.names)
        #expect(none.decision.reason == .missingNumber)
        #expect(none.decision.detail == "every phone column is empty (Mobile, Home, Work)")
        var counts = NumberCounts()
        counts.count(none)
        counts.count(one)
        #expect(counts.numbers == 1 && counts.callable == 1 && counts.leadsByColumn == [1: 1])
    }

    @Test("a number repeated in the lead is its earlier column's duplicate, and meets the sequencer once")
    func repeatedInLead() {
        let lead = LeadNumbers([Self.pending(5), Self.pending(5)], names: Self.names)
        #expect(lead.numbers[1].decision.reason == .duplicate)
        #expect(lead.numbers[1].decision.detail == "same number as Mobile")
        #expect(lead.numbers.map(\.reachesDuplicates) == [true, false])
        // Rejected before duplicates, it keeps its own reason: it took no part in them.
        let listed = LeadNumbers(
            [
                Self.pending(5, .dncRegistry, reachesDuplicates: false),
                Self.pending(5, .dncRegistry, reachesDuplicates: false),
            ],
            names: Self.names)
        #expect(listed.numbers.map(\.decision.reason) == [.dncRegistry, .dncRegistry])
        #expect(!listed.reachesDuplicates)

        var marked = lead
        marked.markDuplicate(0, firstLine: 12)
        #expect(marked.decision.reason == .duplicate)
        #expect(marked.decision.detail == "Mobile: same number as line 12")
    }
}
