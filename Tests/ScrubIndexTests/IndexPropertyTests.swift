import ScrubTestSupport
import Testing

@testable import ScrubIndex

/// Key sets that stress the table's edges.
enum KeySet: String, CaseIterable, CustomTestStringConvertible {
    case empty, oneKey, extremes, oneBucket, randomSmall, randomLarge, consecutiveNumbers, sameRemainderWidthEdge

    var testDescription: String { rawValue }

    func keys() -> [UInt64] {
        var random = SeededRandom(seed: UInt64(rawValue.utf8.count))
        switch self {
        case .empty:
            return []
        case .oneKey:
            return [14_155_550_123]
        case .extremes:
            return [0, 1, 9, largestE164, KeyHash.keyLimit - 1, KeyHash.keyLimit - 2, 1 << 49]
        case .oneBucket:
            // 3,000 keys whose hashes share their top bits, so they all fall in one bucket of the table
            // the builder will choose for 3,000 entries.
            let geometry = TableGeometry(entryCount: 3_000)
            let high =
                ((random.next() & KeyHash.mask) >> UInt64(geometry.remainderBits)) << UInt64(geometry.remainderBits)
            var hashes = Set<UInt64>()
            while hashes.count < 3_000 {
                hashes.insert(high | (random.next() & ((1 << UInt64(geometry.remainderBits)) - 1)))
            }
            return hashes.map { KeyHash.key(ofHash: $0) }
        case .randomSmall:
            return (0..<37).map { _ in random.next() % (largestE164 + 1) }
        case .randomLarge:
            return (0..<200_000).map { _ in random.next() % (largestE164 + 1) }
        case .consecutiveNumbers:
            return Array(UInt64(14_155_550_000)..<14_155_600_000)
        case .sameRemainderWidthEdge:
            // Exactly the count where the builder switches bucket bits.
            return (0..<(8 << 10)).map { _ in random.next() & KeyHash.mask }
        }
    }
}

/// Keys near the members (off by one either way) and random ones: almost all non-members.
func probes(for keys: [UInt64]) -> [UInt64] {
    var random = SeededRandom(seed: 99)
    var probes = keys.prefix(5_000).flatMap { [$0 &- 1, $0 &+ 1] }
    probes += (0..<5_000).map { _ in random.next() % (largestE164 + 1) }
    probes += [0, largestE164, KeyHash.keyLimit - 1, KeyHash.keyLimit, UInt64.max]
    return probes
}

@Suite("Index membership")
struct IndexPropertyTests {
    @Test("every member is found and no non-member is, singly and in batches", arguments: KeySet.allCases)
    func exactMembership(set: KeySet) throws {
        let directory = try TemporaryDirectory()
        let keys = set.keys()
        let index = try buildIndex(keys, at: directory.path("index.scrubidx"))
        let members = Set(keys)
        #expect(index.entryCount == members.count)
        try index.verify()

        for key in keys { #expect(index.contains(key), "member \(key) not found") }
        #expect(index.contains(batch: keys).allSatisfy { $0 })

        let others = probes(for: keys)
        let batch = index.contains(batch: others)
        for (key, found) in zip(others, batch) {
            #expect(found == members.contains(key), "batch lookup of \(key)")
            #expect(index.contains(key) == members.contains(key), "lookup of \(key)")
        }
    }

    @Test(
        "the keys read back are exactly the keys built", arguments: [KeySet.empty, .extremes, .randomSmall, .oneBucket])
    func keysReadBack(set: KeySet) throws {
        let directory = try TemporaryDirectory()
        let keys = set.keys()
        let index = try buildIndex(keys, at: directory.path("index.scrubidx"))
        #expect(Set(index.keys()) == Set(keys))
    }

    @Test("all keys in one bucket: the table really has one full bucket")
    func oneBucketIsOneBucket() throws {
        let directory = try TemporaryDirectory()
        let index = try buildIndex(KeySet.oneBucket.keys(), at: directory.path("index.scrubidx"))
        let statistics = index.statistics()
        #expect(statistics.largestBucket == 3_000)
        #expect(statistics.emptyBuckets == statistics.bucketCount - 1)
    }

    @Test("keys of 2^50 and above are never members and are counted as invalid")
    func outOfDomainKeys() throws {
        var collector = KeyCollector()
        collector.add(KeyHash.keyLimit)
        collector.add(UInt64.max)
        collector.add(5)
        #expect(collector.keyLines == 1)
        #expect(collector.invalidLines == 2)
    }

    @Test("the same keys in any order give a byte-identical file")
    func deterministic() throws {
        let directory = try TemporaryDirectory()
        var keys = KeySet.randomLarge.keys()
        try buildIndex(keys, at: directory.path("a.scrubidx"))
        keys.reverse()
        keys += keys.prefix(1_000)  // duplicates change nothing but the duplicate count
        var collector = KeyCollector()
        for key in keys.dropLast(1_000) { collector.add(key) }
        _ = try IndexBuilder.build(keys: collector, metadata: testMetadata(), output: directory.path("b.scrubidx"))
        #expect(try fileBytes(directory.path("a.scrubidx")) == fileBytes(directory.path("b.scrubidx")))
    }

    @Test("duplicates are merged and counted")
    func duplicatesCounted() throws {
        let directory = try TemporaryDirectory()
        var collector = KeyCollector()
        for key: UInt64 in [5, 7, 5, 5, 9, 7] { collector.add(key) }
        let report = try IndexBuilder.build(keys: collector, metadata: testMetadata(), output: directory.path("i"))
        #expect(report.entryCount == 3)
        #expect(report.duplicateKeys == 3)
        #expect(try IndexFile(path: directory.path("i")).metadata.duplicateKeys == 3)
    }
}

@Suite("HashSort")
struct HashSortTests {
    @Test("sorts and de-duplicates like Set then sorted", arguments: [0, 1, 2, 33, 1_000, 100_000])
    func matchesOracle(count: Int) {
        var random = SeededRandom(seed: UInt64(count))
        var values = (0..<count).map { _ in random.next() & KeyHash.mask }
        values += values.prefix(count / 3)
        values += Array(repeating: 12_345, count: count / 2)  // a run of one value
        let expected = Set(values).sorted()
        var sorted = values
        let removed = HashSort.sortAndDeduplicate(&sorted)
        #expect(sorted == expected)
        #expect(removed == values.count - expected.count)
    }
}
