import Foundation

/// Runs the built `scrub` executable, for end-to-end tests of the real command line.
package struct ScrubProcess {
    package struct Result {
        package var status: Int32
        package var stdout: String
        package var stderr: String
        /// Whether the process died on a signal (then `status` is the signal's number).
        package var diedOnSignal = false
    }

    /// The `scrub` binary next to the test bundle in the build directory.
    package static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // Test bundles may sit inside an `.xctest` directory.
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("scrub")
    }

    /// The repository root, found from this source file's location.
    package static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Runs `scrub` with `arguments` in `directory` (the repository root by default), feeding `stdin`.
    package static func run(_ arguments: [String], in directory: URL? = nil, stdin: String? = nil) throws -> Result {
        try run(arguments, in: directory, stdinBytes: stdin.map { Data($0.utf8) })
    }

    /// Runs `scrub` with `arguments`, feeding `stdinBytes`; under `wrapper` (a tool and its
    /// arguments, such as strace injecting faults) when one is given.
    package static func run(
        _ arguments: [String], in directory: URL? = nil, stdinBytes: Data?, wrapper: [String] = []
    ) throws -> Result {
        let process = Process()
        if let tool = wrapper.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = wrapper.dropFirst() + [executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory ?? repositoryRoot
        // Output goes to files, not pipes, so a chatty child can never block on a full pipe.
        let scratch = try TemporaryDirectory("scrub-process")
        _ = FileManager.default.createFile(atPath: scratch.path("stdout"), contents: nil)
        _ = FileManager.default.createFile(atPath: scratch.path("stderr"), contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.path("stdout")))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.path("stderr")))
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdinBytes { input.fileHandleForWriting.write(stdinBytes) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: URL(fileURLWithPath: scratch.path("stdout")))
        let errData = try Data(contentsOf: URL(fileURLWithPath: scratch.path("stderr")))
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            diedOnSignal: process.terminationReason == .uncaughtSignal)
    }
}
