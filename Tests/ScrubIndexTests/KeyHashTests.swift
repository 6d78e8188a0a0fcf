import ScrubTestSupport
import Testing

@testable import ScrubIndex

@Suite("KeyHash")
struct KeyHashTests {
    @Test(
        "the hash is a permutation of the 50-bit domain: unhashing gives the key back",
        arguments: [
            0, 1, 2, 14_155_550_123, 999_999_999_999_999, (1 << 50) - 2, (1 << 50) - 1,
        ] as [UInt64])
    func roundTrip(key: UInt64) {
        let hash = KeyHash.hash(key)
        #expect(hash < KeyHash.keyLimit)
        #expect(KeyHash.key(ofHash: hash) == key)
    }

    @Test("random keys round-trip and do not collide")
    func randomRoundTrip() {
        var random = SeededRandom(seed: 7)
        var hashes = Set<UInt64>()
        for _ in 0..<100_000 {
            let key = random.next() & KeyHash.mask
            let hash = KeyHash.hash(key)
            #expect(KeyHash.key(ofHash: hash) == key)
            hashes.insert(hash)
        }
        #expect(hashes.count > 99_990)
    }

    @Test("consecutive phone numbers spread over the buckets")
    func consecutiveKeysSpread() {
        let geometry = TableGeometry(entryCount: 10_000)
        var buckets = [Int](repeating: 0, count: geometry.bucketCount)
        for key in UInt64(14_155_550_000)..<14_155_560_000 {
            buckets[Int(KeyHash.hash(key) >> UInt64(geometry.remainderBits))] += 1
        }
        #expect(buckets.max()! <= 24)
        #expect(buckets.filter { $0 == 0 }.count < geometry.bucketCount / 10)
    }

    @Test("the multiplier inverses are inverses")
    func inverses() {
        #expect((KeyHash.m1 &* KeyHash.m1Inverse) & KeyHash.mask == 1)
        #expect((KeyHash.m2 &* KeyHash.m2Inverse) & KeyHash.mask == 1)
    }
}

@Suite("TableGeometry")
struct TableGeometryTests {
    @Test(
        "bucket bits and remainder bytes for typical sizes",
        arguments: [
            (0, 0, 7), (1, 0, 7), (8, 0, 7), (50_000_000, 23, 4), (250_000_000, 26, 3),
        ])
    func chosenGeometry(entries: Int, bucketBits: Int, remainderBytes: Int) {
        let geometry = TableGeometry(entryCount: entries)
        #expect(geometry.bucketBits == bucketBits)
        #expect(geometry.remainderBytes == remainderBytes)
    }

    @Test("payload is at most 5 bytes an entry at 250M entries")
    func compactAt250M() {
        let entries = 250_000_000
        let bytes = TableGeometry(entryCount: entries).payloadByteCount(entryCount: entries)
        #expect(Double(bytes) / Double(entries) <= 5)
    }

    @Test("payload is at most 9 bytes an entry at any size from 16 entries up")
    func compactAtAnySize() {
        var entries = 16
        while entries <= TableGeometry.maximumEntryCount {
            let geometry = TableGeometry(entryCount: entries)
            let perEntry = Double(geometry.payloadByteCount(entryCount: entries)) / Double(entries)
            #expect(perEntry <= 9, "\(entries) entries: \(perEntry) bytes each")
            #expect(entries <= TableGeometry.maximumAverageLoad * geometry.bucketCount)
            entries = entries * 3 / 2 + 1
        }
    }
}
