/// A zip archive written front to back to a sink, one deflated entry at a time, with fixed dates so
/// that the same entries always give the same bytes.
///
/// Entries are streamed: each local header says its CRC and sizes follow in a data descriptor
/// (general-purpose flag bit 3), so nothing is buffered or written twice. Every date is the zip
/// epoch, 1980-01-01 00:00, and no extra fields or attributes are written, so the archive is a
/// function of the entries' names and bytes and the compression level alone. Names are UTF-8
/// (flag bit 11).
///
/// Limits: no ZIP64, so each entry and the whole archive stay under 4 GiB and there are at most
/// 65,535 entries; past those it throws rather than write an archive that would not read.
public final class ZipStreamWriter {
    private struct Entry {
        var name: [UInt8]
        var offset: UInt32
        var crc: UInt32
        var compressed: UInt32
        var uncompressed: UInt32
    }

    private let sink: ByteSink
    private let level: Int
    private var entries: [Entry] = []
    private var offset = 0
    /// The entry being written: its name, offset, CRC and sizes so far, and its deflater.
    private var current: (name: [UInt8], offset: Int, crc: UInt32, compressed: Int, uncompressed: Int)?
    private var deflater: ZlibDeflater?
    private var output = [UInt8](repeating: 0, count: 64 * 1024)

    /// Flags: sizes in a data descriptor (bit 3), UTF-8 names (bit 11).
    private static let flags: UInt16 = 0x0808
    /// 1980-01-01 00:00 in MS-DOS date and time.
    private static let dosDate: UInt16 = 0x0021
    private static let dosTime: UInt16 = 0

    /// - Parameter level: the deflate level of every entry, 0 to 9.
    public init(sink: ByteSink, level: Int) {
        self.sink = sink
        self.level = level
    }

    /// Starts an entry named `name` (a path inside the archive); ends the one being written, if any.
    public func beginEntry(_ name: String) throws(ScrubIOError) {
        try endEntry()
        let nameBytes = Array(name.utf8)
        var header: [UInt8] = []
        header.le32(0x0403_4B50)
        header.le16(20)
        header.le16(Self.flags)
        header.le16(8)
        header.le16(Self.dosTime)
        header.le16(Self.dosDate)
        header.le32(0)
        header.le32(0)
        header.le32(0)
        header.le16(UInt16(nameBytes.count))
        header.le16(0)
        header += nameBytes
        current = (nameBytes, offset, 0, 0, 0)
        try emit(header)
        deflater = ZlibDeflater(level: level, raw: true)
    }

    /// Adds `bytes` to the current entry.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(ScrubIOError) {
        guard var entry = current, let deflater else { preconditionFailure("write before beginEntry") }
        entry.crc = ZlibChecksum.crc32(entry.crc, bytes)
        entry.uncompressed += bytes.count
        current = entry
        try deflate(bytes, with: deflater, finish: false)
    }

    /// Adds the bytes of `array` to the current entry.
    public func write(_ array: [UInt8]) throws(ScrubIOError) {
        var failure: ScrubIOError?
        array.withUnsafeBytes { bytes in
            do throws(ScrubIOError) { try write(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Ends the current entry, if any: the rest of its deflate stream, then its data descriptor.
    public func endEntry() throws(ScrubIOError) {
        guard current != nil, let deflater else { return }
        try deflate(UnsafeRawBufferPointer(start: nil, count: 0), with: deflater, finish: true)
        self.deflater = nil
        let entry = current!
        current = nil
        guard entry.uncompressed <= UInt32.max, entry.compressed <= UInt32.max, entry.offset <= UInt32.max else {
            throw Self.tooLarge(String(decoding: entry.name, as: UTF8.self))
        }
        let done = Entry(
            name: entry.name, offset: UInt32(entry.offset), crc: entry.crc, compressed: UInt32(entry.compressed),
            uncompressed: UInt32(entry.uncompressed))
        entries.append(done)
        var descriptor: [UInt8] = []
        descriptor.le32(0x0807_4B50)
        descriptor.le32(done.crc)
        descriptor.le32(done.compressed)
        descriptor.le32(done.uncompressed)
        try emit(descriptor)
    }

    /// Ends the current entry, writes the central directory and finishes the sink.
    public func finish() throws(ScrubIOError) {
        try endEntry()
        guard entries.count <= 0xFFFF else { throw Self.tooLarge("\(entries.count) entries") }
        let directoryStart = offset
        var directory: [UInt8] = []
        for entry in entries {
            directory.le32(0x0201_4B50)
            directory.le16(20)
            directory.le16(20)
            directory.le16(Self.flags)
            directory.le16(8)
            directory.le16(Self.dosTime)
            directory.le16(Self.dosDate)
            directory.le32(entry.crc)
            directory.le32(entry.compressed)
            directory.le32(entry.uncompressed)
            directory.le16(UInt16(entry.name.count))
            directory.le16(0)
            directory.le16(0)
            directory.le16(0)
            directory.le16(0)
            directory.le32(0)
            directory.le32(entry.offset)
            directory += entry.name
        }
        guard directoryStart + directory.count <= UInt32.max else { throw Self.tooLarge("the archive") }
        let directorySize = directory.count
        directory.le32(0x0605_4B50)
        directory.le16(0)
        directory.le16(0)
        directory.le16(UInt16(entries.count))
        directory.le16(UInt16(entries.count))
        directory.le32(UInt32(directorySize))
        directory.le32(UInt32(directoryStart))
        directory.le16(0)
        try emit(directory)
        try sink.finish()
    }

    private func deflate(
        _ input: UnsafeRawBufferPointer, with deflater: ZlibDeflater, finish: Bool
    ) throws(ScrubIOError) {
        var rest = input
        while true {
            let step = output.withUnsafeMutableBytes { deflater.deflate(rest, into: $0, finish: finish) }
            if step.produced > 0 {
                current!.compressed += step.produced
                try emit(Array(output[..<step.produced]))
            }
            rest = UnsafeRawBufferPointer(rebasing: rest[step.consumed...])
            if case .dataError(let message) = step.status {
                throw ScrubIOError(.io, path: "<zip>", message: "compression failed: \(message)")
            }
            if finish ? step.status == .streamEnd : (rest.isEmpty && step.produced < output.count) { return }
        }
    }

    private func emit(_ bytes: [UInt8]) throws(ScrubIOError) {
        try sink.write(bytes)
        offset += bytes.count
    }

    private static func tooLarge(_ what: String) -> ScrubIOError {
        ScrubIOError(
            .io, path: "<zip>", message: "\(what) is past the zip format's 4 GiB / 65,535-entry limits (no ZIP64)")
    }
}

extension [UInt8] {
    fileprivate mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func le32(_ value: UInt32) {
        le16(UInt16(value & 0xFFFF))
        le16(UInt16(value >> 16))
    }
}
