/// Which of a run's registries apply to a number's region, and what to say of a region none covers:
/// the one coverage function behind `RowDecider`, the report's warnings and `scrub check`.
///
/// A registry's coverage is its declared regions through `RegistryScope` (`NumberListInfo.coverage`),
/// matched against the region of the number, never the row's country column.
public struct RegistryCoverage: Sendable {
    /// Each registry's covered regions as `NumberProfile.regionCode`s; nil when it covers every region.
    private let codes: [[UInt16]?]
    /// Whether each list is a Do-Not-Call registry. A suppression list given as a registry is consulted
    /// like one, but covers no region for the gap warnings: an internal list is not a national registry.
    private let isRegistry: [Bool]

    /// Regions whose law has no national Do-Not-Call registry, with why (shared/research/calling-rules.md).
    static let noRegistry = [
        "DE": "calls need prior express consent: UWG §7(2)",
        "NL": "abolished when calls came to need prior consent on 2021-07-01: Telecommunicatiewet art. 11.7",
    ]

    /// - Parameter registries: the run's registries, in the run's order.
    public init(registries: [NumberListInfo]) {
        codes = registries.map { info in
            let coverage = info.coverage
            return coverage.isEmpty ? nil : coverage.map(NumberProfile.code)
        }
        isRegistry = registries.map { $0.kind == .registry }
    }

    /// Whether registry `index` applies to numbers of the region with `regionCode`.
    ///
    /// - Complexity: O(regions the registry covers), a handful of integer comparisons.
    public func applies(_ index: Int, toRegionCode regionCode: UInt16) -> Bool {
        codes[index]?.contains(regionCode) ?? true
    }

    /// Whether a Do-Not-Call registry applies to numbers of the region with `regionCode`.
    public func isCovered(regionCode: UInt16) -> Bool {
        codes.indices.contains { isRegistry[$0] && applies($0, toRegionCode: regionCode) }
    }

    /// nil when a registry covers `region`; otherwise the clause that says none does (`no Do-Not-Call
    /// registry covers AU`), or that the region's law has no registry at all when that is known.
    public func gap(region: String) -> String? {
        guard !isCovered(regionCode: NumberProfile.code(region)) else { return nil }
        return Self.noRegistry[region].map { "\(region) has no national Do-Not-Call registry (\($0))" }
            ?? "no Do-Not-Call registry covers \(region)"
    }

    /// The report's warnings for the clean rows of regions no registry covers, one a region, by
    /// region code: `no Do-Not-Call registry covers AU: 120 clean row(s) were not checked against one`.
    public func gapWarnings(cleanByRegion: [String: Int]) -> [String] {
        cleanByRegion.sorted { $0.key < $1.key }.compactMap { region, rows in
            guard rows > 0, let gap = gap(region: region) else { return nil }
            return "\(gap): \(rows) clean row(s) were not checked against one"
        }
    }
}
