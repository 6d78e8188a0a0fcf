import CallingWindows

/// Reads line-type data files into a ``LineTypes`` table, every malformed line reported as
/// `file:line:column`.
///
/// Vendors' layouts differ; this reader takes the common shape of both kinds of file as a header-led
/// CSV (convert a fixed-width delivery first), told apart by the header:
/// - wireless block identifiers: a `block` column (`NPA-NXX-X` thousands-blocks, `NPA-NXX` exchanges,
///   with or without dashes) and an optional `line_type` (default `mobile`: the file lists wireless blocks);
/// - ported numbers: a `number` column (ten digits, optionally after 1 or +1) and `line_type`.
///
/// Line types: `mobile` (`wireless`, `cellular`) or `fixed_line` (`wireline`, `landline`), in any case.
public enum LineTypesFile {
    static let blockNames: Set<String> = ["block", "npa_nxx_x", "npa-nxx-x", "npanxxx", "wireless_block"]
    static let numberNames: Set<String> = ["number", "phone", "phone number", "phone_number", "tn"]
    static let typeNames: Set<String> = ["line_type", "line type", "type", "new_line_type"]

    /// Loads every file in order (a later file's entry wins) into one table of data dated `asOf`.
    public static func load(paths: [String], asOf: LocalDate) throws(PipelineError) -> LineTypes {
        var ported: [(number: UInt64, kind: LineTypes.Kind)] = []
        var blocks: [UInt32: LineTypes.Kind] = [:]
        var exchanges: [UInt32: LineTypes.Kind] = [:]
        var files: [LineTypes.FileFacts] = []
        for path in paths {
            let csv = try VendorCSV(path: path, what: "line-type data file")
            files.append(try parse(csv, ported: &ported, blocks: &blocks, exchanges: &exchanges))
        }
        return LineTypes(ported: ported, blocks: blocks, exchanges: exchanges, files: files, asOf: asOf)
    }

    /// Parses one file into the tables and returns what it held.
    static func parse(
        _ csv: VendorCSV, ported: inout [(number: UInt64, kind: LineTypes.Kind)],
        blocks: inout [UInt32: LineTypes.Kind],
        exchanges: inout [UInt32: LineTypes.Kind]
    ) throws(PipelineError) -> LineTypes.FileFacts {
        var facts = LineTypes.FileFacts(path: csv.file, source: .block, entries: 0)
        var columns: (key: Int, type: Int?)?
        try csv.forEachLine { line throws(PipelineError) in
            guard let found = columns else {
                let names = line.fields.map { $0.text.lowercased() }
                let type = names.firstIndex(where: typeNames.contains)
                if let block = names.firstIndex(where: blockNames.contains) {
                    columns = (block, type)
                } else if let number = names.firstIndex(where: numberNames.contains), type != nil {
                    columns = (number, type)
                    facts.source = .ported
                } else {
                    throw PipelineError(
                        .badData,
                        "the first line must be a header: `block[,line_type]` for wireless blocks, "
                            + "`number,line_type` for ported numbers", at: csv.place(line, 1))
                }
                return
            }
            let key = try csv.field(line, found.key, facts.source == .ported ? "number" : "block")
            var kind = LineTypes.Kind.mobile
            if let position = found.type {
                let type = try csv.field(line, position, "line type")
                guard let named = Self.kind(type.text) else {
                    throw PipelineError(
                        .badData, "`\(type.text)` is not a line type (mobile or fixed_line)",
                        at: csv.place(line, type.column))
                }
                kind = named
            }
            switch facts.source {
            case .ported:
                guard let national = VendorCSV.nanpDigits(key.text) else {
                    throw PipelineError(
                        .badData, "`\(key.text)` is not a North American number (ten digits)",
                        at: csv.place(line, key.column))
                }
                ported.append((10_000_000_000 + national, kind))
            case .block:
                if let block = VendorCSV.nanpDigits(key.text, count: 7) {
                    blocks[UInt32(block)] = kind
                } else if let exchange = VendorCSV.nanpDigits(key.text, count: 6) {
                    exchanges[UInt32(exchange)] = kind
                } else {
                    throw PipelineError(
                        .badData, "`\(key.text)` is not a block (NPA-NXX-X or NPA-NXX)", at: csv.place(line, key.column)
                    )
                }
            }
            facts.entries += 1
        }
        return facts
    }

    /// `mobile` or `fixed_line`, by the names vendors use.
    static func kind(_ text: String) -> LineTypes.Kind? {
        switch text.lowercased() {
        case "mobile", "wireless", "cellular", "w": .mobile
        case "fixed_line", "fixed line", "wireline", "landline", "l": .fixedLine
        default: nil
        }
    }
}
