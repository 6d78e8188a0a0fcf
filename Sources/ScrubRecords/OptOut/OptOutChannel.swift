/// How a person said they do not want to be called (or, for re-consent, that they do again).
public enum OptOutChannel: String, Sendable, CaseIterable, Codable {
    /// On a call: an agent's disposition or a recorded request.
    case call
    case sms
    case email
    /// A web form or preference centre.
    case web
    case letter
    /// A complaint, to the company or through a regulator.
    case complaint
}
