import ScrubIO

/// Validates UTF-8 without building a `String`, with a fast path for ASCII.
enum UTF8Check {
    /// Whether every field of `record` is valid UTF-8, read in place (no copy of the record).
    static func isValid(_ record: CSVRecord) -> Bool {
        (0..<record.count).allSatisfy { record.withField($0, isValid) }
    }

    static func isValid(_ bytes: some Sequence<UInt8>) -> Bool {
        // Most lead data is ASCII: only decode when a high byte is present.
        guard bytes.contains(where: { $0 >= 0x80 }) else { return true }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
