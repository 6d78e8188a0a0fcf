import Crypto
import Foundation
import ScrubTestSupport
import Testing

@testable import ScrubIndex

/// Issue 12: `scrub run` and `registry lookup` answered from an index whose payload did not match the
/// SHA-256 in its header, so single flipped bits let listed numbers through. Every damaged byte must be
/// caught by opening (header, metadata) or by the checksum pass (everything after them).
@Suite("Payload checksum verification before answering")
struct ChecksumVerificationTests {
    /// Opens `bytes` as an index and runs the checksum pass the run and lookup run; the error, or nil
    /// when the file was accepted.
    func firstRefusal(_ bytes: [UInt8], at path: String) throws -> IndexError? {
        try writeBytes(bytes, to: path)
        return firstRefusal(at: path)
    }

    /// Opens the index at `path` and runs the checksum pass; the error, or nil when it was accepted.
    func firstRefusal(at path: String) -> IndexError? {
        do {
            let index = try IndexFile(path: path)
            _ = try index.verifyChecksumAndDigest()
            try index.verifyChecksum()
            return nil
        } catch let error as IndexError {
            return error
        } catch {
            return nil
        }
    }

    /// XORs `mask` into byte `offset` of the file at `path`, in place (twice restores it).
    func flip(_ path: String, at offset: Int, mask: UInt8, original: [UInt8]) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: [original[offset] ^ mask])
    }

    /// Offsets to damage: every byte of the header and metadata, the first and last bytes of the
    /// directory and remainder regions and of their padding, the last byte of the file, and a seeded
    /// sample of the rest.
    func offsets(of index: IndexFile, seed: UInt64) -> [Int] {
        let header = index.header
        var offsets = Set(0..<header.directoryOffset)
        let regions = [
            header.directoryOffset..<header.directoryOffset + header.directoryLength,
            header.directoryOffset + header.directoryLength..<header.remaindersOffset,
            header.remaindersOffset..<header.fileSize,
        ]
        for region in regions where !region.isEmpty {
            offsets.formUnion(region.prefix(8))
            offsets.formUnion(region.suffix(8))
        }
        offsets.insert(header.fileSize - 1)
        var random = SeededRandom(seed: seed)
        for _ in 0..<150 {
            offsets.insert(
                header.directoryOffset + Int(random.next() % UInt64(header.fileSize - header.directoryOffset)))
        }
        return offsets.sorted()
    }

    @Test(
        "a single flipped bit anywhere in the file is refused before any answer",
        arguments: [KeySet.empty, .oneKey, .extremes, .randomSmall, .oneBucket])
    func singleBitFlips(keys: KeySet) throws {
        let directory = try TemporaryDirectory()
        let good = directory.path("good.scrubidx")
        let index = try buildIndex(keys.keys(), at: good)
        let bytes = try fileBytes(good)
        let path = directory.path("copy.scrubidx")
        #expect(try firstRefusal(bytes, at: path) == nil)
        for offset in offsets(of: index, seed: UInt64(keys.rawValue.utf8.count)) {
            let bit = offset * 5 % 8
            try flip(path, at: offset, mask: 1 << UInt8(bit), original: bytes)
            let error = firstRefusal(at: path)
            try flip(path, at: offset, mask: 0, original: bytes)
            #expect(error != nil, "bit \(bit) of byte \(offset) of \(bytes.count) was not caught")
            if offset >= index.header.directoryOffset {
                #expect(error?.kind == .corruptPayload || error?.kind == .corruptHeader, "byte \(offset)")
            }
        }
        #expect(firstRefusal(at: path) == nil, "the file was restored")
    }

    @Test("a payload flip is named as damage to rebuild, with the file's path")
    func payloadFlipMessage() throws {
        let directory = try TemporaryDirectory()
        let index = try buildIndex(KeySet.randomSmall.keys(), at: directory.path("good.scrubidx"))
        var bytes = try fileBytes(directory.path("good.scrubidx"))
        bytes[index.header.remaindersOffset + 5] ^= 0x04
        let path = directory.path("bad.scrubidx")
        let error = try firstRefusal(bytes, at: path)
        #expect(error?.kind == .corruptPayload)
        #expect(error?.description.hasPrefix("\(path): error: payload checksum mismatch") == true)
        #expect(error?.description.contains("damaged") == true)
        #expect(error?.description.contains("rebuild") == true)
    }

    @Test("a file cut short at any length is refused", arguments: [KeySet.oneKey, .randomSmall])
    func truncations(keys: KeySet) throws {
        let directory = try TemporaryDirectory()
        try buildIndex(keys.keys(), at: directory.path("good.scrubidx"))
        let bytes = try fileBytes(directory.path("good.scrubidx"))
        let path = directory.path("cut.scrubidx")
        try writeBytes(bytes, to: path)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        // Shorter and shorter, in place: every length from one byte short down to nothing.
        for length in (0..<bytes.count).reversed() {
            try handle.truncate(atOffset: UInt64(length))
            #expect(firstRefusal(at: path) != nil, "a file cut to \(length) of \(bytes.count) bytes was accepted")
        }
        var longer = bytes
        longer.append(0)
        #expect(try firstRefusal(longer, at: directory.path("long.scrubidx")) != nil)
    }

    @Test(
        "the digest computed while verifying is the whole file's SHA-256",
        arguments: [KeySet.empty, .oneKey, .randomLarge])
    func digestIsWholeFile(keys: KeySet) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("index.scrubidx")
        let index = try buildIndex(keys.keys(), at: path)
        let expected = SHA256.hash(data: try fileBytes(path)).map { String($0, radix: 16) }
            .map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        #expect(try index.verifyChecksumAndDigest() == expected)
    }
}
