import Foundation
import ScrubIO

/// Writes a realistic, reproducible benchmark data set: `leads.csv.gz`, `registry.txt` and
/// `suppression.txt`.
///
/// Every row is a pure function of the seed and its row number (see ``SampleRandom``), so the files
/// stream out in bounded memory at any size, are byte-identical for the same options, and the list
/// writers can re-derive any lead's number without reading the lead file back. Lead numbers are
/// structurally valid for their region and distinct (apart from the deliberate duplicates); list
/// fillers come from a disjoint half of the numbering space, so hit rates are exact by construction.
///
/// The numbers are not reserved for fiction (those ranges are far too small for millions of rows):
/// they may belong to real subscribers, so generated files are for benchmarks only, never for dialling.
public struct SampleGenerator: Sendable {
    /// The columns of `leads.csv.gz`, those of `SampleData/leads.csv.gz`.
    public static let leadColumns = [
        "id", "first_name", "last_name", "phone", "email", "address", "city", "state", "postcode", "country",
        "source", "created_at",
    ]

    public let options: SampleOptions
    let random: SampleRandom
    let regions = SampleRegion.catalogue
    /// Cumulative region weights, per 1,000.
    private let regionBounds: [Int]
    private let leadSpaces: [NumberSpace]
    private let leadPermutations: [IndexPermutation]
    let registry: SampleList
    let suppression: SampleList

    /// What a row's phone field holds.
    enum NumberKind: Equatable {
        case valid
        case invalid
        case empty
    }

    /// Checks the options and that the lists can hold the rows they must list.
    ///
    /// - Complexity: O(rows): one cheap pass per list counts the rows it must list.
    public init(options: SampleOptions) throws(SampleError) {
        if let problem = options.problem { throw SampleError(problem) }
        self.options = options
        self.random = SampleRandom(seed: options.seed)
        var bound = 0
        regionBounds = SampleRegion.catalogue.map {
            bound += $0.weight
            return bound
        }
        leadSpaces = SampleRegion.catalogue.indices.map {
            NumberSpace(regions: [$0], parity: 0, catalogue: SampleRegion.catalogue)
        }
        let random = self.random
        leadPermutations = leadSpaces.enumerated().map { index, space in
            IndexPermutation(size: space.size, key: random.value(.permutation, UInt64(index)))
        }
        registry = SampleList(
            name: "registry", size: options.registrySize, hitRate: options.registryHitRate,
            purpose: .registryHit, regionCodes: options.registryRegions, fillerKey: 1)
        suppression = SampleList(
            name: "suppression", size: options.suppressionSize, hitRate: options.suppressionHitRate,
            purpose: .suppressionHit, regionCodes: options.suppressionRegions, fillerKey: 2)
        for list in [registry, suppression] {
            let hits = listedBaseRows(list)
            if hits > list.size {
                throw SampleError(
                    "--\(list.name)-size \(list.size) is smaller than the \(hits) distinct lead numbers its hit rate "
                        + "lists; raise --\(list.name)-size or lower --\(list.name)-hit-rate")
            }
            if UInt64(list.size - hits) > list.fillerSpace.size {
                throw SampleError(
                    "--\(list.name)-size \(list.size) is more than the numbering space of its regions holds")
            }
        }
    }

    // MARK: Row facts, each a pure function of the seed and the row number

    /// Whether `row` repeats an earlier lead.
    @inline(__always)
    func isDuplicate(_ row: Int) -> Bool {
        row > 0 && random.unit(.duplicate, UInt64(row)) < options.duplicateRate
    }

    /// The original lead a row repeats (itself when it is not a duplicate): an earlier row, nearby.
    func base(ofRow row: Int) -> Int {
        var current = row
        while isDuplicate(current) {
            let back = Int(random.value(.duplicateSource, UInt64(current)) % UInt64(min(current, 10_000)))
            current = current - 1 - back
        }
        return current
    }

    /// The region of an original lead.
    @inline(__always)
    func region(ofBase base: Int) -> Int {
        let pick = Int(random.value(.region, UInt64(base)) % UInt64(regionBounds.last!))
        var index = 0
        while regionBounds[index] <= pick { index += 1 }
        return index
    }

    @inline(__always)
    func kind(ofBase base: Int) -> NumberKind {
        let u = random.unit(.numberKind, UInt64(base))
        if u < options.emptyRate { return .empty }
        if u < options.emptyRate + options.invalidRate { return .invalid }
        return .valid
    }

    /// The number of an original lead in `region` (meaningful when its kind is valid).
    @inline(__always)
    func number(ofBase base: Int, region: Int) -> NumberSpace.Number {
        let space = leadSpaces[region]
        return space.number(at: leadPermutations[region].apply(UInt64(base) % space.size))
    }

    /// Whether `list` lists the number of an original lead.
    @inline(__always)
    func isListed(base: Int, region: Int, kind: NumberKind, on list: SampleList) -> Bool {
        kind == .valid && list.covers[region] && random.unit(list.purpose, UInt64(base)) < list.hitRate
    }

    /// The E.164 number (as an integer) of lead row `row`, or nil when its phone field is empty or invalid.
    package func leadNumber(row: Int) -> UInt64? {
        let base = base(ofRow: row)
        let region = region(ofBase: base)
        guard kind(ofBase: base) == .valid else { return nil }
        return number(ofBase: base, region: region).e164
    }

    /// The ISO code of lead row `row`'s region.
    package func leadRegion(row: Int) -> String {
        regions[region(ofBase: base(ofRow: row))].code
    }

    /// Original (non-duplicate) rows whose number `list` must hold.
    func listedBaseRows(_ list: SampleList) -> Int {
        var count = 0
        for row in 0..<options.rows where !isDuplicate(row) {
            let region = region(ofBase: row)
            if isListed(base: row, region: region, kind: kind(ofBase: row), on: list) { count += 1 }
        }
        return count
    }

    // MARK: Writing

    /// Writes the three files into `directory` (created if missing). Each file is written under a
    /// temporary name and renamed into place only when all three are complete.
    public func generate(into directory: String) throws(ScrubIOError) -> SampleSummary {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ScrubIOError(.cannotCreate, path: directory, message: "cannot create the output folder")
        }
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        let leads = try OutputFile(path: folder + "leads.csv.gz")
        let registryFile = try OutputFile(path: folder + "registry.txt")
        let suppressionFile = try OutputFile(path: folder + "suppression.txt")
        var summary = try writeLeads(to: leads)
        (summary.registryEntries, summary.registryLeadNumbers) = try write(registry, to: registryFile)
        (summary.suppressionEntries, summary.suppressionLeadNumbers) = try write(suppression, to: suppressionFile)
        try leads.commit()
        try registryFile.commit()
        try suppressionFile.commit()
        return summary
    }

    private func writeLeads(to file: OutputFile) throws(ScrubIOError) -> SampleSummary {
        let gzip = GzipSink(writingTo: file, level: options.compressionLevel)
        var writer = SampleLeadWriter(generator: self, csv: CSVWriter(sink: gzip))
        try writer.writeHeader()
        var summary = SampleSummary(rows: options.rows)
        for row in 0..<options.rows {
            let base = base(ofRow: row)
            let region = region(ofBase: base)
            let kind = kind(ofBase: base)
            if base != row { summary.duplicateRows += 1 }
            switch kind {
            case .empty: summary.emptyNumbers += 1
            case .invalid: summary.invalidNumbers += 1
            case .valid:
                if isListed(base: base, region: region, kind: kind, on: registry) { summary.registryHitRows += 1 }
                if isListed(base: base, region: region, kind: kind, on: suppression) {
                    summary.suppressionHitRows += 1
                }
            }
            try writer.writeRow(row, base: base, region: region, kind: kind)
        }
        try writer.finish()
        summary.leadsRawBytes = gzip.bytesIn
        summary.leadsBytes = gzip.bytesOut
        return summary
    }

    /// Writes `list`: the listed lead numbers in row order, with the fillers spread evenly between them.
    /// Returns the entries written and how many of them are lead numbers.
    private func write(_ list: SampleList, to file: OutputFile) throws(ScrubIOError) -> (entries: Int, leads: Int) {
        let writer = E164ListWriter(sink: file)
        let hits = listedBaseRows(list)
        let fillers = list.size - hits
        let permutation = IndexPermutation(
            size: list.fillerSpace.size, key: random.value(.filler, UInt64(list.fillerKey)))
        var filled = 0
        func fill(upTo target: Int) throws(ScrubIOError) {
            while filled < target {
                try writer.write(list.fillerSpace.number(at: permutation.apply(UInt64(filled))).e164)
                filled += 1
            }
        }
        for row in 0..<options.rows {
            if !isDuplicate(row) {
                let region = region(ofBase: row)
                if isListed(base: row, region: region, kind: kind(ofBase: row), on: list) {
                    try writer.write(number(ofBase: row, region: region).e164)
                }
            }
            try fill(upTo: Int((Double(row + 1) / Double(options.rows) * Double(fillers)).rounded(.down)))
        }
        try fill(upTo: fillers)
        try writer.finish()
        return (writer.count, hits)
    }
}

/// A registry or suppression list to write, and the numbers its fillers come from.
struct SampleList: Sendable {
    var name: String
    var size: Int
    var hitRate: Double
    var purpose: SampleRandom.Purpose
    /// By region index: whether the list covers the region.
    var covers: [Bool]
    var fillerSpace: NumberSpace
    var fillerKey: Int

    init(name: String, size: Int, hitRate: Double, purpose: SampleRandom.Purpose, regionCodes: [String], fillerKey: Int)
    {
        let indexes = SampleRegion.catalogue.indices.filter { index in
            regionCodes.contains { SampleRegion.index(of: $0) == index }
        }
        self.name = name
        self.size = size
        self.hitRate = hitRate
        self.purpose = purpose
        self.covers = SampleRegion.catalogue.indices.map(indexes.contains)
        self.fillerSpace = NumberSpace(regions: indexes, parity: 1, catalogue: SampleRegion.catalogue)
        self.fillerKey = fillerKey
    }
}

/// What a generation wrote.
public struct SampleSummary: Sendable, Equatable {
    public var rows: Int
    public var duplicateRows = 0
    public var emptyNumbers = 0
    public var invalidNumbers = 0
    /// Lead rows (duplicates included) whose number is on the registry.
    public var registryHitRows = 0
    /// Lead rows (duplicates included) whose number is on the suppression list.
    public var suppressionHitRows = 0
    public var registryEntries = 0
    public var suppressionEntries = 0
    /// Entries of each list that are numbers of leads (the rest are fillers no lead has).
    public var registryLeadNumbers = 0
    public var suppressionLeadNumbers = 0
    /// Uncompressed and compressed size of `leads.csv.gz`.
    public var leadsRawBytes: Int64 = 0
    public var leadsBytes: Int64 = 0

    public init(rows: Int) {
        self.rows = rows
    }
}
