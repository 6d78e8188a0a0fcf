import ScrubRules

extension PipelinePlan {
    /// The `output` section's format, delimiter, BOM and local windows, each checked with its location.
    static func resolveOutputSettings(
        _ definition: PipelineDefinition, overrides: PipelineDefinition
    ) throws(PipelineError) -> OutputSettings {
        var settings = OutputSettings()
        if let text = overrides.outputFormat ?? definition.outputFormat {
            guard let format = OutputSettings.Format(rawValue: text.value) else {
                throw PipelineError(
                    .configuration,
                    "unknown output format `\(text.value)`; expected one of: "
                        + OutputSettings.Format.allCases.map(\.rawValue).joined(separator: ", "), at: text.location)
            }
            settings.format = format
        }
        if let text = overrides.outputDelimiter ?? definition.outputDelimiter {
            settings.delimiter = try OutputSettings.delimiter(text, key: "output delimiter")
        }
        settings.byteOrderMark = (overrides.outputBOM ?? definition.outputBOM)?.value ?? false
        settings.localWindows = (overrides.outputLocalWindows ?? definition.outputLocalWindows)?.value ?? true
        return settings
    }

    /// The delimiter of the CSV outputs: `output.delimiter`, else the input's (configured, else the
    /// one detected in the first named input's header), else a comma.
    ///
    /// Standard input read alone is detected only once the run reads it, after the outputs exist:
    /// its outputs are `,`-separated unless `input.delimiter` or `output.delimiter` says otherwise.
    public var outputDelimiter: UInt8 {
        output.delimiter ?? delimiter ?? detectedDelimiter ?? UInt8(ascii: ",")
    }
}
