extension HTMLReport {
    /// The numbers in the leads when leads have several phone columns: how many were decided, how many
    /// callable, why the others were not, and which column the callable leads are called on.
    func numbersSection() -> String {
        guard let numbers = report.phoneNumbers else { return "" }
        var html = "<h2>Phone numbers in the leads</h2>\n<p class=\"note\">Rows are leads; each lead has up to "
        html += "\(numbers.columns.count) numbers (\(escape(numbers.columns.joined(separator: ", "))), in that "
        html += "priority), each decided on its own. A lead is callable on its first callable number.</p>\n"
        html += countTable(
            ("", "Numbers"),
            [("Numbers in the leads", numbers.numbers), ("Callable", numbers.callable)]
                + reasonRows(numbers.rejectedByReason) { "Rejected: \($0)" })
        return html
            + countTable(
                ("Callable leads called on", "Leads"), numbers.callableLeadsByColumn.map { ($0.column, $0.leads) })
    }
}
