import Foundation
import Hummingbird
import ScrubAccess
import ScrubKit
import ScrubRecords

extension ScrubServer {
    /// The fields of `POST /v1/optouts` and `POST /v1/optouts/reconsent`.
    static let optOutFields: Set<String> = ["number", "country", "channel", "reason", "evidence"]

    /// `POST /v1/optouts` and `/v1/optouts/reconsent`: appends one event to the pipeline's journal and
    /// lays it over the index at once. Every request with a valid key leaves an audit record, whatever
    /// its outcome.
    func record(_ action: OptOutEvent.Action, _ request: Request, requestID: String) async throws -> Reply {
        let key = try authenticate(request)
        let time = now()
        let generation = generations.generation
        // The journal and the audit log of the generation current when the request arrived.
        func appendAuditRecord(status: Int, eventID: String?, error: String?) throws {
            try generation.auditLog.append(
                Self.auditRecord(
                    action, key: key, requestID: requestID, time: time, journal: generation.journal, status: status,
                    eventID: eventID, error: error, allowStale: configuration.allowStale))
        }
        do {
            try require(key, action == .optOut ? .recordOptOut : .reconsent)
            let event = try await append(action, body: try await body(of: request), key: key, time: time)
            let id = Self.eventID(event)
            try appendAuditRecord(status: 201, eventID: id, error: nil)
            metrics.optOutEvents(action.rawValue, count: 1)
            return Reply(.created, ["event_id": id, "event": action.rawValue, "recorded_at": time.description])
        } catch let error as ServeError {
            try appendAuditRecord(status: error.status.code, eventID: nil, error: error.message)
            throw error
        } catch {
            // The journal or the log could not be written: the request fails (500), on the record if it can be.
            try? appendAuditRecord(status: 500, eventID: nil, error: "the server could not complete the request")
            throw error
        }
    }

    /// Reads the body, normalises the number with a decider's own stage and appends the event.
    private func append(
        _ action: OptOutEvent.Action, body: JSONBody, key: APIKey, time: UTCTime
    ) async throws -> OptOutEvent {
        try body.allowOnly(Self.optOutFields)
        let number = try body.requiredString("number")
        let channelText = try body.requiredString("channel")
        guard let channel = OptOutChannel(rawValue: channelText) else {
            throw ServeError.badRequest(
                "must be one of: \(OptOutChannel.allCases.map(\.rawValue).joined(separator: ", "))", field: "channel")
        }
        let reason = try body.requiredString("reason")
        let evidence = try body.requiredString("evidence")
        let country = try body.string("country").map { $0.uppercased() }
        if let country, country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw ServeError.badRequest("must be a two-letter ISO 3166 code such as US", field: "country")
        }
        let request = OptOutRequest(
            action: action, channel: channel, reason: reason, evidence: evidence, actor: key.name, time: time)
        do {
            return try await recordEvent(number, country: country, request: request, time: time)
        } catch let error as RecordError where error.kind == .badData && error.message.hasPrefix("number 1 ") {
            let detail = error.message.dropFirst("number 1 ".count).prefix { $0 != "." }
            throw ServeError.badRequest(String(detail), field: "number")
        }
    }

    /// Appends the event to the current generation's journal and lays it over that generation's index,
    /// both under ``CurrentGeneration/recording``, so a reload meanwhile cannot lose it.
    private func recordEvent(
        _ number: String, country: String?, request: OptOutRequest, time: UTCTime
    ) async throws -> OptOutEvent {
        let generation = generations.generation
        guard generation.journal != nil else {
            throw ServeError(.conflict, "the pipeline has no `optouts` journal to record in")
        }
        return try await generation.pool.withSlot { slot in
            try generations.recording.withLock { _ in
                // The generation may have been replaced while this request waited for the lock.
                let current = generations.generation
                guard let journal = current.journal, let optOuts = current.optOuts else {
                    throw ServeError(.conflict, "the pipeline has no `optouts` journal to record in")
                }
                let events = try journal.record(
                    [number], country: country ?? current.plan.defaultCountry, request: request,
                    normalizer: slot.normalizer, now: time)
                optOuts.apply(events)
                return events[0]
            }
        }
    }

    /// An event's id: the SHA-256 of its fields as the journal writes them, without the chain link, so
    /// anyone holding the journal can find the line it names.
    static func eventID(_ event: OptOutEvent) -> String {
        APIToken.digest(AuditValue.object(event.fields).json)
    }

    /// The audit record of one opt-out or re-consent request: who, which request, when, what changed
    /// and the outcome. Never the token, never the number.
    static func auditRecord(
        _ action: OptOutEvent.Action, key: APIKey, requestID: String, time: UTCTime, journal: OptOutJournal?,
        status: Int, eventID: String?, error: String?, allowStale: Bool
    ) -> [String: AuditValue] {
        [
            "record": .string("serve_request"),
            "request_id": .string(requestID),
            "time": .string(time.description),
            "actor": .string(key.name),
            "role": .string(key.role.rawValue),
            "action": .string(action == .optOut ? "record_opt_out" : "record_reconsent"),
            "journal": journal.map { .string($0.path) } ?? .null,
            "event_id": eventID.map { .string($0) } ?? .null,
            "status": .int(status),
            "outcome": .string(eventID != nil ? "recorded" : "refused"),
            "error": error.map { .string($0) } ?? .null,
            "allow_stale": .bool(allowStale),
        ]
    }
}
