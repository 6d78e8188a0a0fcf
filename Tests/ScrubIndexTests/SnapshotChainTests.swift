import Foundation
import ScrubTestSupport
import Testing

@testable import ScrubIndex

/// Issue 12, "Other promises": a future snapshot date (2062 for 2026) made an index fresh for decades;
/// `registry update` accepted a date earlier than its base's; an empty change file made a 61-day-old
/// registry look fresh. The index now records the chain of snapshots it was built from.
@Suite("Snapshot dates and the snapshot chain")
struct SnapshotChainTests {
    func build(
        _ directory: TemporaryDirectory, date: String = "2026-11-28", today: String = "2026-11-29"
    ) throws
        -> IndexFile
    {
        _ = try IndexBuilder.build(
            keys: collector([14_155_550_123, 12_125_550_199]), metadata: testMetadata(date: date),
            output: directory.path("base.scrubidx"), today: today)
        return try IndexFile(path: directory.path("base.scrubidx"))
    }

    func update(
        _ base: IndexFile, _ directory: TemporaryDirectory, date: String, baseDate: String? = nil,
        today: String = "2026-12-31", adds: [UInt64] = [13_125_550_100], output: String = "next.scrubidx"
    ) throws -> IndexFile {
        _ = try IndexBuilder.update(
            base: base, additions: collector(adds), removals: collector([]), snapshotDate: date, baseDate: baseDate,
            output: directory.path(output), today: today)
        return try IndexFile(path: directory.path(output))
    }

    func refusal(_ body: () throws -> Any) -> IndexError? {
        do {
            _ = try body()
            return nil
        } catch let error as IndexError {
            return error
        } catch {
            return nil
        }
    }

    @Test(
        "a build dated after today (UTC) plus a day is refused and writes nothing",
        arguments: [("2062-11-28", "2026-11-29"), ("2026-12-01", "2026-11-29"), ("2027-01-01", "2026-12-30")])
    func futureBuild(date: String, today: String) throws {
        let directory = try TemporaryDirectory()
        let error = refusal { try build(directory, date: date, today: today) }
        #expect(error?.kind == .invalidArgument)
        #expect(error?.message.contains("snapshot date \(date) is in the future") == true)
        #expect(!FileManager.default.fileExists(atPath: directory.path("base.scrubidx")))
    }

    @Test("a build dated today or tomorrow (UTC) is accepted", arguments: ["2026-11-29", "2026-11-30", "2025-01-01"])
    func presentBuild(date: String) throws {
        let directory = try TemporaryDirectory()
        let index = try build(directory, date: date)
        #expect(index.formatVersion == 2)
        #expect(index.metadata.chain == [SnapshotLink(kind: .full, date: date)])
    }

    @Test("an update dated in the future is refused", arguments: ["2062-11-29", "2027-01-02"])
    func futureUpdate(date: String) throws {
        let directory = try TemporaryDirectory()
        let base = try build(directory)
        let error = refusal { try update(base, directory, date: date, today: "2026-12-31") }
        #expect(error?.kind == .invalidArgument)
        #expect(error?.message.contains("in the future") == true)
        #expect(!FileManager.default.fileExists(atPath: directory.path("next.scrubidx")))
    }

    @Test("an update not later than its base is refused", arguments: ["2026-11-28", "2026-11-27", "2020-01-01"])
    func updateNotLater(date: String) throws {
        let directory = try TemporaryDirectory()
        let base = try build(directory)
        let error = refusal { try update(base, directory, date: date) }
        #expect(error?.kind == .invalidArgument)
        #expect(error?.message.contains("is not later than this index's snapshot date 2026-11-28") == true)
        #expect(error?.path == base.path)
    }

    @Test("--base-date must be the base's snapshot date", arguments: ["2026-11-27", "2026-11-29", "2026-10-28"])
    func baseDateMismatch(baseDate: String) throws {
        let directory = try TemporaryDirectory()
        let base = try build(directory)
        let error = refusal { try update(base, directory, date: "2026-11-30", baseDate: baseDate) }
        #expect(error?.kind == .invalidArgument)
        #expect(error?.message.contains("follows the snapshot of \(baseDate)") == true)
    }

    @Test("each update appends its link; the chain survives a series of updates")
    func chainGrows() throws {
        let directory = try TemporaryDirectory()
        var index = try build(directory)
        let dates = ["2026-11-29", "2026-12-01", "2026-12-02"]
        for (step, date) in dates.enumerated() {
            index = try update(
                index, directory, date: date, baseDate: step == 1 ? index.metadata.snapshotDate : nil,
                adds: step == 2 ? [] : [UInt64(13_125_550_100 + step)], output: "step\(step).scrubidx")
        }
        #expect(
            index.metadata.chain == [
                SnapshotLink(kind: .full, date: "2026-11-28"),
                SnapshotLink(kind: .delta, date: "2026-11-29", changes: 1),
                SnapshotLink(kind: .delta, date: "2026-12-01", follows: "2026-11-29", changes: 1),
                SnapshotLink(kind: .delta, date: "2026-12-02", changes: 0),
            ])
        #expect(index.metadata.snapshotDate == "2026-12-02")
        #expect(index.entryCount == 4)
    }

    @Test("an empty change list cannot make a stale registry look fresh unless it names its base")
    func emptyChangeListOnStaleBase() throws {
        let directory = try TemporaryDirectory()
        let base = try build(directory, date: "2026-10-01", today: "2026-12-01")
        // 61 days later, maximum age 31: refused without --base-date.
        let error = refusal { try update(base, directory, date: "2026-12-01", today: "2026-12-01", adds: []) }
        #expect(error?.kind == .invalidArgument)
        #expect(error?.message.contains("61 days older than the change list") == true)
        #expect(error?.message.contains("--base-date 2026-10-01") == true)
        // The change list that says it follows 2026-10-01 is the operator's statement: recorded as such.
        let next = try update(
            base, directory, date: "2026-12-01", baseDate: "2026-10-01", today: "2026-12-01", adds: [])
        #expect(
            next.metadata.chain == [
                SnapshotLink(kind: .full, date: "2026-10-01"),
                SnapshotLink(kind: .delta, date: "2026-12-01", follows: "2026-10-01", changes: 0),
            ])
        // Exactly at the maximum age a change list still extends its base without naming it.
        _ = try update(base, directory, date: "2026-11-01", today: "2026-12-01", adds: [], output: "edge.scrubidx")
    }

    @Test("a version 1 file opens; a full one extends its chain, one made by an update must be rebuilt")
    func versionOneFiles() throws {
        let directory = try TemporaryDirectory()
        let full = try build(directory)
        let delta = try update(full, directory, date: "2026-11-29")
        for (name, index, hasParent) in [("v1-full", full, false), ("v1-delta", delta, true)] {
            var metadata = index.metadata
            metadata.chain = nil
            let keys = index.keys()
            var hashes = keys.map { KeyHash.hash($0) }
            hashes.sort()
            let path = directory.path("\(name).scrubidx")
            try hashes.withUnsafeBufferPointer {
                _ = try IndexWriter.write(hashes: $0, metadata: metadata, to: path, version: 1)
            }
            let old = try IndexFile(path: path)
            try old.verify()
            #expect(old.formatVersion == 1)
            #expect(Set(old.keys()) == Set(keys))
            if hasParent {
                #expect(old.metadata.snapshotChain == nil)
                let error = refusal { try update(old, directory, date: "2026-11-30", output: "\(name)-next") }
                #expect(error?.message.contains("rebuild it from a full snapshot") == true)
            } else {
                let next = try update(old, directory, date: "2026-11-30", output: "\(name)-next")
                #expect(next.formatVersion == 2)
                #expect(next.metadata.chain?.map(\.date) == ["2026-11-28", "2026-11-30"])
            }
        }
    }

    @Test("a version 2 file without a chain ending at its date is refused as damaged")
    func missingChain() throws {
        let directory = try TemporaryDirectory()
        let index = try build(directory)
        for chain in [nil, [], [SnapshotLink(kind: .full, date: "2026-11-27")]] as [[SnapshotLink]?] {
            var metadata = index.metadata
            metadata.chain = chain
            let path = directory.path("bad.scrubidx")
            try [KeyHash.hash(1)].withUnsafeBufferPointer {
                _ = try IndexWriter.write(hashes: $0, metadata: metadata, to: path)
            }
            let error = refusal { try IndexFile(path: path) }
            #expect(error?.kind == .corruptHeader)
            #expect(error?.message.contains("no snapshot chain") == true)
        }
    }
}
