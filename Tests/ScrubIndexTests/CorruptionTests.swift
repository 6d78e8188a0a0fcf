import ScrubTestSupport
import Testing

@testable import ScrubIndex

@Suite("Damaged index files")
struct CorruptionTests {
    func goodFile(_ directory: TemporaryDirectory) throws -> (String, [UInt8], IndexFile) {
        let path = directory.path("good.scrubidx")
        let index = try buildIndex(KeySet.randomLarge.keys(), at: path)
        return (path, try fileBytes(path), index)
    }

    func openError(_ bytes: [UInt8], _ directory: TemporaryDirectory) throws -> IndexError? {
        let path = directory.path("bad.scrubidx")
        try writeBytes(bytes, to: path)
        do {
            let index = try IndexFile(path: path)
            try index.verify()
            return nil
        } catch let error as IndexError {
            #expect(error.path == path)
            return error
        }
    }

    @Test("a truncated file is a truncation error", arguments: [0, 1, 7, 100, 256, 1_000, -1, -8])
    func truncated(keep: Int) throws {
        let directory = try TemporaryDirectory()
        let (_, bytes, _) = try goodFile(directory)
        let length = keep >= 0 ? keep : bytes.count + keep
        let error = try openError(Array(bytes.prefix(length)), directory)
        let expected: IndexError.Kind = length < 8 ? .badMagic : .truncated
        #expect(error?.kind == expected)
    }

    @Test("a flipped payload byte fails verify with a payload error")
    func flippedPayloadByte() throws {
        let directory = try TemporaryDirectory()
        let (_, bytes, index) = try goodFile(directory)
        var random = SeededRandom(seed: 3)
        for _ in 0..<20 {
            var damaged = bytes
            let offset =
                index.header.directoryOffset + Int(random.next() % UInt64(bytes.count - index.header.directoryOffset))
            damaged[offset] ^= 1 << (random.next() % 8)
            let error = try openError(damaged, directory)
            #expect(error?.kind == .corruptPayload)
            #expect(error?.description.contains("damaged") == true)
        }
    }

    @Test("a flipped header or metadata byte is a header error")
    func flippedHeaderByte() throws {
        let directory = try TemporaryDirectory()
        let (_, bytes, index) = try goodFile(directory)
        for offset in [24, 40, 60, 100, 130, 200, IndexHeader.size + 3, index.header.directoryOffset - 1] {
            var damaged = bytes
            damaged[offset] ^= 0x10
            let error = try openError(damaged, directory)
            #expect(error?.kind == .corruptHeader || error?.kind == .truncated, "offset \(offset)")
        }
    }

    @Test("a wrong magic says it is not an index file")
    func wrongMagic() throws {
        let directory = try TemporaryDirectory()
        var (_, bytes, _) = try goodFile(directory)
        bytes[0] = UInt8(ascii: "X")
        let error = try openError(bytes, directory)
        #expect(error?.kind == .badMagic)
        #expect(error?.description.contains("not a scrub index file") == true)
    }

    @Test("another format version says to rebuild", arguments: [0, 3, 255] as [UInt8])
    func wrongVersion(version: UInt8) throws {
        let directory = try TemporaryDirectory()
        var (_, bytes, _) = try goodFile(directory)
        bytes[8] = version
        let error = try openError(bytes, directory)
        #expect(error?.kind == .unsupportedVersion)
        #expect(error?.description.contains("version \(version)") == true)
    }

    @Test("a file that is not an index at all is a magic error")
    func notAnIndex() throws {
        let directory = try TemporaryDirectory()
        let error = try openError(Array("+14155550123\n".utf8), directory)
        #expect(error?.kind == .badMagic)
    }

    @Test("a missing file cannot be opened")
    func missingFile() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: IndexError.self) { try IndexFile(path: directory.path("absent")) }
    }

    @Test("lookups on an unverified damaged directory stay inside the file")
    func damagedDirectoryIsSafe() throws {
        let directory = try TemporaryDirectory()
        let (_, bytes, index) = try goodFile(directory)
        var damaged = bytes
        // Make every inner directory entry huge; keep the end points so opening succeeds.
        for bucket in 1..<index.geometry.bucketCount {
            damaged[index.header.directoryOffset + 4 * bucket + 3] = 0xFF
        }
        let path = directory.path("bad.scrubidx")
        try writeBytes(damaged, to: path)
        let opened = try IndexFile(path: path)
        _ = opened.contains(batch: probes(for: KeySet.randomLarge.keys()))
        #expect(throws: IndexError.self) { try opened.verify() }
    }
}
