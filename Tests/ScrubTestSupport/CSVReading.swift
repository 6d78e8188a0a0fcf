import ScrubIO

/// Everything a reader produced: the header, then each record or malformed record in order.
package struct CSVReadResult: Equatable {
    package var header: [[UInt8]]
    package var records: [[[UInt8]]] = []
    package var lines: [Int] = []
    package var malformed: [CSVMalformedRecord] = []
    /// The order of outcomes: `r` for a record, `m` for a malformed one.
    package var sequence: [Character] = []

    package init(header: [[UInt8]]) {
        self.header = header
    }
}

package func readAll(_ source: ByteSource, options: CSVReaderOptions = .init()) throws -> CSVReadResult {
    try readAll(CSVReader(source: source, options: options))
}

/// Bytes of an ASCII/UTF-8 string, for readable test tables.
package func bytes(_ string: String) -> [UInt8] { Array(string.utf8) }

/// Everything `reader` produces from here on (its header included).
package func readAll(_ reader: CSVReader) throws -> CSVReadResult {
    var result = CSVReadResult(header: reader.header.fields)
    var record = CSVRecord()
    while true {
        switch try reader.next(into: &record) {
        case .record:
            result.records.append(record.fields)
            result.lines.append(record.line)
            result.sequence.append("r")
        case .malformed(let bad):
            result.malformed.append(bad)
            result.sequence.append("m")
        case .endOfInput:
            return result
        }
    }
}
