/// Turns what a lead file's phone column holds into an E.164 number, or a reason it is not one.
///
/// Mirrors libphonenumber's `parse` + `is_valid_number` on the generated metadata, with one deliberate
/// difference: tabs count as separators (libphonenumber refuses `+1\t610\t799\t7101`).
///
/// Build one per default region (the row's country) and reuse it: resolving the region happens once,
/// and `normalize` allocates nothing (its scratch space is on the stack).
public struct PhoneNormalizer: Sendable {
    /// The region national-format inputs are read in, when the data covers it.
    public let defaultRegion: PhoneRegion?
    let defaultPlanIndex: Int?
    let defaultPlan: RegionPlan?
    /// The default region is the only one with its calling code, so a national number is its or nobody's.
    let defaultIsSoleRegionOfCode: Bool

    /// - Parameter defaultRegion: the row's country; nil or a region outside the data means only
    ///   international-format inputs can be accepted (the rest are `unsupportedRegion`).
    public init(defaultRegion: PhoneRegion?) {
        self.defaultRegion = defaultRegion
        self.defaultPlanIndex = defaultRegion.flatMap { PhoneMetadata.shared.regionIndex($0) }
        self.defaultPlan = defaultPlanIndex.map { PhoneMetadata.shared.regions[$0] }
        self.defaultIsSoleRegionOfCode =
            defaultPlan.map { PhoneMetadata.shared.countryMembers[Int($0.countryCode)].count == 1 } ?? false
    }

    /// The libphonenumber release whose metadata this build carries.
    public static var metadataVersion: String { PhoneMetadata.sourceVersion }

    /// Normalises UTF-8 bytes (one cell).
    /// - Complexity: O(n) in the input length, with a constant bound (inputs over 250 scalars are `tooLong`).
    public func normalize(_ input: UnsafeRawBufferPointer) -> PhoneNormalization {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Scratch.capacity) { buffer in
            parse(input, Scratch(buffer))
        }
    }

    /// Normalises UTF-8 bytes from any sequence; contiguous collections are read in place.
    public func normalize(_ input: some Sequence<UInt8>) -> PhoneNormalization {
        if let result = input.withContiguousStorageIfAvailable({ normalize(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        var copy = Array(input)
        return copy.withUnsafeMutableBytes { normalize(UnsafeRawBufferPointer($0)) }
    }

    /// Normalises a string (for tests, the CLI and other cold paths).
    public func normalize(_ input: String) -> PhoneNormalization {
        var input = input
        return input.withUTF8 { normalize(UnsafeRawBufferPointer($0)) }
    }
}

/// Stack scratch space, split into fixed areas so no step overwrites another's input.
///
/// Each area holds a canonical input (at most `PhoneText.maximumScalars`, 250, one byte a scalar).
/// The whole must stay within 1,024 bytes: `withUnsafeTemporaryAllocation` puts larger buffers on
/// the heap, which cost a `malloc` per number (measured: 1,280 bytes did).
struct Scratch {
    static let area = 256
    static let capacity = area * 4
    let buffer: UnsafeMutableBufferPointer<UInt8>

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// Area 0: the canonical text. 1: the candidate number. 2: its digits. 3: the national number.
    func area(_ index: Int) -> UnsafeMutableBufferPointer<UInt8> {
        UnsafeMutableBufferPointer(rebasing: buffer[index * Self.area..<(index + 1) * Self.area])
    }
}
