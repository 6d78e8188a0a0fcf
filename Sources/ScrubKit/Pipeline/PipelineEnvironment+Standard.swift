import CallingWindows

extension PipelineEnvironment {
    /// The production stages: the given normaliser, memory-mapped index files, and the bundled
    /// calling-hour rule book.
    public static func standard(normalizer: NumberNormalizing) -> PipelineEnvironment {
        PipelineEnvironment(
            normalizer: normalizer,
            openIndex: { try IndexNumberList(path: $0) },
            isIndexFile: IndexNumberList.isIndexFile,
            windows: { date, purpose in
                RuleBookWindows(ruleBook: try RuleBook.bundled(), date: date, purpose: purpose)
            })
    }
}
