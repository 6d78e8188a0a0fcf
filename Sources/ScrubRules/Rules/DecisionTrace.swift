/// The lines in which a decision explains itself when tracing is on (`scrub check`): each rule adds
/// what it looked at and why it passed or rejected the row.
///
/// The run decides with no trace (nil), so a rule builds no text for it.
public struct DecisionTrace: Sendable, Equatable {
    public private(set) var lines: [String] = []
    private var heading: String?

    public init() {}

    /// Adds one line.
    mutating func append(_ line: String) {
        lines.append(line)
    }

    /// Adds text of several lines, one line each, empty ones kept.
    mutating func append(text: String) {
        lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Adds `heading` unless it is already the current section's, so that rules of one kind (the
    /// suppression lists, the registries) share one.
    mutating func section(_ heading: String) {
        guard self.heading != heading else { return }
        self.heading = heading
        lines.append(heading)
    }
}
