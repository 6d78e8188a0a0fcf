import Foundation

/// `Pipelines/sample.yaml` with its paths made absolute and `lines` appended, written to `dir/name`:
/// the bundled sample run from anywhere, with a section of the test's own. Returns the file's path.
package func samplePipeline(
    in dir: TemporaryDirectory, adding lines: String, name: String = "grouped.yaml"
) throws
    -> String
{
    let sample = try String(contentsOfFile: "Pipelines/sample.yaml", encoding: .utf8)
    let text = sample.replacingOccurrences(of: "../", with: FileManager.default.currentDirectoryPath + "/") + lines
    try text.write(toFile: dir.path(name), atomically: true, encoding: .utf8)
    return dir.path(name)
}
