import Foundation
import ScrubIO
import ScrubRecords

extension ContactHistory.Builder {
    /// Reads every call of a call log, gzip or plain, keeping those inside the window.
    ///
    /// Rows whose number or time cannot be read are counted and located, not fatal: a history that
    /// misses a call can only under-count, which the report makes visible.
    ///
    /// - Throws: `PipelineError` `.configuration` for a missing column; `ScrubIOError` when the file
    ///   cannot be read.
    /// - Complexity: one pass; memory per kept call (``ContactHistory/Builder``), not per row.
    @discardableResult
    public mutating func read(
        _ path: String, format: CallLogFormat, normalizer: some NumberNormalizing
    ) throws -> CallLogReport {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let reader = try CSVReader(
            source: try ByteReader(path: path), options: CSVReaderOptions(delimiter: format.delimiter))
        let names = reader.header.texts.map { $0.trimmingCharacters(in: [" ", "\t"]).lowercased() }
        func column(_ name: String, option: String) throws -> Int {
            guard let index = names.firstIndex(of: name.lowercased()) else {
                // Quoted only when it looks like a header: a header-less log's first row holds a number.
                let header =
                    names.contains(where: HeaderField.looksLikeData)
                    ? "(its first row looks like data, not a header: the call log seems to have no header)"
                    : "(\(names.joined(separator: ", ")))"
                throw PipelineError(
                    .configuration, "no column `\(name)` in the call log's header \(header); set \(option)", at: path)
            }
            return index
        }
        let numberIndex = try column(format.numberColumn, option: "the number column")
        let timeIndex = try column(format.timeColumn, option: "the time column")
        let outcomeIndex = try format.outcomeColumn.map { try column($0, option: "the outcome column") }
        let offerIndex = try format.offerColumn.map { try column($0, option: "the offer column") }
        let refusals = Set(format.refusalCodes.map { Array($0.uppercased().utf8) })

        let timeProblem =
            format.timeFormat == .iso8601
            ? "the time is not an ISO 8601 time" : "the time does not read as \(format.timeFormat)"
        var report = CallLogReport(path: path)
        func unreadable(_ text: String) {
            report.unreadableRows += 1
            if report.unreadableSamples.count < 10 { report.unreadableSamples.append(text) }
        }
        let outsideBefore = outsideWindow
        let keptBefore = count
        var record = CSVRecord()
        readLoop: while true {
            switch try reader.next(into: &record) {
            case .endOfInput: break readLoop
            case .malformed(let bad):
                report.rows += 1
                unreadable("\(fileName):\(bad.line): the row does not parse as the header says")
                continue
            case .record: report.rows += 1
            }
            guard let time = record.withField(timeIndex, format.timeFormat.time) else {
                unreadable("\(fileName):\(record.line): \(timeProblem)")
                continue
            }
            if time < from || time > through {  // skip normalising calls that cannot matter
                outsideWindow += 1
                continue
            }
            guard
                case .number(let facts) = record.withField(
                    numberIndex, { normalizer.check($0, country: format.country) })
            else {
                unreadable("\(fileName):\(record.line): the number is not valid")
                continue
            }
            var refusal = false
            if let outcomeIndex {
                var code = Array(record[outcomeIndex])
                while code.last == 0x20 || code.last == 0x09 || code.last == 0x0D { code.removeLast() }
                while code.first == 0x20 || code.first == 0x09 { code.removeFirst() }
                refusal = refusals.contains(code.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 })
            }
            let offer = offerIndex.map { String(decoding: record[$0], as: UTF8.self) }
            add(e164: facts.e164, time: time, refusal: refusal, offer: offer)
        }
        report.kept = count - keptBefore
        report.outsideWindow = outsideWindow - outsideBefore
        return report
    }
}
