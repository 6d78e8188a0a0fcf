/// A registry or suppression list as the pipeline sees it: facts for the report and a membership test.
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
    }

    public var name: String
    public var kind: Kind
    /// Regions whose numbers the list applies to; empty means every region.
    public var regions: [String]
    /// The snapshot date, `YYYY-MM-DD`.
    public var snapshotDate: String?
    /// Days after the snapshot date for which the list counts as fresh.
    public var maxAgeDays: Int?
    public var entries: Int
    public var path: String
    public var sha256: String

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

    /// Whether the list applies to numbers of `region`.
    public func covers(region: String) -> Bool {
        regions.isEmpty || regions.contains(region)
    }

    /// How `reject_detail` names this list.
    public var detail: String {
        "\(kind == .registry ? "registry" : "list") \(name)" + (snapshotDate.map { " (snapshot \($0))" } ?? "")
    }
}

/// A suppression list held in memory for one run: a sorted array searched by bisection.
public final class InMemoryNumberList: NumberList {
    public let info: NumberListInfo
    private let sorted: [UInt64]

    public init(info: NumberListInfo, numbers: [UInt64]) {
        var numbers = numbers
        numbers.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(numbers.count)
        for number in numbers where unique.last != number { unique.append(number) }
        self.sorted = unique
        var info = info
        info.entries = unique.count
        self.info = info
    }

    public func contains(_ e164: UInt64) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < e164 { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == e164
    }
}
