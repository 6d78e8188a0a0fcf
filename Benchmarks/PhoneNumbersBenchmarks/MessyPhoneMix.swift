/// A deterministic, realistic mix of what lead files' phone columns hold: mostly national and
/// international numbers with assorted separators, some extensions, IDD prefixes, `tel:` URIs,
/// full-width digits, vanity numbers, blanks and junk. Generated here, so no data file is needed.
struct MessyPhoneMix {
    struct Input {
        var bytes: [UInt8]
        var region: Int
    }

    static let regions = ["US", "CA", "GB", "DE", "FR", "AU", "IT", "ES", "NL", "SE"]

    /// A few real-looking national significant numbers per region (digits after the trunk prefix).
    static let templates: [String: (cc: String, trunk: String, nsn: [String])] = [
        "US": ("1", "1", ["415555XXXX", "201555XXXX", "312555XXXX", "800555XXXX"]),
        "CA": ("1", "1", ["416555XXXX", "604555XXXX", "514555XXXX"]),
        "GB": ("44", "0", ["20794XXXXX", "7700900XXX", "1614960XXX", "800XXXXXXX"]),
        "DE": ("49", "0", ["30XXXXXXXX", "151XXXXXXXX", "89XXXXXXX"]),
        "FR": ("33", "0", ["1XXXXXXXX", "6XXXXXXXX", "7XXXXXXXX"]),
        "AU": ("61", "0", ["2XXXXXXXX", "4XXXXXXXX", "3XXXXXXXX"]),
        "IT": ("39", "", ["06XXXXXXXX", "3XXXXXXXXX", "02XXXXXXXX"]),
        "ES": ("34", "", ["91XXXXXXX", "6XXXXXXXX"]),
        "NL": ("31", "0", ["20XXXXXXX", "6XXXXXXXX"]),
        "SE": ("46", "0", ["8XXXXXXX", "7XXXXXXXX"]),
    ]

    /// `count` inputs from a fixed seed.
    static func make(count: Int, seed: UInt64 = 0x5EED) -> [Input] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var inputs: [Input] = []
        inputs.reserveCapacity(count)
        for _ in 0..<count {
            let regionIndex = next() % regions.count
            let region = regions[regionIndex]
            let plan = templates[region]!
            var nsn = ""
            for ch in plan.nsn[next() % plan.nsn.count] {
                nsn.append(ch == "X" ? Character(String(next() % 10)) : ch)
            }
            let national = plan.trunk == "1" ? nsn : plan.trunk + nsn
            let grouped = group(national, sizes: [3, 3, 4])
            var text: String
            switch next() % 100 {
            case 0..<22: text = grouped.joined(separator: " ")
            case 22..<34: text = "+" + plan.cc + nsn
            case 34..<44: text = "+" + plan.cc + " " + group(nsn, sizes: [3, 3, 4]).joined(separator: " ")
            case 44..<52:
                text =
                    region == "US" || region == "CA"
                    ? "(\(nsn.prefix(3))) \(nsn.dropFirst(3).prefix(3))-\(nsn.suffix(4))"
                    : grouped.joined(separator: "-")
            case 52..<60: text = national
            case 60..<65: text = grouped.joined(separator: ".")
            case 65..<70: text = grouped.joined(separator: " ") + " ext. " + String(next() % 9000 + 100)
            case 70..<74:
                text =
                    (region == "US" || region == "CA" ? "011 " : "00 ") + "44 20 7946 " + String(next() % 9000 + 1000)
            case 74..<77: text = "tel:+" + plan.cc + "-" + group(nsn, sizes: [3, 3, 4]).joined(separator: "-")
            case 77..<80: text = "+" + plan.cc + " (0)" + nsn
            case 80..<82:
                text =
                    "\u{FF0B}" + plan.cc
                    + nsn.unicodeScalars.map { String(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) }.joined()
            case 82..<84: text = "1-800-FLOWERS"
            case 84..<88: text = ""
            case 88..<92: text = ["n/a", "none", "unknown", "refused", "-"][next() % 5]
            case 92..<96: text = String(nsn.prefix(next() % 6 + 2))
            default: text = national + String(next() % 1000)
            }
            if next() % 20 == 0 { text = "  " + text + " " }
            inputs.append(Input(bytes: Array(text.utf8), region: regionIndex))
        }
        return inputs
    }

    private static func group(_ digits: String, sizes: [Int]) -> [String] {
        var out: [String] = []
        var rest = Substring(digits)
        for size in sizes where !rest.isEmpty {
            out.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        if !rest.isEmpty { out[out.count - 1] += rest }
        return out
    }
}
