import ScrubIO

/// ScrubIO's `OutputFile` (hidden temporary name, owner-only, synced before the rename, removed if
/// never published) with its failures as the ``IndexError``s callers of the index expect.
///
/// The only place in ScrubIndex that writes files.
struct IndexOutputFile {
    private let file: OutputFile
    let path: String

    init(path: String) throws(IndexError) {
        self.path = path
        do throws(ScrubIOError) {
            file = try OutputFile(path: path)
        } catch {
            throw IndexError(
                .cannotCreate, path: path,
                message: "\(error.message); check the directory exists and is writable")
        }
    }

    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(IndexError) {
        try indexError { () throws(ScrubIOError) in try file.write(bytes) }
    }

    /// Overwrites bytes at `offset` (used to fill in the header once the checksums are known).
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(IndexError) {
        try indexError { () throws(ScrubIOError) in try file.write(bytes, at: offset) }
    }

    /// Syncs the file and renames it to its destination, replacing any file there.
    func publish() throws(IndexError) {
        try indexError { () throws(ScrubIOError) in try file.commit() }
    }

    private func indexError(_ body: () throws(ScrubIOError) -> Void) throws(IndexError) {
        do throws(ScrubIOError) {
            try body()
        } catch {
            throw IndexError(.cannotCreate, path: path, message: "\(error.message); check free disk space")
        }
    }
}
