/// Windows-1252, the code page Excel exports Western text in: the reading of a field that is not
/// valid UTF-8, wherever a field's bytes become text (column names, place names, XLSX cells, the
/// report), so a CRM export saved as "CSV" from Excel needs no pipeline key to be read.
package enum Windows1252 {
    /// The characters of bytes 0x80 to 0x9F (the rest are Latin-1, byte = code point). The five
    /// bytes the code page leaves undefined map to the C1 controls of the same value, as Windows does.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// `bytes` read as Windows-1252.
    package static func decode(_ bytes: some Collection<UInt8>) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            text.append(Unicode.Scalar(value)!)
        }
        return String(text)
    }

    /// `bytes` as UTF-8 when they are valid UTF-8, else as Windows-1252.
    package static func text(_ bytes: some Collection<UInt8>) -> String {
        String(validating: bytes, as: UTF8.self) ?? decode(bytes)
    }
}
