/// One line of the opt-out journal: a person asked not to be called (``Action/optOut``), or agreed to
/// be called again (``Action/reconsent``), with who recorded it and the evidence.
public struct OptOutEvent: Sendable, Equatable {
    public enum Action: String, Sendable, Codable {
        /// Do not call this number (within the scope).
        case optOut = "opt_out"
        /// Lifts an earlier opt-out of the same scope; needs evidence like any event.
        case reconsent
    }

    /// The journal line format this code writes and reads.
    public static let formatVersion = 1

    public var action: Action
    /// When the person asked (a disposition's call time, a letter's date), not when it was recorded.
    public var time: UTCTime
    /// When the event was appended to the journal.
    public var recordedAt: UTCTime
    /// The number as it was given, before normalisation.
    public var number: String
    /// The number's E.164 digits as an integer: `+14155550123` is 14155550123.
    public var e164: UInt64
    public var scope: OptOutScope
    public var channel: OptOutChannel
    public var reason: String
    /// Where the request can be checked: a disposition row, a recording id, a ticket.
    public var evidence: String
    /// Who recorded it: an operator, or the system user that ran an import.
    public var actor: String
    /// When an opt-out stops binding, where the law sets a term (Washington's one year, Virginia's ten
    /// years for texts); nil: it binds until a re-consent. Opt-outs only.
    public var expiresAt: UTCTime?
    /// The second person who approved a re-consent, where the pipeline asks for two
    /// (`optouts.reconsent.approvals: 2`); ``actor`` proposed it. nil: one person recorded it.
    public var approvedBy: String?
    /// The person the event is about (a CRM contact id, trimmed), when it binds every number of that
    /// person and not just ``number`` (`applies_to: person`); nil: this number only.
    public var person: String?

    /// What the event binds, as the journal's state keys it: the number's E.164 digits, and the
    /// person's subject (``PersonKey``) when the event applies to the person.
    public var subjects: [UInt64] {
        guard let person, let subject = PersonKey.subject(person) else { return [e164] }
        return [e164, subject]
    }

    public init(
        action: Action, time: UTCTime, recordedAt: UTCTime, number: String, e164: UInt64, scope: OptOutScope,
        channel: OptOutChannel, reason: String, evidence: String, actor: String, expiresAt: UTCTime? = nil,
        approvedBy: String? = nil, person: String? = nil
    ) {
        self.action = action
        self.time = time
        self.recordedAt = recordedAt
        self.number = number
        self.e164 = e164
        self.scope = scope
        self.channel = channel
        self.reason = reason
        self.evidence = evidence
        self.actor = actor
        self.expiresAt = expiresAt
        self.approvedBy = approvedBy
        self.person = person
    }

    /// The record's fields as written to the journal (the chain adds `prev_sha256`).
    public var fields: [String: AuditValue] {
        var fields: [String: AuditValue] = [
            "version": .int(Self.formatVersion),
            "event": .string(action.rawValue),
            "time": .string(time.description),
            "recorded_at": .string(recordedAt.description),
            "number": .string(number),
            "e164": .string("+\(e164)"),
            "scope": .string(scope.name),
            "channel": .string(channel.rawValue),
            "reason": .string(reason),
            "evidence": .string(evidence),
            "actor": .string(actor),
        ]
        // Written only when set, so journals without expiries keep their bytes; a reader that does not
        // know the field keeps the opt-out for good, which is the safe side.
        if let expiresAt { fields["expires_at"] = .string(expiresAt.description) }
        if let approvedBy { fields["approved_by"] = .string(approvedBy) }
        if let person {
            fields["applies_to"] = .string("person")
            fields["person"] = .string(person)
        }
        return fields
    }

    /// Reads one journal line.
    ///
    /// - Returns: the event and the line's `prev_sha256`.
    /// - Throws: a message saying which field is wrong.
    static func parse(line: UnsafeRawBufferPointer) throws(EventParseError) -> (OptOutEvent, link: String) {
        guard let object = FlatJSONObject(line) else {
            throw EventParseError(message: "the line is not a flat JSON object")
        }
        func string(_ key: String) throws(EventParseError) -> String {
            switch object[key] {
            case .string(let text): return text
            case .int: throw EventParseError(message: "`\(key)` has the wrong type")
            case nil: throw EventParseError(message: "the event has no `\(key)`")
            }
        }
        func parsed<T>(_ key: String, _ read: (String) -> T?) throws(EventParseError) -> T {
            guard let value = read(try string(key)) else {
                throw EventParseError(message: "`\(key)` has an unknown value")
            }
            return value
        }
        guard case .int(let version) = object["version"] else {
            throw EventParseError(message: "the event has no `version` number")
        }
        guard version == Self.formatVersion else {
            throw EventParseError(
                message: "journal format version \(version) is not supported (this scrub reads \(Self.formatVersion))")
        }
        let e164Text = try string("e164")
        guard e164Text.hasPrefix("+"), let e164 = UInt64(e164Text.dropFirst()), e164 > 0 else {
            throw EventParseError(message: "`e164` is not an E.164 number")
        }
        var expiresAt: UTCTime?
        if object["expires_at"] != nil {
            expiresAt = try parsed("expires_at") { UTCTime(parsing: $0.utf8) }
        }
        let approvedBy = object["approved_by"] != nil ? try string("approved_by") : nil
        var person: String?
        let appliesTo = try object["applies_to"] == nil ? "number" : string("applies_to")
        switch appliesTo {
        case "number":
            guard object["person"] == nil else {
                throw EventParseError(message: "`person` is set but `applies_to` is not `person`")
            }
        case "person":
            let key = try string("person")
            if let problem = PersonKey.problem(key) { throw EventParseError(message: "`person`: \(problem)") }
            person = key
        default: throw EventParseError(message: "`applies_to` has an unknown value (number or person)")
        }
        let event = OptOutEvent(
            action: try parsed("event", Action.init(rawValue:)),
            time: try parsed("time") { UTCTime(parsing: $0.utf8) },
            recordedAt: try parsed("recorded_at") { UTCTime(parsing: $0.utf8) },
            number: try string("number"), e164: e164, scope: try parsed("scope", OptOutScope.init),
            channel: try parsed("channel", OptOutChannel.init(rawValue:)), reason: try string("reason"),
            evidence: try string("evidence"), actor: try string("actor"), expiresAt: expiresAt,
            approvedBy: approvedBy, person: person)
        return (event, try string(HashChainedLog.linkField))
    }
}

/// Why a journal line could not be read as an event.
struct EventParseError: Error {
    var message: String
}
