import ScrubIO

/// Writes numbers one a line as `+` and their E.164 digits, the layout `scrub registry build --format
/// e164` and plain suppression lists read.
final class E164ListWriter {
    private let sink: ByteSink
    private var buffer: [UInt8] = []
    private var digits = [UInt8](repeating: 0, count: 20)
    /// Numbers written so far.
    private(set) var count = 0

    init(sink: ByteSink) {
        self.sink = sink
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ number: UInt64) throws(ScrubIOError) {
        buffer.append(UInt8(ascii: "+"))
        var value = number
        var index = digits.count
        repeat {
            index -= 1
            digits[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        } while value > 0
        buffer.append(contentsOf: digits[index...])
        buffer.append(UInt8(ascii: "\n"))
        count += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    func finish() throws(ScrubIOError) {
        try flush()
        try sink.finish()
    }

    private func flush() throws(ScrubIOError) {
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
