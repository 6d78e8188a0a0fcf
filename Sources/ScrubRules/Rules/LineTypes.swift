import CallingWindows

/// Which North American numbers are wireless and which are wireline, from the data carriers' data
/// vendors license (`line_types: {files: [...], as_of: DATE}` in a pipeline); the tool ships none.
///
/// libphonenumber cannot tell a US mobile from a landline (`fixed_line_or_mobile`): both come from the
/// same area codes. Vendors ship two kinds of file: wireless block identifiers (the thousands-blocks
/// `NPA-NXX-X`, or whole exchanges `NPA-NXX`, assigned to wireless carriers) and ported-number lists
/// (numbers moved between wireless and wireline since, with their new type). A ported number's entry
/// wins over its block's; a thousands-block over its exchange; among files, the later one listed.
///
/// The table is read only; ``Stage`` keeps, per thread, the number profiles with the line type
/// replaced, so a known type costs a lookup and no allocation per row.
public struct LineTypes: Sendable {
    /// The two types the data says.
    public enum Kind: UInt8, Sendable, CaseIterable {
        case mobile
        case fixedLine

        /// The `line_type` output's value.
        public var name: String { self == .mobile ? "mobile" : "fixed_line" }
    }

    /// Where a number's type came from.
    public enum Source: String, Sendable, CaseIterable, Codable {
        case ported = "ported_numbers"
        case block = "wireless_blocks"
    }

    /// What one file held, for the report and the audit record.
    public struct FileFacts: Sendable, Equatable {
        public var path: String
        public var source: Source
        public var entries: Int
    }

    /// Sorted E.164 values of ported numbers and their types.
    private let ported: [UInt64]
    private let portedKinds: [Kind]
    /// Thousands-blocks (`NPAXXXX` as 7 digits) and exchanges (`NPANXX`, 6 digits).
    private let blocks: [UInt32: Kind]
    private let exchanges: [UInt32: Kind]
    public let files: [FileFacts]
    /// The day the data describes.
    public let asOf: LocalDate

    init(
        ported: [(number: UInt64, kind: Kind)], blocks: [UInt32: Kind], exchanges: [UInt32: Kind],
        files: [FileFacts], asOf: LocalDate
    ) {
        // Later entries win: sorted by number then position, the last of each number kept.
        var kept: [(number: UInt64, kind: Kind)] = []
        for index in ported.indices.sorted(by: { (ported[$0].number, $0) < (ported[$1].number, $1) }) {
            let entry = ported[index]
            if kept.last?.number == entry.number { kept[kept.count - 1] = entry } else { kept.append(entry) }
        }
        self.ported = kept.map(\.number)
        self.portedKinds = kept.map(\.kind)
        self.blocks = blocks
        self.exchanges = exchanges
        self.files = files
        self.asOf = asOf
    }

    /// The type of `e164`, and where it came from; nil when the data does not say (or the number is
    /// not North American).
    func kind(of e164: UInt64) -> (kind: Kind, source: Source)? {
        guard e164 >= 12_000_000_000, e164 < 20_000_000_000 else { return nil }
        let low = ported.lowerBound(of: e164)
        if low < ported.count, ported[low] == e164 { return (portedKinds[low], .ported) }
        let national = e164 - 10_000_000_000
        if let kind = blocks[UInt32(national / 1_000)] { return (kind, .block) }
        if let kind = exchanges[UInt32(national / 10_000)] { return (kind, .block) }
        return nil
    }

    /// The line types a number's own plan leaves open to the data: geographic types only, never a
    /// toll-free or premium-rate number.
    static let replaceable: Set<String> = ["fixed_line_or_mobile", "fixed_line", "mobile"]

    /// The table with, for one thread, the profiles it made: a number's facts with the data's line type.
    public final class Stage {
        public let table: LineTypes
        /// By profile id: the profile with the line type `mobile` (index 0) and `fixed_line` (index 1).
        private var variants: [Int: [NumberProfile?]] = [:]

        public init(table: LineTypes) {
            self.table = table
        }

        /// The same table for another thread, with a cache of its own.
        public func forAnotherThread() -> Stage { Stage(table: table) }

        /// The trace's line: the type the data gave and its date, or that the data does not say.
        func explain(_ number: NumberFacts, _ source: Source?) -> String {
            guard let source else { return "Line type: \(number.lineType) (the line-type data does not list it)" }
            return
                "Line type: \(number.lineType) (\(source.rawValue.replacingOccurrences(of: "_", with: " ")), data as of "
                + "\(table.asOf))"
        }

        /// `number` with the data's line type when the data knows it, and where the type came from.
        func apply(_ number: NumberFacts) -> (number: NumberFacts, source: Source?) {
            guard LineTypes.replaceable.contains(number.profile.lineType), let found = table.kind(of: number.e164)
            else { return (number, nil) }
            guard number.profile.lineType != found.kind.name else { return (number, found.source) }
            let profile = number.profile
            var slots = variants[profile.id] ?? [nil, nil]
            let index = Int(found.kind.rawValue)
            let variant =
                slots[index]
                ?? NumberProfile(
                    region: profile.region, lineType: found.kind.name, subdivision: profile.subdivision,
                    timeZones: profile.timeZones)
            if slots[index] == nil {
                slots[index] = variant
                variants[profile.id] = slots
            }
            return (NumberFacts(e164: number.e164, profile: variant), found.source)
        }
    }
}
