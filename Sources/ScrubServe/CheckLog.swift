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
/// sorted, appended with `O_APPEND`, whole lines in each `write`, so they never interleave. They are not
/// fsynced one by one: a crash of the machine may lose the last lines.
///
/// Appends commit as a group: a request's lines are written before it is answered, but concurrent
/// requests share a `write`. The first request to find no write under way writes every line queued so
/// far; requests that queue meanwhile wait, and the first of them writes the next group. Each writer
/// writes one group, so no request waits on more than the write before its own. Under load that is one
/// system call for many checks (it was half the check's own CPU with one `write` per request).
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
        /// Lines queued for the next group, the requests waiting for them, and whether a group is
        /// being written.
        var pending: [UInt8] = []
        var waiting: [CheckedContinuation<Result<Bool, RecordError>, Never>] = []
        var writing = false
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
    /// writing the previous minute's counts first when the minute has turned; returns once they are
    /// written (in this request's group, see above).
    func append(
        _ checks: [(number: String, decision: String)], keyName: String, time: UTCTime
    ) async throws(RecordError) {
        var lines: [UInt8] = []
        for check in checks {
            lines += Self.line([
                "record": .string("check"), "number_hmac": .string(key.pseudonym(check.number)),
                "hmac_key": .string(key.id), "time": .string(time.description), "decision": .string(check.decision),
                "key": .string(keyName),
            ])
        }
        let minute = time.seconds / 60
        // True: this request writes the next group (its own lines among them); false: another wrote them.
        let writesGroup = await withCheckedContinuation { continuation in
            let first = state.withLock { state in
                if let current = state.minute, current != minute {
                    state.pending += Self.countLines(state)
                    state.counts = [:]
                }
                state.minute = minute
                state.counts[keyName, default: 0] += checks.count
                state.pending += lines
                guard state.writing else {
                    state.writing = true
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if first { continuation.resume(returning: .success(true)) }
        }
        if try writesGroup.get() { try writeGroup() }
    }

    /// Writes every queued line in one group, answers the requests that waited for them, and hands
    /// the next group to the first request that queued meanwhile.
    private func writeGroup() throws(RecordError) {
        let (bytes, waiters, file) = state.withLock { state in
            defer {
                state.pending = []
                state.waiting = []
            }
            return (state.pending, state.waiting, state.file)
        }
        var result: Result<Bool, RecordError> = .success(false)
        do throws(RecordError) { try Self.write(bytes, to: file) } catch { result = .failure(error) }
        for waiter in waiters { waiter.resume(returning: result) }
        let next = state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.writing = false
                return nil as CheckedContinuation<Result<Bool, RecordError>, Never>?
            }
            return state.waiting.removeFirst()
        }
        next?.resume(returning: .success(true))
        _ = try result.get()
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
