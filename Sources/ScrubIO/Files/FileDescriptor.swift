#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// The only file that makes file system calls. Invariants: every descriptor opened here is closed
// exactly once by its owner's `deinit` (or `close()`), and EINTR is retried, never surfaced. Each call
// asks `FaultInjection` first, so tests can fail any one of them.

/// An owned POSIX file descriptor, closed when the value is released.
///
/// `package`, so the other targets' files (the hash-chained logs) make their calls here too.
package final class FileDescriptor {
    /// The descriptor, for calls that stay with their owner (`mmap` in ScrubIndex's `MappedFile`).
    package let rawValue: Int32
    /// The path used in error messages; `-` for standard input or output.
    package let path: String
    private let ownsDescriptor: Bool

    private init(rawValue: Int32, path: String, owns: Bool) {
        self.rawValue = rawValue
        self.path = path
        self.ownsDescriptor = owns
    }

    deinit {
        if ownsDescriptor { _ = systemClose(rawValue) }
    }

    convenience init(adopting fd: Int32, path: String) {
        self.init(rawValue: fd, path: path, owns: true)
    }

    static var standardInput: FileDescriptor { FileDescriptor(rawValue: 0, path: "-", owns: false) }
    static var standardOutput: FileDescriptor { FileDescriptor(rawValue: 1, path: "-", owns: false) }

    package static func openForReading(_ path: String) throws(ScrubIOError) -> FileDescriptor {
        let fd = FaultInjection.fails(.open) ? -1 : retryingInterrupts { open(path, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            throw ScrubIOError(.cannotOpen, path: path, message: "cannot open for reading: \(errnoText())")
        }
        return FileDescriptor(rawValue: fd, path: path, owns: true)
    }

    /// Creates a new file that must not exist yet, with the given permission bits.
    static func createExclusive(_ path: String, permissions: UInt32) throws(ScrubIOError) -> FileDescriptor {
        let fd =
            FaultInjection.fails(.open)
            ? -1 : retryingInterrupts { open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(permissions)) }
        guard fd >= 0 else {
            throw ScrubIOError(.cannotCreate, path: path, message: "cannot create: \(errnoText())")
        }
        // An explicit fchmod, because the umask may have narrowed or (for 0o6xx) must not widen the mode.
        _ = fchmod(fd, mode_t(permissions))
        return FileDescriptor(rawValue: fd, path: path, owns: true)
    }

    /// Opens `path` to append without a lock (every write goes to the end, so lines written whole by
    /// one `write` never interleave), created owner-only (0600) if missing.
    package static func openForAppending(_ path: String) throws(ScrubIOError) -> FileDescriptor {
        let fd =
            FaultInjection.fails(.open)
            ? -1 : retryingInterrupts { open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600) }
        guard fd >= 0 else {
            throw ScrubIOError(.cannotCreate, path: path, message: "cannot open or create: \(errnoText())")
        }
        return FileDescriptor(rawValue: fd, path: path, owns: true)
    }

    /// How ``openLocked(_:for:)`` opens a file.
    package enum LockedAccess: Sendable {
        /// Read only, under a shared lock; the file must exist.
        case read
        /// Read and append (every write goes to the end), under an exclusive lock; created owner-only
        /// (0600) if missing.
        case append
    }

    /// Opens `path` and waits for an advisory `flock` lock on it: shared to read, exclusive to append.
    ///
    /// The lock lasts until the descriptor is closed (when the value is released) and dies with the
    /// process, so a killed writer never leaves a stale lock. Readers wait for an append in progress,
    /// so they never see half of it.
    package static func openLocked(_ path: String, for access: LockedAccess) throws(ScrubIOError) -> FileDescriptor {
        let flags = access == .read ? O_RDONLY | O_CLOEXEC : O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC
        let fd = FaultInjection.fails(.open) ? -1 : retryingInterrupts { open(path, flags, 0o600) }
        guard fd >= 0 else {
            if access == .read {
                throw ScrubIOError(.cannotOpen, path: path, message: "cannot open for reading: \(errnoText())")
            }
            throw ScrubIOError(.cannotCreate, path: path, message: "cannot open or create: \(errnoText())")
        }
        let file = FileDescriptor(rawValue: fd, path: path, owns: true)
        let operation = access == .read ? LOCK_SH : LOCK_EX
        guard !FaultInjection.fails(.lock), retryingInterrupts({ flock(fd, operation) }) == 0 else {
            throw ScrubIOError(.io, path: path, message: "cannot lock: \(errnoText())")
        }
        return file
    }

    /// The file's size in bytes.
    package func size() throws(ScrubIOError) -> Int {
        Int(try status().size)
    }

    /// What `stat` says of a file: enough to tell whether it changed, and who may read it.
    package struct Status: Sendable, Equatable {
        /// The permission bits (`st_mode & 0o7777`).
        package var mode: UInt32
        package var inode: UInt64
        package var size: Int64
        /// The modification time: seconds and nanoseconds since 1970.
        package var modifiedSeconds: Int64
        package var modifiedNanoseconds: Int

        init(_ info: stat) {
            #if canImport(Darwin)
                let modified = info.st_mtimespec
            #else
                let modified = info.st_mtim
            #endif
            mode = UInt32(info.st_mode) & 0o7777
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modifiedSeconds = Int64(modified.tv_sec)
            modifiedNanoseconds = Int(modified.tv_nsec)
        }
    }

    /// The open file's status (`fstat`).
    package func status() throws(ScrubIOError) -> Status {
        var info = stat()
        guard fstat(rawValue, &info) == 0 else {
            throw ScrubIOError(.io, path: path, message: "cannot read the file's status: \(errnoText())")
        }
        return Status(info)
    }

    /// The status of the file at `path`, following a symbolic link (`stat`); nil when nothing is there.
    package static func status(ofPath path: String) throws(ScrubIOError) -> Status? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw ScrubIOError(.io, path: path, message: "cannot read the file's status: \(errnoText())")
        }
        return Status(info)
    }

    /// Reads up to `buffer.count` bytes at `offset`, looping over short reads; fewer only at the end of
    /// the file. The file position does not move.
    package func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let n = retryingInterrupts { pread(rawValue, base + done, buffer.count - done, off_t(offset + done)) }
            guard n >= 0 else {
                throw ScrubIOError(
                    .io, path: path, offset: Int64(offset + done), message: "read failed: \(errnoText())")
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Reads up to `buffer.count` bytes; returns 0 only at end of file.
    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let n = retryingInterrupts { Glibc.read(rawValue, base, buffer.count) }
        guard n >= 0 else {
            throw ScrubIOError(.io, path: path, message: "read failed: \(errnoText())")
        }
        return n
    }

    /// Writes all of `bytes`, looping over short writes.
    package func write(_ bytes: UnsafeRawBufferPointer) throws(ScrubIOError) {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let n = FaultInjection.fails(.write) ? -1 : retryingInterrupts { Glibc.write(rawValue, base, remaining) }
            guard n > 0 else {
                let code = errno
                let position = lseek(rawValue, 0, SEEK_CUR)
                throw writeFailure(errno: code, at: position >= 0 ? Int64(position) : nil)
            }
            remaining -= n
            base += n
        }
    }

    /// Overwrites `bytes` at `offset`, looping over short writes; the file position does not move.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(ScrubIOError) {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        var position = offset
        while remaining > 0 {
            let n =
                FaultInjection.fails(.write)
                ? -1 : retryingInterrupts { pwrite(rawValue, base, remaining, off_t(position)) }
            guard n > 0 else { throw writeFailure(errno: errno, at: Int64(position)) }
            remaining -= n
            base += n
            position += n
        }
    }

    /// A failed write: a full disk or quota cannot create the output (exit 73, as docs/operations.md
    /// says), anything else is an I/O error (74); both say at which byte of the file it happened.
    private func writeFailure(errno code: Int32, at offset: Int64?) -> ScrubIOError {
        let text = String(cString: strerror(code))
        if code == ENOSPC || code == EDQUOT || code == EFBIG {
            return ScrubIOError(
                .cannotCreate, path: path, offset: offset, message: "write failed: \(text); free space and run again")
        }
        return ScrubIOError(.io, path: path, offset: offset, message: "write failed: \(text)")
    }

    /// Flushes the file's data to stable storage.
    package func sync() throws(ScrubIOError) {
        guard !FaultInjection.fails(.fsync), fsync(rawValue) == 0 || errno == EINVAL else {
            throw ScrubIOError(.io, path: path, message: "fsync failed: \(errnoText())")
        }
    }
}

extension FileDescriptor: ByteSource {}

/// File system operations on paths.
enum FileSystem {
    static func rename(_ from: String, to: String) throws(ScrubIOError) {
        guard !FaultInjection.fails(.rename), Glibc.rename(from, to) == 0 else {
            throw ScrubIOError(.cannotCreate, path: to, message: "cannot publish output: \(errnoText())")
        }
    }

    static func remove(_ path: String) {
        if !FaultInjection.fails(.unlink) { _ = unlink(path) }
    }

    /// Creates a folder (owner-only); an existing folder is fine.
    static func makeDirectory(_ path: String) throws(ScrubIOError) {
        guard !FaultInjection.fails(.mkdir), mkdir(path, 0o700) == 0 || errno == EEXIST else {
            throw ScrubIOError(.cannotCreate, path: path, message: "cannot create the folder: \(errnoText())")
        }
    }

    /// Removes an empty folder; a missing one is fine.
    static func removeDirectory(_ path: String) {
        if !FaultInjection.fails(.rmdir) { _ = rmdir(path) }
    }

    /// Flushes a folder's entries (creations, renames) to stable storage.
    static func syncDirectory(_ path: String) throws(ScrubIOError) {
        let fd =
            FaultInjection.fails(.open) ? -1 : retryingInterrupts { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else {
            throw ScrubIOError(.io, path: path, message: "cannot open the folder to sync it: \(errnoText())")
        }
        defer { _ = systemClose(fd) }
        guard !FaultInjection.fails(.fsync), fsync(fd) == 0 || errno == EINVAL else {
            throw ScrubIOError(.io, path: path, message: "fsync failed: \(errnoText())")
        }
    }

    /// Creates a symbolic link at `path` holding `target`; `path` must not exist.
    static func makeSymbolicLink(_ path: String, to target: String) throws(ScrubIOError) {
        guard !FaultInjection.fails(.symlink), symlink(target, path) == 0 else {
            throw ScrubIOError(.cannotCreate, path: path, message: "cannot create the link: \(errnoText())")
        }
    }

    /// The target of the symbolic link at `path`, or nil when `path` is not a symbolic link.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// What is at `path`, not following a symbolic link there.
    enum EntryKind { case none, directory, symbolicLink, other }

    static func entryKind(_ path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .none }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Swaps the entries at `a` and `b` in one atomic step (Linux `renameat2(RENAME_EXCHANGE)`).
    static func exchange(_ a: String, _ b: String) throws(ScrubIOError) {
        // glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module does not set.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
            throw ScrubIOError(.cannotCreate, path: b, message: "cannot swap in the new output set: no renameat2")
        }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        guard !FaultInjection.fails(.exchange), renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 else {
            throw ScrubIOError(.cannotCreate, path: b, message: "cannot swap in the new output set: \(errnoText())")
        }
    }

    static var processID: Int32 { getpid() }
}

/// An exclusive advisory lock on a folder, held until released or until the process ends.
///
/// The lock is a file at a stable path beside the folder (``OutputFolder/lockPath``), never inside a
/// folder that gets swapped. `flock` locks die with their process, so a killed run never leaves a
/// stale lock behind.
public final class DirectoryLock {
    private let file: FileDescriptor
    private var held = true

    /// Takes the lock on `directory` through the lock file at `path`, or throws at once if another
    /// process holds it.
    public init(path: String, directory: String) throws(ScrubIOError) {
        let fd =
            FaultInjection.fails(.open) ? -1 : retryingInterrupts { open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600) }
        guard fd >= 0 else {
            throw ScrubIOError(.cannotCreate, path: path, message: "cannot create the lock file: \(errnoText())")
        }
        file = FileDescriptor(adopting: fd, path: path)
        guard !FaultInjection.fails(.lock), flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            guard errno == EWOULDBLOCK else {
                throw ScrubIOError(.io, path: path, message: "cannot lock the lock file: \(errnoText())")
            }
            throw ScrubIOError(
                .locked, path: directory,
                message:
                    "another scrub run is writing this output folder; wait for it to finish or choose another --out")
        }
    }

    public func release() {
        guard held else { return }
        held = false
        _ = flock(file.rawValue, LOCK_UN)
    }

    deinit { release() }
}

private func systemClose(_ fd: Int32) -> Int32 { close(fd) }

private func retryingInterrupts<T: BinaryInteger>(_ call: () -> T) -> T {
    while true {
        let result = call()
        if result < 0 && errno == EINTR { continue }
        return result
    }
}

private func errnoText() -> String {
    String(cString: strerror(errno))
}
