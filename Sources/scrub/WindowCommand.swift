import ArgumentParser
import CallingWindows
import Foundation
import PhoneNumbers
import ScrubKit

struct WindowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "window",
        abstract: "Show when a number may be called on a date, and every rule and holiday that shaped it.",
        discussion: """
            The number's candidate time zones come from the numbering plan; --state and --postcode add \
            their zones and their state's rules. Where the location is ambiguous every candidate applies \
            and the window is their intersection, the most restrictive. Windows are printed as UTC \
            instants and in each zone's local time. Not legal advice: each rule is printed with its \
            source and confidence.
            """
    )

    @Argument(help: "The phone number (E.164 preferred; national formats use --country).")
    var number: String

    @Option(help: "The campaign date, YYYY-MM-DD: a local calendar day of the called party.")
    var date: String

    @Option(help: "ISO 3166 country for numbers written without a country code.")
    var country = "US"

    @Option(help: "The lead's state or province (FL, NSW, BC): adds its zones and its rules.")
    var state: String?

    @Option(help: "The lead's postcode (an Australian postcode gives its state).")
    var postcode: String?

    @Option(help: "Call purpose: telemarketing, telemarketing-consented or research.")
    var purpose = "telemarketing"

    @Option(help: "Call channel: voice, prerecorded, autodialed or sms. Rules of other channels are left out.")
    var channel = "voice"

    @Option(help: "A company rules file (YAML, rules of kind company) that narrows the windows.")
    var companyRules: String?

    @Flag(help: "Print the window, its rules, holidays and steps as JSON.")
    var json = false

    func validate() throws {
        guard LocalDate(date) != nil else { throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'") }
        guard CallChannel(rawValue: channel) != nil else {
            throw ValidationError("--channel must be one of \(CallChannel.names), got '\(channel)'")
        }
    }

    func run() throws {
        let book: RuleBook
        var company: [CallingRule] = []
        do {
            book = try RuleBook.bundled()
            if let companyRules {
                guard let data = FileManager.default.contents(atPath: companyRules) else {
                    printError("\(companyRules): error: cannot read the company rules file")
                    throw ExitCode(ExitStatus.noInput)
                }
                company = try book.parseCompanyRules(yaml: String(decoding: data, as: UTF8.self), file: companyRules)
            }
        } catch let error as CallingRulesError {
            printError(error.description)
            throw ExitCode(ExitStatus.configError)
        }
        guard book.purposes[CallPurpose(purpose)] != nil else {
            let known = book.purposes.keys.map(\.rawValue).sorted().joined(separator: ", ")
            throw ValidationError("--purpose must be one of \(known), got '\(purpose)'")
        }

        let phone: PhoneNumber
        switch PhoneNormalizer(defaultRegion: PhoneRegion(PlaceNames.country(country) ?? country)).normalize(number) {
        case .accepted(let accepted, _): phone = accepted
        case .rejected(let reason):
            printError("not a valid phone number: \(reason)")
            throw ExitCode(ExitStatus.dataError)
        }
        let request = WindowRequest.forLead(
            country: phone.region.code, numberZones: phone.timeZones,
            numberSubdivisions: phone.subdivision.map { [$0] } ?? [],
            numberFixesPlace: phone.lineType == .fixedLine || phone.lineType == .fixedLineOrMobile, state: state,
            postcode: postcode,
            purpose: CallPurpose(purpose), date: LocalDate(date)!)
        let window = CallingWindowCalculator(
            ruleBook: book, companyRules: company, channel: CallChannel(rawValue: channel)!
        ).window(for: request)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(window), as: UTF8.self))
        } else {
            print("Number: \(phone) (\(phone.region), \(phone.lineType))")
            print(window.explanation, terminator: "")
        }
    }
}
