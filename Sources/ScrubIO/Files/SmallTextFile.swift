import Foundation

/// Files of a line or two: keys (a signing key, its public half, a check-log key) and log
/// checkpoints, read and written the same way wherever they are used.
///
/// A key file's text is a tag naming what it holds, whitespace (a space or a line end) and the key in
/// base64. A secret one must be readable by its owner only, as ssh insists for its keys: a key the
/// group can read is no longer held by the service account alone.
package enum SmallTextFile {
    /// The largest file read.
    static let maximumSize = 4096

    /// The text of the file at `path`; a file over 4 KiB is refused rather than read in part.
    ///
    /// - Parameter secret: refuse the file, with `.unsafePermissions`, when its group or others may
    ///   read it. The mode is read from the opened descriptor, so it is the mode of the file read.
    package static func read(_ path: String, secret: Bool = false) throws(ScrubIOError) -> String {
        let file = try FileDescriptor.openForReading(path)
        if secret {
            let mode = try file.status().mode
            guard mode & 0o077 == 0 else {
                throw ScrubIOError(
                    .unsafePermissions, path: path,
                    message: "the key is readable by others (mode \(String(mode & 0o777, radix: 8))): "
                        + "chmod 600 it, and check who has read it")
            }
        }
        // One byte more than the limit, to tell a file of exactly the limit from a longer one.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: maximumSize + 1, alignment: 1)
        defer { buffer.deallocate() }
        let count = try file.read(at: 0, into: buffer)
        guard count <= maximumSize else {
            throw ScrubIOError(
                .cannotOpen, path: path, message: "larger than \(maximumSize) bytes: not a key or checkpoint file")
        }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// The key of `text` when it is `tag BASE64` (the two words separated by any whitespace, with
    /// whitespace around them allowed); nil otherwise.
    package static func keyPayload(of text: String, tag: String) -> [UInt8]? {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count == 2, words[0] == tag else { return nil }
        return Data(base64Encoded: String(words[1])).map { Array($0) }
    }

    /// Writes `text` as a new file at `path` with `permissions`, published atomically; refuses to
    /// replace a file there (a replaced key orphans whatever was made with it).
    package static func create(_ text: String, at path: String, permissions: UInt32) throws(ScrubIOError) {
        guard FileSystem.entryKind(path) == .none else {
            throw ScrubIOError(
                .cannotCreate, path: path,
                message: "already exists: a new key would orphan what the old one made; choose another path")
        }
        let file = try OutputFile(path: path, permissions: permissions)
        try file.write(Array(text.utf8))
        try file.commit()
    }
}
