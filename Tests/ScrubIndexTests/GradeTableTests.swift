import Foundation
import ScrubIndex
import ScrubTestSupport
import Testing

@Suite("Litigator grade tables")
struct GradeTableTests {
    @Test("a table writes sorted, deterministic text and reads back; a number given twice keeps its highest grade")
    func roundTrip() throws {
        let dir = try TemporaryDirectory()
        let sha = String(repeating: "ab", count: 32)
        let table = GradeTable(
            grades: [(14_155_550_124, 5), (14_155_550_123, 25), (14_155_550_124, 10)], indexSHA256: sha)
        #expect(table.text == "scrub-grades 1 index-sha256=\(sha)\n14155550123,25\n14155550124,10\n")
        try table.write(to: dir.path("l.idx.grades"))
        let read = try GradeTable.read(path: dir.path("l.idx.grades"))
        #expect(read == table)
        #expect(read.grade(of: 14_155_550_123) == 25 && read.grade(of: 14_155_550_125) == nil)
    }

    @Test(
        "a damaged grades file is refused with its line",
        arguments: [
            ("not a grades file\n", 1),
            ("scrub-grades 1 index-sha256=abc\n", 1),
            ("scrub-grades 1 index-sha256=\(String(repeating: "0", count: 64))\n14155550123,25\n14155550123,5\n", 3),
            ("scrub-grades 1 index-sha256=\(String(repeating: "0", count: 64))\n14155550123,256\n", 2),
            ("scrub-grades 1 index-sha256=\(String(repeating: "0", count: 64))\n14155550123\n", 2),
        ] as [(String, Int)])
    func damaged(text: String, line: Int) throws {
        let dir = try TemporaryDirectory()
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir.path("g.grades")))
        #expect {
            _ = try GradeTable.read(path: dir.path("g.grades"))
        } throws: { error in
            (error as? IndexError)?.line == line
        }
    }
}
