extension PhoneNormalizer {
    /// libphonenumber's `parse` then `is_valid_number`, on the canonical text in `scratch.area(0)`.
    func parse(_ scratch: Scratch, count: Int) -> PhoneNormalization {
        let text = UnsafeBufferPointer(rebasing: scratch.area(0)[0..<count])
        let candidateArea = scratch.area(1)
        guard let candidateCount = Self.extractCandidate(text, into: candidateArea) else {
            return .rejected(.notANumber)
        }
        if candidateCount == 0 {
            let blank = text.allSatisfy { $0 == UInt8(ascii: " ") || $0 == 0x09 }
            return .rejected(blank ? .empty : .notANumber)
        }
        let candidate = UnsafeBufferPointer(rebasing: candidateArea[0..<candidateCount])

        // Viability, and the extension split off (leftmost match whose number part is viable).
        var numberEnd = candidateCount
        var extensionDigits: Range<Int>? = nil
        var viable = PhoneText.isViableNumberPart(candidate)
        var first = true
        PhoneText.forEachExtension(in: candidate) { match in
            let partViable = PhoneText.isViableNumberPart(UnsafeBufferPointer(rebasing: candidate[0..<match.start]))
            if first && partViable {
                numberEnd = match.start
                extensionDigits = match.digits
            }
            first = false
            viable = viable || partViable
            return viable
        }
        guard viable else { return .rejected(.notANumber) }
        let number = UnsafeBufferPointer(rebasing: candidate[0..<numberEnd])
        let phoneExtension = extensionDigits.flatMap { PhoneExtension(digits: candidate[$0]) }

        // Country calling code: from `+`, from an IDD prefix of the default region, or from the default
        // region's own code written without `+`.
        let digitsArea = scratch.area(2)
        let metadata = PhoneMetadata.shared
        var planIndex: Int
        var countryCode: Int
        var nationalCount: Int
        switch extractCountryCode(number, digits: digitsArea) {
        case .rejected(let reason):
            return .rejected(reason)
        case .national(let count):
            guard let index = defaultPlanIndex else { return .rejected(.unsupportedRegion) }
            planIndex = index
            countryCode = Int(metadata.regions[index].countryCode)
            nationalCount = count
        case .international(let code, let count):
            let members = metadata.countryMembers[code]
            guard let main = members.first else { return .rejected(.unsupportedRegion) }
            planIndex = Int(main)
            countryCode = code
            nationalCount = count
        }
        guard nationalCount >= 2 else { return .rejected(.notANumber) }

        // Trunk prefix / carrier code, kept only when what remains has a plausible length.
        let plan = metadata.regions[planIndex]
        let nationalArea = scratch.area(3)
        let digits = UnsafeBufferPointer(rebasing: digitsArea[0..<nationalCount])
        let strippedCount = plan.stripNationalPrefix(digits, into: nationalArea)
        var national = UnsafeBufferPointer(rebasing: nationalArea[0..<strippedCount])
        switch plan.testLength(strippedCount) {
        case .tooShort, .possibleLocalOnly, .invalidLength: national = digits
        case .possible, .tooLong: break
        }
        guard national.count >= 2 else { return .rejected(.tooShort) }
        guard national.count <= 17 else { return .rejected(.tooLong) }

        // Validation: the region that claims the number, then its type there.
        guard let regionIndex = Self.regionIndex(countryCode: countryCode, national: national),
            let lineType = metadata.regions[regionIndex].lineType(national)
        else {
            switch plan.testLength(national.count) {
            case .tooShort: return .rejected(.tooShort)
            case .tooLong: return .rejected(.tooLong)
            default: return .rejected(.invalidForRegion)
            }
        }
        var e164 = UInt64(countryCode)
        for digit in national { e164 = e164 &* 10 &+ UInt64(digit &- 0x30) }
        return .accepted(PhoneNumber(e164: e164, regionIndex: regionIndex, lineType: lineType), extension: phoneExtension)
    }

    /// libphonenumber's `region_code_for_number`: the only region of the code, or the first whose leading
    /// digits or number ranges claim the national number.
    static func regionIndex(countryCode: Int, national: UnsafeBufferPointer<UInt8>) -> Int? {
        let metadata = PhoneMetadata.shared
        let members = metadata.countryMembers[countryCode]
        if members.count == 1 { return Int(members[0]) }
        for member in members {
            let plan = metadata.regions[Int(member)]
            if let leading = plan.leadingDigits {
                if leading.contains(where: { national.starts(with: $0) }) { return Int(member) }
            } else if plan.lineType(national) != nil {
                return Int(member)
            }
        }
        return nil
    }
}
