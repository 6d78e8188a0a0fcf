import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

/// Compresses `bytes` with our writer into memory.
private func gzip(_ bytes: [UInt8], level: Int = 6) throws -> [UInt8] {
    let memory = MemorySink()
    let sink = GzipSink(writingTo: memory, level: level)
    try sink.write(bytes)
    try sink.finish()
    return memory.bytes
}

/// Reads a whole file through `ByteReader` in small reads.
private func readFile(_ path: String, readSize: Int = 1000) throws -> (bytes: [UInt8], reader: ByteReader) {
    let reader = try ByteReader(path: path, bufferSize: 4096)
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: readSize)
    while true {
        let n = try chunk.withUnsafeMutableBytes { try reader.read(into: $0) }
        if n == 0 { break }
        out += chunk[..<n]
    }
    return (out, reader)
}

private func sampleText(lines: Int) -> [UInt8] {
    var random = SeededRandom(seed: 42)
    var text = "id,phone,name\n"
    for i in 0..<lines {
        text += "\(i),+1415555\(String(format: "%04d", Int.random(in: 0..<10000, using: &random))),Name \(i)\n"
    }
    return bytes(text)
}

/// Runs a shell command and returns its exit status.
@discardableResult
private func shell(_ command: String) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}

private func expectError(_ kind: ScrubIOError.Kind, reading path: String, offset: Int64? = nil) {
    do {
        _ = try readFile(path)
        Issue.record("expected \(kind), read the file without error")
    } catch let error as ScrubIOError {
        #expect(error.kind == kind)
        #expect(error.path == path)
        #expect(error.offset != nil)
        if let offset { #expect(error.offset == offset) }
        #expect(error.description.hasPrefix("\(path): byte "))
    } catch {
        Issue.record("unexpected error \(error)")
    }
}

@Suite("Gzip")
struct GzipTests {
    @Test("what the writer compresses, the reader restores", arguments: [0, 1, 6, 9])
    func roundTrip(level: Int) throws {
        let dir = try TemporaryDirectory()
        let text = sampleText(lines: 5000)
        try Data(try gzip(text, level: level)).write(to: dir.url.appendingPathComponent("a.gz"))
        let (read, reader) = try readFile(dir.path("a.gz"))
        #expect(read == text)
        #expect(reader.isGzip)
        #expect(reader.gzipMembers == 1)
    }

    @Test("output is deterministic: mtime 0, no file name, same bytes for the same input")
    func deterministicHeader() throws {
        let text = sampleText(lines: 100)
        let first = try gzip(text)
        #expect(first == (try gzip(text)))
        #expect(Array(first[0..<4]) == [0x1f, 0x8b, 8, 0], "no FNAME or other flags")
        #expect(Array(first[4..<8]) == [0, 0, 0, 0], "mtime 0")
    }

    @Test("system gzip accepts our output, and we read system gzip's output")
    func interoperatesWithGzip() throws {
        let dir = try TemporaryDirectory()
        let text = sampleText(lines: 2000)
        try Data(try gzip(text)).write(to: dir.url.appendingPathComponent("ours.gz"))
        try Data(text).write(to: dir.url.appendingPathComponent("plain.csv"))
        #expect(try shell("gzip -t '\(dir.path("ours.gz"))'") == 0)
        #expect(
            try shell("zcat '\(dir.path("ours.gz"))' | cmp -s - '\(dir.path("plain.csv"))'") == 0, "zcat restores it")
        if try shell("command -v python3 > /dev/null") == 0 {
            let script = "import gzip,sys; sys.exit(0 if gzip.open(sys.argv[1]).read().count(b'\\n') == 2001 else 1)"
            #expect(try shell("python3 -c \"\(script)\" '\(dir.path("ours.gz"))'") == 0, "Python's gzip reads it")
        }
        #expect(try shell("gzip -c '\(dir.path("plain.csv"))' > '\(dir.path("theirs.gz"))'") == 0)
        #expect(try readFile(dir.path("theirs.gz")).bytes == text)
    }

    @Test("system gzip restores exactly what this build's backend compressed", arguments: [0, 1, 2, 6, 9])
    func systemGzipRestores(level: Int) throws {
        let dir = try TemporaryDirectory()
        let text = sampleText(lines: 20_000)
        try Data(try gzip(text, level: level)).write(to: dir.url.appendingPathComponent("ours.gz"))
        #expect(try shell("gzip -dc '\(dir.path("ours.gz"))' > '\(dir.path("restored"))'") == 0)
        #expect(try Data(contentsOf: dir.url.appendingPathComponent("restored")) == Data(text))
    }

    @Test("input fed in chunks of any size round-trips", arguments: [1, 2, 5, 100, 4096, 70_000])
    func chunkedInput(chunk: Int) throws {
        let text = sampleText(lines: 3000)
        let memory = MemorySink()
        let sink = GzipSink(writingTo: memory, level: 1, bufferSize: 1000)
        var start = 0
        while start < text.count {
            let end = min(start + chunk, text.count)
            try sink.write(Array(text[start..<end]))
            start = end
        }
        try sink.finish()
        let dir = try TemporaryDirectory()
        try Data(memory.bytes).write(to: dir.url.appendingPathComponent("chunked.gz"))
        #expect(try readFile(dir.path("chunked.gz"), readSize: 333).bytes == text)
        #expect(try shell("gzip -t '\(dir.path("chunked.gz"))'") == 0)
    }

    @Test("the backend is the one the build asked for")
    func backend() {
        #if ISAL
            #expect(GzipBackend.name == "isa-l")
        #else
            #expect(GzipBackend.name == "zlib")
        #endif
    }

    @Test("concatenated members are read to the end")
    func multiMember() throws {
        let dir = try TemporaryDirectory()
        let a = sampleText(lines: 300)
        let b = bytes("more,rows\n")
        let empty = try gzip([])
        try Data(try gzip(a) + empty + (try gzip(b))).write(to: dir.url.appendingPathComponent("multi.gz"))
        let (read, reader) = try readFile(dir.path("multi.gz"), readSize: 7)
        #expect(read == a + b)
        #expect(reader.gzipMembers == 3)
    }

    @Test("plain input is detected by content, whatever its name")
    func plainInput() throws {
        let dir = try TemporaryDirectory()
        let text = sampleText(lines: 50)
        try Data(text).write(to: dir.url.appendingPathComponent("looks.gz"))
        let (read, reader) = try readFile(dir.path("looks.gz"))
        #expect(read == text)
        #expect(!reader.isGzip)
        for tiny in [[], [0x1f]] as [[UInt8]] {
            try Data(tiny).write(to: dir.url.appendingPathComponent("tiny"))
            #expect(try readFile(dir.path("tiny")).bytes == tiny)
        }
    }

    @Test("a truncated file is an error naming the file and offset, never a shorter file")
    func truncated() throws {
        let dir = try TemporaryDirectory()
        let full = try gzip(sampleText(lines: 3000))
        for cut in [10, 4, 1] {
            try Data(full.dropLast(cut)).write(to: dir.url.appendingPathComponent("cut.gz"))
            expectError(.truncatedGzip, reading: dir.path("cut.gz"), offset: Int64(full.count - cut))
        }
        try Data(full.prefix(full.count / 2)).write(to: dir.url.appendingPathComponent("half.gz"))
        expectError(.truncatedGzip, reading: dir.path("half.gz"))
    }

    @Test("a flipped byte is an error naming the file and offset")
    func flippedByte() throws {
        let dir = try TemporaryDirectory()
        var damaged = try gzip(sampleText(lines: 3000))
        damaged[damaged.count / 2] ^= 0x55
        try Data(damaged).write(to: dir.url.appendingPathComponent("flip.gz"))
        expectError(.corruptGzip, reading: dir.path("flip.gz"))
        var badCRC = try gzip(sampleText(lines: 3000))
        badCRC[badCRC.count - 6] ^= 0x01
        try Data(badCRC).write(to: dir.url.appendingPathComponent("crc.gz"))
        expectError(.corruptGzip, reading: dir.path("crc.gz"))
    }

    @Test("bytes after the last member are an error at their offset")
    func trailingGarbage() throws {
        let dir = try TemporaryDirectory()
        let member = try gzip(sampleText(lines: 100))
        for garbage in [bytes("garbage"), [0], [0x1f]] {
            try Data(member + garbage).write(to: dir.url.appendingPathComponent("trail.gz"))
            expectError(.trailingGarbage, reading: dir.path("trail.gz"), offset: Int64(member.count))
        }
    }

    @Test("a missing file is a clear error")
    func missingFile() {
        #expect(throws: ScrubIOError.self) { try ByteReader(path: "/nonexistent/leads.csv.gz") }
    }
}

@Suite("Output files")
struct OutputFileTests {
    @Test("a committed output appears with owner-only permissions")
    func commitPublishes() throws {
        let dir = try TemporaryDirectory()
        let file = try OutputFile(path: dir.path("clean.csv.gz"))
        try file.write(bytes("data"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("clean.csv.gz")), "not visible before commit")
        try file.commit()
        #expect(try Data(contentsOf: dir.url.appendingPathComponent("clean.csv.gz")) == Data(bytes("data")))
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path("clean.csv.gz"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("an output released without commit leaves nothing behind")
    func failedRunPublishesNothing() throws {
        let dir = try TemporaryDirectory()
        do {
            let file = try OutputFile(path: dir.path("clean.csv.gz"))
            try file.write(bytes("partial"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).isEmpty)
    }
}
