import Foundation
import ScrubIO
import ScrubRules

extension ScrubRun {
    /// Reads one input on every core: workers parse, decide and encode its chunks; this thread hands
    /// them to the sequencer in input order.
    ///
    /// - Parameter workers: the run's workers; nil for standard input read alone, whose workers are
    ///   made here from the plan its header placed.
    func scrub(
        _ input: String, pool: WorkerPool, workers: RowWorkers?, sequencer: inout Sequencer, outputs: RunOutputs,
        reading: inout InputsRead
    ) throws {
        // Standard input cannot be read twice: it is hashed as it is read, not on a thread of its own.
        let stdin = input == "-" ? HashingSource(try ByteReader(path: "-", decompress: false)) : nil
        let digest = stdin == nil ? BackgroundDigest(path: input) : nil
        let bytes = PrefetchingByteSource(try stdin.map { try ByteReader(source: $0) } ?? ByteReader(path: input))
        // Set once the header is read, before the first chunk is handed to a worker.
        let layout = GuardedState<(input: RowInput, workers: RowWorkers)?>(nil)
        let reader = try ParallelCSVReader(
            source: bytes, options: .init(delimiter: plan.delimiter), pool: pool, chunkSize: max(1, chunkSize)
        ) { chunk in
            guard let (input, workers) = layout.update({ $0 }) else { preconditionFailure("a chunk before its header") }
            return try workers.with { worker in try worker.encode(chunk, of: input) }
        }
        let inputName = URL(fileURLWithPath: input).lastPathComponent
        if stdin != nil, plan.readsStandardInputAlone {
            // Its header places the columns, consent's among them: the deciders and counts follow.
            plan = try plan.placed(forHeader: reader.header.texts, of: input)
            sequencer.place(plan)
        } else if stdin != nil {
            _ = try plan.columns(forHeader: reader.header.texts, of: input)  // the named inputs' header
        }
        let inputWorkers = workers ?? RowWorkers(count: threads + 1, plan: plan, delimiter: plan.outputDelimiter)
        let columns = plan.columns
        let rowInput = RowInput(
            name: inputName, columns: columns, delimiter: reader.dialect.delimiter, width: reader.header.count)
        layout.update { $0 = (rowInput, inputWorkers) }
        try outputs.start(
            header: reader.header, cleanColumns: cleanColumns(for: columns),
            rejectColumns: Self.rejectColumns(for: columns))

        var nextProgress = (sequencer.tally.rowsIn / 65_536 + 1) * 65_536
        while let next = try reader.next() {
            let before = CPUTime.currentThread()
            let compressedBefore = outputs.compressionCPU
            try sequencer.take(next.chunk, next.output, of: rowInput, to: outputs)
            var used = CPUTime.currentThread() - before
            // On one thread the outputs' blocks are compressed right here: that is `compress`.
            if pool.threads == 1 { used -= outputs.compressionCPU - compressedBefore }
            reading.sequencerCPU += used
            if sequencer.tally.rowsIn >= nextProgress {
                nextProgress = (sequencer.tally.rowsIn / 65_536 + 1) * 65_536
                progress?(reading.bytesBefore + bytes.fileBytesRead, reading.totalBytes, sequencer.tally.rowsIn)
            }
        }
        reading.warnings += reader.counters.runWarnings(
            inputName: inputName, maxRecordBytes: reader.options.maxRecordBytes)
        reading.bytesBefore += bytes.fileBytesRead
        reading.inflateCPU += bytes.backgroundCPUTime
        reading.parseCPU += reader.parseCPUTime
        progress?(reading.bytesBefore, reading.totalBytes, sequencer.tally.rowsIn)
        logger.info("input read", metadata: ["input": "\(inputName)", "rows_so_far": "\(sequencer.tally.rowsIn)"])
        reading.facts.append(
            .init(
                path: input, bytes: bytes.finishedReader?.fileBytesRead ?? bytes.fileBytesRead,
                sha256: try digest?.wait() ?? stdin?.digest ?? ""))
    }

    /// The compressed bytes of every input that is a file, for the progress callback.
    static func totalBytes(of inputs: [String]) -> Int64 {
        inputs.reduce(Int64(0)) { sum, path in
            sum + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0)
        }
    }

    func logStart() {
        logger.info(
            "run started",
            metadata: [
                "pipeline": "\(plan.name)", "inputs": "\(plan.inputs.count)",
                "registries": "\(plan.registries.map(\.info.name))",
                "suppression_lists": "\(plan.suppressionLists.count)", "campaign_date": "\(plan.campaignDate)",
                "threads": "\(threads)",
            ])
    }
}

/// What reading the inputs gathered for the report, input after input.
struct InputsRead {
    let totalBytes: Int64
    /// Compressed bytes of the inputs read before the current one.
    var bytesBefore: Int64 = 0
    var facts: [RunReport.FileFacts] = []
    /// How the inputs were read: quotes that never close, rows past the size limit.
    var warnings: [String] = []
    var inflateCPU: Duration = .zero
    var parseCPU: Duration = .zero
    var sequencerCPU: Duration = .zero
}
