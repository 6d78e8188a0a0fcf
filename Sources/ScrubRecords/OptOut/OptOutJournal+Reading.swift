extension OptOutJournal {
    /// Reads every event under a shared lock, checking the hash chain as it goes.
    ///
    /// - Parameter body: called with each event and its 1-based line.
    /// - Throws: `RecordError` `.badData` at `journal:line` for the first line that is edited,
    ///   out of place or not an event; `.missingInput` when the journal does not exist.
    public func forEachEvent(_ body: (OptOutEvent, Int) throws -> Void) throws {
        try log.read { try Self.scan($0, path: path, body) }
    }

    /// The journal's current state.
    public func state() throws -> OptOutState {
        var state = OptOutState()
        try forEachEvent { state.apply($0, line: $1) }
        return state
    }

    /// Reads the events of locked `lines`, checking the chain; see ``forEachEvent(_:)``.
    static func scan(_ lines: LogLines, path: String, _ body: (OptOutEvent, Int) throws -> Void) throws {
        var chain = HashChain()
        try lines.forEach { number, line in
            guard !line.isEmpty else { return }
            let parsed: (OptOutEvent, link: String)
            do throws(EventParseError) {
                parsed = try OptOutEvent.parse(line: line)
            } catch {
                throw RecordError(
                    .badData, "not a journal event: \(error.message). Run scrub audit verify on the journal",
                    at: "\(path):\(number)")
            }
            if let problem = chain.take(line: line, link: parsed.link) {
                throw RecordError(
                    .badData, "the journal's hash chain is broken: \(problem)", at: "\(path):\(number)")
            }
            try body(parsed.0, number)
        }
    }
}
