internal import Crypto
import Dispatch
import Foundation
import ScrubIO
import ScrubIndex

/// SHA-256 digests of files and streams, as lowercase hex, for reports and the audit trail.
public enum FileDigest {
    /// - Parameter shouldContinue: asked before each buffer; false stops early (the digest is then of a prefix).
    public static func sha256(path: String, while shouldContinue: () -> Bool = { true }) throws(ScrubIOError) -> String
    {
        let file = try ByteReader(path: path, decompress: false)
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while shouldContinue() {
            let n = try file.read(into: buffer)
            if n == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        }
        return hex(hasher.finalize())
    }

    public static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        Hex.string(digest)
    }
}

/// Hashes a file on a thread of its own, so hashing an input overlaps with scrubbing it instead of
/// reading it all again at the end.
///
/// Releasing it before `wait()` (the run failed) stops the thread at its next buffer; the thread
/// and the owner share only a `GuardedState`, so there is nothing to unbalance or trap on.
package final class BackgroundDigest {
    private struct Progress: Sendable {
        var result: Result<String, ScrubIOError>?
        var cancelled = false
    }

    private let shared = GuardedState(Progress())

    package init(path: String) {
        let shared = self.shared
        let thread = Thread {
            let result = Result { () throws(ScrubIOError) in
                try FileDigest.sha256(path: path, while: { !shared.update { $0.cancelled } })
            }
            shared.update { $0.result = result }
        }
        thread.name = "scrub.digest"
        thread.start()
    }

    deinit {
        shared.update { $0.cancelled = true }
    }

    /// The digest, once the thread has finished.
    package func wait() throws(ScrubIOError) -> String {
        try shared.wait(until: { $0.result != nil }) { $0.result! }.get()
    }
}

/// A sink that hashes what passes through it on the way to the next sink.
public final class HashingSink: ByteSink {
    private let next: ByteSink
    private var hasher = SHA256()
    public private(set) var digest: String?
    public private(set) var bytes: Int64 = 0

    public init(_ next: ByteSink) {
        self.next = next
    }

    public func write(_ chunk: UnsafeRawBufferPointer) throws(ScrubIOError) {
        hasher.update(bufferPointer: chunk)
        bytes += Int64(chunk.count)
        try next.write(chunk)
    }

    public func finish() throws(ScrubIOError) {
        digest = FileDigest.hex(hasher.finalize())
        try next.finish()
    }
}

/// A source that hashes the bytes read through it, as read: standard input cannot be read twice,
/// so the run hashes it on the way in.
public final class HashingSource: ByteSource {
    private let inner: any ByteSource
    private var hasher = SHA256()
    private var ended = false

    public init(_ inner: any ByteSource) {
        self.inner = inner
    }

    public var path: String { inner.path }

    /// The digest of every byte read, once the source has been read to its end.
    public var digest: String? { ended ? FileDigest.hex(hasher.finalize()) : nil }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int {
        let n = try inner.read(into: buffer)
        if n == 0 { ended = true }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        return n
    }
}
