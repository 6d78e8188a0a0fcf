/// Validates UTF-8 without building a `String`, with a fast path for ASCII.
enum UTF8Check {
    static func isValid(_ bytes: [UInt8]) -> Bool {
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
