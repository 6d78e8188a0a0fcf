import Foundation

/// `Pipelines/sample.yaml` with its paths made absolute and `lines` appended, written to `dir/name`:
/// the bundled sample run from anywhere, with a section of the test's own. Returns the file's path.
///
/// - Parameter standardInput: read the sample's leads from standard input (`files: "-"`) instead.
package func samplePipeline(
    in dir: TemporaryDirectory, adding lines: String, name: String = "grouped.yaml", standardInput: Bool = false
) throws -> String {
    let root = FileManager.default.currentDirectoryPath
    let sample = try String(contentsOfFile: "Pipelines/sample.yaml", encoding: .utf8)
    var text = sample.replacingOccurrences(of: "../", with: root + "/") + lines
    if standardInput { text = text.replacingOccurrences(of: root + "/SampleData/leads.csv.gz", with: "\"-\"") }
    try text.write(toFile: dir.path(name), atomically: true, encoding: .utf8)
    return dir.path(name)
}
