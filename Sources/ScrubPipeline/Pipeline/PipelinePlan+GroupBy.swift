import ScrubRules

extension PipelinePlan {
    /// Refuses a column whose values are personal data: reports are read by people who may not see
    /// the leads, and a count by phone number or name would list them.
    static func checkGroupable(
        _ column: PipelineDefinition.Located<String>, isPhone: Bool, isPerson: Bool
    ) throws(PipelineError) {
        let words = Set(column.value.lowercased().split { !$0.isLetter }.map(String.init))
        let personal = words.intersection(personalWords).sorted()
        guard !isPhone, !isPerson, personal.isEmpty else {
            let why =
                isPhone
                ? "it is the phone column"
                : isPerson ? "it is the person column" : "its name says it holds \(personal[0])s"
            throw PipelineError(
                .configuration,
                "report.group_by cannot count by `\(column.value)`: \(why), and reports hold no personal data; "
                    + "group by a column such as a state, a source or a campaign", at: column.location)
        }
    }

    /// Words in a column name that say its values are a person's: numbers, names, addresses.
    static let personalWords: Set<String> = [
        "phone", "mobile", "cell", "telephone", "tel", "fax", "number", "msisdn", "name", "firstname", "lastname",
        "surname", "fullname", "email", "mail", "address", "street", "birth", "dob",
    ]
}
