import Foundation
import ScrubIO

/// The header-led CSV files data vendors ship (reassigned-number answers, wireless blocks, ported
/// numbers), read by the lead files' ``CSVReader``: gzip or plain, quoted fields (line breaks
/// included), LF, CRLF or CR, a byte-order mark, blank lines skipped, streamed rather than read whole.
/// Each field keeps its 1-based column so a reader can report `file:line:column`, and a line may have
/// fewer fields than the header, so its reader names the field that is missing.
///
/// A reader throws at the first line it cannot use: these files are loaded once, before the first
/// row, and a misread entry would clear or reject leads wrongly.
struct VendorCSV {
    struct Line {
        /// The 1-based line on which the record starts.
        var number: Int
        /// Each field's text, trimmed of spaces and tabs, quotes removed; its column is the byte of
        /// the record on which the field starts.
        var fields: [(text: String, column: Int)]
        /// The record's length, for a missing field's column (after the last character).
        var length: Int
    }

    let file: String
    private let source: ByteSource

    init(path: String, what: String) throws(PipelineError) {
        do throws(ScrubIOError) {
            self.init(source: try ByteReader(path: path), file: path)
        } catch {
            throw PipelineError(.missingInput, "cannot read the \(what): \(error.message)", at: path)
        }
    }

    /// A file's bytes in memory, for tests.
    init(bytes: [UInt8], file: String) {
        self.init(source: MemoryByteSource(bytes, path: file), file: file)
    }

    private init(source: ByteSource, file: String) {
        self.source = source
        self.file = file
    }

    /// Calls `body` with the header line, then each record that has a non-empty field, in order.
    ///
    /// - Throws: the first error of `body`, or `.badData` at a record the reader cannot read (a quote
    ///   never closed, a record over 1 MiB) or an input that is not gzip or text.
    func forEachLine(_ body: (Line) throws(PipelineError) -> Void) throws(PipelineError) {
        let options = CSVReaderOptions(delimiter: UInt8(ascii: ","), requiresHeaderFieldCount: false)
        let reader: CSVReader
        do throws(ScrubIOError) {
            reader = try CSVReader(source: source, options: options)
        } catch {
            throw PipelineError(.badData, error.message, at: error.path)
        }
        guard reader.header.count > 0 else { return }
        if let header = Self.line(reader.header) { try body(header) }
        var record = CSVRecord()
        while true {
            let outcome: CSVReadOutcome
            do throws(ScrubIOError) {
                outcome = try reader.next(into: &record)
            } catch {
                throw PipelineError(.badData, error.message, at: error.path)
            }
            switch outcome {
            case .endOfInput: return
            case .record:
                if let line = Self.line(record) { try body(line) }
            case .malformed(let bad):
                throw PipelineError(.badData, "the line cannot be read: \(bad)", at: "\(file):\(bad.line)")
            }
        }
    }

    /// The fields of a record, with their columns; nil for a record whose fields are all empty.
    private static func line(_ record: CSVRecord) -> Line? {
        let texts = record.texts.map { $0.trimmingCharacters(in: [" ", "\t"]) }
        guard texts.contains(where: { !$0.isEmpty }) else { return nil }
        let columns = fieldColumns(record.raw)
        return Line(
            number: record.line, fields: zip(texts, columns).map { ($0, $1) }, length: record.raw.count)
    }

    /// The 1-based column at which each field of a record's raw bytes starts: after each comma that
    /// is not inside quotes.
    static func fieldColumns(_ raw: ArraySlice<UInt8>) -> [Int] {
        var columns = [1]
        var quoted = false
        for (offset, byte) in zip(0..., raw) {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == UInt8(ascii: ","), !quoted {
                columns.append(offset + 2)
            }
        }
        return columns
    }

    /// `file:line:column`.
    func place(_ line: Line, _ column: Int) -> String { "\(file):\(line.number):\(column)" }

    /// The field at `position` of `line`, or an error naming `what` is missing.
    func field(_ line: Line, _ position: Int, _ what: String) throws(PipelineError) -> (text: String, column: Int) {
        guard position < line.fields.count else {
            throw PipelineError(
                .badData, "missing the \(what) field: the line has \(line.fields.count) of the header's columns",
                at: place(line, line.length + 1))
        }
        return line.fields[position]
    }

    /// Ten North American digits (NPA starting 2-9), optionally after `1` or `+1`, with spaces,
    /// dashes, dots and parentheses ignored; nil for anything else. `digits` other than 10 are
    /// accepted when given (6 for an exchange, 7 for a thousands-block).
    static func nanpDigits(_ text: String, count: Int = 10) -> UInt64? {
        var digits: [UInt8] = []
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "+") where offset == 0: continue
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"):
                continue
            default: return nil
            }
        }
        if digits.count == count + 1, digits[0] == 1 { digits.removeFirst() }
        guard digits.count == count, digits[0] >= 2 else { return nil }
        return digits.reduce(0) { $0 * 10 + UInt64($1) }
    }
}
