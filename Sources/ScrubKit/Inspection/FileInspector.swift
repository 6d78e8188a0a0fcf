import ScrubIO

/// Reads a lead file once, streaming, and describes it: compression, dialect, columns, record
/// counts, malformed records and which columns hold phone numbers.
///
/// Memory stays bounded whatever the file size: one record buffer, one compressed buffer, and a
/// counter per column.
public struct FileInspector: Sendable {
    /// How many malformed records are described individually.
    public var malformedSampleLimit = 5
    /// How many records are examined for phone-shaped values.
    public var phoneSampleRecords = 10_000
    /// The share of phone-shaped values above which a column counts as a phone column.
    public var phoneShareThreshold = 0.6
    public var readerOptions = CSVReaderOptions()

    public init() {}

    public func inspect(path: String) throws(ScrubIOError) -> FileInspection {
        let bytes = try ByteReader(path: path)
        let reader = try CSVReader(source: bytes, options: readerOptions)
        let columns = reader.header.texts
        var phoneShaped = [Int](repeating: 0, count: columns.count)
        var nonEmpty = [Int](repeating: 0, count: columns.count)
        var invalidUTF8 = 0
        var firstInvalidLine: Int?
        var samples: [String] = []
        var record = CSVRecord()
        var sampled = 0

        loop: while true {
            switch try reader.next(into: &record) {
            case .record:
                if !UTF8Check.isValid(record) {
                    invalidUTF8 += 1
                    if firstInvalidLine == nil { firstInvalidLine = record.line }
                }
                if sampled < phoneSampleRecords {
                    sampled += 1
                    for column in 0..<record.count {
                        record.withField(column) { field in
                            guard !field.isEmpty else { return }
                            nonEmpty[column] += 1
                            if PhoneShape.looksLikePhoneNumber(field) { phoneShaped[column] += 1 }
                        }
                    }
                }
            case .malformed(let bad):
                if samples.count < malformedSampleLimit { samples.append(bad.description) }
            case .endOfInput:
                break loop
            }
        }

        let phoneColumns = columns.indices.compactMap { index -> FileInspection.PhoneColumn? in
            guard nonEmpty[index] > 0 else { return nil }
            let share = Double(phoneShaped[index]) / Double(nonEmpty[index])
            return share >= phoneShareThreshold ? .init(name: columns[index], share: share) : nil
        }.sorted { $0.share > $1.share }

        let delimiter = reader.dialect.delimiter
        return FileInspection(
            path: path,
            compression: .init(
                format: bytes.isGzip ? "gzip" : "none", gzipMembers: bytes.gzipMembers,
                fileBytes: bytes.fileBytesRead, rawBytes: bytes.bytesProduced),
            dialect: .init(
                delimiter: delimiter == 0x09 ? "\\t" : String(UnicodeScalar(delimiter)),
                lineEndings: reader.dialect.lineEnding.rawValue,
                byteOrderMark: reader.dialect.hasByteOrderMark,
                validUTF8: invalidUTF8 == 0 && UTF8Check.isValid(reader.header),
                recordsWithInvalidUTF8: invalidUTF8,
                firstInvalidUTF8Line: firstInvalidLine),
            columns: columns,
            records: reader.recordCount,
            malformedRecords: reader.malformedCount,
            oversizedRecords: reader.oversizedCount,
            unclosedQuotes: reader.unclosedQuoteCount,
            malformedSamples: samples,
            blankLines: reader.blankLineCount,
            phoneColumns: phoneColumns)
    }
}
