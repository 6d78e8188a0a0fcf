import Foundation
import ScrubServe
import ScrubTestSupport
import Testing

@Suite("scrub serve --config: the settings in YAML")
struct ServeConfigurationFileTests {
    @Test("reads every setting, with relative paths from the file's folder")
    func reads() throws {
        let dir = try TemporaryDirectory("serve-config")
        try """
        version: 1
        pipeline: p.yaml
        keys: /etc/scrub/keys.json
        listen: 127.0.0.1:9000
        deciders: 3
        opt_out_scope: brand-a
        allow_stale: true
        signing_key: keys/signing.key
        check_log_key: check.key
        check_log: logs/checks.jsonl
        log_level: debug

        """.write(toFile: dir.path("serve.yaml"), atomically: false, encoding: .utf8)
        let file = try ServeConfigurationFile.load(path: dir.path("serve.yaml"))
        var expected = ServeConfigurationFile()
        expected.pipeline = dir.path("p.yaml")
        expected.keys = "/etc/scrub/keys.json"
        expected.listen = "127.0.0.1:9000"
        expected.deciders = 3
        expected.optOutScope = "brand-a"
        expected.allowStale = true
        expected.signingKey = dir.path("keys/signing.key")
        expected.checkLogKey = dir.path("check.key")
        expected.checkLog = dir.path("logs/checks.jsonl")
        expected.logLevel = "debug"
        #expect(file == expected)
    }

    @Test(
        "refuses a file it cannot use, naming the place",
        arguments: [
            ("version: 1\npipeline: p.yaml\nlisten_on: 1\n", ":3:1: error: unknown setting `listen_on`"),
            ("version: 2\npipeline: p.yaml\n", ":1:10: error: version 2"),
            ("version: 1\ndeciders: many\n", ":2:11: error:"),
            ("pipeline: p.yaml\n", "error:"),
        ])
    func refuses(_ text: String, _ message: String) throws {
        let dir = try TemporaryDirectory("serve-config")
        try text.write(toFile: dir.path("serve.yaml"), atomically: false, encoding: .utf8)
        do {
            _ = try ServeConfigurationFile.load(path: dir.path("serve.yaml"))
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)".contains(dir.path("serve.yaml") + message) || "\(error)".contains(message), "\(error)")
        }
    }
}
