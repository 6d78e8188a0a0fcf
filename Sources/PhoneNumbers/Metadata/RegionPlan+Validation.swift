/// libphonenumber's length test outcome (`ValidationResult`).
enum LengthCheck {
    case possible, possibleLocalOnly, tooShort, tooLong, invalidLength
}

extension RegionPlan {
    /// Whether the general pattern matches `digits` in full (`_match_national_number` on the general
    /// description: pattern only, no length check).
    func matchesGeneral(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        automaton.match(digits) & PhoneNumberDescription.general.bit != 0
    }

    /// libphonenumber's `_test_number_length` for the general description.
    func testLength(_ length: Int) -> LengthCheck {
        guard length < 32 else { return .tooLong }
        if localOnlyLengths & (1 << UInt32(length)) != 0 { return .possibleLocalOnly }
        let minimum = possibleLengths.trailingZeroBitCount
        let maximum = 31 - possibleLengths.leadingZeroBitCount
        if length == minimum { return .possible }
        if length < minimum { return .tooShort }
        if length > maximum { return .tooLong }
        return possibleLengths & (1 << UInt32(length)) != 0 ? .possible : .invalidLength
    }

    /// libphonenumber's `_number_type_helper`: the line type of a national significant number, or nil
    /// when no range of this region holds it.
    /// - Complexity: one automaton walk over the digits.
    func lineType(_ digits: UnsafeBufferPointer<UInt8>) -> PhoneLineType? {
        let length = digits.count
        guard length < 32 else { return nil }
        let mask = automaton.match(digits) & allowedByLength[length]
        @inline(__always) func matches(_ description: PhoneNumberDescription) -> Bool {
            mask & description.bit != 0
        }
        guard matches(.general) else { return nil }
        if matches(.premiumRate) { return .premiumRate }
        if matches(.tollFree) { return .tollFree }
        if matches(.sharedCost) { return .sharedCost }
        if matches(.voip) { return .voip }
        if matches(.personalNumber) { return .personalNumber }
        if matches(.pager) { return .pager }
        if matches(.uan) { return .uan }
        if matches(.voicemail) { return .voicemail }
        if matches(.fixedLine) {
            if sameMobileAndFixedLinePattern || matches(.mobile) { return .fixedLineOrMobile }
            return .fixedLine
        }
        if !sameMobileAndFixedLinePattern && matches(.mobile) { return .mobile }
        return nil
    }

    /// libphonenumber's `_maybe_strip_national_prefix_carrier_code`: removes a trunk prefix or carrier
    /// code, or applies a transform rule, writing the result to `output`.
    ///
    /// Returns the number of digits written to `output`; when nothing applies, the input is copied.
    /// `output` must hold `digits.count + 8` bytes (the longest transform prefix is 4 digits).
    func stripNationalPrefix(
        _ digits: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>
    )
        -> Int
    {
        func copy(_ source: UnsafeBufferPointer<UInt8>, at offset: Int = 0) -> Int {
            for index in 0..<source.count { output[offset + index] = source[index] }
            return offset + source.count
        }
        guard !digits.isEmpty else { return 0 }
        for rule in nationalPrefixRules {
            switch rule {
            case .strip(let prefixes):
                for prefix in prefixes where digits.starts(with: prefix) {
                    let rest = UnsafeBufferPointer(rebasing: digits[prefix.count...])
                    if !matchesGeneral(rest) && matchesGeneral(digits) { return copy(digits) }
                    return copy(rest)
                }
            case .transform(let prefix, let automaton):
                guard automaton.match(digits) != 0 else { continue }
                for index in 0..<prefix.count { output[index] = prefix[index] }
                let count = copy(digits, at: prefix.count)
                let transformed = UnsafeBufferPointer(rebasing: output[0..<count])
                if !matchesGeneral(transformed) && matchesGeneral(digits) { return copy(digits) }
                return count
            }
        }
        return copy(digits)
    }
}
