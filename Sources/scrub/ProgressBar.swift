import Foundation
import Logging

/// A one-line progress bar on standard error: percent of compressed input read, rows/s, ETA.
///
/// The bar redraws its line with a carriage return and no line feed, so anything else written to
/// standard error while it shows would land on its line: log lines go through
/// ``ProgressBar/LineClearing``, which clears the bar first (the next update draws it again).
final class ProgressBar: @unchecked Sendable {  // `shown` is guarded by `lock`: logs may come from any thread
    private let enabled: Bool
    private let started = Date()
    private let lock = NSLock()
    private var shown = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(bytes: Int64, total: Int64, rows: Int) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(started)
        let fraction = total > 0 ? min(1, Double(bytes) / Double(total)) : 0
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        lock.withLock {
            FileHandle.standardError.write(
                Data(String(format: "\r[%@] %3.0f%%  %.0f rows/s  ETA %.0fs ", bar, fraction * 100, rate, eta).utf8))
            shown = true
        }
    }

    /// Clears the bar's line if it shows, so that what is written next starts a line of its own.
    func finish() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
        }
    }

    /// A log handler that clears the bar's line before each message it passes on.
    struct LineClearing: LogHandler {
        let bar: ProgressBar
        var inner: any LogHandler

        var metadataProvider: Logger.MetadataProvider? {
            get { inner.metadataProvider }
            set { inner.metadataProvider = newValue }
        }
        var metadata: Logger.Metadata {
            get { inner.metadata }
            set { inner.metadata = newValue }
        }
        var logLevel: Logger.Level {
            get { inner.logLevel }
            set { inner.logLevel = newValue }
        }
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { inner[metadataKey: key] }
            set { inner[metadataKey: key] = newValue }
        }

        func log(event: LogEvent) {
            bar.finish()
            inner.log(event: event)
        }
    }
}
