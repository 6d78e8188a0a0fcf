/// What `scrub sample generate` writes: sizes, rates and the seed.
///
/// Rates are shares of lead rows. A list's hit rate is the share of lead rows with a valid number in
/// the list's regions whose number is on the list; the rest of the list is filler numbers that no lead
/// has, so the reject mix of a benchmark run is known in advance.
public struct SampleOptions: Sendable, Equatable {
    /// Lead rows, header not counted.
    public var rows: Int
    /// Entries in `registry.txt`.
    public var registrySize: Int
    /// Entries in `suppression.txt`.
    public var suppressionSize: Int
    /// The same seed (and options) gives byte-identical files.
    public var seed: UInt64
    public var registryHitRate: Double
    public var suppressionHitRate: Double
    /// ISO codes of the regions the registry covers (a national Do-Not-Call list covers one).
    public var registryRegions: [String]
    /// ISO codes of the regions the suppression list covers (an opt-out list covers every region).
    public var suppressionRegions: [String]
    /// Share of rows that repeat an earlier lead (same person and number, written again).
    public var duplicateRate: Double
    /// Share of rows whose phone field holds something that is not a phone number.
    public var invalidRate: Double
    /// Share of rows with an empty phone field.
    public var emptyRate: Double
    /// Gzip level of `leads.csv.gz`; 6, gzip's default, is what lead files usually arrive with.
    public var compressionLevel: Int

    public init(
        rows: Int, registrySize: Int, suppressionSize: Int, seed: UInt64 = 1, registryHitRate: Double = 0.25,
        suppressionHitRate: Double = 0.02, registryRegions: [String] = ["US"],
        suppressionRegions: [String] = SampleOptions.allRegions, duplicateRate: Double = 0.02,
        invalidRate: Double = 0.02, emptyRate: Double = 0.02, compressionLevel: Int = 6
    ) {
        self.rows = rows
        self.registrySize = registrySize
        self.suppressionSize = suppressionSize
        self.seed = seed
        self.registryHitRate = registryHitRate
        self.suppressionHitRate = suppressionHitRate
        self.registryRegions = registryRegions
        self.suppressionRegions = suppressionRegions
        self.duplicateRate = duplicateRate
        self.invalidRate = invalidRate
        self.emptyRate = emptyRate
        self.compressionLevel = compressionLevel
    }

    /// The most rows or list entries: a billion (the 250M-entry benchmarks fit four times over); more
    /// is a typo, and products of sizes near `Int.max` would overflow.
    public static let maxSize = 1_000_000_000

    /// Every region the generator writes leads for, in its fixed order.
    public static let allRegions = SampleRegion.catalogue.map(\.code)

    /// The first problem with these options, as a message naming the option, or nil.
    public var problem: String? {
        let sizes = [("--rows", rows), ("--registry-size", registrySize), ("--suppression-size", suppressionSize)]
        for (name, size) in sizes where !(0...Self.maxSize).contains(size) {
            return "\(name) must be from 0 to \(Self.maxSize), not \(size)"
        }
        let rates: [(String, Double)] = [
            ("--registry-hit-rate", registryHitRate), ("--suppression-hit-rate", suppressionHitRate),
            ("--duplicate-rate", duplicateRate), ("--invalid-rate", invalidRate), ("--empty-rate", emptyRate),
        ]
        for (name, rate) in rates where !(0...1).contains(rate) {
            return "\(name) must be from 0 to 1, not \(rate)"
        }
        if invalidRate + emptyRate > 1 { return "--invalid-rate and --empty-rate add up to more than 1" }
        for (name, regions) in [("--registry-regions", registryRegions), ("--suppression-regions", suppressionRegions)]
        {
            if regions.isEmpty { return "\(name) needs at least one region" }
            for region in regions where SampleRegion.index(of: region) == nil {
                return "\(name): unknown region '\(region)'; known: \(Self.allRegions.joined(separator: " "))"
            }
        }
        if !(0...9).contains(compressionLevel) {
            return "--compression-level must be from 0 to 9, not \(compressionLevel)"
        }
        return nil
    }
}
