extension PhoneNumber {
    /// The number whose E.164 digits are `e164` (`14155550123` for `+14155550123`), if the generated data
    /// holds it valid: for numbers read back from an index or registry file, where only the integer
    /// was stored. Region and line type are derived again, exactly as `PhoneNormalizer` derives them.
    /// - Complexity: one automaton walk over at most 17 digits.
    public init?(e164: UInt64) {
        guard e164 >= 100 else { return nil }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of stack for up to 20 ASCII digits
        let found: PhoneNumber? = withUnsafeMutableBytes(of: &digits) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            var count = 0
            var value = e164
            while value > 0 {
                buffer[count] = UInt8(0x30 + value % 10)
                value /= 10
                count += 1
            }
            buffer[0..<count].reverse()
            var code = 0
            for length in 1...3 {
                code = code * 10 + Int(buffer[length - 1] - 0x30)
                guard !PhoneMetadata.shared.countryMembers[code].isEmpty else { continue }
                let national = UnsafeBufferPointer(rebasing: buffer[length..<count])
                guard let (region, type) = PhoneNormalizer.classify(countryCode: code, national: national) else {
                    return nil
                }
                return PhoneNumber(e164: e164, regionIndex: region, lineType: type)
            }
            return nil
        }
        guard let number = found else { return nil }
        self = number
    }
}
