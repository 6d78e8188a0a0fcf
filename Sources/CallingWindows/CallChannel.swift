/// How a call reaches the called party. Laws differ by channel: Oregon and Virginia brought texts under
/// their telemarketing laws in 2026, the TCPA's consent rules differ for prerecorded and autodialed
/// calls, and a rule may name the channels it governs (`channels:` in the rules file; none: every one).
///
/// A pipeline picks one per run (`campaign.channel`; `--channel` on `run`, `check` and `window`), and the
/// rule book is narrowed to it once, before any row is read (``RuleBook/restricted(to:)``).
public enum CallChannel: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// A live person speaks (the default).
    case voice
    /// A prerecorded or artificial voice message.
    case prerecorded
    /// A call placed by an automatic telephone dialing system.
    case autodialed
    /// A text message (SMS, MMS, RCS).
    case sms

    public var description: String { rawValue }

    /// The channel names, for error messages: `voice, prerecorded, autodialed, sms`.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
