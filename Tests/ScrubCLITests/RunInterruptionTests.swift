import Foundation
import ScrubTestSupport
import Testing

@Suite("scrub run, killed")
struct RunInterruptionTests {
    @Test("kill -9 at any moment publishes nothing and leaves earlier outputs as they were; the next run sweeps up")
    func killedRuns() throws {
        let dir = try TemporaryDirectory()
        let generated = try ScrubProcess.run([
            "sample", "generate", "--rows", "100000", "--registry-size", "30000", "--suppression-size", "3000",
            "--seed", "5", "--out", dir.path("data"),
        ])
        try #require(generated.status == 0, "\(generated.stderr)")
        let arguments = [
            "run", "--input", dir.path("data/leads.csv.gz"), "--suppression", dir.path("data/suppression.txt"),
            "--country-column", "country", "--out", dir.path("out"), "--quiet",
        ]
        let names = ["clean.csv.gz", "rejects.csv.gz", "report.json", "report.html"]
        func published() throws -> [Data] {
            try names.map { try Data(contentsOf: URL(fileURLWithPath: dir.path("out/\($0)"))) }
        }
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: dir.path("out")).filter { $0.contains(".partial-") }
        }
        let started = Date()
        try #require(try ScrubProcess.run(arguments).status == 0)
        let duration = Date().timeIntervalSince(started)
        let before = try published()

        // Kill at moments spread over a run's length (a later run takes about as long as the first).
        for delay in [0.05, 0.3, 0.5, 0.7].map({ $0 * duration }) {
            let process = Process()
            process.executableURL = ScrubProcess.executable
            process.arguments = arguments
            process.currentDirectoryURL = ScrubProcess.repositoryRoot
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try published() == before, "killed after \(delay) s")
        }
        #expect(try !leftovers().isEmpty, "the kills interrupted runs part-way through writing")
        // Whatever the killed runs left half-written is removed by the next run, which publishes.
        #expect(try ScrubProcess.run(arguments).status == 0)
        #expect(try leftovers().isEmpty)
        #expect(try published()[0] == before[0])
    }
}
