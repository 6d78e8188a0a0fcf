import Foundation

/// The small header-led CSV files data vendors ship (reassigned-number answers, wireless blocks, ported
/// numbers): lines of comma-separated fields, optionally quoted, LF or CRLF, blank lines skipped, each
/// field with its 1-based column so a reader can report `file:line:column`.
///
/// Read whole: these files are loaded once per run, before the first row, and a reader throws at the
/// first malformed line.
struct VendorCSV {
    struct Line {
        var number: Int
        var fields: [(text: String, column: Int)]
        /// The line's length, for a missing field's column (after the last character).
        var length: Int
    }

    let file: String
    private let bytes: [UInt8]

    init(path: String, what: String) throws(PipelineError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(.missingInput, "cannot read the \(what)", at: path)
        }
        self.init(bytes: Array(data), file: path)
    }

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Calls `body` with each non-blank line in order.
    func forEachLine(_ body: (Line) throws(PipelineError) -> Void) throws(PipelineError) {
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            var last = end
            if last > start, bytes[last - 1] == 0x0D { last -= 1 }
            let fields = Self.fields(bytes, start..<last)
            let line = Line(number: lineNumber, fields: fields, length: last - start)
            start = end + 1
            if fields.allSatisfy({ $0.text.isEmpty }) { continue }
            try body(line)
        }
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

    /// The comma-separated fields of a line, trimmed and unquoted, with their 1-based columns.
    static func fields(_ bytes: [UInt8], _ range: Range<Int>) -> [(text: String, column: Int)] {
        var fields: [(text: String, column: Int)] = []
        var start = range.lowerBound
        while true {
            var end = start
            var quoted = false
            while end < range.upperBound, quoted || bytes[end] != 0x2C {
                if bytes[end] == 0x22 { quoted.toggle() }
                end += 1
            }
            var text = String(decoding: bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
                text = String(text.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            fields.append((text, start - range.lowerBound + 1))
            guard end < range.upperBound else { return fields }
            start = end + 1
        }
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
