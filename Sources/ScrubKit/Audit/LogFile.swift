#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open append-only log file holding an advisory lock: shared to read, exclusive to append.
///
/// Every system call of the hash-chained logs is here. Invariants: `descriptor` is open from `init`
/// until `deinit`, which closes it and so releases the lock (`flock` locks also die with their
/// process, so a killed writer never leaves a stale lock). Writers take the exclusive lock before
/// they read the last line, so two writers can never chain to the same line. EINTR is retried.
final class LogFile {
    enum Access {
        /// Read under a shared lock; the file must exist.
        case read
        /// Read and append under an exclusive lock; the file is created owner-only if missing.
        case append
    }

    let path: String
    private let descriptor: Int32

    /// Opens `path` and waits for its lock.
    init(path: String, access: Access) throws(PipelineError) {
        self.path = path
        let flags = access == .read ? O_RDONLY | O_CLOEXEC : O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC
        let fd = Self.retrying { open(path, flags, 0o600) }
        guard fd >= 0 else {
            let reason = Self.errnoText()
            if access == .read {
                throw PipelineError(.missingInput, "cannot open the log: \(reason)", at: path)
            }
            throw PipelineError(.cannotCreateOutput, "cannot open or create the log: \(reason)", at: path)
        }
        descriptor = fd
        guard Self.retrying({ flock(fd, access == .read ? LOCK_SH : LOCK_EX) }) == 0 else {
            let reason = Self.errnoText()
            close(fd)
            throw PipelineError(.io, "cannot lock the log: \(reason)", at: path)
        }
    }

    deinit {
        close(descriptor)
    }

    /// The file's size in bytes.
    func size() throws(PipelineError) -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw PipelineError(.io, "cannot read the log's size: \(Self.errnoText())", at: path)
        }
        return Int(info.st_size)
    }

    /// Reads up to `buffer.count` bytes at `offset`; fewer only at the end of the file.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(PipelineError) -> Int {
        var done = 0
        while done < buffer.count {
            let n = Self.retrying {
                pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            }
            guard n >= 0 else { throw PipelineError(.io, "cannot read the log: \(Self.errnoText())", at: path) }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Appends `bytes` at the end of the file and waits until they are on disk.
    func append(_ bytes: [UInt8]) throws(PipelineError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                Self.retrying { write(descriptor, raw.baseAddress! + done, raw.count - done) }
            }
            guard n > 0 else { throw PipelineError(.io, "cannot write the log: \(Self.errnoText())", at: path) }
            done += n
        }
        guard Self.retrying({ fsync(descriptor) }) == 0 else {
            throw PipelineError(.io, "cannot flush the log to disk: \(Self.errnoText())", at: path)
        }
    }

    private static func retrying<T: BinaryInteger>(_ call: () -> T) -> T {
        while true {
            let result = call()
            if result == -1 && errno == EINTR { continue }
            return result
        }
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
