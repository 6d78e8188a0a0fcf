import Crypto
import Foundation
import ScrubIndex
import ScrubTestSupport
import Testing

@Suite("registry input files: zip archives and checksum sidecars")
struct RegistryInputTests {
    func sha256(_ path: String) throws -> String {
        SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).map { String(format: "%02x", $0) }
            .joined()
    }

    @Test("every member of a zip is read, in the archive's order, each named archive/member")
    func zipMembers() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("crtc.zip")
        try writeZip(
            [
                ("416.xml", "<ac val='416'>\n<ph val='2345678'/>\n<ph val='12'/>\n</ac>\n"),
                ("604.xml", "<ac val='604'><ph val='5550123'/></ac>"),
            ], to: path)
        var collector = KeyCollector()
        let reading = try RegistryInput.read(path, role: .full, into: &collector) { CRTCXMLParser() }
        #expect(reading.parts.map(\.name) == ["\(path)/416.xml", "\(path)/604.xml"])
        #expect(reading.sidecar == nil)
        #expect(keys(of: collector) == [14_162_345_678, 16_045_550_123])
        #expect(collector.sources.map(\.name) == ["crtc.zip/416.xml", "crtc.zip/604.xml"])
        #expect(collector.invalidSamples.map(\.description) == ["\(path)/416.xml:3:1"])
    }

    @Test("a plain file whose sidecar matches is read; one whose sidecar differs is refused, naming it")
    func sidecar() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("list.txt")
        try Data("+14155550123\n".utf8).write(to: URL(fileURLWithPath: path))
        let digest = try sha256(path)
        try Data("\(digest)  list.txt\n".utf8).write(to: URL(fileURLWithPath: path + ".sha256"))
        var collector = KeyCollector()
        let reading = try RegistryInput.read(path, role: .full, into: &collector) { LineSplitter(E164LineParser()) }
        #expect(reading.sidecar == path + ".sha256")
        #expect(keys(of: collector) == [14_155_550_123])

        try Data("+14155550124\n".utf8).write(to: URL(fileURLWithPath: path))
        var second = KeyCollector()
        let error = #expect(throws: IndexError.self) {
            try RegistryInput.read(path, role: .full, into: &second) { LineSplitter(E164LineParser()) }
        }
        #expect(error?.kind == .corruptPayload)
        #expect(error?.path == path)
        #expect(error?.message.contains("says \(digest)") == true)
        #expect(second.keyLines == 0)
    }

    @Test(
        "a sidecar's digest is found by the file's name, or is the only line",
        arguments: [
            ("\(String(repeating: "a", count: 64))  list.txt\n", "a"),
            ("\(String(repeating: "B", count: 64)) *dir/list.txt\n", "b"),
            ("\(String(repeating: "c", count: 64))\n", "c"),
            ("\(String(repeating: "d", count: 64))  other.txt\n\(String(repeating: "e", count: 64))  list.txt\n", "e"),
            ("\(String(repeating: "d", count: 64))  other.txt\n", nil),
            ("not a digest  list.txt\n", nil),
        ] as [(String, String?)])
    func sidecarLines(text: String, digit: String?) {
        #expect(
            ChecksumSidecar.expectedDigest(in: text, for: "list.txt") == digit.map { String(repeating: $0, count: 64) })
    }
}
