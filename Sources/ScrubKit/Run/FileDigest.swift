internal import Crypto
import Dispatch
import Foundation
import ScrubIO

/// SHA-256 digests of files and streams, as lowercase hex, for reports and the audit trail.
public enum FileDigest {
    public static func sha256(path: String) throws -> String {
        let file = try ByteReader(path: path, decompress: false)
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = try buffer.withUnsafeMutableBytes { try file.read(into: $0) }
            if n == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<n])) }
        }
        return hex(hasher.finalize())
    }

    public static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Hashes a file on a thread of its own, so hashing an input overlaps with scrubbing it instead of
/// reading it all again at the end.
final class BackgroundDigest: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the thread before `done` is signalled; read only after waiting on `done`.
    private var result: Result<String, any Error>?

    init(path: String) {
        let thread = Thread { [self] in
            result = Result { try FileDigest.sha256(path: path) }
            done.signal()
        }
        thread.name = "scrub.digest"
        thread.start()
    }

    /// The digest, once the thread has finished.
    func wait() throws -> String {
        done.wait()
        done.signal()
        return try result!.get()
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
