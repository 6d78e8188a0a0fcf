import Foundation
import ScrubIO
import ScrubPipeline
import ScrubRules

/// The clean and rejects outputs of one run, in its staging folder, in the pipeline's format: each a
/// gzip stream compressed on the run's shared pool (`csv.gz`), plain CSV (`csv`, with a byte order
/// mark when asked) or a workbook (`xlsx`, written from the same encoded rows by ``XLSXSink``),
/// hashed as it is written, behind a writer that takes encoded rows.
///
/// The writers exist from the first input's header on (its columns head both outputs); `finish`
/// completes both streams, and the files are published only by `commit`, after the balance check.
final class RunOutputs {
    let cleanFile: OutputFile
    let rejectsFile: OutputFile
    private let cleanHash: HashingSink
    private let rejectsHash: HashingSink
    private let cleanSink: ParallelGzipSink?
    private let rejectsSink: ParallelGzipSink?
    /// The writers the sequencer appends rows to, in input order.
    let clean: CSVWriter
    let rejects: CSVWriter
    private var started = false
    /// The XLSX writers behind `clean` and `rejects`, in that order, for the `xlsx` format.
    private var workbooks: [XLSXSink] = []

    /// The UTF-8 byte order mark Excel looks for before it reads a CSV file as UTF-8.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    init(
        directory: URL, settings: OutputSettings, delimiter: UInt8, level: Int, pool: WorkerPool, blockSize: Int,
        rowsPerSheet: Int = XLSXSink.maxRowsPerSheet
    ) throws(ScrubIOError) {
        let names = settings.fileNames
        cleanFile = try OutputFile(path: directory.appendingPathComponent(names.clean).path)
        rejectsFile = try OutputFile(path: directory.appendingPathComponent(names.rejects).path)
        let cleanHash = HashingSink(cleanFile)
        let rejectsHash = HashingSink(rejectsFile)
        self.cleanHash = cleanHash
        self.rejectsHash = rejectsHash
        switch settings.format {
        case .csvGzip:
            let cleanSink = ParallelGzipSink(writingTo: cleanHash, level: level, pool: pool, blockSize: blockSize)
            let rejectsSink = ParallelGzipSink(writingTo: rejectsHash, level: level, pool: pool, blockSize: blockSize)
            self.cleanSink = cleanSink
            self.rejectsSink = rejectsSink
            clean = CSVWriter(sink: cleanSink, delimiter: delimiter)
            rejects = CSVWriter(sink: rejectsSink, delimiter: delimiter)
        case .csv:
            cleanSink = nil
            rejectsSink = nil
            if settings.byteOrderMark {
                try cleanHash.write(Self.byteOrderMark)
                try rejectsHash.write(Self.byteOrderMark)
            }
            clean = CSVWriter(sink: cleanHash, delimiter: delimiter)
            rejects = CSVWriter(sink: rejectsHash, delimiter: delimiter)
        case .xlsx:
            cleanSink = nil
            rejectsSink = nil
            let cleanBook = XLSXSink(
                sink: cleanHash, delimiter: delimiter, sheetName: "clean", level: level, rowsPerSheet: rowsPerSheet)
            let rejectsBook = XLSXSink(
                sink: rejectsHash, delimiter: delimiter, sheetName: "rejects", level: level,
                rowsPerSheet: rowsPerSheet)
            workbooks = [cleanBook, rejectsBook]
            clean = CSVWriter(sink: cleanBook, delimiter: delimiter)
            rejects = CSVWriter(sink: rejectsBook, delimiter: delimiter)
        }
    }

    /// What the outputs' format changed: cells cut to fit a spreadsheet's cell.
    var warnings: [String] {
        zip(workbooks, [cleanFile, rejectsFile]).compactMap { book, file in
            guard book.cutCells > 0 else { return nil }
            return "\(book.cutCells) cell(s) of \(URL(fileURLWithPath: file.path).lastPathComponent) were longer than "
                + "a spreadsheet cell's \(XLSXSink.maxCellCharacters) characters: cut, ending in \(XLSXSink.cutMarker)"
        }
    }

    /// Writes the header rows (once, from the first input): its columns, then what each output adds.
    func start(header: CSVRecord, cleanColumns: [String], rejectColumns: [String]) throws(ScrubIOError) {
        guard !started else { return }
        started = true
        try clean.write(fields: header.fields + cleanColumns.map { Array($0.utf8) })
        try rejects.write(fields: header.fields + rejectColumns.map { Array($0.utf8) })
    }

    /// Rows written after the headers.
    var rows: (clean: Int, rejected: Int) { (max(0, clean.recordCount - 1), max(0, rejects.recordCount - 1)) }

    /// Completes both streams (nothing more is written).
    func finish() throws(ScrubIOError) {
        guard started else { return }
        try clean.finish()
        try rejects.finish()
    }

    /// CPU time spent compressing, on every thread.
    var compressionCPU: Duration {
        (cleanSink?.compressionCPUTime ?? .zero) + (rejectsSink?.compressionCPUTime ?? .zero)
    }

    /// What the report says of the two outputs at their stable paths.
    func facts(cleanPath: String, rejectsPath: String) -> [RunReport.FileFacts] {
        [
            .init(path: cleanPath, bytes: cleanHash.bytes, sha256: cleanHash.digest ?? ""),
            .init(path: rejectsPath, bytes: rejectsHash.bytes, sha256: rejectsHash.digest ?? ""),
        ]
    }
}
