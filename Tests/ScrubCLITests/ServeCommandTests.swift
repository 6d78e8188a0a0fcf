import Foundation
import ScrubTestSupport
import Testing

@Suite("scrub serve: flags and --config")
struct ServeCommandTests {
    /// A config file naming a pipeline that is not there (so the command stops at load, before listening).
    static func config(in dir: TemporaryDirectory) throws -> String {
        try "version: 1\npipeline: from-file.yaml\nkeys: keys.json\n".write(
            toFile: dir.path("serve.yaml"), atomically: false, encoding: .utf8)
        return dir.path("serve.yaml")
    }

    @Test("the config file's settings apply; a flag given wins over the file")
    func flagsWin() throws {
        let dir = try TemporaryDirectory("serve-command")
        let config = try Self.config(in: dir)
        let fromFile = try ScrubProcess.run(["serve", "--config", config])
        #expect(fromFile.status != 0 && fromFile.stderr.contains("from-file.yaml"), "\(fromFile.stderr)")
        let fromFlag = try ScrubProcess.run(["serve", "--config", config, "--pipeline", dir.path("from-flag.yaml")])
        #expect(fromFlag.status != 0 && fromFlag.stderr.contains("from-flag.yaml"), "\(fromFlag.stderr)")
        #expect(!fromFlag.stderr.contains("from-file.yaml"))
        let badListen = try ScrubProcess.run(["serve", "--config", config, "--listen", "nowhere"])
        #expect(badListen.status == 64 && badListen.stderr.contains("HOST:PORT"), "\(badListen.stderr)")
        let badLevel = try ScrubProcess.run(["serve", "--config", config, "--log-level", "trace"])
        #expect(badLevel.status == 64 && badLevel.stderr.contains("info or debug"), "\(badLevel.stderr)")
    }

    @Test("without --pipeline or --config it says what to give; --check-log needs --check-log-key")
    func missing() throws {
        let none = try ScrubProcess.run(["serve", "--keys", "k.json"])
        #expect(none.status == 64 && none.stderr.contains("--pipeline"), "\(none.stderr)")
        let log = try ScrubProcess.run(["serve", "--pipeline", "p.yaml", "--keys", "k", "--check-log", "c.jsonl"])
        #expect(log.status == 64 && log.stderr.contains("--check-log-key"), "\(log.stderr)")
    }

    @Test("scrub keys check-log-key generate writes an owner-only key and prints its id")
    func generate() throws {
        let dir = try TemporaryDirectory("serve-command")
        let made = try ScrubProcess.run(["keys", "check-log-key", "generate", "--out", dir.path("k")])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.trimmingCharacters(in: .newlines).count == 16)
        var info = stat()
        #expect(stat(dir.path("k"), &info) == 0 && info.st_mode & 0o777 == 0o600)
        let again = try ScrubProcess.run(["keys", "check-log-key", "generate", "--out", dir.path("k")])
        #expect(again.status == 64)
    }
}
