import PhoneNumbers
import Testing

/// Inputs made here from every number the corpus holds valid: the same number written in other styles
/// must give the same E.164 (and the extension back), whatever the default region.
@Suite("generated restylings of valid numbers")
struct GeneratedInputTests {
    static let idd: [(region: String, prefix: String)] = [
        ("US", "011"), ("CA", "011 "), ("GB", "00"), ("DE", "00 "), ("AU", "0011"), ("NZ", "0161 "), ("FI", "00"),
    ]

    /// Renders `+CCNNNN` in a style chosen by `seed`; returns the input and its default region.
    static func restyle(_ e164: String, seed: Int) -> (input: String, region: String) {
        let digits = String(e164.dropFirst())
        let spaced = stride(from: 0, to: digits.count, by: 3).map { start -> String in
            let from = digits.index(digits.startIndex, offsetBy: start)
            let to = digits.index(from, offsetBy: min(3, digits.count - start))
            return String(digits[from..<to])
        }
        let regions = ["US", "GB", "DE", "AU", "FR", "SE", "PL", "NZ"]
        switch seed % 8 {
        case 0: return ("+" + spaced.joined(separator: "\t"), regions[seed / 8 % regions.count])
        case 1: return ("tel:+" + spaced.joined(separator: "-"), regions[seed / 8 % regions.count])
        case 2:
            let wide = digits.unicodeScalars.map { String(Unicode.Scalar(0xFF10 + $0.value - 0x30)!) }.joined()
            return ("\u{FF0B}" + wide, regions[seed / 8 % regions.count])
        case 3:
            let arabic = digits.unicodeScalars.map { String(Unicode.Scalar(0x0660 + $0.value - 0x30)!) }.joined()
            return ("+" + arabic, regions[seed / 8 % regions.count])
        case 4:
            let (region, prefix) = idd[seed / 8 % idd.count]
            return (prefix + spaced.joined(separator: " "), region)
        case 5: return ("  +(" + spaced.joined(separator: ") ") + "  ", regions[seed / 8 % regions.count])
        case 6: return ("+" + spaced.joined(separator: "."), regions[seed / 8 % regions.count])
        default: return ("+" + spaced.joined(separator: " / "), regions[seed / 8 % regions.count])
        }
    }

    @Test("every valid corpus number, restyled eight ways, keeps its E.164")
    func restyledNumbersKeepTheirE164() throws {
        let numbers = Set(try CorpusRow.load("phone-normalization").compactMap(\.e164)).sorted()
        var failures: [String] = []
        var checked = 0
        for (index, e164) in numbers.enumerated() {
            for variant in 0..<8 {
                let (input, region) = Self.restyle(e164, seed: index * 8 + variant)
                let result = normalize(input, region)
                checked += 1
                if result.number?.description != e164 {
                    failures.append("\(input.debugDescription) in \(region) -> \(String(describing: result))")
                }
            }
        }
        for failure in failures.prefix(20) { print(failure) }
        #expect(failures.isEmpty, "\(failures.count) of \(checked) restyled inputs changed number")
    }

    @Test(
        "an extension in any label style comes back, and the number stays the same",
        arguments: [
            " x", " ext. ", ";ext=", " #", " extension ", ",,", " EXT: ", " anexo ",
        ])
    func extensionLabels(label: String) throws {
        let numbers = Set(try CorpusRow.load("phone-normalization").compactMap(\.e164)).sorted().prefix(500)
        for (index, e164) in numbers.enumerated() {
            let extensionDigits = String(index % 9 + 1) + String(index)
            let result = normalize(e164 + label + extensionDigits, "US")
            #expect(result.number?.description == e164)
            #expect(result.phoneExtension?.description == extensionDigits)
        }
    }
}
