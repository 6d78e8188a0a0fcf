import ScrubIO

/// The decompressed bytes of the file at `path` (gzip, any number of members, or plain), read through
/// the product's own `ByteReader`.
package func gunzip(file path: String) throws -> [UInt8] {
    let reader = try ByteReader(path: path)
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let n = try chunk.withUnsafeMutableBytes { try reader.read(into: $0) }
        if n == 0 { return out }
        out += chunk[..<n]
    }
}
