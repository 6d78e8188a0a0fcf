/// An error in a rules or holiday-calendar file, found while loading it; it ends the run.
///
/// Renders as `file:line:column: error: rule US-FL: hours.mon: '08:00-25:00' is not HH:MM-HH:MM`, so an
/// editor can jump to the place and the reader knows which rule and field to fix.
public struct CallingRulesError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The rule or calendar the problem is in, when it is in one.
    public var item: String?
    /// The field, as a dotted path (`hours.mon-fri`, `effective.from`).
    public var field: String?
    public var message: String

    public init(
        file: String, line: Int? = nil, column: Int? = nil, item: String? = nil, field: String? = nil,
        message: String
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.item = item
        self.field = field
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        var text = "\(location): error: "
        if let item { text += "\(item): " }
        if let field { text += "\(field): " }
        return text + message
    }
}
