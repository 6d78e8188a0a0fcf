import ScrubTestSupport
import Testing

@testable import ScrubIndex

@Suite("Delta updates")
struct DeltaTests {
    @Test("an update holds exactly base plus additions minus removals", arguments: KeySet.allCases)
    func mergeMatchesOracle(set: KeySet) throws {
        let directory = try TemporaryDirectory()
        let baseKeys = set.keys()
        let base = try buildIndex(baseKeys, at: directory.path("base.scrubidx"))
        var random = SeededRandom(seed: 11)
        let fresh = (0..<500).map { _ in random.next() % (largestE164 + 1) } + [0, largestE164, KeyHash.keyLimit - 1]
        let additions = fresh + Array(baseKeys.prefix(50))  // some already listed
        let removals = Array(baseKeys.dropFirst(50).prefix(300)) + [random.next() % 1_000]  // one not listed
        let report = try IndexBuilder.update(
            base: base, additions: collector(additions), removals: collector(removals), snapshotDate: "2026-11-29",
            output: directory.path("next.scrubidx"))
        let expected = Set(baseKeys).union(additions).subtracting(Set(removals).subtracting(additions))
        let next = try IndexFile(path: directory.path("next.scrubidx"))
        try next.verify()
        #expect(next.entryCount == expected.count)
        #expect(report.entryCount == expected.count)
        #expect(Set(next.keys()) == expected)
        for key in expected { #expect(next.contains(key)) }
        let outside = probes(for: Array(expected))
        for (key, found) in zip(outside, next.contains(batch: outside)) {
            #expect(found == expected.contains(key))
        }
        #expect(report.removed == Set(baseKeys).intersection(removals).subtracting(additions).count)
        #expect(report.added == Set(additions).subtracting(baseKeys).count)
        #expect(next.metadata.parent?.payloadSHA256 == base.payloadSHA256)
        #expect(next.metadata.parent?.snapshotDate == "2026-11-28")
        #expect(next.metadata.snapshotDate == "2026-11-29")
    }

    @Test("a key both added and removed in one update stays listed")
    func addWinsOverRemove() throws {
        let directory = try TemporaryDirectory()
        let base = try buildIndex([10, 20, 30], at: directory.path("base"))
        let report = try IndexBuilder.update(
            base: base, additions: collector([20, 40]), removals: collector([20, 30, 40, 50]),
            snapshotDate: "2026-11-29", output: directory.path("next"))
        let next = try IndexFile(path: directory.path("next"))
        #expect(Set(next.keys()) == [10, 20, 40])
        #expect(report.removed == 1)
        #expect(report.added == 1)
        #expect(report.alreadyPresent == 1)
        #expect(report.notPresent == 3)
    }

    @Test("an update equals a fresh build of the same keys, apart from metadata")
    func updateEqualsRebuild() throws {
        let directory = try TemporaryDirectory()
        let keys = KeySet.randomLarge.keys()
        let base = try buildIndex(Array(keys.dropFirst(1_000)), at: directory.path("base"))
        _ = try IndexBuilder.update(
            base: base, additions: collector(Array(keys.prefix(1_000))), removals: collector([]),
            snapshotDate: "2026-11-29", output: directory.path("next"))
        let rebuilt = try buildIndex(keys, at: directory.path("full"))
        #expect(try IndexFile(path: directory.path("next")).payloadSHA256 == rebuilt.payloadSHA256)
    }

    @Test("an update of a damaged base fails before writing")
    func damagedBase() throws {
        let directory = try TemporaryDirectory()
        try buildIndex(KeySet.randomSmall.keys(), at: directory.path("base"))
        var bytes = try fileBytes(directory.path("base"))
        bytes[bytes.count - 10] ^= 1
        try writeBytes(bytes, to: directory.path("base"))
        let base = try IndexFile(path: directory.path("base"))
        #expect(throws: IndexError.self) {
            _ = try IndexBuilder.update(
                base: base, additions: collector([1]), removals: collector([]), snapshotDate: "2026-11-29",
                output: directory.path("next"))
        }
    }
}
