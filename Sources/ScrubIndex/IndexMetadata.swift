import Foundation

/// What an index file says about itself: which list it is, what it covers, when it was taken and how
/// it was built.
///
/// Stored in the file as canonical JSON (sorted keys, no insignificant whitespace), so the same
/// metadata always gives the same bytes. See `docs/index-format.md`.
public struct IndexMetadata: Codable, Sendable, Equatable {
    /// Whether a list says who must not be called, or who asked one business not to call.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A national Do-Not-Call registry (US FTC, Canada CRTC, UK TPS, Australia DNCR...).
        case registry
        /// A company's own suppression list (internal opt-outs, customers).
        case suppression
        /// A litigator list: numbers of people who sue callers (serial TCPA plaintiffs, their attorneys),
        /// from a data vendor. Covers every number, whatever its region; no exemption clears it.
        case litigator
    }

    /// One input the index was built from, with what the build made of it.
    public struct Source: Codable, Sendable, Equatable {
        /// What the source did to the entry set.
        public enum Role: String, Codable, Sendable {
            /// Part of a full list: every key in it is in the index.
            case full
            /// A delta's additions.
            case add
            /// A delta's removals.
            case remove
        }

        /// The file's name as given to the builder, without its directory (`-` for standard input).
        public var name: String
        /// The SHA-256 of the file's text as the builder read it (after gunzip), lowercase hex.
        public var sha256: String
        public var role: Role
        /// Lines that held a key.
        public var keyLines: Int
        /// Lines that could not be read as a key.
        public var invalidLines: Int

        public init(name: String, sha256: String, role: Role, keyLines: Int, invalidLines: Int) {
            self.name = name
            self.sha256 = sha256
            self.role = role
            self.keyLines = keyLines
            self.invalidLines = invalidLines
        }
    }

    /// The snapshot a delta-built file was made from.
    public struct Parent: Codable, Sendable, Equatable {
        public var name: String
        public var snapshotDate: String
        /// The parent's payload checksum (lowercase hex SHA-256), which identifies its exact entries.
        public var payloadSHA256: String
        public var entryCount: Int

        public init(name: String, snapshotDate: String, payloadSHA256: String, entryCount: Int) {
            self.name = name
            self.snapshotDate = snapshotDate
            self.payloadSHA256 = payloadSHA256
            self.entryCount = entryCount
        }
    }

    /// The list's name, e.g. `us-ftc-dnc`.
    public var name: String
    public var kind: Kind
    /// ISO 3166-1 alpha-2 codes of the regions the list was declared for, e.g. `["US"]`. What that
    /// covers is `coverage`, derived when the file is read.
    public var regions: [String]
    /// The day the snapshot was taken, `YYYY-MM-DD`.
    public var snapshotDate: String
    /// After how many days past `snapshotDate` the snapshot is stale and must not be used.
    public var maxAgeDays: Int
    public var sources: [Source]
    public var parent: Parent?
    /// The builder that wrote the file, e.g. `scrub-index 1`.
    public var builderVersion: String
    /// Input lines whose key was already present (merged into one entry).
    public var duplicateKeys: Int
    /// The snapshots the index was built from, oldest first: its full snapshot, then each change list
    /// applied since. Always present in format version 2; absent in version 1 (see ``snapshotChain``).
    public var chain: [SnapshotLink]?
    /// A suppression index compiled from an opt-out journal for calls about one scope (`scrub optout
    /// compile --scope`): it holds that scope's opt-outs and those of `all`, not other brands'. Absent
    /// for every other index, one compiled with every opt-out included (so their bytes are unchanged).
    public var scope: String?

    public init(
        name: String, kind: Kind, regions: [String], snapshotDate: String, maxAgeDays: Int,
        sources: [Source] = [], parent: Parent? = nil, builderVersion: String = IndexMetadata.currentBuilderVersion,
        duplicateKeys: Int = 0, chain: [SnapshotLink]? = nil, scope: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.regions = regions
        self.snapshotDate = snapshotDate
        self.maxAgeDays = maxAgeDays
        self.sources = sources
        self.parent = parent
        self.builderVersion = builderVersion
        self.duplicateKeys = duplicateKeys
        self.chain = chain
        self.scope = scope
    }

    /// The regions whose numbers the list covers: `regions` through `RegistryScope`, so `US` covers
    /// Puerto Rico, Guam, the US Virgin Islands, American Samoa and the Northern Mariana Islands too.
    public var coverage: [String] { RegistryScope.coverage(of: regions) }

    /// The builder version written by this code.
    public static let currentBuilderVersion = "scrub-index 2.0"

    /// The usual maximum age for a region's national registry: 31 days for the US and Canada, 30 for
    /// Australia, 28 for the UK TPS; 31 elsewhere.
    public static func defaultMaxAgeDays(regions: [String]) -> Int {
        let days = regions.map { region -> Int in
            switch region.uppercased() {
            case "AU": 30
            case "GB", "UK": 28
            default: 31
            }
        }
        return days.min() ?? 31
    }

    /// Whether `text` is a calendar date written `YYYY-MM-DD`.
    public static func isValidDate(_ text: String) -> Bool {
        day(text) != nil
    }

    /// Days from 1970-01-01 to the date `YYYY-MM-DD`, or nil when `text` is not such a date.
    static func day(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let dayOfMonth = number(8..<10),
            (1...12).contains(month)
        else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...monthDays[month - 1]).contains(dayOfMonth) else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + dayOfMonth - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// How many days old the snapshot is on `date` (`YYYY-MM-DD`), or nil if either date is malformed.
    public func ageInDays(on date: String) -> Int? {
        guard let today = Self.day(date), let taken = Self.day(snapshotDate) else { return nil }
        return today - taken
    }

    /// Whether the snapshot is past its maximum age on `date` (`YYYY-MM-DD`); a malformed date is stale.
    public func isStale(on date: String) -> Bool {
        guard let age = ageInDays(on: date) else { return true }
        return age > maxAgeDays || age < 0
    }

    /// The canonical JSON bytes stored in the file.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> IndexMetadata {
        try JSONDecoder().decode(IndexMetadata.self, from: Data(bytes))
    }
}
