import Foundation
import ScrubKit
import ScrubTestSupport
import Testing

/// A folder with two lead files (A and B) and an output folder holding three published sets of A (or,
/// `legacy`, a real folder of an older version holding A's outputs), and the main thread's system
/// calls of a run of B that publishes its set there.
private final class PublishFixture: Sendable {
    let dir: TemporaryDirectory
    /// The main thread's calls on the output folder, its sets, status file, lock and audit log.
    let calls: [Strace.Call]
    let oldSet: PublishedSet
    /// `clean.csv.gz` of B, as the traced run published it.
    let newClean: Data

    static let shared = Result { try PublishFixture(legacy: false) }
    static let legacy = Result { try PublishFixture(legacy: true) }

    private init(legacy: Bool) throws {
        dir = try TemporaryDirectory("publish-faults")
        for (name, seed) in [("a", "5"), ("b", "6")] {
            let generated = try ScrubProcess.run([
                "sample", "generate", "--rows", name == "a" ? "100" : "120", "--registry-size", "50",
                "--suppression-size", "10", "--seed", seed, "--out", dir.path(name),
            ])
            try #require(generated.status == 0, "\(generated.stderr)")
        }
        for _ in 0..<3 {
            let run = try ScrubProcess.run(Self.arguments(input: dir.path("a"), out: dir.path("base/o/out")))
            try #require(run.status == 0, "\(run.stderr)")
        }
        if legacy {
            // What older versions left: OUT a real folder of outputs, no sets, no status file.
            let fm = FileManager.default
            let published = try fm.destinationOfSymbolicLink(atPath: dir.path("base/o/out"))
            try fm.removeItem(atPath: dir.path("base/o/out"))
            try fm.moveItem(atPath: dir.path("base/o/" + published), toPath: dir.path("base/o/out"))
            try fm.removeItem(atPath: dir.path("base/o/out.sets"))
            try fm.removeItem(atPath: dir.path("base/o/out.status.json"))
        }
        oldSet = PublishedSet(out: dir.path("base/o/out"))
        let traced = try Self.copyBase(dir, to: "traced")
        let outcome = try Strace.run(Self.arguments(input: dir.path("b"), out: traced + "/out"), in: dir.url)
        try #require(outcome.status == 0)
        newClean = try #require(PublishedSet(out: traced + "/out").files["clean.csv.gz"])
        calls = Strace.mainThreadCalls(outcome.trace).filter { $0.line.contains(traced + "/") }
    }

    static func arguments(input: String, out: String) -> [String] {
        ["run", "--input", input + "/leads.csv.gz", "--out", out, "--quiet", "--threads", "2"]
    }

    /// A fresh copy of the base output folder (sets, link, status, lock and audit log), at `name/o`.
    static func copyBase(_ dir: TemporaryDirectory, to name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: dir.path(name), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: dir.path("base/o"), toPath: dir.path(name + "/o"))
        // The copy sits at another path: the status and the audit's paths do not matter here.
        return dir.path(name + "/o")
    }
}

@Suite("Publication under injected faults", .enabled(if: Strace.isAvailable, "strace is not at /usr/bin/strace"))
struct PublishFaultTests {
    /// The publish path's calls by name: each is failed (EIO) or killed at in turn.
    static let names = ["openat", "write", "fsync", "rename", "symlink", "unlink", "mkdir", "rmdir"]

    @Test(
        "EIO at every publish-path call: the old set or the new set, whole; a failed run publishes nothing and its last audit record has its exit status; the next run succeeds and sweeps up",
        arguments: names)
    func failEachCall(_ name: String) throws {
        try check(name, fault: "error=EIO")
    }

    @Test(
        "kill -9 at every rename, fsync, symlink and mkdir of the publish path: the old set or the new set, whole; the next run succeeds and sweeps up",
        arguments: ["rename", "fsync", "symlink", "mkdir"])
    func killAtEachCall(_ name: String) throws {
        try check(name, fault: "signal=KILL")
    }

    @Test(
        "EIO and kill -9 at every call that migrates an older version's OUT folder: the old folder or the new set, whole",
        arguments: ["renameat2", "rename", "fsync", "symlink", "mkdir"], ["error=EIO", "signal=KILL"])
    func migrationFaults(_ name: String, _ fault: String) throws {
        try check(name, fault: fault, fixture: try PublishFixture.legacy.get())
    }

    private func check(_ name: String, fault: String, fixture: PublishFixture? = nil) throws {
        let fixture = try fixture ?? PublishFixture.shared.get()
        let calls = fixture.calls.filter { $0.name == name }
        try #require(!calls.isEmpty || ["rmdir"].contains(name), "no \(name) on the publish path")
        for call in calls {
            let label = "\(fault) at \(name) #\(call.number): \(call.line.prefix(160))"
            let case_ = "\(name)-\(fault.prefix(5))-\(call.number)"
            let folder = try PublishFixture.copyBase(fixture.dir, to: case_)
            let out = folder + "/out"
            let arguments = PublishFixture.arguments(input: fixture.dir.path("b"), out: out)
            let auditBefore = auditRecords(folder + "/audit.jsonl").count
            let outcome = try Strace.run(
                arguments, in: fixture.dir.url, inject: "\(name):\(fault):when=\(call.number)")
            let injected = Strace.mainThreadCalls(outcome.trace).first { $0.name == name && $0.number == call.number }
            #expect(injected?.line.contains(folder + "/") == true, "the fault landed on the publish path: \(label)")

            let seen = PublishedSet(out: out)
            #expect(seen.isWhole, "whole: \(label)")
            let isNew = seen.files["clean.csv.gz"] == fixture.newClean
            let isOld = seen.id == fixture.oldSet.id && seen.files == fixture.oldSet.files
            if outcome.signal != nil {
                #expect(isOld || isNew, "old set or new set: \(label)")
            } else if outcome.status != 0 {
                #expect(isOld, "a failed run (\(outcome.status)) publishes nothing: \(label)")
            } else {
                #expect(isNew && seen.id != fixture.oldSet.id, "a successful run publishes its set: \(label)")
            }
            if outcome.signal == nil {
                let records = auditRecords(folder + "/audit.jsonl")
                #expect(records.count > auditBefore, "the attempt is audited: \(label)")
                #expect(
                    records.last?["exit_status"] as? Int == Int(outcome.status),
                    "the last record has the exit status: \(label)")
                if outcome.status == 0 {
                    #expect(records.last?["output_set"] as? String == seen.id, "the set is named: \(label)")
                }
                let status = RunStatus.read(from: .init(path: out))
                #expect(status?.publishedSet == seen.linkedID, "the status file names the published set: \(label)")
            }
            // Whatever the attempt left behind, the next run succeeds, publishes and sweeps up.
            if outcome.signal != nil || outcome.status != 0 || !leftovers(out: out).isEmpty
                || keptSets(out: out).count > 3
            {
                let next = try ScrubProcess.run(arguments)
                #expect(next.status == 0, "the next run succeeds: \(label): \(next.stderr)")
                #expect(leftovers(out: out) == [], "the next run sweeps up: \(label)")
                #expect(PublishedSet(out: out).isWhole)
            }
            #expect(keptSets(out: out).count <= 3, "at most 3 sets are kept: \(label)")
            try? FileManager.default.removeItem(atPath: fixture.dir.path(case_))
        }
    }
}
