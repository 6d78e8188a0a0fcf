/// A sink that takes delimited records, as a ``CSVWriter`` writes them, and writes them as an XLSX
/// workbook, so that an output opens in Excel with every value as it was: each field an inline-string
/// cell (text, so `0412 345 678` keeps its leading zero and `4155550123` is not turned into
/// `4.16E+09`), the first record the header row of every sheet.
///
/// Excel's limits are kept: a sheet holds at most 1,048,576 rows, so later rows continue on the next
/// sheet (`clean`, `clean 2`, ...) under the header again; a cell holds at most 32,767 characters,
/// so a longer field is cut and ends in ``cutMarker`` (``cutCells`` counts them). A field that is
/// not valid UTF-8 is read as Windows-1252, as Excel exports it; characters XML cannot hold (control
/// characters other than tab and line breaks) become U+FFFD.
///
/// The records are parsed as they arrive, in any pieces: quoted fields, doubled quotes and line
/// breaks inside quotes; a CR outside quotes is taken as part of a line ending. The workbook is a
/// ``ZipStreamWriter`` archive, so equal records give byte-identical files.
public final class XLSXSink: ByteSink {
    /// Excel's rows per sheet.
    public static let maxRowsPerSheet = 1_048_576
    /// Excel's characters (UTF-16 code units) per cell.
    public static let maxCellCharacters = 32_767
    /// What ends a cell whose field was cut to fit.
    public static let cutMarker = "…[cut]"

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private let zip: ZipStreamWriter
    private let delimiter: UInt8
    private let sheetName: String
    private let rowsPerSheet: Int
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [[UInt8]] = []
    private var header: [[UInt8]]?
    private var sheets = 0
    /// Rows of the current sheet, its header row included.
    private var rowsInSheet = 0
    private var xml: [UInt8] = []
    private var finished = false
    /// Cells cut to ``maxCellCharacters``.
    public private(set) var cutCells = 0
    /// Records written after the header.
    public private(set) var rows = 0

    /// - Parameters:
    ///   - delimiter: the records' delimiter.
    ///   - sheetName: the first sheet's name (later sheets add ` 2`, ` 3`, ...).
    ///   - level: the deflate level of the archive's entries.
    ///   - rowsPerSheet: rows per sheet, the header included (Excel's limit unless a test asks for less).
    public init(
        sink: ByteSink, delimiter: UInt8, sheetName: String, level: Int, rowsPerSheet: Int = maxRowsPerSheet
    ) {
        precondition(rowsPerSheet >= 2, "a sheet holds its header and at least one row")
        zip = ZipStreamWriter(sink: sink, level: level)
        self.delimiter = delimiter
        self.sheetName = sheetName
        self.rowsPerSheet = min(rowsPerSheet, Self.maxRowsPerSheet)
        xml.reserveCapacity(1 << 16)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(ScrubIOError) {
        for byte in bytes {
            switch state {
            case .fieldStart:
                switch byte {
                case 0x22: state = .quoted
                case delimiter: endField()
                case 0x0A: try endRecord()
                case 0x0D: break
                default:
                    field.append(byte)
                    state = .unquoted
                }
            case .unquoted:
                switch byte {
                case delimiter: endField()
                case 0x0A: try endRecord()
                case 0x0D: break
                default: field.append(byte)
                }
            case .quoted:
                if byte == 0x22 { state = .quoteInQuoted } else { field.append(byte) }
            case .quoteInQuoted:
                switch byte {
                case 0x22:
                    field.append(byte)
                    state = .quoted
                case delimiter: endField()
                case 0x0A: try endRecord()
                case 0x0D: break
                default:
                    // A quote that neither doubles nor closes: kept, as the reader keeps it.
                    field += [0x22, byte]
                    state = .unquoted
                }
            }
        }
    }

    /// Ends the last record (if unterminated), the last sheet and the workbook's parts.
    public func finish() throws(ScrubIOError) {
        guard !finished else { return }
        finished = true
        if state != .fieldStart || !field.isEmpty || !fields.isEmpty { try endRecord() }
        if sheets == 0 { try startSheet() }
        try endSheet()
        try writeParts()
        try zip.finish()
    }

    private func endField() {
        fields.append(field)
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    private func endRecord() throws(ScrubIOError) {
        endField()
        defer { fields.removeAll(keepingCapacity: true) }
        guard header != nil else {
            header = fields
            try startSheet()
            return
        }
        if rowsInSheet == rowsPerSheet {
            try endSheet()
            try startSheet()
        }
        appendRow(fields)
        rows += 1
        if xml.count >= 1 << 16 { try flushXML() }
    }

    private func startSheet() throws(ScrubIOError) {
        sheets += 1
        rowsInSheet = 0
        try zip.beginEntry("xl/worksheets/sheet\(sheets).xml")
        xml += Array(Self.xmlDeclaration.utf8)
        xml += Array("<worksheet xmlns=\"\(Self.mainNamespace)\"><sheetData>".utf8)
        if let header { appendRow(header) }
    }

    private func endSheet() throws(ScrubIOError) {
        xml += Array("</sheetData></worksheet>".utf8)
        try flushXML()
        try zip.endEntry()
    }

    private func flushXML() throws(ScrubIOError) {
        try zip.write(xml)
        xml.removeAll(keepingCapacity: true)
    }

    /// One `<row>` of inline-string cells; empty fields have no cell.
    private func appendRow(_ row: [[UInt8]]) {
        rowsInSheet += 1
        let number = Array(String(rowsInSheet).utf8)
        xml += Array("<row r=\"".utf8) + number + [0x22, 0x3E]
        for (column, value) in row.enumerated() where !value.isEmpty {
            xml += Array("<c r=\"".utf8) + Self.columnName(column) + number
            xml += Array("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8)
            appendText(value)
            xml += Array("</t></is></c>".utf8)
        }
        xml += Array("</row>".utf8)
    }

    /// A field as escaped XML text: UTF-8 if it is valid, else Windows-1252; cut past Excel's limit.
    private func appendText(_ value: [UInt8]) {
        // ASCII with nothing to escape, the usual field, is copied as it is.
        if value.count <= Self.maxCellCharacters, value.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && !Self.escaped($0) }) {
            xml += value
            return
        }
        var text = Windows1252.text(value)
        if text.utf16.count > Self.maxCellCharacters {
            let room = Self.maxCellCharacters - Self.cutMarker.utf16.count
            var kept = String.UnicodeScalarView()
            var units = 0
            for scalar in text.unicodeScalars {
                units += scalar.utf16.count
                if units > room { break }
                kept.append(scalar)
            }
            text = String(kept) + Self.cutMarker
            cutCells += 1
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": xml += Array("&amp;".utf8)
            case "<": xml += Array("&lt;".utf8)
            case ">": xml += Array("&gt;".utf8)
            case "\t", "\n", "\r": xml += Array(String(scalar).utf8)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": xml += Array("\u{FFFD}".utf8)
            default: xml += Array(String(scalar).utf8)
            }
        }
    }

    private static func escaped(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
    }

    /// A column's letters: 0 is `A`, 25 `Z`, 26 `AA`.
    static func columnName(_ index: Int) -> [UInt8] {
        var letters: [UInt8] = []
        var rest = index + 1
        while rest > 0 {
            letters.insert(UInt8(ascii: "A") + UInt8((rest - 1) % 26), at: 0)
            rest = (rest - 1) / 26
        }
        return letters
    }

    /// The sheets' names: `name`, `name 2`, ... within Excel's 31 characters.
    private var sheetNames: [String] {
        (1...sheets).map { number in
            let suffix = number == 1 ? "" : " \(number)"
            return String(sheetName.prefix(31 - suffix.count)) + suffix
        }
    }

    /// The parts besides the sheets: content types, relationships, the workbook, a default style.
    private func writeParts() throws(ScrubIOError) {
        let sheetNumbers = 1...sheets
        let contentTypes =
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(Self.officeType).sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(Self.officeType).styles+xml\"/>"
            + sheetNumbers.map {
                "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"\(Self.officeType).worksheet+xml\"/>"
            }.joined() + "</Types>"
        let packageRelations =
            "<Relationships xmlns=\"\(Self.relationshipsNamespace)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(Self.relationshipType)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"
        let workbook =
            "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipType)\"><sheets>"
            + Swift.zip(sheetNumbers, sheetNames).map { number, name in
                "<sheet name=\"\(Self.attribute(name))\" sheetId=\"\(number)\" r:id=\"rId\(number)\"/>"
            }.joined() + "</sheets></workbook>"
        let workbookRelations =
            "<Relationships xmlns=\"\(Self.relationshipsNamespace)\">"
            + sheetNumbers.map {
                "<Relationship Id=\"rId\($0)\" Type=\"\(Self.relationshipType)/worksheet\" "
                    + "Target=\"worksheets/sheet\($0).xml\"/>"
            }.joined()
            + "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(Self.relationshipType)/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
        let styles =
            "<styleSheet xmlns=\"\(Self.mainNamespace)\"><fonts count=\"1\"><font><sz val=\"11\"/>"
            + "<name val=\"Calibri\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/>"
            + "</fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border>"
            + "<left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"1\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
        let parts = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelations), ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelations), ("xl/styles.xml", styles),
        ]
        for (name, text) in parts {
            try zip.beginEntry(name)
            try zip.write(Array((Self.xmlDeclaration + text).utf8))
        }
    }

    private static func attribute(_ text: String) -> String {
        text.replacingAll("&", "&amp;").replacingAll("<", "&lt;").replacingAll(">", "&gt;").replacingAll("\"", "&quot;")
    }

    private static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let officeType = "application/vnd.openxmlformats-officedocument.spreadsheetml"
}

extension String {
    fileprivate func replacingAll(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
