/// What a header field's text says about the file.
package enum HeaderField {
    /// Whether a header field looks like a lead's data rather than a column name: it holds a phone
    /// number (seven or more digits) or an email address.
    package static func looksLikeData(_ field: String) -> Bool {
        field.utf8.filter { (0x30...0x39).contains($0) }.count >= 7 || field.utf8.contains(UInt8(ascii: "@"))
    }
}
