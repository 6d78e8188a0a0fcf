/// What an operator says about the numbers of one `scrub optout add` (or `reconsent`): every event
/// the command appends shares it.
public struct OptOutRequest: Sendable, Equatable {
    public var action: OptOutEvent.Action
    public var scope: OptOutScope
    public var channel: OptOutChannel
    public var reason: String
    /// Required unless `noEvidence`: a ticket, recording or disposition id, or a letter's reference.
    public var evidence: String
    /// The operator says there is no evidence to give (`--no-evidence`, opt-outs only): the events
    /// record ``noEvidenceText`` as their evidence, so the gap is visible, not silent.
    public var noEvidence = false
    public var actor: String
    /// When the person asked; nil means now.
    public var time: UTCTime?
    /// When the opt-outs stop binding (``OptOutEvent/expiresAt``); nil: until a re-consent.
    public var expiresAt: UTCTime?
    /// Who approved a re-consent that needs a second person (``OptOutEvent/approvedBy``).
    public var approvedBy: String?
    /// The person the numbers belong to (a CRM contact id), when the event binds every number of that
    /// person (``OptOutEvent/person``); nil: the numbers given only.
    public var person: String?

    public init(
        action: OptOutEvent.Action = .optOut, scope: OptOutScope = .all, channel: OptOutChannel, reason: String,
        evidence: String, actor: String, time: UTCTime? = nil
    ) {
        self.action = action
        self.scope = scope
        self.channel = channel
        self.reason = reason
        self.evidence = evidence
        self.actor = actor
        self.time = time
    }

    /// What an event recorded with `--no-evidence` holds as its evidence.
    public static let noEvidenceText = "none: recorded with --no-evidence"

    /// The evidence the events record.
    var recordedEvidence: String {
        noEvidence ? Self.noEvidenceText : evidence
    }

    /// The first thing wrong with the request, or nil.
    func problem() -> String? {
        if noEvidence {
            if action == .reconsent { return "re-consent always needs evidence: --no-evidence is for opt-outs" }
            if !evidence.isEmpty { return "give --evidence or --no-evidence, not both" }
        } else if evidence.allSatisfy(\.isWhitespace) {
            return action == .reconsent
                ? "re-consent needs evidence (a recording, a signed form, a ticket): give --evidence"
                : "an opt-out needs evidence (a ticket, a recording or disposition id): give --evidence, or "
                    + "--no-evidence when there is none (it is recorded as such)"
        }
        if let expiresAt {
            if action == .reconsent { return "an expiry is for opt-outs: a re-consent has none" }
            if let time, expiresAt <= time { return "the expiry \(expiresAt) is not after the request \(time)" }
        }
        if let approvedBy {
            if action != .reconsent { return "an approval is for re-consents: an opt-out needs none" }
            if approvedBy.allSatisfy(\.isWhitespace) { return "the approver is empty" }
            if approvedBy == actor { return "\(actor) proposed this re-consent: a second person must approve it" }
        }
        if let person, let problem = PersonKey.problem(person) { return problem }
        if reason.allSatisfy(\.isWhitespace) { return "give a --reason" }
        if actor.allSatisfy(\.isWhitespace) { return "the actor is empty: give --actor" }
        return nil
    }
}
