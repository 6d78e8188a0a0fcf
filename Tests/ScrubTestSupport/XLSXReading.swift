import Foundation

/// A workbook's sheets as `openpyxl` reads them: each sheet's name and rows, a cell's value as text
/// (nil for an empty cell).
package struct XLSXSheet: Equatable, CustomStringConvertible {
    package var name: String
    package var rows: [[String?]]

    package init(name: String, rows: [[String?]]) {
        self.name = name
        self.rows = rows
    }

    package var description: String { "\(name): \(rows)" }
}

/// What stops a workbook from being read by `openpyxl`.
package struct XLSXReadError: Error, CustomStringConvertible {
    package var description: String
}

/// The `python3` on `PATH`, if any.
private let python3: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// Runs `python3 ARGUMENTS`, returning its status and standard output.
private func python(_ arguments: [String]) throws -> (status: Int32, output: Data, errors: String) {
    guard let python3 else { throw XLSXReadError(description: "python3 is not on PATH; .ci/run installs it") }
    let dir = try TemporaryDirectory("python-xlsx")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python3)
    process.arguments = arguments
    for name in ["out", "err"] { _ = FileManager.default.createFile(atPath: dir.path(name), contents: nil) }
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: dir.path("out")))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: dir.path("err")))
    try process.run()
    process.waitUntilExit()
    return (
        process.terminationStatus, try Data(contentsOf: URL(fileURLWithPath: dir.path("out"))),
        (try? String(contentsOfFile: dir.path("err"), encoding: .utf8)) ?? ""
    )
}

/// Installs `openpyxl` with pip when it is missing (once per test process).
private let openpyxlReady: Result<Void, XLSXReadError> = {
    do {
        if try python(["-c", "import openpyxl"]).status == 0 { return .success(()) }
        let install = try python(["-m", "pip", "install", "--quiet", "openpyxl"])
        if install.status == 0, try python(["-c", "import openpyxl"]).status == 0 { return .success(()) }
        return .failure(
            XLSXReadError(
                description: "openpyxl is missing and `python3 -m pip install openpyxl` failed (.ci/run installs it): "
                    + install.errors))
    } catch {
        return .failure(XLSXReadError(description: "cannot run python3: \(error)"))
    }
}()

/// Reads the workbook at `path` with `openpyxl` (installed with pip when missing).
package func readXLSX(_ path: String) throws -> [XLSXSheet] {
    try openpyxlReady.get()
    let script = """
        import json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        sheets = []
        for sheet in book.worksheets:
            rows = [[None if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            sheets.append({"name": sheet.title, "rows": rows})
        print(json.dumps(sheets))
        """
    let result = try python(["-c", script, path])
    guard result.status == 0 else {
        throw XLSXReadError(description: "openpyxl could not read \(path): \(result.errors)")
    }
    let sheets = try JSONSerialization.jsonObject(with: result.output) as! [[String: Any]]
    return sheets.map { sheet in
        XLSXSheet(
            name: sheet["name"] as! String,
            rows: (sheet["rows"] as! [[Any]]).map { row in row.map { $0 as? String } })
    }
}
