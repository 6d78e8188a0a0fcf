extension HTMLReport {
    /// `report.group_by`: a table per column, a row per value (at most 100, then "other") with its
    /// rows, callable and rejected rows, and its reasons by count, so the table fits the page however
    /// many reasons occur.
    func groupsSection() -> String {
        guard let groups = report.groups, !groups.isEmpty else { return "" }
        var html = ""
        for group in groups {
            html += "<h2>Rows by \(escape(group.column))</h2>\n<p class=\"note\">\(group.distinctValues.grouped) "
            html += group.valuesPastLimit ? "values told apart (more were counted as other)" : "distinct values"
            html += group.values.count < group.distinctValues ? "; the \(group.values.count) with most rows." : "."
            html += "</p>\n<table><tr><th>\(escape(group.column))</th><th>Rows</th><th>Callable</th><th>Rejected</th>"
            html += "<th>Rejected by reason</th></tr>\n"
            let rows = group.values + (group.other.map { [$0] } ?? [])
            for (index, row) in rows.enumerated() {
                let isOther = group.other != nil && index == rows.count - 1
                let label = isOther ? "<i>other values</i>" : row.value.isEmpty ? "<i>(empty)</i>" : escape(row.value)
                let reasons = row.rejectedByReason.sorted {
                    $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
                }
                let reasonText = reasons.map { "\($0.key) \($0.value.grouped)" }.joined(separator: ", ")
                html += "<tr><td>\(label)</td><td>\(row.rows.grouped)</td><td>\(row.clean.grouped)</td>"
                html += "<td>\((row.rows - row.clean).grouped)</td><td class=\"note\">\(reasonText)</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html
    }
}
