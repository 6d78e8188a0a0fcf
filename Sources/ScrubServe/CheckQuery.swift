import CallingWindows
import Foundation
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules

/// One number to check, read from a `POST /v1/check` body: the fields `scrub check` takes as flags,
/// read as strictly as the flags are, so that the server and the command decide the same.
struct CheckQuery: Sendable {
    var request: CheckRequest
    /// The check time; nil: the time the request arrived.
    var at: UTCTime?
    /// How the number is to be called; nil: the pipeline's own channel (`campaign.channel`).
    var channel: CallChannel?
    /// Whether the answer carries the decision's trace (`"trace": true`); a dialer's check goes without.
    var explain = false

    /// The fields of one number's object.
    static let fields: Set<String> = [
        "number", "country", "state", "postcode", "consent_at", "ebr_date", "ebr_type", "current_contract", "at",
        "channel", "trace", "person",
    ]

    /// The most numbers one request may check.
    static let batchLimit = 1_000

    /// Reads one number's object (the body itself, or an item of `numbers`).
    init(_ body: JSONBody) throws(ServeError) {
        try body.allowOnly(Self.fields)
        func date(_ key: String) throws(ServeError) -> LocalDate? {
            guard let text = try body.string(key) else { return nil }
            guard let day = Array(text.utf8).withUnsafeBytes(LeadEvidence.date) else {
                throw .badRequest("must be a date YYYY-MM-DD or an ISO 8601 time", field: body.name(key))
            }
            return day
        }
        var relationship: LeadEvidence.Relationship?
        if let text = try body.string("ebr_type") {
            guard let kind = Array(text.utf8).withUnsafeBytes(LeadEvidence.relationship) else {
                throw .badRequest("must be purchase or inquiry", field: body.name("ebr_type"))
            }
            relationship = kind
        }
        let evidence = LeadEvidence(
            consentDay: try date("consent_at"), relationshipDay: try date("ebr_date"), relationship: relationship,
            hasCurrentContract: try body.bool("current_contract") ?? false)
        request = CheckRequest(
            try body.requiredString("number"), country: try body.string("country"), state: try body.string("state"),
            postcode: try body.string("postcode"), evidence: evidence)
        if let person = try body.string("person") {
            if let problem = PersonKey.problem(person) { throw .badRequest(problem, field: body.name("person")) }
            request.person = person
        }
        if let text = try body.string("at") {
            guard let time = UTCTime(parsing: Array(text.utf8)) else {
                throw .badRequest("must be a time such as 2026-12-01T15:00:00Z", field: body.name("at"))
            }
            at = time
        }
        if let text = try body.string("channel") {
            guard let named = CallChannel(rawValue: text) else {
                throw .badRequest("must be one of: \(CallChannel.names)", field: body.name("channel"))
            }
            channel = named
        }
        explain = try body.bool("trace") ?? false
    }

    /// Reads a whole body: one number's object, or `{"numbers": [...]}` with up to ``batchLimit``
    /// items, each a number's object or just the number as a string.
    ///
    /// - Returns: the queries, and whether the body was a batch (which is answered as one).
    static func parse(_ body: JSONBody) throws(ServeError) -> (queries: [CheckQuery], isBatch: Bool) {
        guard let items = try body.array("numbers") else { return ([try CheckQuery(body)], false) }
        try body.allowOnly(["numbers"])
        guard !items.isEmpty else { throw .badRequest("must hold at least one number", field: "numbers") }
        guard items.count <= batchLimit else {
            throw .badRequest(
                "holds \(items.count) numbers; one request checks at most \(batchLimit)", field: "numbers")
        }
        var queries: [CheckQuery] = []
        queries.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let path = "numbers[\(index)]"
            if let number = item as? String {
                queries.append(try CheckQuery(JSONBody(fields: ["number": number], path: path)))
            } else if let object = item as? [String: Any] {
                queries.append(try CheckQuery(JSONBody(fields: object, path: path)))
            } else {
                throw .badRequest("must be a number as a string or an object with `number`", field: path)
            }
        }
        return (queries, true)
    }
}
