#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Memory for a table read at random positions, such as the sequencer's seen-number map: tens to
/// hundreds of megabytes in which every look-up lands on a page of its own.
///
/// With 4 KiB pages nearly every such look-up also misses the processor's address-translation cache
/// (a page walk on top of the cache miss); on Linux a table of 2 MiB or more is aligned to 2 MiB and
/// offered to transparent huge pages (`madvise(MADV_HUGEPAGE)`, which takes effect when the system's
/// setting is `madvise` or `always`). A hint: without it the memory is the same, only slower to reach.
package enum LargeTable {
    /// The huge-page size, and the size from which a table asks for huge pages.
    package static let hugePage = 2 << 20

    /// `count` uninitialised elements; free them with ``deallocate(_:)``.
    package static func allocate<Element>(_: Element.Type, count: Int) -> UnsafeMutablePointer<Element> {
        let bytes = max(count * MemoryLayout<Element>.stride, 1)
        let huge = bytes >= hugePage
        var raw: UnsafeMutableRawPointer?
        let alignment = huge ? hugePage : max(MemoryLayout<Element>.alignment, MemoryLayout<Int>.size * 2)
        guard posix_memalign(&raw, alignment, bytes) == 0, let raw else {
            fatalError("out of memory: \(bytes) bytes for a table")
        }
        #if os(Linux)
            if huge { _ = madvise(raw, bytes, MADV_HUGEPAGE) }
        #endif
        return raw.bindMemory(to: Element.self, capacity: count)
    }

    /// Frees what ``allocate(_:count:)`` gave.
    package static func deallocate<Element>(_ pointer: UnsafeMutablePointer<Element>) {
        free(UnsafeMutableRawPointer(pointer))
    }
}
