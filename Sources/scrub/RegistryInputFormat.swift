import ArgumentParser
import Foundation
import PhoneNumbers
import ScrubIO
import ScrubIndex

/// The layouts a registry or suppression list can come in, and the parser that reads each.
///
/// Any input may be gzipped or a zip archive (every member read), and is verified against a
/// `FILE.sha256` sidecar when one is present (``RegistryInput``).
enum RegistryInputFormat: String, ExpressibleByArgument, CaseIterable {
    /// One E.164 number a line.
    case e164
    /// The US FTC / Canada CRTC full-list layouts `AAA,NNNNNNN` and `AAANNNNNNN`.
    case nanp
    /// The UK TPS / CTPS fixed-width layout, both variants (`01635 506160`, `01635506160 `).
    case tps
    /// The Canada CRTC DNCL XML layout, `<ac val='416'><ph val='1234567'/>...</ac>`.
    case crtcXML = "crtc-xml"
    /// National numbers of one region, one a line (numbers in `+CC` form are read too).
    case national
    /// One column of a CSV file with a header row; numbers normalised with the list's region.
    case csv

    /// Reads every input file into `collector`, with no grades.
    @discardableResult
    func read(
        _ paths: [String], role: IndexMetadata.Source.Role, column: String? = nil, region: String? = nil,
        into collector: inout KeyCollector
    ) throws -> [String] {
        var ignored: [(number: UInt64, grade: UInt8)] = []
        return try read(
            paths, role: role, column: column, region: region, gradeColumn: nil, grades: &ignored, into: &collector)
    }

    /// Reads every input file into `collector`, each file (or zip member) through a fresh parser of
    /// this format, and returns the checksum sidecars that were verified.
    ///
    /// - Parameters:
    ///   - column: the CSV column holding the numbers (`csv` only).
    ///   - region: the region of numbers written in national form (`national` and `csv`).
    @discardableResult
    ///   - gradeColumn: a litigator list's risk-grade column (`csv` only), its values added to `grades`.
    func read(
        _ paths: [String], role: IndexMetadata.Source.Role, column: String? = nil, region: String? = nil,
        gradeColumn: String? = nil, grades: inout [(number: UInt64, grade: UInt8)], into collector: inout KeyCollector
    ) throws -> [String] {
        var sidecars: [String] = []
        func lines<Parser: IndexLineParser>(_ make: () -> Parser) throws -> [(name: String, parser: Parser)] {
            var parts: [(name: String, parser: Parser)] = []
            for path in paths {
                let reading = try RegistryInput.read(path, role: role, into: &collector) { LineSplitter(make()) }
                parts += reading.parts.map { (name: $0.name, parser: $0.parser.parser) }
                sidecars += reading.sidecar.map { [$0] } ?? []
            }
            return parts
        }
        switch self {
        case .e164: _ = try lines { E164LineParser() }
        case .nanp: _ = try lines { NANPLineParser() }
        case .tps: _ = try lines { TPSLineParser() }
        case .national: _ = try lines { NormalizingLineParser(region: region, column: nil) }
        case .csv:
            for part in try lines({ NormalizingLineParser(region: region, column: column, gradeColumn: gradeColumn) }) {
                guard part.parser.columnIndex != nil else {
                    throw ValidationError("\(part.name): no column `\(column ?? "")` in the header row")
                }
                guard gradeColumn == nil || part.parser.gradeIndex != nil else {
                    throw ValidationError("\(part.name): no grade column `\(gradeColumn ?? "")` in the header row")
                }
                grades += part.parser.grades
            }
        case .crtcXML:
            for path in paths {
                let reading = try RegistryInput.read(path, role: role, into: &collector) { CRTCXMLParser() }
                sidecars += reading.sidecar.map { [$0] } ?? []
            }
        }
        return sidecars
    }

    /// Checks the format can be used with these options, before any input is read.
    func validate(column: String?, regions: [String]) throws {
        switch self {
        case .e164, .nanp, .crtcXML:
            guard column == nil else { throw ValidationError("--column applies only to --format csv") }
        case .tps:
            guard column == nil else { throw ValidationError("--column applies only to --format csv") }
            guard regions.map({ $0.uppercased() }) == ["GB"] else {
                throw ValidationError("--format tps reads UK numbers: give --region GB")
            }
        case .national:
            guard column == nil else { throw ValidationError("--column applies only to --format csv") }
            guard regions.count == 1, PhoneRegion(regions[0]) != nil else {
                throw ValidationError("--format national needs exactly one supported --region, the numbers' region")
            }
        case .csv:
            guard column != nil else { throw ValidationError("--format csv needs --column NAME") }
            guard regions.count <= 1 || regions.allSatisfy({ PhoneRegion($0) != nil }) else {
                throw ValidationError("unknown --region")
            }
        }
    }
}

/// Reads numbers in any written form through the E.164 normaliser: one a line, or one column of a
/// delimited file (the header row, line 1, names the column). Blank values are skipped; anything the
/// normaliser rejects is an invalid line.
///
/// Quoted fields are read, but a quoted field holding a line break is not: such a record counts as
/// invalid lines rather than being guessed at.
struct NormalizingLineParser: IndexLineParser {
    let normalizer: PhoneNormalizer
    let column: String?
    private(set) var columnIndex: Int?
    /// A litigator list's grade column, and the grades read (a row with a blank grade has none; a
    /// grade that is not a whole number 0-255 makes the line invalid).
    let gradeColumn: String?
    private(set) var gradeIndex: Int?
    private(set) var grades: [(number: UInt64, grade: UInt8)] = []
    private var delimiter = UInt8(ascii: ",")

    init(region: String?, column: String?, gradeColumn: String? = nil) {
        normalizer = PhoneNormalizer(defaultRegion: region.flatMap { PhoneRegion($0) })
        self.column = column
        self.gradeColumn = gradeColumn
    }

    mutating func parse(line: UnsafeRawBufferPointer, lineNumber: Int) -> LineKey {
        var value = line
        if let column {
            if lineNumber == 1 {
                delimiter = CSVDialect.detectDelimiter(inHeader: line)
                let names = Self.fields(of: line, delimiter: delimiter).map { String(decoding: $0, as: UTF8.self) }
                columnIndex = names.firstIndex(of: column)
                gradeIndex = gradeColumn.flatMap { names.firstIndex(of: $0) }
                return .skip
            }
            let fields = Self.fields(of: line, delimiter: delimiter)
            guard let columnIndex, columnIndex < fields.count else { return .invalid }
            let found = key(fields[columnIndex])
            guard let gradeIndex, case .key(let number) = found else { return found }
            guard gradeIndex < fields.count else { return .invalid }
            let text = String(decoding: fields[gradeIndex], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return found }
            guard let grade = UInt8(text) else { return .invalid }
            grades.append((number, grade))
            return found
        }
        while let last = value.last, last == 0x0D || last == 0x20 {
            value = UnsafeRawBufferPointer(rebasing: value.dropLast())
        }
        return key(Array(value))
    }

    private func key(_ bytes: [UInt8]) -> LineKey {
        switch normalizer.normalize(bytes) {
        case .accepted(let number, _): return .key(number.e164)
        case .rejected(.empty): return .skip
        case .rejected: return .invalid
        }
    }

    /// A line's fields, unquoted.
    static func fields(of line: UnsafeRawBufferPointer, delimiter: UInt8) -> [[UInt8]] {
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var quoted = false
        var index = 0
        while index < line.count {
            let byte = line[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < line.count && line[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") && field.isEmpty {
                quoted = true
            } else if byte == delimiter {
                fields.append(field)
                field = []
            } else if byte != 0x0D {
                field.append(byte)
            }
            index += 1
        }
        fields.append(field)
        return fields
    }
}
