import Foundation
import ScrubTestSupport
import Testing

@Suite("scrub run, killed")
struct RunInterruptionTests {
    /// What a kill is timed on: a moment the test observes in the output folder, never a delay.
    enum Moment: String, CaseIterable {
        /// The staging folder exists: the run is writing its set.
        case staging
        /// The set is sealed (renamed to its id): the audit record and the switch are next.
        case sealed
        /// The audit record of the attempt is written: the switch is next, or done.
        case audited
    }

    @Test(
        "kill -9 at an observed moment leaves the old set or the new set, whole, never a mix; the next run succeeds and sweeps up",
        arguments: Moment.allCases)
    func killedRuns(at moment: Moment) throws {
        let dir = try TemporaryDirectory()
        for (name, seed) in [("a", "5"), ("b", "6")] {
            let generated = try ScrubProcess.run([
                "sample", "generate", "--rows", "5000", "--registry-size", "1500", "--suppression-size", "300",
                "--seed", seed, "--out", dir.path(name),
            ])
            try #require(generated.status == 0, "\(generated.stderr)")
        }
        let out = dir.path("o/out")
        func arguments(_ input: String) -> [String] {
            ["run", "--input", dir.path(input + "/leads.csv.gz"), "--out", out, "--quiet"]
        }
        try #require(try ScrubProcess.run(arguments("a")).status == 0)
        let before = PublishedSet(out: out)
        let auditLines = auditRecords(dir.path("o/audit.jsonl")).count

        let process = Process()
        process.executableURL = ScrubProcess.executable
        process.arguments = arguments("b")
        process.standardError = FileHandle.nullDevice
        try process.run()
        var observed = false
        while process.isRunning && !observed {
            let sets = (try? FileManager.default.contentsOfDirectory(atPath: out + ".sets")) ?? []
            switch moment {
            case .staging: observed = sets.contains { $0.hasPrefix(".staging-") }
            case .sealed: observed = sets.count > 1 && !sets.contains { $0.hasPrefix(".staging-") }
            case .audited: observed = auditRecords(dir.path("o/audit.jsonl")).count > auditLines
            }
            if !observed { sched_yield() }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let seen = PublishedSet(out: out)
        #expect(seen.isWhole, "killed at \(moment)")
        let isOld = seen.id == before.id && seen.files == before.files
        #expect(isOld || seen.id != before.id, "old set or new set, at \(moment)")
        // Whatever the killed run left half-written is removed by the next run, which publishes.
        let next = try ScrubProcess.run(arguments("b"))
        #expect(next.status == 0, "\(next.stderr)")
        #expect(leftovers(out: out) == [])
        let after = PublishedSet(out: out)
        #expect(after.isWhole && after.id != before.id)
        #expect(keptSets(out: out).count <= 3)
    }
}
