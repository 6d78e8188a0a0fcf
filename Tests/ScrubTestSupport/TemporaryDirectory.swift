import Foundation

/// A fresh directory under the system temporary directory, removed when the value is released.
package final class TemporaryDirectory: Sendable {
    package let url: URL

    package init(_ label: String = "scrub-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside this directory.
    package func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
