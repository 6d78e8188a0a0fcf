import Foundation

/// The login name of the effective user as `id -un` says: an oracle for the name records hold.
package func loginNameFromID() throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/id")
    process.arguments = ["-un"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
}
