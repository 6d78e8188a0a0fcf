import ScrubRules

/// How a run writes its clean and rejects outputs (`output.format`, `output.delimiter`, `output.bom`,
/// `output.local_windows`).
///
/// The analyst who opens the outputs decides: a dialler takes `csv.gz`; Excel opens `csv` (with a
/// BOM, so that `Müller` is not read as Windows-1252) in the input's own delimiter, since European
/// Excel reads a `;` export and would open a `,` file as one column.
public struct OutputSettings: Equatable, Sendable {
    /// The file format of the clean and rejects outputs; it names their files.
    public enum Format: String, CaseIterable, Sendable {
        /// Gzipped CSV, compressed on the run's pool: the default.
        case csvGzip = "csv.gz"
        /// Plain CSV.
        case csv
        /// An Excel workbook: text cells, a header row on every sheet (``XLSXSink``).
        case xlsx
    }

    public var format: Format = .csvGzip
    /// The delimiter the pipeline asks for; nil keeps the input's (configured or detected).
    public var delimiter: UInt8?
    /// Whether plain CSV outputs start with a UTF-8 byte order mark (ignored for other formats: an
    /// XLSX file's text is always UTF-8).
    public var byteOrderMark = false
    /// Whether clean rows end with `call_windows_local` (`output.local_windows`). A dialler that
    /// reads only `call_windows_utc` turns it off: the column is the largest a clean row gains.
    public var localWindows = true

    public init(
        format: Format = .csvGzip, delimiter: UInt8? = nil, byteOrderMark: Bool = false, localWindows: Bool = true
    ) {
        self.format = format
        self.delimiter = delimiter
        self.byteOrderMark = byteOrderMark
        self.localWindows = localWindows
    }

    /// The clean and rejects file names, `clean.EXT` and `rejects.EXT`.
    public var fileNames: (clean: String, rejects: String) {
        ("clean.\(format.rawValue)", "rejects.\(format.rawValue)")
    }

    /// The delimiters a pipeline may name, by their spellings (`tab` and `\t` for a tab).
    static let delimiters: [String: UInt8] = [",": 0x2C, ";": 0x3B, "\\t": 0x09, "tab": 0x09, "\t": 0x09, "|": 0x7C]

    /// Reads a delimiter key's value: nil for `auto` (detect, or keep the input's).
    static func delimiter(
        _ text: PipelineDefinition.Located<String>, key: String
    ) throws(PipelineError) -> UInt8? {
        guard text.value != "auto" else { return nil }
        guard let byte = delimiters[text.value] else {
            throw PipelineError(
                .configuration, "\(key) must be auto, \",\", \";\", tab or \"|\"; not `\(text.value)`",
                at: text.location)
        }
        return byte
    }
}
