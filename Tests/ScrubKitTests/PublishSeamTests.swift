import CallingWindows
import Foundation
import ScrubIO
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubTestSupport
import Testing

/// A plan scrubbing `input` into `out`, resolved before any fault is armed.
private func plan(input: String, out: String) throws -> PipelinePlan {
    var flags = PipelineDefinition()
    flags.inputs = [.init(value: input, location: "--input")]
    flags.outputDirectory = .init(value: out, location: "--out")
    flags.countryColumn = .init(value: "country", location: "--country-column")
    flags.campaignDate = .init(value: "2026-12-01", location: "--campaign-date")
    let environment = PipelineEnvironment(
        normalizer: TestNormalizer(), openIndex: { _ in fatalError("no index") }, isIndexFile: { _ in false },
        windows: { _, _, _ in TestWindows() }, today: { LocalDate("2026-11-29")! })
    return try PipelinePlan.resolve(PipelineDefinition(), overrides: flags, environment: environment)
}

/// Runs `plan` as `scrub run` does: the audit record appended before the switch.
private func publish(_ plan: PipelinePlan, audit: String) throws -> ScrubRun.Result {
    let scrub = ScrubRun(plan: plan, threads: 1)
    scrub.logger.logLevel = .error
    return try scrub.run { result in
        try AuditLog(path: audit).append(["output_set": .string(result.setID), "exit_status": .int(0)])
    }
}

@Suite("Publication, with each file system call failed in turn (in process)")
struct PublishSeamTests {
    @Test(
        "EIO at the Nth call of each kind, for every N, publishing or migrating an older OUT folder: a failed run publishes nothing, a successful one its whole set; the next run succeeds and sweeps up",
        arguments: FaultInjection.Call.allCases, [false, true])
    func failEachCall(_ call: FaultInjection.Call, migrating: Bool) throws {
        let dir = try TemporaryDirectory()
        for (name, rows) in [("a", 40), ("b", 55)] {
            var text = "id,phone,country\n"
            for i in 0..<rows { text += "\(i),+1 212 555 \(1000 + (i * 7919 + rows) % 9000),US\n" }
            try text.write(toFile: dir.path(name + ".csv"), atomically: true, encoding: .utf8)
        }
        let base = dir.path("base/out")
        for _ in 0..<3 { _ = try publish(try plan(input: dir.path("a.csv"), out: base), audit: dir.path("base/audit")) }
        if migrating {
            // An older version's output folder: a real folder of outputs, no sets.
            let fm = FileManager.default
            let published = try fm.destinationOfSymbolicLink(atPath: base)
            try fm.removeItem(atPath: base)
            try fm.moveItem(atPath: dir.path("base/" + published), toPath: base)
            try fm.removeItem(atPath: base + ".sets")
        }
        let old = PublishedSet(out: base)
        var failures = 0
        for n in 1...200 {
            let folder = dir.path("case-\(n)")
            try FileManager.default.copyItem(atPath: dir.path("base"), toPath: folder)
            let out = folder + "/out"
            let scrub = try plan(input: dir.path("b.csv"), out: out)
            FaultInjection.arm(call, at: n)
            let outcome = Result { try publish(scrub, audit: folder + "/audit") }
            let calls = FaultInjection.disarm()
            let seen = PublishedSet(out: out)
            #expect(seen.isWhole, "\(call) #\(n)")
            switch outcome {
            case .failure:
                failures += 1
                #expect(seen.id == old.id && seen.files == old.files, "\(call) #\(n) failed and published nothing")
            case .success(let result):
                #expect(seen.id == result.setID && seen.id != old.id, "\(call) #\(n) published its set")
            }
            if case .failure = outcome, !leftovers(out: out).isEmpty || keptSets(out: out).count > 3 {
                let next = try publish(scrub, audit: folder + "/audit")
                #expect(PublishedSet(out: out).id == next.setID)
            }
            #expect(leftovers(out: out) == [], "\(call) #\(n)")
            try FileManager.default.removeItem(atPath: folder)
            if calls < n { break }  // the Nth call never came: every call of this kind was failed once
        }
        let failing: Set<FaultInjection.Call> =
            migrating
            ? [.open, .lock, .write, .fsync, .rename, .exchange, .symlink, .mkdir]
            : [.open, .lock, .write, .fsync, .rename, .symlink, .mkdir]
        #expect((failures > 0) == failing.contains(call), "\(call) fails a run (\(failures) times)")
    }
}
