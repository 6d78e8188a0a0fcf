/// Canonical ASCII for the characters libphonenumber gives meaning to.
///
/// The normaliser first rewrites its UTF-8 input into one byte per Unicode scalar: decimal digits of
/// any supported script become ASCII digits, the plus, dash, space, bracket, dot, slash and tilde
/// variants in libphonenumber's `VALID_PUNCTUATION` become their ASCII forms, ASCII passes through,
/// and anything else becomes `word` (a letter or number libphonenumber does not interpret) or `other`.
/// All later steps are then byte comparisons.
enum PhoneText {
    /// A letter or digit outside the sets above (`\w` but meaningless to a phone number).
    static let word: UInt8 = 0x01
    /// Anything else outside ASCII.
    static let other: UInt8 = 0x02
    /// `ó`, which the Spanish extension label `extensión` uses.
    static let oAcute: UInt8 = 0x03
    /// Dashes other than ASCII `-` (U+2010-2015, U+2212, U+30FC, U+FF0D): punctuation, but not the `-`
    /// of an extension separator.
    static let otherDash: UInt8 = 0x04
    /// U+3000, U+00AD, U+200B, U+2060: punctuation, but not an extension separator.
    static let otherSpace: UInt8 = 0x05
    /// U+00A0: punctuation and an extension separator, but not the space of `- 503#`.
    static let noBreakSpace: UInt8 = 0x06
    /// libphonenumber refuses longer inputs (`_MAX_INPUT_STRING_LENGTH`).
    static let maximumScalars = 250

    /// Rewrites `input` into `output` (capacity at least `maximumScalars`); returns the scalar count, or
    /// nil when the input has more than `maximumScalars` scalars.
    static func canonicalize(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var count = 0
        var index = 0
        let end = input.count
        while index < end {
            guard count < maximumScalars else { return nil }
            let lead = input[index]
            if lead < 0x80 {
                output[count] = lead < 0x20 && lead != 0x09 ? other : lead
                count += 1
                index += 1
                continue
            }
            var scalar: UInt32
            var length: Int
            switch lead {
            case 0xC2...0xDF: scalar = UInt32(lead & 0x1F); length = 2
            case 0xE0...0xEF: scalar = UInt32(lead & 0x0F); length = 3
            case 0xF0...0xF4: scalar = UInt32(lead & 0x07); length = 4
            default: scalar = 0; length = 0
            }
            var valid = length > 0 && index + length <= end
            if valid {
                for offset in 1..<length {
                    let byte = input[index + offset]
                    if byte & 0xC0 != 0x80 { valid = false; break }
                    scalar = scalar << 6 | UInt32(byte & 0x3F)
                }
            }
            if !valid {
                output[count] = other
                count += 1
                index += 1
                continue
            }
            output[count] = map(scalar)
            count += 1
            index += length
        }
        return count
    }

    /// The canonical byte for a non-ASCII scalar.
    static func map(_ scalar: UInt32) -> UInt8 {
        switch scalar {
        case 0xFF10...0xFF19: return UInt8(0x30 + scalar - 0xFF10)  // full-width digits
        case 0x0660...0x0669: return UInt8(0x30 + scalar - 0x0660)  // Arabic-Indic
        case 0x06F0...0x06F9: return UInt8(0x30 + scalar - 0x06F0)  // Extended Arabic-Indic (Persian, Urdu)
        case 0x0966...0x096F: return UInt8(0x30 + scalar - 0x0966)  // Devanagari
        case 0x09E6...0x09EF: return UInt8(0x30 + scalar - 0x09E6)  // Bengali
        case 0xFF0B: return UInt8(ascii: "+")
        case 0x2010...0x2015, 0x2212, 0x30FC, 0xFF0D: return otherDash
        case 0x00AD, 0x200B, 0x2060, 0x3000: return otherSpace
        case 0x00A0: return noBreakSpace
        case 0xFF0E: return UInt8(ascii: ".")
        case 0xFF0F: return UInt8(ascii: "/")
        case 0xFF08: return UInt8(ascii: "(")
        case 0xFF09: return UInt8(ascii: ")")
        case 0xFF3B: return UInt8(ascii: "[")
        case 0xFF3D: return UInt8(ascii: "]")
        case 0x2053, 0x223C, 0xFF5E: return UInt8(ascii: "~")
        case 0xFF03: return UInt8(ascii: "#")
        case 0xFF58: return UInt8(ascii: "x")
        case 0x00F3: return oAcute
        default:
            guard let unicode = Unicode.Scalar(scalar) else { return other }
            let properties = unicode.properties
            return properties.isAlphabetic || properties.numericType != nil ? word : other
        }
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// `\w` in libphonenumber's trailing-character rule (letters, digits, underscore, other scripts).
    @inline(__always) static func isWord(_ byte: UInt8) -> Bool {
        isDigit(byte) || isASCIILetter(byte) || byte == word || byte == oAcute || byte == UInt8(ascii: "_")
    }

    /// `VALID_PUNCTUATION` (matched case-insensitively, so `X` too), plus the tab we accept as a separator.
    @inline(__always) static func isPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: " "), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "."), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "/"),
            UInt8(ascii: "~"), 0x09, otherDash, otherSpace, noBreakSpace:
            true
        default: false
        }
    }

    /// E.161 keypad letters.
    @inline(__always) static func keypadDigit(_ letter: UInt8) -> UInt8 {
        let table: StaticString = "22233344455566677778889999"
        return table.utf8Start[Int((letter | 0x20) - 0x61)]
    }
}
