import ScrubTestSupport
import Testing

/// End to end: the real `scrub normalize` binary, its arguments, standard input and exit status.
@Suite("scrub normalize")
struct NormalizeCommandTests {
    static func run(_ arguments: [String], stdin: String = "") throws -> (status: Int32, stdout: String) {
        let result = try ScrubProcess.run(["normalize"] + arguments, stdin: stdin)
        return (result.status, result.stdout)
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

    @Test("without --country a national number is read as US, as scrub run reads it without default_country")
    func defaultCountry() throws {
        let (status, stdout) = try Self.run(["(201) 555-0123"])
        #expect(status == 0)
        #expect(stdout.hasPrefix("+12015550123\tUS\t"), "\(stdout)")
    }

    @Test("a spreadsheet's text number is read; its scientific notation is refused")
    func spreadsheet() throws {
        let (status, stdout) = try Self.run(["=\"2015550123\"", "'2015550123", "2.01556E+09"])
        #expect(status == 0)
        let lines = stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("+12015550123\t") && lines[1].hasPrefix("+12015550123\t"))
        #expect(lines[2] == "rejected\tscientific_notation")
    }

    @Test("a malformed --country is a usage error (exit 64)")
    func badCountry() throws {
        #expect(try Self.run(["--country", "USA", "1"]).status == 64)
    }
}
