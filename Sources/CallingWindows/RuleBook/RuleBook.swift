import Foundation

/// The validated rules and holiday calendars a run uses: the rules file and calendar file, resolved.
///
/// Load it once per run (`RuleBook.bundled()`, or from files a pipeline names), then hand it to a
/// `CallingWindowCalculator`.
public struct RuleBook: Sendable {
    /// The rules file's `version` (its schema version; the content's history is in `changelog`).
    public let version: Int
    /// Every purpose the rules file declares, with what it means.
    public let purposes: [CallPurpose: String]
    public let changelog: [ChangeLogEntry]
    public let rules: [CallingRule]
    public let calendars: [String: HolidayCalendar]
    /// The channel the rules were narrowed to (``restricted(to:)``); nil: every rule, whatever its channels.
    public let channel: CallChannel?

    public init(
        rulesYAML: String, rulesFile: String, calendarsYAML: String, calendarsFile: String
    )
        throws(CallingRulesError)
    {
        let (_, calendars) = try HolidayCalendar.load(yaml: calendarsYAML, file: calendarsFile)
        let parsed = try RuleBook.parseRules(yaml: rulesYAML, file: rulesFile, calendars: calendars)
        self.version = parsed.version
        self.purposes = parsed.purposes
        self.changelog = parsed.changelog
        self.rules = parsed.rules
        self.calendars = calendars
        self.channel = nil
    }

    private init(_ book: RuleBook, channel: CallChannel) {
        version = book.version
        purposes = book.purposes
        changelog = book.changelog
        rules = book.rules.filter { $0.applies(to: channel) }
        calendars = book.calendars
        self.channel = channel
    }

    /// The book with only the rules that govern `channel`: done once per plan, like the purpose's
    /// filter is per window, so no row pays for it, and a rule of another channel is in no explanation.
    /// Narrowing a narrowed book keeps only the rules that govern both channels.
    public func restricted(to channel: CallChannel) -> RuleBook { RuleBook(self, channel: channel) }

    /// The rules and calendars that ship with this build (`Sources/CallingWindows/Resources`).
    public static func bundled() throws(CallingRulesError) -> RuleBook {
        let rules = try bundledText("calling-rules")
        let calendars = try bundledText("holiday-calendars")
        return try RuleBook(
            rulesYAML: rules.text, rulesFile: rules.name, calendarsYAML: calendars.text,
            calendarsFile: calendars.name)
    }

    /// Loads a rules file and a calendar file from disk (a pipeline's own copies).
    public static func load(rulesFile: String, calendarsFile: String) throws(CallingRulesError) -> RuleBook {
        try RuleBook(
            rulesYAML: try read(rulesFile), rulesFile: rulesFile, calendarsYAML: try read(calendarsFile),
            calendarsFile: calendarsFile)
    }

    /// The rules in force for a called party in `country` (with any candidate `subdivisions`), for
    /// `purpose` on `date`, in file order, company rules last.
    ///
    /// A `default` rule is used only when no `law` or `guidance` rule of that country applies.
    public func applicableRules(
        country: String, subdivisions: [String], purpose: CallPurpose, date: LocalDate,
        companyRules: [CallingRule] = []
    ) -> [CallingRule] {
        let matching = rules.filter {
            $0.covers(country: country, subdivisions: subdivisions) && $0.applies(to: purpose) && $0.isInForce(on: date)
        }
        let hasLaw = matching.contains { $0.kind == .law || $0.kind == .guidance }
        let legal = matching.filter { $0.kind != .default || !hasLaw }
        let company = companyRules.filter {
            $0.covers(country: country, subdivisions: subdivisions) && $0.applies(to: purpose) && $0.isInForce(on: date)
        }
        return legal + company
    }

    /// The countries some rule covers (ISO alpha-2), sorted.
    public var supportedCountries: [String] {
        Set(rules.flatMap { $0.jurisdictions.map(\.country) }).subtracting(["*"]).sorted()
    }

    private static func bundledText(_ name: String) throws(CallingRulesError) -> (name: String, text: String) {
        guard let url = Bundle.module.url(forResource: name, withExtension: "yaml") else {
            throw CallingRulesError(file: "\(name).yaml", message: "the bundled file is missing from this build")
        }
        return ("\(name).yaml", try read(url.path))
    }

    private static func read(_ path: String) throws(CallingRulesError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CallingRulesError(file: path, message: "cannot read the file; check the path and permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CallingRulesError(file: path, message: "the file is not UTF-8 text")
        }
        return text
    }
}
