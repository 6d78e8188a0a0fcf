/// What the rules read of one row: its phone field and where the lead says it is.
///
/// The phone bytes are valid only while the record they point into is; the consent columns are read
/// through a closure the decider is given, only when a rule needs them.
public struct RowFacts {
    /// The phone field as written.
    public var phone: UnsafeRawBufferPointer
    /// ISO 3166-1 alpha-2: the row's country, the default country, or ``unknownCountryCode``.
    public var country: String
    /// The country value as written, when it named no country (`country` is then `ZZ`): an
    /// `UNSUPPORTED_REGION` rejection says so rather than blaming the number.
    public var unknownCountry: String?
    public var location: LeadLocation
    /// The lead's person key (`input.person_column`) as a ``PersonKey`` subject; nil when the pipeline
    /// names no such column or the field is blank.
    public var personKey: UInt64?

    /// ISO 3166's "unknown": the country of a row whose country value names none.
    public static let unknownCountryCode = "ZZ"

    public init(
        phone: UnsafeRawBufferPointer, country: String, unknownCountry: String? = nil, location: LeadLocation,
        personKey: UInt64? = nil
    ) {
        self.phone = phone
        self.country = country
        self.unknownCountry = unknownCountry
        self.location = location
        self.personKey = personKey
    }
}
