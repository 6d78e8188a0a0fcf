import CallingWindows
import Foundation
import ScrubRules

extension PipelineEnvironment {
    /// The production stages: the given normaliser, memory-mapped index files, and the bundled
    /// calling-hour rule book.
    public static func standard(normalizer: NumberNormalizing) -> PipelineEnvironment {
        PipelineEnvironment(
            normalizer: normalizer,
            openIndex: { try IndexNumberList(path: $0) },
            isIndexFile: IndexNumberList.isIndexFile,
            windows: { date, purpose, companyRulesFile in
                let book = try RuleBook.bundled()
                var companyRules: [CallingRule] = []
                if let companyRulesFile {
                    guard let data = FileManager.default.contents(atPath: companyRulesFile) else {
                        throw PipelineError(.missingInput, "cannot read the company rules file", at: companyRulesFile)
                    }
                    companyRules = try book.parseCompanyRules(
                        yaml: String(decoding: data, as: UTF8.self), file: companyRulesFile)
                }
                return RuleBookWindows(ruleBook: book, companyRules: companyRules, date: date, purpose: purpose)
            })
    }
}
