import Foundation

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

    public init(
        action: Action, time: UTCTime, recordedAt: UTCTime, number: String, e164: UInt64, scope: OptOutScope,
        channel: OptOutChannel, reason: String, evidence: String, actor: String
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
    }

    /// The record's fields as written to the journal (the chain adds `prev_sha256`).
    public var fields: [String: AuditValue] {
        [
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
    }

    /// Reads one journal line.
    ///
    /// - Returns: the event and the line's `prev_sha256`.
    /// - Throws: a message saying which field is wrong.
    static func parse(
        line: UnsafeRawBufferPointer, decoder: JSONDecoder = JSONDecoder()
    ) throws(EventParseError) -> (OptOutEvent, link: String) {
        let stored: Stored
        do {
            stored = try decoder.decode(Stored.self, from: Data(line))
        } catch DecodingError.keyNotFound(let key, _) {
            throw EventParseError(message: "the event has no `\(key.stringValue)`")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            throw EventParseError(
                message: "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` "
                    + "has the wrong type")
        } catch DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty {
            throw EventParseError(
                message: "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` "
                    + "has an unknown value")
        } catch {
            throw EventParseError(message: "the line is not a JSON object")
        }
        guard stored.version == Self.formatVersion else {
            throw EventParseError(
                message: "journal format version \(stored.version) is not supported (this scrub "
                    + "reads \(Self.formatVersion))")
        }
        guard let time = UTCTime(parsing: stored.time.utf8) else {
            throw EventParseError(message: "`time` is not a UTC time")
        }
        guard let recordedAt = UTCTime(parsing: stored.recorded_at.utf8) else {
            throw EventParseError(message: "`recorded_at` is not a UTC time")
        }
        guard stored.e164.hasPrefix("+"), let e164 = UInt64(stored.e164.dropFirst()), e164 > 0 else {
            throw EventParseError(message: "`e164` is not an E.164 number")
        }
        guard let scope = OptOutScope(stored.scope) else {
            throw EventParseError(message: "`scope` is not a scope name")
        }
        let event = OptOutEvent(
            action: stored.event, time: time, recordedAt: recordedAt, number: stored.number, e164: e164,
            scope: scope, channel: stored.channel, reason: stored.reason, evidence: stored.evidence,
            actor: stored.actor)
        return (event, stored.prev_sha256)
    }

    /// A journal line as JSON; field names as written.
    private struct Stored: Decodable {
        var version: Int
        var event: Action
        var time: String
        var recorded_at: String
        var number: String
        var e164: String
        var scope: String
        var channel: OptOutChannel
        var reason: String
        var evidence: String
        var actor: String
        var prev_sha256: String
    }
}

/// Why a journal line could not be read as an event.
struct EventParseError: Error {
    var message: String
}
