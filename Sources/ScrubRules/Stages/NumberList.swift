import ScrubIndex

/// A registry or suppression list as the pipeline sees it: facts for the report and a membership test.
///
/// A run asks from several threads at once, so a list must not change after it is made.
public protocol NumberList: AnyObject {
    var info: NumberListInfo { get }
    /// Whether the E.164 number (as an integer) is on the list.
    func contains(_ e164: UInt64) -> Bool
}

/// Facts about a list, recorded in reports and audit records.
public struct NumberListInfo: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case registry
        case suppression
        /// A litigator list: consulted with the registries, for every region (see ``LitigatorRule``).
        case litigator
    }

    public var name: String
    public var kind: Kind
    /// Regions the list was declared for; empty means every region. What that covers is `coverage`.
    public var regions: [String]
    /// The snapshot date, `YYYY-MM-DD`.
    public var snapshotDate: String?
    /// Days after the snapshot date for which the list counts as fresh.
    public var maxAgeDays: Int?
    public var entries: Int
    public var path: String
    public var sha256: String
    /// An opt-out index compiled for one scope (``ScrubIndex/IndexMetadata/scope``); nil for every other list.
    public var scope: String?

    public init(
        name: String, kind: Kind, regions: [String], snapshotDate: String?, maxAgeDays: Int?, entries: Int,
        path: String, sha256: String
    ) {
        self.name = name
        self.kind = kind
        self.regions = regions
        self.snapshotDate = snapshotDate
        self.maxAgeDays = maxAgeDays
        self.entries = entries
        self.path = path
        self.sha256 = sha256
    }

    /// The regions whose numbers the list applies to, from its declared regions and the registry's
    /// legal scope (`RegistryScope`): `US` covers `PR`, `GU`, `VI`, `AS` and `MP` too. Empty: every region.
    public var coverage: [String] { RegistryScope.coverage(of: regions) }

    /// How `reject_detail` names this list.
    public var detail: String {
        let noun =
            switch kind {
            case .registry: "registry"
            case .suppression: "list"
            case .litigator: "litigator list"
            }
        return "\(noun) \(name)" + (snapshotDate.map { " (snapshot \($0))" } ?? "")
    }
}

/// A suppression list held in memory for one run, as a hash set: one probe per row, where
/// bisecting a sorted list of 100,000 numbers took 17.
public final class InMemoryNumberList: NumberList {
    public let info: NumberListInfo
    private let numbers: UInt64Map<Void>

    public init(info: NumberListInfo, numbers: [UInt64]) {
        let set = UInt64Map<Void>(minimumCapacity: numbers.count)
        for number in numbers where number != .max { set.insertIfAbsent((), for: number) }
        self.numbers = set
        var info = info
        info.entries = set.count
        self.info = info
    }

    public func contains(_ e164: UInt64) -> Bool {
        numbers.value(for: e164) != nil
    }
}
