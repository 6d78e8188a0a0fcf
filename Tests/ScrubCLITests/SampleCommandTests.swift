import Foundation
import ScrubTestSupport
import Testing

@Suite("scrub sample generate")
struct SampleCommandTests {
    @Test("writes the three files and says what it wrote")
    func writes() throws {
        let directory = try TemporaryDirectory()
        let result = try ScrubProcess.run([
            "sample", "generate", "--rows", "500", "--registry-size", "400", "--suppression-size", "50", "--seed", "3",
            "--out", directory.path("data"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("500 rows"))
        #expect(result.stdout.contains("registry.txt: 400 numbers"))
        for file in ["leads.csv.gz", "registry.txt", "suppression.txt"] {
            #expect(FileManager.default.fileExists(atPath: directory.path("data/\(file)")))
        }
    }

    @Test("the registry builds into an index with every generated number")
    func registryBuilds() throws {
        let directory = try TemporaryDirectory()
        let generated = try ScrubProcess.run([
            "sample", "generate", "--rows", "2000", "--registry-size", "3000", "--suppression-size", "100", "--out",
            directory.path("data"),
        ])
        #expect(generated.status == 0, "\(generated.stderr)")
        let built = try ScrubProcess.run([
            "registry", "build", "--name", "sample", "--kind", "registry", "--region", "US", "--snapshot-date",
            "2026-11-29", "--format", "e164", "--output", directory.path("registry.idx"),
            directory.path("data/registry.txt"),
        ])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("3000 entries"))
        #expect(built.stdout.contains("0 duplicates merged, 0 invalid lines"))
    }

    @Test(
        "bad options are usage errors",
        arguments: [["--registry-hit-rate", "2"], ["--registry-regions", "XX"], ["--rows", "-5"]])
    func badOptions(extra: [String]) throws {
        let directory = try TemporaryDirectory()
        var arguments = [
            "sample", "generate", "--rows", "10", "--registry-size", "10", "--suppression-size", "1", "--out",
            directory.path("data"),
        ]
        arguments += extra
        let result = try ScrubProcess.run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.path("data/leads.csv.gz")))
    }

    @Test("a registry too small for its hit rate is a configuration error (78)")
    func registryTooSmall() throws {
        let directory = try TemporaryDirectory()
        let result = try ScrubProcess.run([
            "sample", "generate", "--rows", "1000", "--registry-size", "5", "--suppression-size", "100", "--out",
            directory.path("data"),
        ])
        #expect(result.status == 78)
        #expect(result.stderr.contains("--registry-size"))
    }
}
