import ScrubIO

extension OptOutJournal {
    /// Appends an opt-out for every do-not-call row of a disposition file, with the row as evidence.
    ///
    /// Idempotent: an event is keyed by its evidence, number and time, and rows already in the journal
    /// are counted, not appended again, so importing the same file twice adds nothing the second
    /// time. The whole import is one append under the journal's lock. Unreadable rows (a bad number or
    /// time on a do-not-call row, or a malformed record) are counted and located in the report and
    /// the rest is imported: callers should exit non-zero when ``DispositionImportReport/unreadableRows``
    /// is not 0.
    ///
    /// - Throws: `RecordError` `.configuration` for a missing column, `.badData` for a broken
    ///   journal; `ScrubIOError` when the file cannot be read.
    /// - Complexity: one pass over the file; memory per do-not-call row and per journal event.
    @discardableResult
    public func importDispositions(
        _ options: DispositionImport, now: UTCTime, reading read: NumberReader
    ) throws -> DispositionImportReport {
        let fileName = options.path.split(separator: "/").last.map(String.init) ?? options.path
        let codes = Set(options.codes.map { Array($0.trimmingSpaces.uppercased().utf8) })
        let reader = try CSVReader(
            source: try ByteReader(path: options.path), options: CSVReaderOptions(delimiter: options.delimiter))
        func column(_ name: String, option: String) throws -> Int {
            let wanted = name.trimmingSpaces.lowercased()
            if let index = reader.header.texts.firstIndex(where: { $0.trimmingSpaces.lowercased() == wanted }) {
                return index
            }
            let present = reader.header.texts.joined(separator: ", ")
            throw RecordError(
                .configuration, "no column `\(name)` in the header (\(present)); name it with \(option)",
                at: options.path)
        }
        let numberIndex = try column(options.numberColumn, option: "--number-column")
        let timeIndex = try column(options.timeColumn, option: "--time-column")
        let codeIndex = try column(options.codeColumn, option: "--code-column")
        var idIndex: Int?
        if let id = options.idColumn {
            if options.idColumnRequired {
                idIndex = try column(id, option: "--id-column")
            } else {
                idIndex = try? column(id, option: "--id-column")
            }
        }

        let personIndex = try options.personColumn.map { try column($0, option: "--person-column") }

        var report = DispositionImportReport()
        var candidates: [OptOutEvent] = []
        var record = CSVRecord()
        readLoop: while true {
            switch try reader.next(into: &record) {
            case .endOfInput:
                break readLoop
            case .malformed(let bad):
                report.rows += 1
                report.unreadable("\(fileName):\(bad.line): the row does not parse as the header says")
                continue
            case .record:
                report.rows += 1
            }
            let code = Array(record[codeIndex]).trimmingSpaces.uppercasedASCII
            guard codes.contains(code) else { continue }
            report.doNotCallRows += 1
            let place = "\(fileName):\(record.line)"
            guard let time = UTCTime(parsing: record[timeIndex]) else {
                report.unreadable("\(place): the time is not an ISO 8601 time")
                continue
            }
            guard case .e164(let e164) = record.withField(numberIndex, { read($0, options.country) }) else {
                report.unreadable("\(place): the number is not valid")
                continue
            }
            let id = idIndex.map { String(decoding: Array(record[$0]).trimmingSpaces, as: UTF8.self) }
            // A blank key records the number alone; a key the journal would not take makes the row unreadable.
            let person = personIndex.map { PersonKey.trimmed(String(decoding: record[$0], as: UTF8.self)) }
                .flatMap { $0.isEmpty ? nil : $0 }
            if let person, let problem = PersonKey.problem(person) {
                report.unreadable("\(place): \(problem)")
                continue
            }
            candidates.append(
                OptOutEvent(
                    action: .optOut, time: time, recordedAt: now,
                    number: String(decoding: record[numberIndex], as: UTF8.self), e164: e164,
                    scope: options.scope, channel: options.channel,
                    reason: "disposition code \(String(decoding: code, as: UTF8.self))",
                    evidence: options.evidence(
                        fileName: fileName, line: record.line, id: id.flatMap { $0.isEmpty ? nil : $0 }),
                    actor: options.actor, person: person))
        }

        try log.append { lines in
            var recorded = Set<EventKey>()
            try Self.scan(lines, path: path) { event, _ in
                if event.action == .optOut { recorded.insert(EventKey(event)) }
            }
            var fresh: [[String: AuditValue]] = []
            for event in candidates {
                if recorded.insert(EventKey(event)).inserted {
                    fresh.append(event.fields)
                } else {
                    report.alreadyRecorded += 1
                }
            }
            report.appended = fresh.count
            return fresh
        }
        return report
    }
}

/// What makes two opt-outs the same record of the same request.
private struct EventKey: Hashable {
    var evidence: String
    var e164: UInt64
    var time: UTCTime

    init(_ event: OptOutEvent) {
        evidence = event.evidence
        e164 = event.e164
        time = event.time
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(decoding: Array(utf8).trimmingSpaces, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    fileprivate var trimmingSpaces: ArraySlice<UInt8> {
        var slice = self[...]
        while let first = slice.first, first == 0x20 || first == 0x09 { slice.removeFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0D { slice.removeLast() }
        return slice
    }
}

extension ArraySlice where Element == UInt8 {
    fileprivate var uppercasedASCII: [UInt8] {
        map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }
    }
}
