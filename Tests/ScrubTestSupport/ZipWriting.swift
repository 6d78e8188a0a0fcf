import Foundation
import ZIPFoundation

/// Writes a zip archive of `members` (name, text), deflated, in the order given: the shape registry
/// operators ship (a CRTC download holds one member per area code).
package func writeZip(_ members: [(name: String, text: String)], to path: String) throws {
    try? FileManager.default.removeItem(atPath: path)
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    let fixedDate = Date(timeIntervalSince1970: 1_780_000_000)
    for member in members {
        let data = Data(member.text.utf8)
        try archive.addEntry(
            with: member.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
            compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
