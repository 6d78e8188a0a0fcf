internal import Crypto
import Foundation
import ScrubIO

/// Bearer tokens: made from 256 random bits, stored and compared only as SHA-256 digests.
public enum APIToken {
    /// Every token starts with this, so a leaked one is easy to find in a log or a repository.
    public static let prefix = "scrub_"

    /// A new token: the prefix, then 32 bytes from the system's secure generator, base64url without
    /// padding (43 characters).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in bytes.indices { bytes[index] = generator.next() }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + base64
    }

    /// The token's SHA-256 as lower-case hex: what the store keeps.
    public static func digest(_ token: String) -> String {
        Hex.string(SHA256.hash(data: Array(token.utf8)))
    }

    /// Compares two digests in time that depends only on their lengths, not on where they differ.
    public static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
