import Foundation
import Hummingbird
import ScrubAccess
import ScrubKit
import ScrubRecords

extension ScrubServer {
    /// The fields of `POST /v1/optouts` and `POST /v1/optouts/reconsent`.
    static let optOutFields: Set<String> = ["number", "country", "channel", "reason", "evidence", "person"]

    /// `POST /v1/optouts` and `/v1/optouts/reconsent`: appends one event to the pipeline's journal and
    /// lays it over the index at once. Where the pipeline asks for two approvals, a re-consent is only
    /// proposed (202) until a second compliance key approves it (``approve(_:proposal:requestID:)``).
    func record(_ action: OptOutEvent.Action, _ request: Request, requestID: String) async throws -> Reply {
        let key = try authenticate(request)
        let time = now()
        return try await audited(
            action == .optOut ? "record_opt_out" : "record_reconsent", key: key, requestID: requestID, time: time
        ) {
            try require(key, action == .optOut ? .recordOptOut : .reconsent)
            let (number, country, optOut) = try Self.optOutRequest(
                action, body: try await body(of: request), key: key, time: time)
            // Refused (400, naming the field) before anything is proposed or appended; the journal, reading
            // it with the same normaliser, then takes it.
            try await validate(number, country: country)
            if action == .reconsent, generations.generation.plan.journal?.reconsentApprovals == 2 {
                let proposal = proposals.propose(
                    number: number, country: country ?? generations.generation.plan.defaultCountry, request: optOut,
                    now: time)
                var object = proposal.object
                object["approvals_needed"] = 1
                return Audited(
                    reply: Reply(.accepted, object), status: 202, outcome: "proposed",
                    fields: ["proposal_id": .string(proposal.id)])
            }
            return try await recorded(number, country: country, request: optOut, time: time)
        }
    }

    /// `POST /v1/optouts/reconsent/{id}/approve`: a second compliance key approves a proposed
    /// re-consent, which is then appended with the proposer as `actor` and the approver as `approved_by`.
    func approve(_ request: Request, proposal id: String, requestID: String) async throws -> Reply {
        let key = try authenticate(request)
        let time = now()
        return try await audited("approve_reconsent", key: key, requestID: requestID, time: time) {
            try require(key, .reconsent)
            try await body(of: request, emptyAllowed: true).allowOnly([])
            let proposal = try proposals.take(id, approver: key.name, now: time)
            var optOut = proposal.request
            optOut.approvedBy = key.name
            do {
                var done = try await recorded(proposal.number, country: proposal.country, request: optOut, time: time)
                done.fields["proposal_id"] = .string(proposal.id)
                done.fields["proposed_by"] = .string(proposal.request.actor)
                return done
            } catch {
                proposals.restore(proposal)
                throw error
            }
        }
    }

    /// `GET /v1/optouts/reconsent/pending`: the proposals waiting for a second key, for the people who
    /// approve them.
    func pendingReconsents(_ request: Request) throws -> Reply {
        let key = try authenticate(request)
        try require(key, .reconsent)
        return Reply(.ok, ["proposals": proposals.waiting(now: now()).map { $0.object }])
    }

    /// What a mutating request's handler tells the audit record beyond its status.
    struct Audited {
        var reply: Reply
        var status: Int
        var outcome: String
        var fields: [String: AuditValue]
    }

    /// Runs `handler` and leaves the request's audit record, whatever its outcome, in the audit log of
    /// the generation current when it arrived.
    private func audited(
        _ action: String, key: APIKey, requestID: String, time: UTCTime, _ handler: () async throws -> Audited
    ) async throws -> Reply {
        let generation = generations.generation
        func appendAuditRecord(status: Int, outcome: String, fields: [String: AuditValue]) throws {
            var record = Self.auditRecord(
                action, key: key, requestID: requestID, time: time, journal: generation.journal, status: status,
                outcome: outcome, allowStale: configuration.allowStale)
            record.merge(fields) { _, new in new }
            try generation.auditLog.append(record)
        }
        do {
            let done = try await handler()
            try appendAuditRecord(status: done.status, outcome: done.outcome, fields: done.fields)
            return done.reply
        } catch let error as ServeError {
            try appendAuditRecord(
                status: error.status.code, outcome: "refused", fields: ["error": .string(error.message)])
            throw error
        } catch {
            // The journal or the log could not be written: the request fails (500), on the record if it can be.
            try? appendAuditRecord(
                status: 500, outcome: "refused", fields: ["error": .string("the server could not complete the request")]
            )
            throw error
        }
    }

    /// Appends the event and answers 201 with its id.
    private func recorded(
        _ number: String, country: String?, request: OptOutRequest, time: UTCTime
    ) async throws -> Audited {
        let event = try await recordEvent(number, country: country, request: request, time: time)
        let id = Self.eventID(event)
        metrics.optOutEvents(request.action.rawValue, count: 1)
        return Audited(
            reply: Reply(
                .created, ["event_id": id, "event": request.action.rawValue, "recorded_at": time.description]),
            status: 201, outcome: "recorded", fields: ["event_id": .string(id)])
    }

    /// Reads an opt-out or re-consent body: the number as given, the country it is read in (the
    /// pipeline's default when the body names none), and the request the event is made from.
    private static func optOutRequest(
        _ action: OptOutEvent.Action, body: JSONBody, key: APIKey, time: UTCTime
    ) throws -> (number: String, country: String?, request: OptOutRequest) {
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
        var request = OptOutRequest(
            action: action, channel: channel, reason: reason, evidence: evidence, actor: key.name, time: time)
        if let person = try body.string("person") {
            if let problem = PersonKey.problem(person) { throw ServeError.badRequest(problem, field: "person") }
            request.person = person
        }
        return (number, country, request)
    }

    /// Refuses (400) a number the journal would not take, with the journal's own phrase
    /// (``NumberReading/refusal``), before an event is appended or a proposal made.
    private func validate(_ number: String, country: String?) async throws {
        let generation = generations.generation
        let country = country ?? generation.plan.defaultCountry
        let reading = await generation.pool.withSlot { slot in
            var field = number
            return field.withUTF8 { slot.normalizer.reading(UnsafeRawBufferPointer($0), country: country) }
        }
        if let refusal = reading.refusal { throw ServeError.badRequest(refusal, field: "number") }
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
                do {
                    try optOuts.apply(events)
                } catch {
                    // Recorded, and an opt-out binds already (the overlay's safe side); a re-consent
                    // lifts the number from the next start or reload.
                    logger.error(
                        "the journal could not be read back for a subject's history",
                        metadata: ["journal": "\(journal.name)", "error": "\(error)"])
                }
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
    /// and the outcome; the handler adds the event or proposal id, or the error. Never the token, never
    /// the number.
    static func auditRecord(
        _ action: String, key: APIKey, requestID: String, time: UTCTime, journal: (any OptOutStore)?, status: Int,
        outcome: String, allowStale: Bool
    ) -> [String: AuditValue] {
        [
            "record": .string("serve_request"),
            "request_id": .string(requestID),
            "time": .string(time.description),
            "actor": .string(key.name),
            "role": .string(key.role.rawValue),
            "action": .string(action),
            "journal": journal.map { .string($0.name) } ?? .null,
            "event_id": .null,
            "status": .int(status),
            "outcome": .string(outcome),
            "error": .null,
            "allow_stale": .bool(allowStale),
        ]
    }
}
