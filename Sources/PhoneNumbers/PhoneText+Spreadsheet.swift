extension PhoneText {
    /// The number inside a spreadsheet's way of keeping it as text: Excel's formula `="4155550123"` and
    /// a leading apostrophe `'4155550123` (the cell's text prefix, exported with the value); the field
    /// itself otherwise.
    ///
    /// Both are how a careful user stops Excel from turning a phone number into a number; the number
    /// inside is read, not the wrapper. Spaces around are kept out of the wrapper test only.
    static func unwrappingSpreadsheetText(_ input: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        while start < input.count, input[start] == UInt8(ascii: " ") { start += 1 }
        guard start < input.count else { return input }
        switch input[start] {
        case UInt8(ascii: "'"):
            return UnsafeRawBufferPointer(rebasing: input[(start + 1)...])
        case UInt8(ascii: "="):
            var end = input.count
            while end > start, input[end - 1] == UInt8(ascii: " ") || input[end - 1] == 0x0D { end -= 1 }
            guard end - start >= 3, input[start + 1] == UInt8(ascii: "\""), input[end - 1] == UInt8(ascii: "\"")
            else { return input }
            return UnsafeRawBufferPointer(rebasing: input[(start + 2)..<(end - 1)])
        default:
            return input
        }
    }

    /// Whether the field is a number in scientific notation (`4.15555E+09`, `4,15555E+09`, `4E9`): how
    /// Excel shows, and then exports, a long number it took for a quantity. The digits after the
    /// mantissa's are gone, so no phone number can be read from it.
    static func isScientificNotation(_ input: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        var end = input.count
        while index < end, input[index] == UInt8(ascii: " ") { index += 1 }
        while end > index, input[end - 1] == UInt8(ascii: " ") || input[end - 1] == 0x0D { end -= 1 }
        func digits() -> Int {
            let start = index
            while index < end, isDigit(input[index]) { index += 1 }
            return index - start
        }
        if index < end, input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-") { index += 1 }
        guard digits() >= 1 else { return false }
        if index < end, input[index] == UInt8(ascii: ".") || input[index] == UInt8(ascii: ",") {
            index += 1
            guard digits() >= 1 else { return false }
        }
        guard index < end, input[index] | 0x20 == UInt8(ascii: "e") else { return false }
        index += 1
        if index < end, input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-") { index += 1 }
        return (1...3).contains(digits()) && index == end
    }
}
