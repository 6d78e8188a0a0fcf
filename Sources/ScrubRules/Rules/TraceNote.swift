/// Lines a trace holds between rules that no single rule owns: a section with no rule in it
/// (`none configured`), the opt-out journal's freshness, and a region no registry covers.
///
/// Written only when tracing; the run never consults them.
enum TraceNote {
    /// Fixed lines.
    case lines([String])
    /// `WARNING: no Do-Not-Call registry covers IT: ...` when the number's region has none.
    case coverageGap(RegistryCoverage)

    func write(_ number: NumberFacts, to trace: inout DecisionTrace?) {
        switch self {
        case .lines(let lines):
            for line in lines { trace?.append(line) }
        case .coverageGap(let coverage):
            guard let gap = coverage.gap(region: number.region) else { return }
            trace?.append("  WARNING: \(gap): this number was not checked against one")
        }
    }
}
