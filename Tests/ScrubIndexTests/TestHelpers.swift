import Foundation
import ScrubIndex
import ScrubTestSupport

/// The largest E.164 key: 15 nines.
let largestE164: UInt64 = 999_999_999_999_999

func testMetadata(name: String = "test-list", date: String = "2026-11-28") -> IndexMetadata {
    IndexMetadata(name: name, kind: .registry, regions: ["US"], snapshotDate: date, maxAgeDays: 31)
}

/// A collector holding `keys`.
func collector(_ keys: [UInt64]) -> KeyCollector {
    var collector = KeyCollector()
    for key in keys { collector.add(key) }
    return collector
}

/// Builds an index of `keys` at `path` and opens it.
@discardableResult
func buildIndex(_ keys: [UInt64], at path: String, metadata: IndexMetadata = testMetadata()) throws -> IndexFile {
    _ = try IndexBuilder.build(keys: collector(keys), metadata: metadata, output: path)
    return try IndexFile(path: path)
}

/// Feeds `text` to a collector `chunkSize` bytes at a time, as a file named `name`.
func collect<Parser: IndexLineParser>(
    _ text: String, named name: String = "input.txt", role: IndexMetadata.Source.Role = .full,
    parser: Parser, chunkSize: Int = 4096, into collector: inout KeyCollector
) throws {
    let bytes = Array(text.utf8)
    var parser = parser
    var offset = 0
    try collector.readLines(named: name, role: role, parser: &parser) { buffer in
        let count = min(chunkSize, buffer.count, bytes.count - offset)
        bytes[offset..<offset + count].withUnsafeBytes { buffer.copyMemory(from: $0) }
        offset += count
        return count
    }
}

func fileBytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
}

func writeBytes(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}
