import ArgumentParser
import Foundation
import PhoneNumbers
import ScrubIndex

struct RegistryLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Say whether numbers are listed in an index.",
        discussion: """
            Numbers are read from the arguments or, when none are given, from standard input, one a line, \
            streaming. Each output line holds the input, its E.164 form and whether it is listed; with \
            --json, one object a line: {"input", "e164", "listed"} (e164 and listed are null for an invalid \
            number). Numbers are written in E.164 form (+ and digits). The index's payload is checked against \
            its checksum before the first answer: a damaged index exits 65 and answers nothing.
            """
    )

    @Argument(help: "The index file.")
    var file: String

    @Option(help: "The region of numbers written in national form.")
    var country: String?

    @Flag(help: "Print one JSON object a line.")
    var json = false

    @Argument(help: "Numbers to look up; standard input when none are given.")
    var numbers: [String] = []

    func validate() throws {
        if let country, PhoneRegion(country) == nil {
            throw ValidationError("--country \(country) is not a supported region")
        }
    }

    /// One output line of `--json`; `e164` and `listed` are written as null, not left out.
    struct Answer: Encodable {
        var input: String
        var e164: String?
        var listed: Bool?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(input, forKey: .input)
            try container.encode(e164, forKey: .e164)
            try container.encode(listed, forKey: .listed)
        }

        enum CodingKeys: String, CodingKey { case input, e164, listed }
    }

    func run() throws {
        try reportingIndexErrors {
            let index = try IndexFile(path: file)
            // A damaged payload answers wrongly: check it whole before the first answer.
            try index.verifyChecksum()
            let normalizer = PhoneNormalizer(defaultRegion: country.flatMap { PhoneRegion($0) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            func answer(_ input: String) throws {
                let key = normalizer.normalize(input).number?.e164
                let listed = key.map { index.contains($0) }
                if json {
                    let answer = Answer(input: input, e164: key.map { "+\($0)" }, listed: listed)
                    print(String(decoding: try encoder.encode(answer), as: UTF8.self))
                } else {
                    let e164 = key.map { "+\($0)" } ?? "-"
                    let verdict = listed.map { $0 ? "listed" : "not listed" } ?? "invalid number"
                    print("\(input)\t\(e164)\t\(verdict)")
                }
            }
            if numbers.isEmpty {
                while let line = readLine(strippingNewline: true) {
                    try answer(line.hasSuffix("\r") ? String(line.dropLast()) : line)
                }
            } else {
                for number in numbers { try answer(number) }
            }
        }
    }
}
