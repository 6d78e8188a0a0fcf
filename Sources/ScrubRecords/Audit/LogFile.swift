import ScrubIO

/// An open append-only log file holding an advisory lock: shared to read, exclusive to append.
///
/// The system calls are ScrubIO's (``FileDescriptor/openLocked(_:for:)``), as every file system call
/// of the house is, so the fault-injection tests fail the log's open, lock, write and fsync too.
/// Invariants: the lock is held from `init` until the file is released (closing the descriptor
/// releases it; `flock` locks also die with their process, so a killed writer never leaves a stale
/// lock). Writers take the exclusive lock before they read the last line, so two writers can never
/// chain to the same line.
final class LogFile {
    enum Access {
        /// Read under a shared lock; the file must exist.
        case read
        /// Read and append under an exclusive lock; the file is created owner-only if missing.
        case append
    }

    let path: String
    private let file: FileDescriptor

    /// Opens `path` and waits for its lock.
    init(path: String, access: Access) throws(RecordError) {
        self.path = path
        do {
            file = try FileDescriptor.openLocked(path, for: access == .read ? .read : .append)
        } catch {
            throw RecordError(error)
        }
    }

    /// The file's size in bytes.
    func size() throws(RecordError) -> Int {
        do { return try file.size() } catch { throw RecordError(error) }
    }

    /// Reads up to `buffer.count` bytes at `offset`; fewer only at the end of the file.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(RecordError) -> Int {
        do { return try file.read(at: offset, into: buffer) } catch { throw RecordError(error) }
    }

    /// Appends `bytes` at the end of the file and waits until they are on disk.
    func append(_ bytes: [UInt8]) throws(RecordError) {
        var failure: ScrubIOError?
        bytes.withUnsafeBytes { raw in
            do throws(ScrubIOError) { try file.write(raw) } catch { failure = error }
        }
        if let failure { throw RecordError(failure) }
        do { try file.sync() } catch { throw RecordError(error) }
    }
}
