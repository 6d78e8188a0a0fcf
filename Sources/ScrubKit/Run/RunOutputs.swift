import Foundation
import ScrubIO

/// The clean and rejects outputs of one run, in its staging folder: each a gzip stream compressed on
/// the run's shared pool, hashed as it is written, behind a writer that takes encoded rows.
///
/// The writers exist from the first input's header on (its columns head both outputs); `finish`
/// completes both streams, and the files are published only by `commit`, after the balance check.
final class RunOutputs {
    let cleanFile: OutputFile
    let rejectsFile: OutputFile
    private let cleanHash: HashingSink
    private let rejectsHash: HashingSink
    private let cleanSink: ParallelGzipSink
    private let rejectsSink: ParallelGzipSink
    /// The writers the sequencer appends rows to, in input order.
    let clean: CSVWriter
    let rejects: CSVWriter
    private var started = false

    init(directory: URL, level: Int, pool: WorkerPool, blockSize: Int, delimiter: UInt8) throws(ScrubIOError) {
        cleanFile = try OutputFile(path: directory.appendingPathComponent("clean.csv.gz").path)
        rejectsFile = try OutputFile(path: directory.appendingPathComponent("rejects.csv.gz").path)
        cleanHash = HashingSink(cleanFile)
        rejectsHash = HashingSink(rejectsFile)
        cleanSink = ParallelGzipSink(writingTo: cleanHash, level: level, pool: pool, blockSize: blockSize)
        rejectsSink = ParallelGzipSink(writingTo: rejectsHash, level: level, pool: pool, blockSize: blockSize)
        clean = CSVWriter(sink: cleanSink, delimiter: delimiter)
        rejects = CSVWriter(sink: rejectsSink, delimiter: delimiter)
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

    /// Completes both gzip streams (nothing more is written).
    func finish() throws(ScrubIOError) {
        guard started else { return }
        try clean.finish()
        try rejects.finish()
    }

    /// CPU time spent compressing, on every thread.
    var compressionCPU: Duration { cleanSink.compressionCPUTime + rejectsSink.compressionCPUTime }

    /// What the report says of the two outputs at their stable paths.
    func facts(cleanPath: String, rejectsPath: String) -> [RunReport.FileFacts] {
        [
            .init(path: cleanPath, bytes: cleanHash.bytes, sha256: cleanHash.digest ?? ""),
            .init(path: rejectsPath, bytes: rejectsHash.bytes, sha256: rejectsHash.digest ?? ""),
        ]
    }
}
