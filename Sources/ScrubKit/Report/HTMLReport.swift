import ScrubRules

/// Renders a run report as one self-contained HTML page for marketing-ops readers.
///
/// No scripts, fonts or images are fetched: charts are inline SVG. The page holds counts and list
/// facts only, never a phone number or a name.
public struct HTMLReport {
    public var report: RunReport

    public init(report: RunReport) {
        self.report = report
    }

    public func render() -> String {
        let reasons = RejectReason.allCases.map { ($0.rawValue, report.rejectedByReason[$0.rawValue] ?? 0) }
        let regions = report.rowsByRegion.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        // Hour labels as UTC wall-clock hours; the first bar starts at `callableHoursStart`.
        let firstHour = Int(report.callableHoursStart?.dropFirst(11).prefix(2) ?? "") ?? 0
        let hours = report.callableByUTCHour.enumerated().map {
            ("\((firstHour + $0.offset) % 24):00", $0.element)
        }
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Scrub report: \(escape(report.pipeline)) for \(report.campaignDate)</title>
            <style>
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:960px;color:#1f2933;padding:0 1rem}
            h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #d9e2ec;padding-bottom:.3rem}
            .cards{display:flex;gap:1rem;flex-wrap:wrap}.card{background:#f0f4f8;border-radius:8px;padding:1rem 1.4rem;min-width:140px}
            .card b{display:block;font-size:1.8rem}.warn{background:#fff3c4;border-left:4px solid #f0b429;padding:.6rem 1rem;margin:.4rem 0}
            table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #e4e7eb;font-size:.92rem}
            .stale{color:#b91c1c;font-weight:600}.hours td,.hours th{padding:.2rem .25rem;font-size:.75rem;text-align:right}svg text{font-size:11px;fill:#334e68}.note{color:#627d98;font-size:.85rem}
            </style></head><body>
            <h1>Scrub report: \(escape(report.pipeline))</h1>
            <p>Campaign date <b>\(report.campaignDate)</b>, purpose <b>\(escape(report.purpose))</b>\
            \(report.rulesVersion.map { ", calling-hour rules \(escape($0))" } ?? "").</p>
            <div class="cards">
            <div class="card">Rows in<b>\(report.rowsIn.grouped)</b></div>
            <div class="card">Callable<b>\(report.clean.grouped)</b>\(percent(report.clean))</div>
            <div class="card">Rejected<b>\(report.rejected.grouped)</b>\(percent(report.rejected))</div>
            \(report.distinctLeads.map { "<div class=\"card\">Distinct leads<b>\($0.grouped)</b></div>" } ?? "")
            \(report.distinctNumbers.map { "<div class=\"card\">Distinct numbers<b>\($0.grouped)</b></div>" } ?? "")
            </div>

            """
        if !report.warnings.isEmpty {
            html += "<h2>Warnings</h2>\n"
            for warning in report.warnings { html += "<div class=\"warn\">\(escape(warning))</div>\n" }
        }
        html += changesSection()
        html += "<h2>Rejections by reason</h2>\n" + barChart(reasons, color: "#d64545")
        html += numbersSection()
        html += "<h2>Rows by region</h2>\n" + barChart(regions.map { ($0.key, $0.value) }, color: "#2680c2")
        html += "<h2>Callable rows by UTC hour</h2>\n"
        html +=
            "<p class=\"note\">48 UTC hours from \(escape(report.callableHoursStart ?? "")); a row counts "
        html += "in every hour its calling windows touch.</p>\n" + columnChart(hours, color: "#3ebd93")
        html += localHoursSection()
        html += complianceSection()
        html += groupsSection()
        html += "<h2>Lists and registries</h2>\n<table><tr><th>Name</th><th>Kind</th><th>Regions</th><th>Covers</th>"
        html += "<th>Snapshot</th>"
        html += "<th>Age (days)</th><th>Entries</th><th>Rows rejected</th></tr>\n"
        for list in report.lists {
            let age = list.ageDays.map { "\($0)" + (list.maxAgeDays.map { " of \($0)" } ?? "") } ?? "-"
            html += "<tr><td>\(escape(list.name))</td><td>\(list.kind)</td>"
            html += "<td>\(list.regions.isEmpty ? "all" : escape(list.regions.joined(separator: ", ")))</td>"
            html += "<td>\(list.covers.isEmpty ? "all" : escape(list.covers.joined(separator: ", ")))</td>"
            html += "<td>\(list.snapshotDate ?? "-")</td><td\(list.stale ? " class=\"stale\"" : "")>\(age)"
            html +=
                "\(list.stale ? " (stale)" : "")</td><td>\(list.entries.grouped)</td><td>\(list.rejected.grouped)"
            if let minGrade = list.minGrade {
                html += " (\((list.belowMinGrade ?? 0).grouped) below min grade \(minGrade), not rejected)"
            }
            html += "</td></tr>\n"
        }
        html += "</table>\n<h2>Run</h2>\n<table>\n"
        for input in report.inputs {
            html += "<tr><td>Input</td><td>\(escape(input.path)) (\(input.bytes.grouped) bytes)</td></tr>\n"
        }
        for output in report.outputs {
            html += "<tr><td>Output</td><td>\(escape(output.path)) (\(output.bytes.grouped) bytes)</td></tr>\n"
        }
        if let auditLog = report.auditLog { html += "<tr><td>Audit log</td><td>\(escape(auditLog))</td></tr>\n" }
        html += "<tr><td>Throughput</td><td>\(Int(report.timings.rowsPerSecond).grouped) rows/s in "
        html += "\(report.timings.totalSeconds.formatted(decimals: 2)) s</td></tr>\n</table>\n"
        html += "<p class=\"note\">Capantra Scrub supports compliance; it does not certify it. You remain responsible "
        html += "for consent and lawful basis.</p>\n</body></html>\n"
        return html
    }

    /// Callable rows by local hour of the campaign date, a row per zone (the 30 zones with most rows):
    /// each zone's callable hours on its own clock.
    private func localHoursSection() -> String {
        guard let byZone = report.callableByLocalHour, !byZone.isEmpty else { return "" }
        let zones = byZone.map { (zone: $0.key, hours: $0.value, peak: $0.value.max() ?? 0) }
            .sorted { $0.peak != $1.peak ? $0.peak > $1.peak : $0.zone < $1.zone }
        let peak = max(1, zones.map(\.peak).max() ?? 1)
        var html = "<h2>Callable rows by local hour</h2>\n<p class=\"note\">Each zone's own clock on "
        html += "\(report.campaignDate); a row of several zones counts in each. Hours with no callable row are blank."
        html += "\(zones.count > 30 ? " The 30 zones with most rows of \(zones.count)." : "")</p>\n"
        html += "<table class=\"hours\"><tr><th>Zone</th>"
        for hour in 0..<24 { html += "<th>\(hour < 10 ? "0" : "")\(hour)</th>" }
        html += "</tr>\n"
        for zone in zones.prefix(30) {
            html += "<tr><td>\(escape(zone.zone))</td>"
            for count in zone.hours {
                let shade =
                    count == 0
                    ? ""
                    : " style=\"background:rgba(62,189,147,\((0.15 + 0.85 * Double(count) / Double(peak)).formatted(decimals: 2)))\""
                html += "<td\(shade)>\(count == 0 ? "" : count.grouped)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    private func percent(_ count: Int) -> String {
        guard report.rowsIn > 0 else { return "" }
        return "\((Double(count) * 100 / Double(report.rowsIn)).formatted(decimals: 1))% of rows"
    }

    private func barChart(_ bars: [(String, Int)], color: String) -> String {
        let maxValue = max(1, bars.map(\.1).max() ?? 1)
        let rowHeight = 24
        var svg = "<svg width=\"900\" height=\"\(bars.count * rowHeight + 8)\" role=\"img\">\n"
        for (index, (label, value)) in bars.enumerated() {
            let y = index * rowHeight + 4
            let width = value * 600 / maxValue
            svg += "<text x=\"0\" y=\"\(y + 15)\">\(escape(label))</text>"
            svg += "<rect x=\"180\" y=\"\(y)\" width=\"\(width)\" height=\"18\" fill=\"\(color)\" rx=\"3\"/>"
            svg += "<text x=\"\(186 + width)\" y=\"\(y + 15)\">\(value.grouped)</text>\n"
        }
        return svg + "</svg>\n"
    }

    private func columnChart(_ columns: [(String, Int)], color: String) -> String {
        let maxValue = max(1, columns.map(\.1).max() ?? 1)
        var svg = "<svg width=\"900\" height=\"200\" role=\"img\">\n"
        for (index, (label, value)) in columns.enumerated() {
            let height = value * 150 / maxValue
            let x = 30 + index * 18
            svg += "<rect x=\"\(x)\" y=\"\(170 - height)\" width=\"14\" height=\"\(height)\" fill=\"\(color)\"/>"
            if index % 6 == 0 { svg += "<text x=\"\(x)\" y=\"188\">\(label)</text>" }
            svg += "\n"
        }
        return svg + "<text x=\"0\" y=\"15\">\(maxValue.grouped)</text></svg>\n"
    }

    /// A table of labelled counts under a two-column heading, labels escaped.
    func countTable(_ heading: (label: String, count: String), _ rows: [(label: String, count: Int)]) -> String {
        var html = "<table><tr><th>\(escape(heading.label))</th><th>\(escape(heading.count))</th></tr>\n"
        for row in rows { html += "<tr><td>\(escape(row.label))</td><td>\(row.count.grouped)</td></tr>\n" }
        return html + "</table>\n"
    }

    /// The rows of `counts` (by reason code) in precedence order, each labelled by `label`.
    func reasonRows(_ counts: [String: Int], label: (String) -> String) -> [(label: String, count: Int)] {
        RejectReason.allCases.compactMap { reason in counts[reason.rawValue].map { (label(reason.rawValue), $0) } }
    }

    func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
