import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

/// The `python3` on `PATH`, if any.
private let python3: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// Reads `file` with Python's `csv` module (no field size limit, the UTF-8 byte-order mark stripped,
/// blank lines skipped) and returns its records' fields.
private func pythonRecords(_ file: String) throws -> [[[UInt8]]] {
    let script = """
        import csv, io, sys
        csv.field_size_limit(sys.maxsize)
        data = open(sys.argv[1], newline='', encoding='latin-1').read()
        if data.startswith('\\xef\\xbb\\xbf'): data = data[3:]
        out = sys.stdout
        for row in csv.reader(io.StringIO(data, newline='')):
            if row: out.write(str(len(row)) + ':' + ','.join(f.encode('latin-1').hex() for f in row) + '\\n')
        """
    let dir = try TemporaryDirectory("python-csv")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python3!)
    process.arguments = ["-c", script, file]
    _ = FileManager.default.createFile(atPath: dir.path("out"), contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: dir.path("out")))
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "python3 read the file")
    let text = try String(contentsOfFile: dir.path("out"), encoding: .utf8)
    return text.split(separator: "\n").map { line in
        let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let hexFields = parts[1].split(separator: ",", omittingEmptySubsequences: false)
        return hexFields.map { hex in
            var bytes: [UInt8] = []
            var index = hex.startIndex
            while index < hex.endIndex {
                let next = hex.index(index, offsetBy: 2)
                bytes.append(UInt8(hex[index..<next], radix: 16)!)
                index = next
            }
            return bytes
        }
    }
}

@Suite("CSV reader against Python's csv module")
struct CSVPythonCrossCheckTests {
    @Test(
        "counts exactly the records Python's csv reads, big quoted multi-line fields included",
        .enabled(if: python3 != nil, "python3 is not on PATH: the cross-check with Python's csv module is skipped"),
        arguments: [("\n", 0), ("\r\n", 1), ("\r", 2)])
    func agreesWithPython(ending: String, seed: Int) throws {
        var random = SeededRandom(seed: UInt64(4_242 + seed))
        let alphabet = bytes("ab 9,\"\n\r;") + [0xC3, 0xA9]
        var input: [UInt8] = [0xEF, 0xBB, 0xBF] + bytes("id,phone,notes\(ending)")
        for row in 0..<300 {
            var notes: [UInt8] = bytes("plain")
            if row % 37 == 5 {
                // A CRM note of 2-100 kB whose lines look like leads.
                let size = Int.random(in: 2_000...100_000, using: &random)
                notes = bytes("\"")
                while notes.count < size { notes += bytes("\(row),+1 212 555 0101,\"\"x\"\"\(ending)") }
                notes += bytes("\"")
            } else if row % 5 == 1 {
                let value = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                    alphabet.randomElement(using: &random)!
                }
                notes = bytes("\"") + value.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + bytes("\"")
            } else if row % 7 == 3 {
                notes = bytes("O\"Brien")  // a stray quote inside an unquoted field
            }
            input += bytes("\(row),+1 212 555 \(1_000 + row),") + notes + bytes(ending)
            if row % 50 == 9 { input += bytes(ending) }
        }
        let dir = try TemporaryDirectory("python-csv-input")
        try Data(input).write(to: dir.url.appendingPathComponent("leads.csv"))
        let python = try pythonRecords(dir.path("leads.csv"))
        let oracle = CSVOracle.records(input, delimiter: UInt8(ascii: ","))
        #expect(oracle.map(\.fields) == python, "the oracle the other reader tests use agrees with Python")
        let limit = 10_000
        let fitting = oracle.dropFirst().filter { $0.raw.count <= limit }.map(\.fields)
        #expect(fitting.count < python.count - 5, "some notes are past the limit")
        for chunk in [7, 65_536, .max] {
            let result = try readAll(MemoryByteSource(input, chunkSize: chunk), options: .init(maxRecordBytes: limit))
            #expect(result.header == python[0])
            #expect(result.records == fitting, "chunk \(chunk)")
            #expect(1 + result.records.count + result.malformed.count == python.count, "chunk \(chunk)")
            for bad in result.malformed {
                guard case .tooLarge(limit, let length) = bad.reason else {
                    Issue.record("only records past the limit are malformed: \(bad)")
                    continue
                }
                #expect(length > limit)
            }
        }
        let whole = try readAll(MemoryByteSource(input))
        #expect([whole.header] + whole.records == python, "under the default 1 MiB limit every record is read")
    }
}
