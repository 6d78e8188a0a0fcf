/// The outcome of normalising one input: a number (and any extension split off it), or a rejection.
public enum PhoneNormalization: Hashable, Sendable {
    case accepted(PhoneNumber, extension: PhoneExtension?)
    case rejected(PhoneRejection)

    /// The number when accepted.
    public var number: PhoneNumber? {
        if case .accepted(let number, _) = self { return number }
        return nil
    }

    /// The extension when accepted with one.
    public var phoneExtension: PhoneExtension? {
        if case .accepted(_, let phoneExtension) = self { return phoneExtension }
        return nil
    }

    /// The reason when rejected.
    public var rejection: PhoneRejection? {
        if case .rejected(let reason) = self { return reason }
        return nil
    }
}
