/// `REASSIGNED`: the FCC Reassigned Numbers Database answered "yes" for a date on or after the lead's
/// consent or last contact: the number was permanently disconnected since the person gave it, so the
/// consent no longer reaches them and a call would reach whoever holds the number now.
///
/// The dates compared are the row's consent date and its business-relationship date (the last contact the
/// records show), the earlier of the two: a lead is reassigned when either is on or before the date a
/// "yes" was asked about, the stricter reading of a lead with two dates. A row with a "yes" answer and no
/// date at all is rejected too: nothing shows the consent came after the disconnection. A "yes" asked
/// about a date before the lead's dates does not reject (the number may have changed hands before the
/// person consented); the trace says to ask again with the lead's date.
///
/// Ranked after the lists and registries, before `DUPLICATE`: like them it is a fact about the number
/// that no exemption clears and that holds whatever the row's position, but a litigator or registry hit
/// (which holds for whoever has the number) is the reason that matters more to the people reading the
/// rejects. Safe harbour: 47 CFR 64.1200(m), for a caller who asked the database and was told "no".
package struct ReassignedRule: RowRule {
    let numbers: ReassignedNumbers

    static let heading = "Reassigned numbers (FCC Reassigned Numbers Database, 47 CFR 64.1200(m)):"

    package init(numbers: ReassignedNumbers) {
        self.numbers = numbers
    }

    package func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection? {
        let answers = numbers.answers(for: number.e164)
        trace?.section(Self.heading)
        guard !answers.isEmpty else {
            if trace != nil { trace?.append("  not asked about") }
            return nil
        }
        let facts = evidence()
        // The earlier of the consent and last-contact dates; nil when the row shows neither.
        let leadDay = [facts.consentDay, facts.relationshipDay].compactMap { $0 }.min()
        func onOrAfterLead(_ entry: ReassignedNumbers.Entry) -> Bool {
            leadDay.map { Int(entry.dayAsked) >= $0.dayNumber } ?? true
        }
        func onOrBeforeLead(_ entry: ReassignedNumbers.Entry) -> Bool {
            leadDay.map { Int(entry.dayAsked) <= $0.dayNumber } ?? true
        }
        if trace != nil {
            let dated = leadDay.map { "lead's date \($0)" } ?? "the row shows no consent or contact date"
            trace?.append("  \(dated)")
            for entry in answers {
                trace?.append(
                    "  \(entry.answer == .noData ? "no data" : entry.answer.rawValue) for \(entry.dateAsked) "
                        + "(\(file(entry)))")
            }
        }
        if let hit = answers.first(where: { $0.answer == .yes && onOrAfterLead($0) }) {
            decision.reassigned = .reassigned
            let why =
                leadDay.map { "on or after the lead's date \($0)" } ?? "and the row shows no consent or contact date"
            let detail =
                "permanently disconnected on or after \(hit.dateAsked), the date asked of the Reassigned Numbers "
                + "Database (\(file(hit))), \(why)"
            if trace != nil { trace?.append("  REASSIGNED: \(detail)") }
            return Rejection(.reassigned, detail: detail)
        }
        let finding: ReassignedNumbers.Finding =
            if answers.contains(where: { $0.answer == .no && onOrBeforeLead($0) }) {
                .notReassigned
            } else if answers.allSatisfy({ $0.answer == .noData }) {
                .noData
            } else {
                .otherDates
            }
        decision.reassigned = finding
        if trace != nil {
            let line =
                switch finding {
                case .notReassigned: "not reassigned since the lead's date: the safe harbour holds"
                case .noData: "no data: the database cannot say; no safe harbour"
                default: "no answer for the lead's date: ask the database again with it"
                }
            trace?.append("  \(line)")
        }
        return nil
    }

    private func file(_ entry: ReassignedNumbers.Entry) -> String {
        numbers.files[Int(entry.file)].path
    }
}
