extension PhoneNormalizer {
    /// The digits of a candidate number, with whether it was written with a leading `+`.
    struct Digits {
        var plus: Bool
        var count: Int
        var phoneExtension: PhoneExtension?
    }

    enum CandidateOutcome {
        case digits(Digits)
        case rejected(PhoneRejection)
    }

    /// libphonenumber's `parse` then `is_valid_number`, on the input bytes, after a spreadsheet's
    /// text wrapper (`="..."`, a leading `'`) is taken off; a number in scientific notation is refused.
    func parse(_ field: UnsafeRawBufferPointer, _ scratch: Scratch) -> PhoneNormalization {
        let input = PhoneText.unwrappingSpreadsheetText(field)
        let digitsArea = scratch.area(2)
        if let digits = Self.plainDigits(input, into: digitsArea) {
            return finish(digits, scratch)
        }
        if PhoneText.isScientificNotation(input) { return .rejected(.scientificNotation) }
        guard let count = PhoneText.canonicalize(input, into: scratch.area(0)) else { return .rejected(.tooLong) }
        switch Self.candidateDigits(UnsafeBufferPointer(rebasing: scratch.area(0)[0..<count]), scratch) {
        case .digits(let digits): return finish(digits, scratch)
        case .rejected(let reason): return .rejected(reason)
        }
    }

    /// The fast path for the common case: ASCII digits with spaces, tabs, `-./()` and at most one
    /// leading `+`, and at least three digits. For such input every libphonenumber step before the
    /// calling code (start and end trimming, extension search, viability, letter conversion) reduces to
    /// keeping the digits, so one pass does it. Anything else returns nil and takes the general path.
    static func plainDigits(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>) -> Digits?
    {
        guard input.count <= PhoneText.maximumScalars else { return nil }
        var plus = false
        var count = 0
        for byte in input {
            if PhoneText.isDigit(byte) {
                output[count] = byte
                count += 1
                continue
            }
            switch byte {
            case UInt8(ascii: " "), 0x09, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "("),
                UInt8(ascii: ")"):
                continue
            case UInt8(ascii: "+") where !plus && count == 0:
                plus = true
            default:
                return nil
            }
        }
        return count >= 3 ? Digits(plus: plus, count: count, phoneExtension: nil) : nil
    }

    /// The general path: candidate extraction, extension split, viability, then the digits (letters as
    /// keypad digits when there are three or more), into `scratch.area(2)`.
    static func candidateDigits(_ text: UnsafeBufferPointer<UInt8>, _ scratch: Scratch) -> CandidateOutcome {
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
        var pluses = 0
        while pluses < number.count && number[pluses] == UInt8(ascii: "+") { pluses += 1 }
        let count = normalizeDigits(UnsafeBufferPointer(rebasing: number[pluses...]), into: scratch.area(2))
        return .digits(
            Digits(
                plus: pluses > 0, count: count,
                phoneExtension: extensionDigits.flatMap { PhoneExtension(digits: candidate[$0]) }))
    }

    /// From the digits to a validated number.
    func finish(_ input: Digits, _ scratch: Scratch) -> PhoneNormalization {
        let phoneExtension = input.phoneExtension
        // Country calling code: from `+`, from an IDD prefix of the default region, or from the default
        // region's own code written without `+`.
        let digitsArea = scratch.area(2)
        let metadata = PhoneMetadata.shared
        var planIndex: Int
        var countryCode: Int
        var nationalCount: Int
        switch extractCountryCode(plus: input.plus, digits: digitsArea, count: input.count) {
        case .rejected(let reason):
            return .rejected(reason)
        case .national(let count):
            guard let index = defaultPlanIndex, let plan = defaultPlan else { return .rejected(.unsupportedRegion) }
            planIndex = index
            countryCode = Int(plan.countryCode)
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
        let plan = planIndex == defaultPlanIndex ? defaultPlan! : metadata.regions[planIndex]
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
        let classified: (Int, PhoneLineType)?
        if planIndex == defaultPlanIndex && defaultIsSoleRegionOfCode {
            classified = plan.lineType(national).map { (planIndex, $0) }
        } else {
            classified = Self.classify(countryCode: countryCode, national: national)
        }
        guard let (regionIndex, lineType) = classified else {
            switch plan.testLength(national.count) {
            case .tooShort: return .rejected(.tooShort)
            case .tooLong: return .rejected(.tooLong)
            default: return .rejected(.invalidForRegion)
            }
        }
        // E.164 allows 15 digits; the data allows 17 (DE). Past 19 a UInt64 could not hold it.
        guard national.count + (countryCode >= 100 ? 3 : countryCode >= 10 ? 2 : 1) <= 19 else {
            return .rejected(.tooLong)
        }
        var e164 = UInt64(countryCode)
        for digit in national { e164 = e164 &* 10 &+ UInt64(digit &- 0x30) }
        return .accepted(
            PhoneNumber(e164: e164, regionIndex: regionIndex, lineType: lineType), extension: phoneExtension)
    }

    /// libphonenumber's `region_code_for_number` then `is_valid_number_for_region`: the only region of
    /// the code, or the first whose leading digits or number ranges claim the national number; and the
    /// number's type there. Nil when the number is not valid.
    static func classify(countryCode: Int, national: UnsafeBufferPointer<UInt8>) -> (Int, PhoneLineType)? {
        let metadata = PhoneMetadata.shared
        let members = metadata.countryMembers[countryCode]
        if members.count == 1 {
            let index = Int(members[0])
            return metadata.regions[index].lineType(national).map { (index, $0) }
        }
        for member in members {
            let plan = metadata.regions[Int(member)]
            if let leading = plan.leadingDigits {
                if leading.contains(where: { national.starts(with: $0) }) {
                    return plan.lineType(national).map { (Int(member), $0) }
                }
            } else if let type = plan.lineType(national) {
                return (Int(member), type)
            }
        }
        return nil
    }
}
