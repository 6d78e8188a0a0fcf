import Foundation
import ScrubIO

/// Loads a suppression list written as text into memory for one run.
///
/// Two layouts are read, gzipped or not: one number a line (E.164 or national numbers of the
/// default country), or a CSV whose header has a column named `phone`, `e164`, `number` or `msisdn`.
/// A line that is not a valid number stops the load with its line: an opt-out that silently fails
/// to load is a call to someone who asked not to be called.
public struct PlainListLoader {
    public var normalizer: NumberNormalizing
    public var defaultCountry: String
    static let phoneColumnNames = ["phone", "e164", "number", "msisdn", "phone_number"]

    public init(normalizer: NumberNormalizing, defaultCountry: String) {
        self.normalizer = normalizer
        self.defaultCountry = defaultCountry
    }

    public func load(_ path: String) throws -> InMemoryNumberList {
        let reader = try CSVReader(source: ByteReader(path: path))
        let names = reader.header.texts.map { $0.lowercased() }
        var numbers: [UInt64] = []
        var column = 0
        if let index = names.firstIndex(where: Self.phoneColumnNames.contains) {
            column = index
        } else if reader.header.count == 1 {
            // No header: the first line is a number too.
            try add(reader.header, column: 0, line: 1, path: path, to: &numbers)
        } else {
            throw PipelineError(
                .configuration,
                "cannot find the phone column; name it one of: \(Self.phoneColumnNames.joined(separator: ", "))",
                at: "\(path):1")
        }
        var record = CSVRecord()
        while true {
            switch try reader.next(into: &record) {
            case .record: try add(record, column: column, line: record.line, path: path, to: &numbers)
            case .malformed(let bad): throw PipelineError(.badData, "malformed list line", at: "\(path):\(bad.line)")
            case .endOfInput:
                let info = NumberListInfo(
                    name: URL(fileURLWithPath: path).lastPathComponent, kind: .suppression, regions: [],
                    snapshotDate: nil, maxAgeDays: nil, entries: numbers.count, path: path,
                    sha256: try FileDigest.sha256(path: path))
                return InMemoryNumberList(info: info, numbers: numbers)
            }
        }
    }

    private func add(
        _ record: CSVRecord, column: Int, line: Int, path: String, to numbers: inout [UInt64]
    ) throws(PipelineError) {
        let check = record.withField(column) { normalizer.check($0, country: defaultCountry) }
        switch check {
        case .number(let facts): numbers.append(facts.e164)
        case .missing: break
        case .invalid(let why), .unsupportedRegion(let why):
            throw PipelineError(.badData, "not a valid phone number (\(why))", at: "\(path):\(line)")
        }
    }
}
