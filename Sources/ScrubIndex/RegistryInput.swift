import Foundation
import ScrubIO
import ZIPFoundation

/// One input file of a list as named on the command line, read into a ``KeyCollector``: a plain or
/// gzipped file (gzip detected by content), or a zip archive (detected by content too) whose every
/// file member is read in the archive's order, each as its own source named `archive.zip/member`.
///
/// A SHA-256 sidecar beside the file (`FILE.sha256`, the `sha256sum` format), as some operators
/// publish, is verified first, over the bytes as stored; a mismatch refuses the input before anything
/// is read from it.
public enum RegistryInput {
    /// What reading one input did.
    public struct Reading<Parser> {
        /// Each file read (the input, or each zip member as `path/member`) with the parser that read it,
        /// in order.
        public var parts: [(name: String, parser: Parser)] = []
        /// The sidecar the input was verified against, when there was one.
        public var sidecar: String?
    }

    /// Reads `path` into `collector`, each file or zip member through a fresh parser from `makeParser`.
    ///
    /// - Throws: ``IndexError`` `.corruptPayload` when a sidecar's checksum does not match, `.cannotOpen`
    ///   or `.io` for an archive that cannot be read; `ScrubIOError` for a file that cannot be read.
    public static func read<Parser: IndexStreamParser>(
        _ path: String, role: IndexMetadata.Source.Role, into collector: inout KeyCollector,
        makeParser: () -> Parser
    ) throws -> Reading<Parser> {
        var reading = Reading<Parser>()
        reading.sidecar = try ChecksumSidecar.verify(path)
        guard path != "-", try isZip(path) else {
            var parser = makeParser()
            let reader = try ByteReader(path: path)
            try collector.readStream(named: path, role: role, parser: &parser) { consume in
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
                defer { buffer.deallocate() }
                var count = try reader.read(into: buffer)
                while count > 0 {
                    try consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                    count = try reader.read(into: buffer)
                }
            }
            reading.parts.append((path, parser))
            return reading
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw IndexError(.cannotOpen, path: path, message: "cannot read the zip archive (\(error))")
        }
        let archiveName = path.split(separator: "/").last.map(String.init) ?? path
        for entry in archive where entry.type == .file {
            let name = "\(path)/\(entry.path)"
            var parser = makeParser()
            do {
                try collector.readStream(
                    named: name, recordedAs: "\(archiveName)/\(entry.path)", role: role, parser: &parser
                ) { consume in
                    _ = try archive.extract(entry) { data in
                        try data.withUnsafeBytes { try consume($0) }
                    }
                }
            } catch let error as IndexError {
                throw error
            } catch let error as ScrubIOError {
                throw error
            } catch {
                throw IndexError(
                    .io, path: path, message: "cannot read the member \(entry.path) (\(error)); download it again")
            }
            reading.parts.append((name, parser))
        }
        return reading
    }

    /// Whether the file starts like a zip archive (a local file header, or the end record of an empty one).
    static func isZip(_ path: String) throws -> Bool {
        let reader = try ByteReader(path: path, bufferSize: 64, decompress: false)
        var magic = [UInt8](repeating: 0, count: 4)
        var filled = 0
        while filled < 4 {
            let count = try magic.withUnsafeMutableBytes {
                try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
            }
            if count == 0 { return false }
            filled += count
        }
        return magic == [0x50, 0x4B, 0x03, 0x04] || magic == [0x50, 0x4B, 0x05, 0x06]
    }
}
