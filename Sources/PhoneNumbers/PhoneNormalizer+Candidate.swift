extension PhoneNormalizer {
    /// libphonenumber's `_build_national_number_for_parsing`: the RFC 3966 `tel:` number with its
    /// `phone-context`, or the text from the first digit or `+` with trailing junk and a second number
    /// removed; then any `;isub=` cut off. Returns the length written, 0 when nothing is left, nil when
    /// a `phone-context` is malformed.
    static func extractCandidate(
        _ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>
    )
        -> Int?
    {
        var count = 0
        func append(_ range: Range<Int>) {
            for index in range {
                output[count] = text[index]
                count += 1
            }
        }
        let hasSemicolon = text.contains(UInt8(ascii: ";"))
        if hasSemicolon, let context = find(text, ";phone-context=", from: 0) {
            let contextStart = context + 15
            let contextEnd = find(text, ";", from: contextStart) ?? text.count
            let phoneContext = UnsafeBufferPointer(rebasing: text[contextStart..<contextEnd])
            guard isValidPhoneContext(phoneContext) else { return nil }
            if phoneContext.first == UInt8(ascii: "+") { append(contextStart..<contextEnd) }
            let numberStart = find(text, "tel:", from: 0).map { $0 + 4 } ?? 0
            if numberStart < context { append(numberStart..<context) }
        } else {
            guard let start = text.firstIndex(where: { PhoneText.isDigit($0) || $0 == UInt8(ascii: "+") }) else {
                return 0
            }
            var end = text.count
            while end > start && (!PhoneText.isWord(text[end - 1]) || text[end - 1] == UInt8(ascii: "_"))
                && text[end - 1] != UInt8(ascii: "#")
            {
                end -= 1
            }
            // A second number (`(530) 583-6985 x302/x2303`): cut at `[\/] *x`.
            var index = start
            while index < end {
                if text[index] == UInt8(ascii: "/") || text[index] == UInt8(ascii: "\\") {
                    var next = index + 1
                    while next < end && text[next] == UInt8(ascii: " ") { next += 1 }
                    if next < end && text[next] == UInt8(ascii: "x") {
                        end = index
                        break
                    }
                }
                index += 1
            }
            append(start..<end)
        }
        let written = UnsafeBufferPointer(rebasing: output[0..<count])
        if hasSemicolon, let isub = find(written, ";isub=", from: 0), isub > 0 { count = isub }
        return count
    }

    /// `phone-context` is a global number (`+` and digits with `-.()`) or a domain name.
    private static func isValidPhoneContext(_ context: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = context.first else { return false }
        if first == UInt8(ascii: "+") {
            let rest = context.dropFirst()
            return rest.contains(where: PhoneText.isDigit)
                && rest.allSatisfy { PhoneText.isDigit($0) || "-.()".utf8.contains($0) }
        }
        var labels = context.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if labels.count > 1, labels.last!.isEmpty { labels.removeLast() }
        guard let top = labels.last, let topFirst = top.first, PhoneText.isASCIILetter(topFirst) else { return false }
        return labels.allSatisfy { label in
            guard let head = label.first, let tail = label.last else { return false }
            return head != UInt8(ascii: "-") && tail != UInt8(ascii: "-")
                && label.allSatisfy { PhoneText.isDigit($0) || PhoneText.isASCIILetter($0) || $0 == UInt8(ascii: "-") }
        }
    }

    static func find(_ text: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from start: Int) -> Int? {
        let length = needle.utf8CodeUnitCount
        guard text.count >= length else { return nil }
        var index = start
        while index + length <= text.count {
            var equal = true
            for offset in 0..<length where text[index + offset] != needle.utf8Start[offset] {
                equal = false
                break
            }
            if equal { return index }
            index += 1
        }
        return nil
    }
}
