import Crypto
import Foundation
import ScrubIO

/// A `FILE.sha256` file beside an input, in the `sha256sum` format: lines of 64 hex digits, two spaces
/// (or a space and `*`), and a file name; a single line may be the digest alone.
///
/// Operators that publish checksums (Hong Kong's regulator does) let a build prove it read the very
/// file they published: a download cut short or altered fails here, naming the file, rather than
/// building an index that silently lacks numbers.
package enum ChecksumSidecar {
    /// Verifies `path` against `path.sha256` when that exists, and returns the sidecar's path; nil when
    /// there is none (or the input is standard input).
    ///
    /// - Throws: ``IndexError`` `.corruptPayload` when the digest differs, `.invalidArgument` when the
    ///   sidecar lists no digest for the file or cannot be read.
    static func verify(_ path: String) throws -> String? {
        let sidecar = path + ".sha256"
        guard path != "-", FileManager.default.fileExists(atPath: sidecar) else { return nil }
        guard let text = try? String(contentsOfFile: sidecar, encoding: .utf8) else {
            throw IndexError(.invalidArgument, path: sidecar, message: "cannot read the checksum file as text")
        }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        guard let expected = expectedDigest(in: text, for: fileName) else {
            throw IndexError(
                .invalidArgument, path: sidecar,
                message: "no SHA-256 for \(fileName) in the checksum file; it should hold `DIGEST  \(fileName)`")
        }
        let actual = try digest(of: path)
        guard actual == expected else {
            throw IndexError(
                .corruptPayload, path: path,
                message: "the file's SHA-256 is \(actual) but \(sidecar) says \(expected): this is not the file "
                    + "that was published; download it again")
        }
        return sidecar
    }

    /// The digest the sidecar's text gives for `fileName`, lowercased: the line naming it (its directory
    /// ignored), or the only line when that names no file.
    package static func expectedDigest(in text: String, for fileName: String) -> String? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for line in lines {
            let digest = String(line.prefix(64)).lowercased()
            guard digest.count == 64, digest.allSatisfy(\.isHexDigit) else { continue }
            var name = line.dropFirst(64).drop { $0 == " " }
            if name.first == "*" { name = name.dropFirst() }
            if name.isEmpty && lines.count == 1 { return digest }
            if name.split(separator: "/").last.map(String.init) == fileName { return digest }
        }
        return nil
    }

    /// The SHA-256 of the file's bytes as stored, lowercase hex.
    static func digest(of path: String) throws -> String {
        let reader = try ByteReader(path: path, decompress: false)
        var hash = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var count = try reader.read(into: buffer)
        while count > 0 {
            hash.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            count = try reader.read(into: buffer)
        }
        return Hex.string(hash.finalize())
    }
}
