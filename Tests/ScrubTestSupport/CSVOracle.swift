/// A deliberately simple CSV parser over a whole input, the reference the streaming reader is
/// compared with. It handles well-formed input only: quoted fields, doubled quotes, LF/CRLF/CR
/// record ends, blank lines skipped, a leading UTF-8 byte-order mark stripped.
package enum CSVOracle {
    /// One record: its fields, and where its bytes (without the line ending) are in the input.
    package struct Record: Equatable {
        package var fields: [[UInt8]]
        package var raw: Range<Int>
    }

    package static func parse(_ input: [UInt8], delimiter: UInt8) -> [[[UInt8]]] {
        records(input, delimiter: delimiter).map(\.fields)
    }

    package static func records(_ input: [UInt8], delimiter: UInt8) -> [Record] {
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var records: [Record] = []
        var record: [[UInt8]] = []
        var field: [UInt8] = []
        var index = bytes.startIndex
        var start = index
        var atRecordStart = true
        func isBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if atRecordStart && isBreak(byte) {
                index += 1
                continue
            }
            if atRecordStart { start = index }
            atRecordStart = false
            if byte == UInt8(ascii: "\"") && field.isEmpty {
                // Quoted field: read to the closing quote.
                index += 1
                while index < bytes.endIndex {
                    if bytes[index] == UInt8(ascii: "\"") {
                        if index + 1 < bytes.endIndex && bytes[index + 1] == UInt8(ascii: "\"") {
                            field.append(UInt8(ascii: "\""))
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    field.append(bytes[index])
                    index += 1
                }
                continue
            }
            if byte == delimiter {
                record.append(field)
                field = []
            } else if isBreak(byte) {
                record.append(field)
                field = []
                records.append(Record(fields: record, raw: start..<index))
                record = []
                atRecordStart = true
                if byte == 0x0D && index + 1 < bytes.endIndex && bytes[index + 1] == 0x0A { index += 1 }
            } else {
                field.append(byte)
            }
            index += 1
        }
        if !atRecordStart {
            record.append(field)
            records.append(Record(fields: record, raw: start..<index))
        }
        return records
    }
}
