/// Decimal digits of an integer in a stack buffer, for writers that would otherwise make a string
/// per row (a rejection's line, a clean row's E.164 number).
enum DecimalText {
    /// Calls `body` with the digits of `value`, after `prefix` when given, formatted without allocating.
    static func with<R>(_ value: UInt64, prefix: UInt8? = nil, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var start = buffer.count
            var rest = value
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if let prefix {
                start -= 1
                buffer[start] = prefix
            }
            return body(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[start...])))
        }
    }
}
