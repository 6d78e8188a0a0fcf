import ScrubRules

extension LineTypes {
    /// `report.json`'s `line_types`: the data's date and its files with their digests.
    var facts: RunReport.LineTypeFacts {
        RunReport.LineTypeFacts(
            asOf: asOf.description,
            files: files.map {
                .init(
                    path: $0.path, sha256: try? FileDigest.sha256(path: $0.path), source: $0.source.rawValue,
                    entries: $0.entries)
            })
    }
}

extension ReassignedNumbers {
    /// `report.json`'s `reassigned`: the files (with their digests) and the rows counted by finding,
    /// every finding present so that a zero is written, not left out.
    func facts(rows: [Finding: Int]) -> RunReport.ReassignedFacts {
        RunReport.ReassignedFacts(
            files: files.map { file in
                .init(
                    path: file.path, sha256: try? FileDigest.sha256(path: file.path),
                    answers: Dictionary(
                        uniqueKeysWithValues: Answer.allCases.map { ($0.rawValue, file.answers[$0] ?? 0) }),
                    firstDateAsked: file.firstDateAsked?.description, lastDateAsked: file.lastDateAsked?.description)
            },
            rows: Dictionary(uniqueKeysWithValues: Finding.allCases.map { ($0.rawValue, rows[$0] ?? 0) }))
    }
}
