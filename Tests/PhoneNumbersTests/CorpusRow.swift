import Foundation
import PhoneNumbers

/// One line of `phone-normalization.jsonl`: a messy input and libphonenumber's answers for it.
struct CorpusRow {
    var input: String
    var defaultRegion: String
    var style: String
    /// libphonenumber's E.164 when it calls the input valid, else nil.
    var e164: String?
    var region: String?
    var type: String
    var timeZones: [String]
    var phoneExtension: String?

    /// The corpus rows, with `tabs`-style rows replaced by libphonenumber's answers for their tab-free
    /// form (`phone-normalization-tabs.jsonl`, made by `Scripts/make-tabs-oracle.py`).
    static func load(_ name: String) throws -> [CorpusRow] {
        let tabFree = try Dictionary(
            lines("phone-normalization-tabs").map { ($0["input"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
        return try lines(name).dropFirst().map { object in
            var row = CorpusRow(
                input: object["input"] as! String, defaultRegion: object["default_region"] as! String,
                style: object["style"] as! String, e164: object["e164"] as? String, region: object["region"] as? String,
                type: object["type"] as! String, timeZones: object["timezones"] as? [String] ?? [],
                phoneExtension: object["extension"] as? String)
            if row.style.hasPrefix("tabs"), let answer = tabFree[row.input] {
                row.e164 = answer["e164"] as? String
                row.region = answer["region"] as? String
                row.type = answer["type"] as! String
                row.timeZones = answer["timezones"] as? [String] ?? []
                row.phoneExtension = answer["extension"] as? String
            }
            if row.e164 == nil { row.phoneExtension = nil }
            // libphonenumber keeps an extension's digits as written (full-width, Arabic-Indic); we report
            // ASCII digits, so compare on those.
            row.phoneExtension = row.phoneExtension.map(asciiDigits)
            return row
        }
    }

    private static func lines(_ name: String) throws -> [[String: Any]] {
        let url = Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Resources")!
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }
}

/// Decimal digits of any script as ASCII digits; other characters unchanged.
func asciiDigits(_ text: String) -> String {
    String(
        text.unicodeScalars.map { scalar in
            if let value = scalar.properties.numericType == .decimal ? scalar.properties.numericValue : nil {
                return Character(String(Int(value)))
            }
            return Character(scalar)
        })
}
