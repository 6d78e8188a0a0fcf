/// The company's own do-not-call record: an append-only, hash-chained journal (JSON Lines) of
/// opt-out and re-consent events, each with its evidence.
///
/// Numbers are normalised to E.164 before anything is written; a command whose numbers are not all
/// valid writes nothing. The journal's current state (``OptOutState``) is compiled into a suppression
/// index for runs (``compile(to:name:scope:)``). The file is a ``HashChainedLog``, so
/// `scrub audit verify` checks it, and appends from concurrent commands are serialised by a lock.
/// See `docs/opt-outs.md`.
public struct OptOutJournal: Sendable {
    public let path: String
    /// The key that signs appended events; nil writes unsigned events.
    public let signer: SigningKey?

    public init(path: String, signer: SigningKey? = nil) {
        self.path = path
        self.signer = signer
    }

    var log: HashChainedLog { HashChainedLog(path: path, signer: signer) }

    /// Appends one event for each of `numbers`, after normalising them all.
    ///
    /// - Parameters:
    ///   - numbers: the numbers as given; national numbers are read in `country`.
    ///   - now: the recording time (and the event time unless `request` gives one).
    ///   - read: the normaliser, as a function of a field and its country.
    /// - Returns: the events appended, in order.
    /// - Throws: `RecordError` `.badData` naming every number that is not valid (by its position,
    ///   not its digits), `.configuration` for a request without evidence, reason or actor. Nothing is
    ///   appended then.
    @discardableResult
    public func record(
        _ numbers: [String], country: String, request: OptOutRequest, now: UTCTime, reading read: NumberReader
    ) throws -> [OptOutEvent] {
        if let problem = request.problem() { throw RecordError(.configuration, problem) }
        if let expiresAt = request.expiresAt, request.time == nil, expiresAt <= now {
            throw RecordError(.configuration, "the expiry \(expiresAt) is not after the request \(now)")
        }
        guard !numbers.isEmpty else { throw RecordError(.configuration, "give at least one number") }
        var events: [OptOutEvent] = []
        var refused: [String] = []
        for (index, number) in numbers.enumerated() {
            var field = number
            let reading = field.withUTF8 { read(UnsafeRawBufferPointer($0), country) }
            if case .e164(let e164) = reading {
                events.append(
                    OptOutEvent(
                        action: request.action, time: request.time ?? now, recordedAt: now, number: number,
                        e164: e164, scope: request.scope, channel: request.channel, reason: request.reason,
                        evidence: request.recordedEvidence, actor: request.actor, expiresAt: request.expiresAt,
                        approvedBy: request.approvedBy, person: request.person.map(PersonKey.trimmed)))
            } else if let refusal = reading.refusal {
                refused.append("number \(index + 1) \(refusal)")
            }
        }
        guard refused.isEmpty else {
            throw RecordError(
                .badData,
                refused.joined(separator: "; ")
                    + ". Nothing was added: correct the number (national numbers need --country) and run again",
                at: path)
        }
        try log.append(events.map(\.fields))
        return events
    }
}
