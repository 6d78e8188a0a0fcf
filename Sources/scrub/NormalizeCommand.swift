import ArgumentParser
import PhoneNumbers
import ScrubKit
import ScrubPipeline
import ScrubRecords

/// `scrub normalize`: phone numbers to E.164 with region, line type, subdivision, time zones and
/// extension, or the rejection reason. For operations, debugging and scripts.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalise phone numbers to E.164 (arguments, or standard input one a line).",
        discussion: """
            Each input gives one output line, in input order: the E.164 number, region, line type, \
            subdivision, time zones and extension, or `rejected` and the reason. Numbering-plan data: \
            libphonenumber \(PhoneNormalizer.metadataVersion).
            """
    )

    @Option(
        name: .long,
        help: "Region for national-format numbers (ISO 3166-1 alpha-2, e.g. US, GB; default: US, as for scrub run).")
    var country: String?

    @Flag(name: .long, help: "Print one JSON object per input line.")
    var json = false

    @Argument(help: "Numbers to normalise; read from standard input when none are given.")
    var numbers: [String] = []

    func validate() throws {
        if let country, PhoneRegion(country) == nil {
            throw ValidationError("--country must be a two-letter region code such as US or GB, not '\(country)'")
        }
    }

    func run() throws {
        // The same default as a pipeline without `default_country`, so normalize and run read a
        // national number alike.
        let normalizer = PhoneNormalizer(defaultRegion: PhoneRegion(country ?? PipelinePlan.standardDefaultCountry))
        if numbers.isEmpty {
            while let line = readLine(strippingNewline: true) {
                emit(line, normalizer.normalize(line))
            }
        } else {
            for number in numbers { emit(number, normalizer.normalize(number)) }
        }
    }

    private func emit(_ input: String, _ result: PhoneNormalization) {
        print(json ? Self.json(input, result) : Self.text(result))
    }

    static func text(_ result: PhoneNormalization) -> String {
        switch result {
        case .rejected(let reason):
            return "rejected\t\(reason)"
        case .accepted(let number, let phoneExtension):
            let zones = number.timeZones.joined(separator: ",")
            return [
                number.description, number.region.code, number.lineType.description, number.subdivision ?? "-",
                zones, phoneExtension.map { "ext \($0)" } ?? "-",
            ].joined(separator: "\t")
        }
    }

    static func json(_ input: String, _ result: PhoneNormalization) -> String {
        let number = result.number
        var fields = ["\"input\":\(quoted(input))"]
        fields.append("\"e164\":\(number.map { quoted($0.description) } ?? "null")")
        fields.append("\"region\":\(number.map { quoted($0.region.code) } ?? "null")")
        fields.append("\"line_type\":\(number.map { quoted($0.lineType.description) } ?? "null")")
        fields.append("\"subdivision\":\(number?.subdivision.map(quoted) ?? "null")")
        fields.append("\"timezones\":[\((number?.timeZones ?? []).map(quoted).joined(separator: ","))]")
        fields.append("\"extension\":\(result.phoneExtension.map { quoted($0.description) } ?? "null")")
        fields.append("\"reason\":\(result.rejection.map { quoted($0.description) } ?? "null")")
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// A JSON string literal, escaped as the audit log escapes it.
    private static func quoted(_ text: String) -> String {
        AuditValue.string(text).json
    }
}
