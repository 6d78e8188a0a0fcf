import Foundation
import HummingbirdTesting
import ScrubTestSupport
import Testing

/// schemathesis (from PyPI) against docs/openapi.yaml and the running server: generated bodies,
/// valid and invalid, never get a 5xx.
@Suite("scrub serve: fuzzed requests")
struct ServeFuzzTests {
    /// The virtual environment the test installs schemathesis into when it is not on PATH.
    static let environment = ScrubProcess.repositoryRoot.appendingPathComponent(".build/schemathesis")

    /// The `schemathesis` command: on PATH, in the test's virtual environment, or installed there now.
    static func schemathesis() throws -> String {
        let local = environment.appendingPathComponent("bin/schemathesis").path
        if FileManager.default.isExecutableFile(atPath: local) { return local }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/schemathesis"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        let install = try run(
            "/bin/sh",
            [
                "-c",
                "python3 -m venv '\(environment.path)' && '\(environment.path)/bin/pip' install -q schemathesis",
            ])
        guard install.status == 0, FileManager.default.isExecutableFile(atPath: local) else {
            Issue.record(
                """
                schemathesis is not installed and could not be installed (python3 -m venv, then pip install \
                schemathesis, exit \(install.status)): \(install.output.suffix(600))
                """)
            throw CancellationError()
        }
        return local
    }

    /// Runs `tool` with `arguments`, waiting for its exit without holding a thread of the pool the
    /// server in this process answers on.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let scratch = try TemporaryDirectory("scrub-fuzz")
        let log = scratch.path("output")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    @Test("schemathesis's generated requests, valid and invalid, never get a 5xx")
    func noServerErrors() async throws {
        let tool = try Self.schemathesis()
        let fixture = try ServeFixture()
        let token = try #require(fixture.tokens[.compliance])
        let schema = ScrubProcess.repositoryRoot.appendingPathComponent("docs/openapi.yaml").path
        let result = try await fixture.serve { client in
            let port = try #require(client.port)
            // A thread of its own: the server answers on the concurrency pool meanwhile.
            return try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(
                        with: Result {
                            try Self.run(
                                tool,
                                [
                                    "run", schema, "--url", "http://127.0.0.1:\(port)", "--checks",
                                    "not_a_server_error", "--max-examples", "25", "--seed", "1",
                                    "--header", "Authorization: Bearer \(token)", "--no-color",
                                ])
                        })
                }
            }
        }
        #expect(result.status == 0, "\(result.output.suffix(4000))")
    }
}
