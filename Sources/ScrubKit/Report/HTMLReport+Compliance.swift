import ScrubRules

extension HTMLReport {
    /// The opt-out journal, consent, exemptions and frequency caps, when the run had any.
    func complianceSection() -> String {
        var html = ""
        if let journal = report.optOutJournal {
            html += "<h2>Opt-out journal</h2>\n<table>\n"
            html += "<tr><td>Journal</td><td>\(escape(journal.journal))</td></tr>\n"
            html += "<tr><td>Suppression index</td><td>\(escape(journal.index))</td></tr>\n"
            html += "<tr><td>Events compiled</td><td>\(journal.compiledEvents.grouped)</td></tr>\n"
            html += "<tr><td>Events not yet compiled</td><td\(journal.current ? "" : " class=\"stale\"")>"
            html += "\(journal.uncompiledEvents.grouped)"
            if let oldest = journal.oldestUncompiledEvent { html += " (oldest \(escape(oldest)))" }
            html += "</td></tr>\n</table>\n"
        }
        html += dataSourcesSection()
        guard let compliance = report.compliance else { return html }
        html += "<h2>Consent, exemptions and caps</h2>\n<table>\n"
        let regions = compliance.consentRegions.isEmpty ? "none" : compliance.consentRegions.joined(separator: ", ")
        html += "<tr><td>Regions needing consent</td><td>\(escape(regions))</td></tr>\n"
        for (name, rows) in compliance.exemptions.sorted(by: { $0.key < $1.key }) {
            html += "<tr><td>Registry matches let through by \(escape(name))</td><td>\(rows.grouped)</td></tr>\n"
        }
        if let history = compliance.history {
            html += "<tr><td>Call history</td><td>\(history.callsKept.grouped) calls to \(history.numbers.grouped) "
            html += "numbers from \(escape(history.windowFrom)) to \(escape(history.windowThrough))</td></tr>\n"
            for (cap, rows) in history.rejectedByCap.sorted(by: { $0.key < $1.key }) {
                html += "<tr><td>Rows at cap \(escape(cap))</td><td>\(rows.grouped)</td></tr>\n"
            }
        }
        return html + "</table>\n"
    }

    /// The reassigned-number answers and the line-type data, when the run read any: files, counts and
    /// dates, never a number.
    func dataSourcesSection() -> String {
        var html = ""
        if let reassigned = report.reassigned {
            html += "<h2>Reassigned numbers (FCC Reassigned Numbers Database)</h2>\n<table>\n"
            for file in reassigned.files {
                let counts = ReassignedNumbers.Answer.allCases.map {
                    "\(($0 == .noData ? "no data" : $0.rawValue)): \((file.answers[$0.rawValue] ?? 0).grouped)"
                }
                let dates = [file.firstDateAsked, file.lastDateAsked].compactMap { $0 }.joined(separator: " to ")
                html += "<tr><td>\(escape(file.path))</td><td>\(escape(counts.joined(separator: ", ")))"
                html += dates.isEmpty ? "" : "; dates asked \(escape(dates))"
                html += "</td></tr>\n"
            }
            for finding in ReassignedNumbers.Finding.allCases {
                html += "<tr><td>Rows \(escape(finding.rawValue.replacingOccurrences(of: "_", with: " ")))</td>"
                html += "<td>\((reassigned.rows[finding.rawValue] ?? 0).grouped)</td></tr>\n"
            }
            html += "</table>\n"
        }
        if let lineTypes = report.lineTypes {
            html += "<h2>Line-type data (licensed, as of \(escape(lineTypes.asOf)))</h2>\n<table>\n"
            for file in lineTypes.files {
                html +=
                    "<tr><td>\(escape(file.path))</td><td>\(escape(file.source.replacingOccurrences(of: "_", with: " "))): "
                html += "\(file.entries.grouped) entries</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html
    }
}
