import ScrubIO

/// Renders lead rows as CSV records: the 12 columns of `SampleData/leads.csv.gz`, with messy phone
/// formats, addresses holding commas and line breaks, names holding quotes, and bad numbers.
///
/// One row buffer is reused for every row, so writing allocates nothing per row. A struct, so the
/// buffers it mutates for every byte are not class properties paying dynamic exclusivity checks.
struct SampleLeadWriter {
    private let generator: SampleGenerator
    private let csv: CSVWriter
    private var row = RowBuffer()
    private var digits = [UInt8](repeating: 0, count: 20)

    init(generator: SampleGenerator, csv: CSVWriter) {
        self.generator = generator
        self.csv = csv
    }

    func writeHeader() throws(ScrubIOError) {
        try csv.write(fields: SampleGenerator.leadColumns.map { Array($0.utf8) })
    }

    func finish() throws(ScrubIOError) {
        try csv.finish()
    }

    /// Writes lead `row` (0-based; its id is `row + 1`), a repeat of `base` when they differ.
    mutating func writeRow(
        _ index: Int, base: Int, region regionIndex: Int, kind: SampleGenerator.NumberKind
    )
        throws(ScrubIOError)
    {
        let region = generator.regions[regionIndex]
        // The person comes from the original row; how this row writes the number, from this row.
        var person = generator.random.stream(.person, UInt64(base))
        var style = generator.random.stream(.style, UInt64(index))
        let first = person.pick(Names.first)
        let last = person.pick(Names.last)
        let place = person.pick(region.places)
        let street = person.pick(region.streets)
        let house = UInt64(1 + person.below(1999))
        let apartment = person.chance(0.12) ? UInt64(1 + person.below(60)) : nil
        let building: UInt8? = person.chance(0.02) ? UInt8(ascii: "A") + UInt8(person.below(4)) : nil
        let emailSuffix = person.chance(0.4) ? UInt64(person.below(100)) : nil

        row.reset()
        row.appendDecimal(UInt64(index + 1))
        row.endField()
        row.append(first.display)
        row.endField()
        row.append(last.display)
        row.endField()
        switch kind {
        case .valid:
            let number = generator.number(ofBase: base, region: regionIndex)
            let plan = region.plans[number.plan]
            appendPhone(number.national, length: plan.length, template: style.pick(plan.templates), style: &style)
        case .invalid:
            appendPhone(0, length: 0, template: style.pick(Self.invalidTemplates), style: &style)
        case .empty:
            break
        }
        row.endField()
        row.append(first.email)
        row.append(UInt8(ascii: "."))
        row.append(last.email)
        if let emailSuffix { row.appendDecimal(emailSuffix) }
        row.append(Self.emailDomain)
        row.endField()
        if region.numberAfterStreet {
            row.append(street)
            row.append(UInt8(ascii: " "))
            row.appendDecimal(house)
        } else {
            row.appendDecimal(house)
            row.append(UInt8(ascii: " "))
            row.append(street)
        }
        if let apartment {
            row.append(Self.apartment)
            row.appendDecimal(apartment)
        }
        if let building {
            row.append(Self.building)
            row.append(building)
        }
        row.endField()
        row.append(place.city)
        row.endField()
        row.append(place.state)
        row.endField()
        for byte in place.postcode {
            switch byte {
            case UInt8(ascii: "#"): row.append(UInt8(ascii: "0") + UInt8(person.below(10)))
            case UInt8(ascii: "A"): row.append(UInt8(ascii: "A") + UInt8(person.below(26)))
            default: row.append(byte)
            }
        }
        row.endField()
        row.append(region.codeBytes)
        row.endField()
        row.append(style.pick(Self.sources))
        row.endField()
        appendTimestamp(&style)
        row.endField()
        try row.write(to: csv)
    }

    /// Fills `template`: `#` takes the next digit of the `length`-digit `national` number, `@` a random digit.
    private mutating func appendPhone(
        _ national: UInt64, length: Int, template: [UInt8], style: inout SampleRandom.Stream
    ) {
        var value = national
        for index in stride(from: length - 1, through: 0, by: -1) {
            digits[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        var next = 0
        for byte in template {
            switch byte {
            case UInt8(ascii: "#"):
                row.append(digits[next])
                next += 1
            case UInt8(ascii: "@"):
                row.append(UInt8(ascii: "0") + UInt8(style.below(10)))
            default:
                row.append(byte)
            }
        }
    }

    /// `2026-MM-DDTHH:MM:SSZ`.
    private mutating func appendTimestamp(_ style: inout SampleRandom.Stream) {
        row.append(Self.year)
        row.appendDecimal(UInt64(1 + style.below(12)), width: 2)
        row.append(UInt8(ascii: "-"))
        row.appendDecimal(UInt64(1 + style.below(28)), width: 2)
        row.append(UInt8(ascii: "T"))
        row.appendDecimal(UInt64(style.below(24)), width: 2)
        row.append(UInt8(ascii: ":"))
        row.appendDecimal(UInt64(style.below(60)), width: 2)
        row.append(UInt8(ascii: ":"))
        row.appendDecimal(UInt64(style.below(60)), width: 2)
        row.append(UInt8(ascii: "Z"))
    }

    /// What people type into a phone field that is not a phone number (`@` is a random digit).
    static let invalidTemplates: [[UInt8]] = [
        "n/a", "N/A", "unknown", "call me", "-", "TBD", "none", "@@@@@", "555-@@@", "(1@@) @@@-@@@@", "+999 @@@@ @@@@",
        "@@@@@@@@@@@@@@@@@@", "0", "ask for Jim", "+1 (@@@) @@@", "0@@ @@",
    ].map { Array($0.utf8) }

    static let sources: [[UInt8]] = ["webform", "tradeshow", "partner", "referral", "import-2025", "purchased-list"]
        .map { Array($0.utf8) }
    private static let emailDomain = Array("@example.com".utf8)
    private static let apartment = Array(", Apt ".utf8)
    private static let building = Array("\nBuilding ".utf8)
    private static let year = Array("2026-".utf8)
}

/// First and last names, as written and as used in an e-mail address.
enum Names {
    struct Name: Sendable {
        var display: [UInt8]
        var email: [UInt8]

        init(_ display: String, _ email: String) {
            self.display = Array(display.utf8)
            self.email = Array(email.utf8)
        }
    }

    static let first: [Name] = [
        Name("Ada", "ada"), Name("Grace", "grace"), Name("Alan", "alan"), Name("Linus", "linus"),
        Name("Margaret", "margaret"), Name("Dennis", "dennis"), Name("Barbara", "barbara"), Name("Ken", "ken"),
        Name("Frances", "frances"), Name("Edsger", "edsger"), Name("Sophie", "sophie"), Name("Lucas", "lucas"),
        Name("Chloé", "chloe"), Name("Noah", "noah"), Name("Olivia", "olivia"), Name("Jack", "jack"),
        Name("Isla", "isla"), Name("Mia", "mia"), Name("Liam", "liam"), Name("Zoë", "zoe"), Name("José", "jose"),
        Name("Søren", "soren"), Name("Aoife", "aoife"), Name("Siobhán", "siobhan"), Name("Mateo", "mateo"),
        Name("Giulia", "giulia"), Name("Lena", "lena"), Name("Jan", "jan"), Name("Emma", "emma"),
        Name("Robert \"Bob\"", "bob"),
    ]

    static let last: [Name] = [
        Name("Lovelace", "lovelace"), Name("Hopper", "hopper"), Name("Turing", "turing"), Name("Torvalds", "torvalds"),
        Name("Hamilton", "hamilton"), Name("Ritchie", "ritchie"), Name("Liskov", "liskov"),
        Name("Thompson", "thompson"), Name("Allen", "allen"), Name("Dijkstra", "dijkstra"), Name("Martin", "martin"),
        Name("Bernard", "bernard"), Name("Dubois", "dubois"), Name("Smith", "smith"), Name("Brown", "brown"),
        Name("Wilson", "wilson"), Name("Taylor", "taylor"), Name("O'Brien", "obrien"), Name("Nguyen", "nguyen"),
        Name("Müller", "mueller"), Name("García", "garcia"), Name("Rossi", "rossi"), Name("de Vries", "devries"),
        Name("Murphy", "murphy"), Name("Schmidt", "schmidt"), Name("Fernández", "fernandez"),
        Name("Bianchi", "bianchi"), Name("Jansen", "jansen"), Name("Walsh", "walsh"), Name("Smith, Jr.", "smith"),
    ]
}

/// One record's fields, back to back, reused from row to row.
private struct RowBuffer {
    var bytes: [UInt8] = []
    var ends: [Int] = []

    init() {
        bytes.reserveCapacity(512)
        ends.reserveCapacity(16)
    }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    @inline(__always)
    mutating func append(_ more: [UInt8]) {
        bytes.append(contentsOf: more)
    }

    /// Appends `value` in decimal, zero-padded to `width` digits.
    mutating func appendDecimal(_ value: UInt64, width: Int = 1) {
        var divisor: UInt64 = 1
        var digits = 1
        while digits < width || value / divisor >= 10 {
            divisor *= 10
            digits += 1
        }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
            divisor /= 10
        }
    }

    mutating func endField() {
        ends.append(bytes.count)
    }

    func write(to csv: CSVWriter) throws(ScrubIOError) {
        bytes.withUnsafeBytes { all in
            var start = 0
            for end in ends {
                csv.appendField(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
        try csv.endRecord()
    }
}
