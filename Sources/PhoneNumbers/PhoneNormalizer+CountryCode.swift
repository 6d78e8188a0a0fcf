extension PhoneNormalizer {
    /// Where the calling code came from, with the national digits left in the digits area.
    enum CountryCodeOutcome {
        /// No calling code in the number: the digits are national, for the default region.
        case national(count: Int)
        /// A calling code from `+`, an IDD prefix, or the default region's code written without `+`.
        case international(code: Int, count: Int)
        case rejected(PhoneRejection)
    }

    /// libphonenumber's `_maybe_extract_country_code`, including `parse`'s retry without the `+` when
    /// the code after it is unknown. `digits` holds the normalised digits (after any `+`); the national
    /// digits are left there.
    func extractCountryCode(plus: Bool, digits: UnsafeMutableBufferPointer<UInt8>, count: Int) -> CountryCodeOutcome {
        if plus {
            if count <= 2 { return .rejected(.tooShort) }
            if let code = Self.splitCountryCode(digits, count: count) { return code }
        }
        return extractWithoutPlus(digits: digits, count: count, retry: plus)
    }

    private func extractWithoutPlus(
        digits: UnsafeMutableBufferPointer<UInt8>, count: Int, retry: Bool
    )
        -> CountryCodeOutcome
    {
        guard count > 0, let plan = defaultPlan else {
            return retry ? .rejected(.unsupportedRegion) : .national(count: count)
        }
        let all = UnsafeBufferPointer(rebasing: digits[0..<count])
        for prefix in plan.internationalPrefixes where all.starts(with: prefix) {
            // An IDD followed by 0 is not an IDD (no calling code starts with 0).
            if count > prefix.count && digits[prefix.count] == UInt8(ascii: "0") { break }
            let remaining = count - prefix.count
            if remaining <= 2 { return .rejected(.tooShort) }
            shiftLeft(digits, by: prefix.count, count: count)
            return Self.splitCountryCode(digits, count: remaining) ?? .rejected(.unsupportedRegion)
        }
        // The default region's own calling code without `+` (`1 650 253 0000` read in CA).
        let code = Int(plan.countryCode)
        let codeLength = code >= 100 ? 3 : code >= 10 ? 2 : 1
        var leading = 0
        for index in 0..<min(codeLength, count) { leading = leading * 10 + Int(digits[index] - 0x30) }
        if count >= codeLength && leading == code {
            let potential = UnsafeBufferPointer(rebasing: digits[codeLength..<count])
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Scratch.area) { temporary in
                let strippedCount = plan.stripNationalPrefix(potential, into: temporary)
                let stripped = UnsafeBufferPointer(rebasing: temporary[0..<strippedCount])
                if (!plan.matchesGeneral(all) && plan.matchesGeneral(stripped)) || plan.testLength(count) == .tooLong {
                    for index in 0..<strippedCount { digits[index] = temporary[index] }
                    return .international(code: Int(plan.countryCode), count: strippedCount)
                }
                return retry ? .rejected(.unsupportedRegion) : .national(count: count)
            }
        }
        return retry ? .rejected(.unsupportedRegion) : .national(count: count)
    }

    /// libphonenumber's `_extract_country_code`: the 1-3 digit calling code that starts `digits`,
    /// removed from them. Codes outside the generated data are not recognised.
    static func splitCountryCode(_ digits: UnsafeMutableBufferPointer<UInt8>, count: Int) -> CountryCodeOutcome? {
        guard count > 0, digits[0] != UInt8(ascii: "0") else { return nil }
        var code = 0
        for length in 1...min(3, count) {
            code = code * 10 + Int(digits[length - 1] - 0x30)
            if !PhoneMetadata.shared.countryMembers[code].isEmpty {
                shiftLeft(digits, by: length, count: count)
                return .international(code: code, count: count - length)
            }
        }
        return nil
    }

    /// libphonenumber's `_normalize`: with three or more ASCII letters, letters become keypad digits
    /// (vanity numbers); otherwise only the digits are kept.
    static func normalizeDigits(
        _ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>
    )
        -> Int
    {
        var letters = 0
        for byte in text where PhoneText.isASCIILetter(byte) { letters += 1 }
        let vanity = letters >= 3
        var count = 0
        for byte in text {
            if PhoneText.isDigit(byte) {
                output[count] = byte
                count += 1
            } else if vanity && PhoneText.isASCIILetter(byte) {
                output[count] = PhoneText.keypadDigit(byte)
                count += 1
            }
        }
        return count
    }
}

private func shiftLeft(_ digits: UnsafeMutableBufferPointer<UInt8>, by offset: Int, count: Int) {
    for index in offset..<count { digits[index - offset] = digits[index] }
}
