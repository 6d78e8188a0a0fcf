import Foundation
import ScrubIO
import ScrubRecords

/// The status file beside an output folder (`OUT.status.json`): when the last attempt ran, how it
/// ended, and which set is published, so a dialer can refuse a stale list.
///
/// Rewritten atomically (owner-only, synced, renamed into place) by every attempt that could take the
/// folder's lock. It holds ids, times, exit codes and error kinds: never an error's text, which may
/// quote input.
public struct RunStatus: Sendable, Equatable {
    public struct Attempt: Sendable, Equatable {
        public var runID: String
        public var startedAt: Date
        public var endedAt: Date
        public var exitStatus: Int32
        /// The error's kind (`io`, `badData`, ...); nil for a success.
        public var errorKind: String?

        public init(runID: String, startedAt: Date, endedAt: Date, exitStatus: Int32, errorKind: String?) {
            self.runID = runID
            self.startedAt = startedAt
            self.endedAt = endedAt
            self.exitStatus = exitStatus
            self.errorKind = errorKind
        }
    }

    public var lastAttempt: Attempt
    /// The published set's id; nil when nothing is published.
    public var publishedSet: String?
    /// The run that published it, and when; nil when not known (published before status files).
    public var publishedBy: String?
    public var publishedAt: Date?

    public init(lastAttempt: Attempt, publishedSet: String?, publishedBy: String?, publishedAt: Date?) {
        self.lastAttempt = lastAttempt
        self.publishedSet = publishedSet
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
    }

    func json(folder: OutputFolder) -> [UInt8] {
        func time(_ date: Date?) -> AuditValue { date.map { .string($0.ISO8601Format()) } ?? .null }
        let value = AuditValue.object([
            "output": .string(folder.path),
            "last_attempt": .object([
                "run_id": .string(lastAttempt.runID), "started_at": time(lastAttempt.startedAt),
                "ended_at": time(lastAttempt.endedAt), "exit_status": .int(Int(lastAttempt.exitStatus)),
                "succeeded": .bool(lastAttempt.exitStatus == 0),
                "error_kind": lastAttempt.errorKind.map { .string($0) } ?? .null,
            ]),
            "published": .object([
                "set": publishedSet.map { .string($0) } ?? .null,
                "path": publishedSet.map { .string(folder.setPath($0)) } ?? .null,
                "run_id": publishedBy.map { .string($0) } ?? .null, "published_at": time(publishedAt),
            ]),
        ])
        return Array(value.json.utf8) + [0x0A]
    }

    /// Writes the status file atomically.
    public func write(to folder: OutputFolder) throws(ScrubIOError) {
        try folder.writeStatus(json(folder: folder))
    }

    /// Reads the status file; nil when it is missing or unreadable.
    public static func read(from folder: OutputFolder) -> RunStatus? {
        guard let data = FileManager.default.contents(atPath: folder.statusPath),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let attempt = object["last_attempt"] as? [String: Any], let runID = attempt["run_id"] as? String,
            let exit = attempt["exit_status"] as? Int
        else { return nil }
        func time(_ value: Any?) -> Date? { (value as? String).flatMap { try? Date($0, strategy: .iso8601) } }
        let published = object["published"] as? [String: Any]
        return RunStatus(
            lastAttempt: .init(
                runID: runID, startedAt: time(attempt["started_at"]) ?? .distantPast,
                endedAt: time(attempt["ended_at"]) ?? .distantPast, exitStatus: Int32(exit),
                errorKind: attempt["error_kind"] as? String),
            publishedSet: published?["set"] as? String, publishedBy: published?["run_id"] as? String,
            publishedAt: time(published?["published_at"]))
    }

    /// Records a failed attempt: the published set stays what `OUT` links to. Skipped (returns false)
    /// when another run holds the folder's lock: that run writes its own status.
    @discardableResult
    public static func recordFailure(_ attempt: Attempt, outputDirectory: String) throws(ScrubIOError) -> Bool {
        let folder = OutputFolder(path: outputDirectory)
        guard let lock = try? folder.lock() else { return false }
        defer { lock.release() }
        let previous = read(from: folder)
        let published = folder.publishedSet()
        let same = previous?.publishedSet == published
        try RunStatus(
            lastAttempt: attempt, publishedSet: published, publishedBy: same ? previous?.publishedBy : nil,
            publishedAt: same ? previous?.publishedAt : nil
        ).write(to: folder)
        return true
    }
}
