extension PhoneText {
    /// Where an extension starts in a candidate number, found as libphonenumber's `_EXTN_PATTERN`
    /// (`;ext=`, `ext.`, `x`, `#`, `int`, `anexo`, `extensión`, `,,`, `;`, `- 503#`, ...) would.
    struct ExtensionMatch {
        /// Start of the label (and of the separators before it): the number ends here.
        var start: Int
        /// The extension digits.
        var digits: Range<Int>
    }

    /// Every position from which libphonenumber's extension pattern matches the rest of `text`, leftmost
    /// first, calling `body` until it returns true. The extension digits are always the trailing digit
    /// run (before one optional `#`), since no label contains a digit.
    static func forEachExtension(in text: UnsafeBufferPointer<UInt8>, _ body: (ExtensionMatch) -> Bool) {
        var end = text.count
        let hash = end > 0 && text[end - 1] == UInt8(ascii: "#")
        if hash { end -= 1 }
        var digitsStart = end
        while digitsStart > 0 && isDigit(text[digitsStart - 1]) { digitsStart -= 1 }
        let digitCount = end - digitsStart
        guard digitCount >= 1 else { return }
        var labelFloor = digitsStart
        while labelFloor > 0 && !isDigit(text[labelFloor - 1]) { labelFloor -= 1 }
        var start = labelFloor
        while start < digitsStart {
            let label = UnsafeBufferPointer(rebasing: text[start..<digitsStart])
            if labelMatches(label, digitCount: digitCount, hash: hash),
                body(ExtensionMatch(start: start, digits: digitsStart..<end))
            {
                return
            }
            start += 1
        }
    }

    private static func labelMatches(_ label: UnsafeBufferPointer<UInt8>, digitCount: Int, hash: Bool) -> Bool {
        // `;ext=` (RFC 3966), up to 20 digits, no `#`.
        if !hash && digitCount <= 20 && equalsIgnoringCase(label, ";ext=") { return true }
        // Separators, an explicit label (`ext`, `extension`, `anexo`...), up to 20 digits.
        var index = skip(label, from: 0, separatorsWithComma)
        if digitCount <= 20, let after = explicitLabel(label, at: index), charsAfterLabel(label, from: after) {
            return true
        }
        // Separators, an ambiguous label (`x`, `#`, `~`, `int`), up to 9 digits.
        if digitCount <= 9, let after = ambiguousLabel(label, at: index), charsAfterLabel(label, from: after) {
            return true
        }
        // American style `- 503#`: dashes or spaces, up to 6 digits, then a required `#`.
        if hash && digitCount <= 6 && label.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") }) {
            return true
        }
        // Auto-dialling: `,,` or `;`, up to 15 digits; or commas, up to 9 digits.
        index = skip(label, from: 0, { $0 == UInt8(ascii: " ") || $0 == 0x09 || $0 == noBreakSpace })
        if index < label.count && label[index] == UInt8(ascii: ";") && digitCount <= 15
            && charsAfterLabel(label, from: index + 1)
        {
            return true
        }
        if index + 1 < label.count && label[index] == UInt8(ascii: ",") && label[index + 1] == UInt8(ascii: ",")
            && digitCount <= 15 && charsAfterLabel(label, from: index + 2)
        {
            return true
        }
        if index < label.count && label[index] == UInt8(ascii: ",") && digitCount <= 9 {
            let after = skip(label, from: index, { $0 == UInt8(ascii: ",") })
            if charsAfterLabel(label, from: after) { return true }
        }
        return false
    }

    private static func separatorsWithComma(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == 0x09 || byte == UInt8(ascii: ",") || byte == noBreakSpace
    }

    private static func skip(_ text: UnsafeBufferPointer<UInt8>, from start: Int, _ predicate: (UInt8) -> Bool) -> Int {
        var index = start
        while index < text.count && predicate(text[index]) { index += 1 }
        return index
    }

    /// `[:.]?[ \t,-]*` to the end of the label.
    private static func charsAfterLabel(_ label: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        if index < label.count && (label[index] == UInt8(ascii: ":") || label[index] == UInt8(ascii: ".")) {
            index += 1
        }
        let end = skip(label, from: index) {
            $0 == UInt8(ascii: " ") || $0 == 0x09 || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "-")
                || $0 == noBreakSpace
        }
        return end == label.count
    }

    /// `e?xt(?:ensi(?:o\u0301?|ó))?n?|anexo`, case-insensitive; returns the index after it.
    private static func explicitLabel(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        if hasPrefixIgnoringCase(text, at: start, "anexo") { return start + 5 }
        var index = start
        if hasPrefixIgnoringCase(text, at: index, "e") { index += 1 }
        guard hasPrefixIgnoringCase(text, at: index, "xt") else { return nil }
        index += 2
        if hasPrefixIgnoringCase(text, at: index, "ensi"), index + 4 < text.count,
            text[index + 4] | 0x20 == UInt8(ascii: "o") || text[index + 4] == oAcute
        {
            index += 5
        }
        if hasPrefixIgnoringCase(text, at: index, "n") { index += 1 }
        return index
    }

    /// `[x#~]|int`, case-insensitive; returns the index after it.
    private static func ambiguousLabel(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard start < text.count else { return nil }
        switch text[start] {
        case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "#"), UInt8(ascii: "~"): return start + 1
        default: return hasPrefixIgnoringCase(text, at: start, "int") ? start + 3 : nil
        }
    }

    static func hasPrefixIgnoringCase(
        _ text: UnsafeBufferPointer<UInt8>, at start: Int, _ prefix: StaticString
    )
        -> Bool
    {
        let count = prefix.utf8CodeUnitCount
        guard start + count <= text.count else { return false }
        for offset in 0..<count {
            let expected = prefix.utf8Start[offset]
            let actual = text[start + offset]
            let folded = isASCIILetter(actual) ? actual | 0x20 : actual
            if folded != expected { return false }
        }
        return true
    }

    static func equalsIgnoringCase(_ text: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        text.count == literal.utf8CodeUnitCount && hasPrefixIgnoringCase(text, at: 0, literal)
    }

    /// libphonenumber's `VALID_PHONE_NUMBER` without its extension part: two digits alone, or pluses then
    /// at least three digits among punctuation and stars, then punctuation, stars, digits or letters.
    static func isViableNumberPart(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        if count < 2 { return false }
        if count == 2 && isDigit(text[0]) && isDigit(text[1]) { return true }
        var index = 0
        while index < count && text[index] == UInt8(ascii: "+") { index += 1 }
        var digits = 0
        while index < count {
            let byte = text[index]
            if isDigit(byte) {
                digits += 1
            } else if !(isPunctuation(byte) || byte == UInt8(ascii: "*") || (digits >= 3 && isASCIILetter(byte))) {
                return false
            }
            index += 1
        }
        return digits >= 3
    }
}
