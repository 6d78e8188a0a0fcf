import Foundation
import Hummingbird
import ScrubAccess
import ScrubRecords

extension ScrubServer {
    /// The kinds `GET /v1/audit?kind=` takes: runs and server requests from the audit log, opt-out and
    /// re-consent events from the journal.
    static let auditKinds = ["run", "request", "opt_out", "reconsent"]

    /// `GET /v1/audit?since=&until=&kind=`: audit records and journal events in order of time.
    func audit(_ request: Request) throws -> Reply {
        try require(try authenticate(request), .readAudit)
        let query = request.uri.queryParameters
        for (name, _) in query where !["since", "until", "kind"].contains(name) {
            throw ServeError.badRequest("unknown query parameter; expected since, until, kind", field: String(name))
        }
        func time(_ name: String) throws(ServeError) -> UTCTime? {
            guard let text = query[Substring(name)] else { return nil }
            guard let time = UTCTime(parsing: Array(text.utf8)) else {
                throw .badRequest("must be a time such as 2026-12-01T15:00:00Z", field: name)
            }
            return time
        }
        let since = try time("since")
        let until = try time("until")
        let kind = query["kind"].map(String.init)
        if let kind, !Self.auditKinds.contains(kind) {
            throw ServeError.badRequest("must be one of: \(Self.auditKinds.joined(separator: ", "))", field: "kind")
        }
        var entries: [(time: UTCTime, order: Int, object: [String: Any])] = []
        func add(_ entryKind: String, _ source: String, _ timeText: String?, _ record: Any) {
            guard kind == nil || kind == entryKind else { return }
            let at = timeText.flatMap { UTCTime(parsing: Array($0.utf8)) } ?? UTCTime(seconds: 0)
            if let since, at < since { return }
            if let until, at > until { return }
            entries.append(
                (at, entries.count, ["kind": entryKind, "source": source, "time": at.description, "record": record]))
        }
        let generation = generations.generation
        for record in try auditRecords(generation.auditLog) {
            let isRequest = record["request_id"] != nil
            add(
                isRequest ? "request" : "run", "audit_log", (record[isRequest ? "time" : "started_at"] as? String),
                record)
        }
        if let journal = generation.journal {
            try journal.forEachEvent { event, _ in
                add(
                    event.action.rawValue, "journal", event.recordedAt.description,
                    AuditValue.object(event.fields).foundationValue)
            }
        }
        entries.sort { ($0.time, $0.order) < ($1.time, $1.order) }
        return Reply(.ok, ["records": entries.map(\.object)])
    }

    /// The audit log's records; a missing log has none, and a line cut short by a crash is skipped.
    private func auditRecords(_ auditLog: AuditLog) throws -> [[String: Any]] {
        guard FileManager.default.fileExists(atPath: auditLog.path) else { return [] }
        guard let data = FileManager.default.contents(atPath: auditLog.path) else {
            throw RecordError(.io, "cannot read the audit log", at: auditLog.path)
        }
        return data.split(separator: 0x0A).compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0))) as? [String: Any]
        }
    }

    /// `GET /v1/keys`: names, roles and creation times; never tokens or their hashes.
    func listKeys(_ request: Request) throws -> Reply {
        try require(try authenticate(request), .listKeys)
        let listings = try keys.list().map(\.listing)
        return Reply(
            .ok, ["keys": listings.map { ["name": $0.name, "role": $0.role.rawValue, "created": $0.created] }])
    }
}
