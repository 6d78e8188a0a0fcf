import ScrubAccess
import ScrubIO
import ScrubRecords
import Synchronization

/// The check records: for each number checked, HMAC-SHA256 of it under the operator's key, the time,
/// the decision and the API key's name; and, each minute, how many checks each key made.
///
/// A separate file from the audit log: these records are pseudonymous personal data (anyone with the
/// key can recover a number by trying them all), so who may read them and how long they are kept is
/// decided apart from the audit trail (docs/serve.md, "Check records"). Lines are JSON objects, keys
/// sorted, appended with `O_APPEND` in one `write` per request, so concurrent requests never interleave
/// within a line. They are not fsynced one by one: a crash of the machine may lose the last lines.
final class CheckLog: Sendable {
    let path: String
    private let key: CheckLogKey
    private let state: Mutex<State>

    private struct State {
        var file: FileDescriptor
        /// The minute (seconds since the epoch / 60) the counts are for.
        var minute: Int64?
        /// Checks per API key name in that minute.
        var counts: [String: Int] = [:]
    }

    /// Opens (creating, owner-only) the log at `path` for appending.
    init(path: String, key: CheckLogKey) throws(RecordError) {
        self.path = path
        self.key = key
        state = Mutex(State(file: try Self.open(path)))
    }

    private static func open(_ path: String) throws(RecordError) -> FileDescriptor {
        do throws(ScrubIOError) { return try FileDescriptor.openForAppending(path) } catch { throw RecordError(error) }
    }

    /// Writes the minute's counts and opens `path` again (after a rotation moved the file aside); the
    /// old file stays open if the new one cannot be opened.
    func reopen() throws(RecordError) {
        try state.withLock { (state) throws(RecordError) in
            let file = try Self.open(path)
            try? Self.write(Self.countLines(state), to: state.file)
            state.counts = [:]
            state.file = file
        }
    }

    deinit {
        state.withLock { state in
            try? Self.write(Self.countLines(state), to: state.file)
        }
    }

    /// Appends one record per checked number (its E.164 form, or the input as given when it has none),
    /// writing the previous minute's counts first when the minute has turned.
    func append(
        _ checks: [(number: String, decision: String)], keyName: String, time: UTCTime
    ) throws(RecordError) {
        var lines: [UInt8] = []
        for check in checks {
            lines += Self.line([
                "record": .string("check"), "number_hmac": .string(key.pseudonym(check.number)),
                "hmac_key": .string(key.id), "time": .string(time.description), "decision": .string(check.decision),
                "key": .string(keyName),
            ])
        }
        let minute = time.seconds / 60
        try state.withLock { (state) throws(RecordError) in
            if let current = state.minute, current != minute {
                lines = Self.countLines(state) + lines
                state.counts = [:]
            }
            state.minute = minute
            state.counts[keyName, default: 0] += checks.count
            try Self.write(lines, to: state.file)
        }
    }

    /// Writes the current minute's counts now (at shutdown), so none are lost.
    func flushCounts() {
        state.withLock { state in
            try? Self.write(Self.countLines(state), to: state.file)
            state.counts = [:]
        }
    }

    /// One line per key with checks in the state's minute, by key name.
    private static func countLines(_ state: State) -> [UInt8] {
        guard let minute = state.minute else { return [] }
        var lines: [UInt8] = []
        for (name, count) in state.counts.sorted(by: { $0.key < $1.key }) {
            lines += line([
                "record": .string("check_count"), "minute": .string(UTCTime(seconds: minute * 60).description),
                "key": .string(name), "checks": .int(count),
            ])
        }
        return lines
    }

    private static func line(_ object: [String: AuditValue]) -> [UInt8] {
        Array(AuditValue.object(object).json.utf8) + [0x0A]
    }

    /// Writes all of `bytes` in one call where the kernel takes them (short writes are continued).
    private static func write(_ bytes: [UInt8], to file: FileDescriptor) throws(RecordError) {
        var failure: ScrubIOError?
        bytes.withUnsafeBytes { buffer in
            do throws(ScrubIOError) { try file.write(buffer) } catch { failure = error }
        }
        if let failure { throw RecordError(failure) }
    }
}
