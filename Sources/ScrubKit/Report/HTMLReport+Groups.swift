extension HTMLReport {
    /// `report.group_by`: a table per column, a row per value (at most 100, then "other") with its
    /// rows, callable rows and rejections by reason, the reasons that occur as columns.
    func groupsSection() -> String {
        guard let groups = report.groups, !groups.isEmpty else { return "" }
        var html = ""
        for group in groups {
            let rows = group.values + (group.other.map { [$0] } ?? [])
            let reasons = RejectReason.allCases.map(\.rawValue).filter { reason in
                rows.contains { ($0.rejectedByReason[reason] ?? 0) != 0 }
            }
            html += "<h2>Rows by \(escape(group.column))</h2>\n<p class=\"note\">\(group.distinctValues.grouped) "
            html += group.valuesPastLimit ? "values told apart (more were counted as other)" : "distinct values"
            html += group.values.count < group.distinctValues ? "; the \(group.values.count) with most rows." : "."
            html += "</p>\n<table><tr><th>\(escape(group.column))</th><th>Rows</th><th>Callable</th>"
            for reason in reasons { html += "<th>\(reason)</th>" }
            html += "</tr>\n"
            for (index, value) in rows.enumerated() {
                let isOther = group.other != nil && index == rows.count - 1
                html +=
                    "<tr><td>\(isOther ? "<i>other</i>" : value.value.isEmpty ? "<i>(empty)</i>" : escape(value.value))"
                html += "</td><td>\(value.rows.grouped)</td><td>\(value.clean.grouped)</td>"
                for reason in reasons { html += "<td>\((value.rejectedByReason[reason] ?? 0).grouped)</td>" }
                html += "</tr>\n"
            }
            html += "</table>\n"
        }
        return html
    }
}
