import ScrubKit
import ScrubRules

/// Both phases of the decision on one thread, as the run calls them: for tests that decide rows one by one.
package struct SerialDecider {
    package let decider: RowDecider
    package let duplicates = DuplicateRule()

    package init(_ decider: RowDecider) {
        self.decider = decider
    }

    package func decide(
        phone: UnsafeRawBufferPointer, country: String, location: LeadLocation = LeadLocation(), line: Int,
        evidence: () -> LeadEvidence = { LeadEvidence() }
    ) -> Decision {
        let row = RowFacts(phone: phone, country: country, location: location)
        return duplicates.finish(decider.decide(row, evidence: evidence), line: line)
    }

    package func decide(
        phone: UnsafeRawBufferPointer, country: String, state: String?, postcode: String?, line: Int
    )
        -> Decision
    {
        decide(phone: phone, country: country, location: LeadLocation(state: state, postcode: postcode), line: line)
    }
}
