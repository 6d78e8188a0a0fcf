import ScrubRules

extension HTMLReport {
    /// Rows in, callable rows and each reason against the previous run of the same output folder.
    func changesSection() -> String {
        guard let changes = report.sincePreviousRun else { return "" }
        func row(_ name: String, _ count: RunChanges.Count) -> String {
            let sign = count.change > 0 ? "+" : ""
            return "<tr><td>\(name)</td><td>\(count.before.grouped)</td><td>\(count.now.grouped)</td>"
                + "<td>\(count.change == 0 ? "no change" : sign + count.change.grouped)</td></tr>\n"
        }
        var html = "<h2>Since the previous run</h2>\n<p class=\"note\">Against the run last published in this "
        html += "output folder (set \(escape(changes.previousOutputSet ?? "unnamed")), campaign date "
        html += "\(escape(changes.previousCampaignDate))).</p>\n"
        html += "<table><tr><th></th><th>Before</th><th>Now</th><th>Change</th></tr>\n"
        html += row("Rows in", changes.rowsIn) + row("Callable", changes.clean)
        for reason in RejectReason.allCases.map(\.rawValue) {
            if let count = changes.rejectedByReason[reason] { html += row("Rejected: \(reason)", count) }
        }
        html += "</table>\n"
        guard let leads = changes.leads else {
            return html + "<p class=\"note\">The previous run kept no lead outcomes, so leads are not compared "
                + "one by one.</p>\n"
        }
        let matched = leads.matchedBy == .number ? "their number" : "their person key (person_column)"
        html += "<p class=\"note\">Lead by lead, leads matched by \(matched): \(leads.before.grouped) before, "
        html += "\(leads.now.grouped) now.</p>\n"
        return html
            + countTable(
                ("Leads", "Count"),
                [("Newly callable (rejected before)", leads.newlyCallable)]
                    + reasonRows(leads.newlyRejected) { "Newly rejected: \($0) (callable before)" }
                    + [("New (not in the previous run)", leads.new), ("Gone (only in the previous run)", leads.gone)])
    }
}
