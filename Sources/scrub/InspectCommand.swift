import ArgumentParser
import Foundation
import ScrubIO
import ScrubKit

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Describe lead files: compression, dialect, columns, record counts, phone columns.",
        discussion: """
            Reads each file once, streaming, in bounded memory. Gzip is detected by content. \
            A damaged gzip file is reported with its byte offset and makes the exit status non-zero.
            """
    )

    @Argument(help: "Lead files (CSV, gzipped or plain); - for standard input.")
    var files: [String]

    @Flag(help: "Print one JSON object per file, one a line.")
    var json = false

    @Option(help: "Largest record accepted, in bytes.")
    var maxRecordBytes = 1 << 20

    func validate() throws {
        try OptionRanges.maxRecordBytes.check(maxRecordBytes)
    }

    func run() throws {
        var inspector = FileInspector()
        inspector.readerOptions.maxRecordBytes = maxRecordBytes
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var worst: Int32 = 0
        for (index, path) in files.enumerated() {
            do {
                let inspection = try inspector.inspect(path: path)
                if json {
                    print(String(decoding: try encoder.encode(inspection), as: UTF8.self))
                } else {
                    if index > 0 { print() }
                    print(inspection.text)
                }
            } catch let error as ScrubIOError {
                printError(error.description)
                worst = max(worst, ExitStatus.code(for: error))
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
