import Foundation
import Testing

/// End to end: the real `scrub normalize` binary, its arguments, standard input and exit status.
@Suite("scrub normalize")
struct NormalizeCommandTests {
    /// The `scrub` executable built next to this test bundle.
    static var scrub: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("scrub")
    }

    static func run(_ arguments: [String], stdin: String = "") throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = scrub
        process.arguments = ["normalize"] + arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("--json prints one object per input, in order, with every key")
    func json() throws {
        let (status, stdout) = try Self.run(["--country", "GB", "--json", "020 7946 0958 ext. 12", "hello"])
        #expect(status == 0)
        #expect(
            stdout == """
                {"input":"020 7946 0958 ext. 12","e164":"+442079460958","region":"GB","line_type":"FIXED_LINE",\
                "subdivision":null,"timezones":["Europe/London"],"extension":"12","reason":null}
                {"input":"hello","e164":null,"region":null,"line_type":null,"subdivision":null,"timezones":[],\
                "extension":null,"reason":"not_a_number"}

                """)
    }

    @Test("reads standard input one number a line when no number is given")
    func standardInput() throws {
        let (status, stdout) = try Self.run(["--country", "US"], stdin: "(201) 555-0123\n\n+61 7 3222 1111\n")
        #expect(status == 0)
        #expect(
            stdout == """
                +12015550123\tUS\tFIXED_LINE_OR_MOBILE\tUS-NJ\tAmerica/New_York\t-
                rejected\tempty
                +61732221111\tAU\tFIXED_LINE\tAU-QLD\tAustralia/Brisbane\t-

                """)
    }

    @Test("a malformed --country is a usage error (exit 64)")
    func badCountry() throws {
        #expect(try Self.run(["--country", "USA", "1"]).status == 64)
    }
}
