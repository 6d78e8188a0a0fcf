import BenchmarkSupport
import Foundation
import ScrubIO

// Parallel against serial CSV parsing of the same decompressed file, as two commands that an
// outside timer runs side by side (whole processes, so thread start-up and teardown count):
//
//   ParseBenchmark generate FILE ROWS      writes a lead file; every 40th address holds line breaks
//   ParseBenchmark serial FILE             reads it with CSVReader
//   ParseBenchmark parallel FILE THREADS   reads it with ParallelCSVReader on THREADS threads
//
// Both print the records, malformed records and line count they read, which must agree.

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: ParseBenchmark generate FILE ROWS | serial FILE | parallel FILE THREADS [CHUNK]")
    exit(64)
}
let path = arguments[2]

func generate(rows: Int) throws {
    let output = try OutputFile(path: path, permissions: 0o644)
    let writer = CSVWriter(sink: output)
    try writer.write(fields: ["id", "first_name", "phone", "email", "address", "city", "notes"].map { Array($0.utf8) })
    var random = BenchmarkRandom(state: 0x9E37_79B9)
    let names = ["Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis", "Zoë", "O'Brien", "Müller", "Nguyen"]
    for i in 0..<rows {
        let a = random.next() >> 33
        let b = random.next() >> 33
        let address =
            i % 40 == 7 ? "\(b % 999) Main St\nApt \(a % 40)\nSpringfield" : "\(b % 999) Main St, Apt \(a % 40)"
        let fields = [
            String(i), names[Int(a % 10)], "+1 \(a % 800 + 200) 555 \(b % 10_000)", "user\(i)@example.com", address,
            "Springfield", a % 5 == 0 ? "called \"twice\", no answer" : "",
        ]
        try writer.write(fields: fields.map { Array($0.utf8) })
    }
    try writer.finish()
    try output.commit()
}

func serial() throws -> (records: Int, malformed: Int, lines: Int) {
    let reader = try CSVReader(source: ByteReader(path: path))
    var record = CSVRecord()
    var lastLine = 0
    while true {
        switch try reader.next(into: &record) {
        case .record: lastLine = record.line
        case .malformed(let bad): lastLine = bad.line
        case .endOfInput: return (reader.recordCount, reader.malformedCount, lastLine)
        }
    }
}

func parallel(threads: Int, chunkSize: Int) throws -> (records: Int, malformed: Int, lines: Int, repaired: Int) {
    let pool = WorkerPool(threads: threads)
    let reader = try ParallelCSVReader(source: ByteReader(path: path), pool: pool, chunkSize: chunkSize) { chunk in
        chunk.recordLines.last ?? 0
    }
    var lastLine = 0
    while let (chunk, line) = try reader.next() {
        if case .malformed(let bad, _)? = chunk.outcomes.last {
            lastLine = bad.line
        } else if line > 0 {
            lastLine = line
        }
    }
    return (reader.counters.recordCount, reader.counters.malformedCount, lastLine, reader.repairedChunks)
}

switch arguments[1] {
case "generate":
    try generate(rows: Int(arguments[3]) ?? 1_000_000)
case "serial":
    let result = try serial()
    print("records \(result.records) malformed \(result.malformed) last line \(result.lines)")
case "parallel":
    let threads = arguments.count > 3 ? Int(arguments[3]) ?? 2 : 2
    let chunk = arguments.count > 4 ? Int(arguments[4]) ?? 1 << 20 : 1 << 20
    let result = try parallel(threads: threads, chunkSize: chunk)
    print(
        "records \(result.records) malformed \(result.malformed) last line \(result.lines) repaired chunks \(result.repaired)"
    )
default:
    print("unknown command \(arguments[1])")
    exit(64)
}
