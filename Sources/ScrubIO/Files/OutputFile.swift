import Foundation

/// An output file that appears at its final path only when it is complete.
///
/// Bytes go to a hidden temporary file beside the destination (same directory, so the final
/// `rename` is atomic); `commit()` syncs and renames it into place. If the run fails, or the value
/// is released without `commit()`, the temporary file is removed: a failed run publishes nothing.
/// Files are created owner-only (0600) by default because lead files hold personal data.
public final class OutputFile: ByteSink {
    /// The final path.
    public let path: String
    /// The temporary path written until `commit()`.
    public let temporaryPath: String
    private var file: FileDescriptor?
    private var committed = false

    public init(path: String, permissions: UInt32 = 0o600) throws(ScrubIOError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        self.temporaryPath = "\(directory).\(name).partial-\(FileSystem.processID)"
        FileSystem.remove(temporaryPath)  // a leftover from a killed run with our PID
        self.file = try FileDescriptor.createExclusive(temporaryPath, permissions: permissions)
    }

    deinit {
        if !committed {
            file = nil
            FileSystem.remove(temporaryPath)
        }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(ScrubIOError) {
        guard let file else {
            throw ScrubIOError(.io, path: path, message: "write after the output was finished")
        }
        try file.write(bytes)
    }

    /// Overwrites bytes already written, at `offset` (a header filled in once checksums are known).
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(ScrubIOError) {
        guard let file else {
            throw ScrubIOError(.io, path: path, message: "write after the output was finished")
        }
        try file.write(bytes, at: offset)
    }

    /// Syncs the data; the file stays at its temporary path until `commit()`.
    public func finish() throws(ScrubIOError) {
        try file?.sync()
    }

    /// Publishes the file at its final path, replacing any file there.
    public func commit() throws(ScrubIOError) {
        try finish()
        file = nil
        try FileSystem.rename(temporaryPath, to: path)
        committed = true
    }

    /// Removes the temporary files that runs killed before they could clean up (`kill -9`, power
    /// loss) left for `names` in `directory`. Call it only while holding the directory's lock, so no
    /// live writer's file is removed.
    public static func removeLeftovers(in directory: String, names: [String]) {
        let prefixes = names.map { ".\($0).partial-" }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for entry in entries where prefixes.contains(where: entry.hasPrefix) {
            FileSystem.remove(directory.hasSuffix("/") ? directory + entry : directory + "/" + entry)
        }
    }

    /// Removes the temporary file; the final path is left as it was.
    public func discard() {
        file = nil
        FileSystem.remove(temporaryPath)
        committed = true
    }
}
