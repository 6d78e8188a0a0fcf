extension HTMLReport {
    /// The numbers in the leads when leads have several phone columns: how many were decided, how many
    /// callable, why the others were not, and which column the callable leads are called on.
    func numbersSection() -> String {
        guard let numbers = report.phoneNumbers else { return "" }
        var html = "<h2>Phone numbers in the leads</h2>\n<p class=\"note\">Rows are leads; each lead has up to "
        html += "\(numbers.columns.count) numbers (\(escape(numbers.columns.joined(separator: ", "))), in that "
        html += "priority), each decided on its own. A lead is callable on its first callable number.</p>\n"
        html += "<table><tr><th></th><th>Numbers</th></tr>\n"
        html += "<tr><td>Numbers in the leads</td><td>\(numbers.numbers.grouped)</td></tr>\n"
        html += "<tr><td>Callable</td><td>\(numbers.callable.grouped)</td></tr>\n"
        for reason in RejectReason.allCases.map(\.rawValue) {
            guard let count = numbers.rejectedByReason[reason] else { continue }
            html += "<tr><td>Rejected: \(reason)</td><td>\(count.grouped)</td></tr>\n"
        }
        html += "</table>\n<table><tr><th>Callable leads called on</th><th>Leads</th></tr>\n"
        for column in numbers.callableLeadsByColumn {
            html += "<tr><td>\(escape(column.column))</td><td>\(column.leads.grouped)</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
