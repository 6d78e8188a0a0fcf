import Foundation
import ScrubTestSupport

/// Runs the real `scrub` under strace, to list its system calls or to fail or kill it at one of them.
///
/// strace counts a system call's invocations per thread ("per syscall and per tracee"), so the Nth
/// call of the main thread, where the run publishes, is the same call in every run of the same
/// inputs: faults land at an exact step, whatever the machine's load.
struct Strace {
    static let path = "/usr/bin/strace"
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// The system calls of the publish path, under each name the kernel may see them.
    static let publishCalls = [
        "openat", "write", "fsync", "rename", "renameat", "renameat2", "symlink", "symlinkat", "unlink", "unlinkat",
        "mkdir", "mkdirat", "rmdir",
    ]

    /// One system call of the main thread: its name, its invocation number among that thread's calls
    /// of that name (1-based, as strace's `when=`), and its line in the trace.
    struct Call {
        var name: String
        var number: Int
        var line: String
    }

    struct Outcome {
        var status: Int32
        /// The signal that ended the process, if one did.
        var signal: Int32?
        var trace: String
    }

    /// Runs `scrub arguments` in `directory` under strace, tracing `publishCalls` of every thread, with
    /// `inject` (`SYSCALL:error=EIO:when=N` or `SYSCALL:signal=KILL:when=N`) if given.
    static func run(_ arguments: [String], in directory: URL, inject: String? = nil) throws -> Outcome {
        let scratch = try TemporaryDirectory("strace")
        let log = scratch.path("trace")
        var options = ["-f", "-qq", "-y", "-o", log, "-e", "trace=" + publishCalls.joined(separator: ",")]
        if let inject { options += ["-e", "inject=" + inject] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = options + ["--", ScrubProcess.executable.path] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let signaled = process.terminationReason == .uncaughtSignal
        return Outcome(
            status: process.terminationStatus, signal: signaled ? process.terminationStatus : nil,
            trace: (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    /// The main thread's calls in a trace (its first line's process), numbered per name.
    static func mainThreadCalls(_ trace: String) -> [Call] {
        let lines = trace.split(separator: "\n").map(String.init)
        guard let main = lines.first?.split(separator: " ").first else { return [] }
        var counts: [String: Int] = [:]
        var calls: [Call] = []
        for line in lines where line.hasPrefix(main + " ") {
            let rest = line.dropFirst(main.count + 1).drop { $0 == " " }
            guard let paren = rest.firstIndex(of: "("), !rest.hasPrefix("<...") else { continue }
            let name = String(rest[..<paren])
            guard publishCalls.contains(name) else { continue }
            counts[name, default: 0] += 1
            calls.append(Call(name: name, number: counts[name]!, line: line))
        }
        return calls
    }
}
