import ScrubIO

extension FileInspection {
    /// A readable, aligned description for people (the default output of `scrub inspect`).
    public var text: String {
        var lines = [path]
        func row(_ label: String, _ value: String) {
            let padding = String(repeating: " ", count: max(0, 14 - label.count))
            lines.append("  " + label + padding + value)
        }
        if compression.format == "gzip" {
            let ratio = compression.fileBytes > 0 ? Double(compression.rawBytes) / Double(compression.fileBytes) : 0
            row(
                "compression",
                "gzip, \(compression.gzipMembers) member\(compression.gzipMembers == 1 ? "" : "s"), "
                    + "\(compression.fileBytes.grouped) bytes -> \(compression.rawBytes.grouped) bytes "
                    + "(\(ratio.formatted(decimals: 1))x)")
        } else {
            row("compression", "none, \(compression.rawBytes.grouped) bytes")
        }
        let delimiterName = dialect.delimiter == "\\t" ? "TAB" : "\"\(dialect.delimiter)\""
        let encoding =
            dialect.validUTF8
            ? "UTF-8"
            : "not all UTF-8: \(dialect.recordsWithInvalidUTF8) record(s), first at line "
                + "\(dialect.firstInvalidUTF8Line.map(String.init) ?? "1 (header)")"
        row(
            "dialect",
            "delimiter \(delimiterName), \(dialect.lineEndings) line endings, "
                + "\(dialect.byteOrderMark ? "BOM" : "no BOM"), \(encoding)")
        row("columns", "\(columns.count): \(columns.joined(separator: ", "))")
        var recordLine = "\(records.grouped) records, \(malformedRecords.grouped) malformed"
        if oversizedRecords > 0 { recordLine += " (\(oversizedRecords.grouped) longer than the size limit)" }
        if unclosedQuotes > 0 { recordLine += ", \(unclosedQuotes.grouped) quoted field(s) never closed" }
        if blankLines > 0 { recordLine += ", \(blankLines.grouped) blank lines skipped" }
        row("records", recordLine)
        for sample in malformedSamples { row("", "malformed: \(sample)") }
        if malformedRecords > malformedSamples.count {
            row("", "... and \((malformedRecords - malformedSamples.count).grouped) more")
        }
        let phones = phoneColumns.map { "\($0.name) (\(($0.share * 100).formatted(decimals: 0))% phone-shaped)" }
        row("phone columns", phones.isEmpty ? "none found" : phones.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}

extension Double {
    /// The number rounded to `decimals` places, without Foundation's locale-dependent formatting.
    func formatted(decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (self * scale).rounded()
        let whole = Int(scaled / scale)
        guard decimals > 0 else { return String(whole) }
        let fraction = Int(abs(scaled).truncatingRemainder(dividingBy: scale))
        let padded = String(fraction)
        return "\(whole).\(String(repeating: "0", count: decimals - padded.count))\(padded)"
    }
}
