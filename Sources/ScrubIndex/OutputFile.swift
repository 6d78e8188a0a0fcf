#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written under a temporary name beside its destination and renamed into place by
/// ``publish()``; if it is released unpublished, the temporary file is removed, so a failed build
/// leaves nothing behind.
///
/// The only place in ScrubIndex that writes files. Invariant: `descriptor` is open until `publish` or
/// `deinit`, and `temporaryPath` exists exactly while it is.
final class OutputFile {
    let path: String
    let temporaryPath: String
    private var descriptor: Int32

    init(path: String) throws {
        self.path = path
        temporaryPath = "\(path).tmp-\(getpid())"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw IndexError(
                .cannotCreate, path: path,
                message:
                    "cannot create \(temporaryPath): \(MappedFile.errorText()); check the directory exists and is writable"
            )
        }
    }

    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write")
            }
            done += written
        }
    }

    /// Overwrites bytes at `offset` (used to fill in the header once the checksums are known).
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write")
            }
            done += written
        }
    }

    /// Closes the file and renames it to its destination, replacing any file there.
    func publish() throws {
        let result = close(descriptor)
        descriptor = -1
        guard result == 0 else { throw failure("cannot close") }
        guard rename(temporaryPath, path) == 0 else { throw failure("cannot rename into place") }
    }

    private func failure(_ what: String) -> IndexError {
        IndexError(.cannotCreate, path: path, message: "\(what): \(MappedFile.errorText()); check free disk space")
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporaryPath)
        }
    }
}
