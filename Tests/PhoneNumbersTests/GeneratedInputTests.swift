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

/// Random bytes and random phone-like text: nothing traps, and whatever is accepted is a fixed point
/// (its own E.164 normalises to itself, in any default region).
@Suite("random input")
struct RandomInputTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
    }

    static let alphabet: [String] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "1", "4", "7", "+", " ", "-", ".", "(", ")", "/",
        "\t", "x", "ext", "#", ";", ",", "tel:", ";phone-context=", "*", "~", "A", "Z", "é", "\u{FF11}", "\u{0663}",
        "\u{2013}", "\u{00A0}", "00", "011", "0011", "44", "1", ";ext=", "\u{0000}", "_",
    ]

    @Test("phone-like noise never traps and accepted numbers are fixed points", arguments: [1, 2, 3, 4])
    func noise(seed: Int) {
        var random = Generator(state: UInt64(seed))
        let regions = ["US", "GB", "DE", "AU", "FR", "IT", "NZ", "FI", "CA", "ZZ"]
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<random.next(24) { text += Self.alphabet[random.next(Self.alphabet.count)] }
            let region = regions[random.next(regions.count)]
            if let number = normalize(text, region).number {
                let again = normalize(number.description, regions[random.next(regions.count)]).number
                #expect(again == number, "\(text.debugDescription) in \(region)")
                #expect(again?.region == number.region && again?.lineType == number.lineType)
            }
        }
    }

    @Test("arbitrary bytes, including invalid UTF-8 and over-long input, never trap")
    func arbitraryBytes() {
        var random = Generator(state: 99)
        let normalizer = PhoneNormalizer(defaultRegion: PhoneRegion("US"))
        for _ in 0..<5_000 {
            let bytes = (0..<random.next(300)).map { _ in UInt8(random.next(256)) }
            _ = normalizer.normalize(bytes)
        }
    }
}
