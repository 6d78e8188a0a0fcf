import ScrubIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A whole file mapped read-only into memory; the mapping is released when the value is.
///
/// This is the one place in ScrubIndex that calls `mmap` and `munmap`; the file is opened and sized
/// by ScrubIO's `FileDescriptor`, where every file system call of the house is. Invariants: `bytes`
/// covers exactly `size` bytes of the file as it was when mapped, stays valid for the life of the value,
/// and is never written. The file descriptor is closed straight after mapping; the mapping keeps the
/// file alive. Pages are read from the page cache on first touch, so many processes share one copy.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    let path: String

    init(path: String) throws {
        self.path = path
        let file: FileDescriptor
        let size: Int
        do {
            file = try FileDescriptor.openForReading(path)
            size = try file.size()
        } catch {
            throw IndexError(.cannotOpen, path: path, message: "\(error.message); check the path")
        }
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        // `file` is released (closed) when `init` returns; the mapping keeps the file alive.
        guard let address = mmap(nil, size, PROT_READ, MAP_SHARED, file.rawValue, 0), address != MAP_FAILED else {
            throw IndexError(.cannotOpen, path: path, message: "cannot map into memory: \(Self.errorText())")
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    /// Asks the kernel to read the whole file ahead, for sequential passes such as `verify`.
    func adviseSequential() {
        guard let base = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), bytes.count, MADV_SEQUENTIAL)
    }

    deinit {
        if let base = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        }
    }

    static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
