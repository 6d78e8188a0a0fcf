import ScrubIO
import Testing

@Test("an error renders its file and byte offset first, as editors expect")
func errorRendersLocation() {
    let error = ScrubIOError(.truncatedGzip, path: "leads.csv.gz", offset: 1234, message: "file ends inside a gzip member")
    #expect(error.description == "leads.csv.gz: byte 1234: error: file ends inside a gzip member")
}
