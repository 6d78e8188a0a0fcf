/// One block of a region's numbering plan that a real normaliser accepts: national significant
/// numbers of `length` digits that start with one of `prefixes`, the remaining digits running over
/// `freeLow ..< freeLow + freeCount`, and the ways people write them.
///
/// The blocks are conservative picks from each country's plan (for example US area codes in service,
/// exchanges 200-999; GB mobiles 07xxx; FR mobiles 06 and 07), so generated numbers are
/// structurally valid; they are not known to be unassigned, so they must never be dialled.
struct NumberPlan: Sendable {
    /// Leading digits of the national significant number, each `prefixDigits` long.
    var prefixes: [UInt64]
    var prefixDigits: Int
    /// Digits in the national significant number, prefix included.
    var length: Int
    /// The digits after the prefix run from `freeLow` for `freeCount` values (an even count).
    var freeLow: UInt64
    var freeCount: UInt64
    /// How the number is written: `#` is the next digit of the national significant number, `@` a
    /// random digit (extensions), anything else is copied. Listed more than once to be more common.
    var templates: [[UInt8]]

    init(prefixes: [UInt64], prefixDigits: Int, length: Int, freeLow: UInt64 = 0, templates: [String]) {
        self.prefixes = prefixes
        self.prefixDigits = prefixDigits
        self.length = length
        self.freeLow = freeLow
        self.freeCount = Self.power10(length - prefixDigits) - freeLow
        self.templates = templates.map { Array($0.utf8) }
    }

    /// The national significant number for `prefix` and the `free`-th value after it.
    @inline(__always)
    func nationalNumber(prefix: UInt64, free: UInt64) -> UInt64 {
        prefix * Self.power10(length - prefixDigits) + freeLow + free
    }

    static func power10(_ exponent: Int) -> UInt64 {
        var value: UInt64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
