import CallingWindows
import ScrubTestSupport
import Testing

@testable import ScrubRules

@Suite("Line types: wireless blocks, ported numbers and the wireless-consent rule")
struct LineTypesTests {
    static let blocks = """
        block,line_type
        415-555-0,mobile
        415-556,wireless
        415-556-9,landline

        """
    static let ported = """
        number,line_type
        +1 415 555 0123,fixed_line
        2125550187,mobile

        """

    static func table(_ files: [(String, String)]) throws -> LineTypes {
        var ported: [(number: UInt64, kind: LineTypes.Kind)] = []
        var blocks: [UInt32: LineTypes.Kind] = [:]
        var exchanges: [UInt32: LineTypes.Kind] = [:]
        var facts: [LineTypes.FileFacts] = []
        for (name, text) in files {
            facts.append(
                try LineTypesFile.parse(
                    VendorCSV(bytes: Array(text.utf8), file: name), ported: &ported, blocks: &blocks,
                    exchanges: &exchanges))
        }
        return LineTypes(
            ported: ported, blocks: blocks, exchanges: exchanges, files: facts, asOf: LocalDate("2026-11-30")!)
    }

    @Test(
        "a ported number's entry wins over its block's, a thousands-block over its exchange",
        arguments: [
            (14_155_550_123, "fixed_line ported_numbers"),  // in a wireless block, ported to a landline
            (14_155_550_999, "mobile wireless_blocks"),  // the thousands-block 415-555-0
            (14_155_551_000, "none"),  // the next block: not listed
            (14_155_560_000, "mobile wireless_blocks"),  // the exchange 415-556
            (14_155_569_123, "fixed_line wireless_blocks"),  // its block 9 says landline
            (12_125_550_187, "mobile ported_numbers"),
            (442_071_234_567, "none"),  // not North American
        ] as [(UInt64, String)])
    func lookup(e164: UInt64, expected: String) throws {
        let table = try Self.table([("blocks.csv", Self.blocks), ("ported.csv", Self.ported)])
        #expect(table.kind(of: e164).map { "\($0.kind.name) \($0.source.rawValue)" } ?? "none" == expected)
        #expect(table.files.map(\.entries) == [3, 2])
        #expect(table.files.map(\.source) == [.block, .ported])
    }

    @Test("a later file's entry for the same number wins")
    func laterWins() throws {
        let table = try Self.table([
            ("a.csv", "number,line_type\n4155550123,mobile\n"), ("b.csv", "number,line_type\n4155550123,landline\n"),
        ])
        #expect(table.kind(of: 14_155_550_123)?.kind == .fixedLine)
    }

    @Test(
        "a malformed line stops the load with file:line:column",
        arguments: [
            ("npa,nxx\n415,555\n", "d.csv:1:1", "must be a header"),
            ("number\n4155550123\n", "d.csv:1:1", "must be a header"),  // a ported list needs its new type
            ("block\n415-555-0\n415-55\n", "d.csv:3:1", "not a block"),
            ("block,line_type\n415-555-0,pager\n", "d.csv:2:11", "not a line type"),
            ("number,line_type\n415555012,mobile\n", "d.csv:2:1", "not a North American number"),
            ("number,line_type\n4155550123\n", "d.csv:2:11", "missing the line type field"),
        ] as [(String, String, String)])
    func malformed(text: String, location: String, message: String) {
        #expect {
            _ = try Self.table([("d.csv", text)])
        } throws: { error in
            guard let error = error as? PipelineError else { return false }
            return error.kind == .badData && error.location == location && error.message.contains(message)
        }
    }

    func decide(_ phone: String, channel: CallChannel, consent: String?, purpose: String? = nil) throws -> Decision {
        let table = try Self.table([("blocks.csv", Self.blocks), ("ported.csv", Self.ported)])
        let policy = purpose.map {
            ConsentPolicy(
                columns: .init(), requirements: ConsentRequirement.legal, campaignDate: LocalDate("2026-12-01")!,
                purpose: $0)
        }
        let decider = SerialDecider(
            RowDecider(
                normalizer: PhoneNormalizerStage(), suppressionLists: [], registries: [], windows: nil,
                rejectWithoutWindow: false,
                compliance: RowCompliance(consent: policy, lineTypes: LineTypes.Stage(table: table), channel: channel),
                campaignDate: LocalDate("2026-12-01")))
        let evidence = LeadEvidence(consentDay: consent.flatMap(LocalDate.init))
        return Array(phone.utf8).withUnsafeBytes {
            decider.decide(phone: $0, country: "US", line: 2, evidence: { evidence })
        }
    }

    @Test(
        "autodialed and prerecorded calls and texts to a wireless number need prior express consent; live voice does not",
        arguments: [
            // (phone, channel, consent, reason, line type)
            ("+14155550999", CallChannel.autodialed, nil, "WIRELESS_NO_CONSENT", "mobile"),
            ("+14155550999", .prerecorded, nil, "WIRELESS_NO_CONSENT", "mobile"),
            ("+14155550999", .autodialed, "2026-12-01", "CLEAN", "mobile"),  // consent on the campaign day
            ("+14155550999", .autodialed, "2026-12-02", "WIRELESS_NO_CONSENT", "mobile"),  // the day after
            ("+14155550999", .voice, nil, "CLEAN", "mobile"),
            // A text is a call (Campbell-Ewald), sent automatically: the stricter reading.
            ("+14155550999", .sms, nil, "WIRELESS_NO_CONSENT", "mobile"),
            ("+14155550999", .sms, "2026-11-30", "CLEAN", "mobile"),
            ("+14155550123", .sms, nil, "CLEAN", "fixed_line"),
            ("+14155550123", .autodialed, nil, "CLEAN", "fixed_line"),  // ported to a landline
            // The data does not say: it may be wireless, so it needs the consent too.
            ("+14155570123", .autodialed, nil, "WIRELESS_NO_CONSENT", "fixed_line_or_mobile"),
            ("+14155570123", .autodialed, "2026-11-01", "CLEAN", "fixed_line_or_mobile"),
            ("+18005550199", .autodialed, nil, "CLEAN", "toll_free"),  // never retyped
        ] as [(String, CallChannel, String?, String, String)])
    func wireless(phone: String, channel: CallChannel, consent: String?, reason: String, lineType: String) throws {
        let decision = try decide(phone, channel: channel, consent: consent)
        #expect((decision.reason?.rawValue ?? "CLEAN") == reason, "\(decision.detail ?? "")")
        #expect(decision.number?.lineType == lineType)
        if reason == "WIRELESS_NO_CONSENT" {
            #expect(decision.detail?.contains("47 U.S.C. 227(b)(1)(A)(iii)") == true)
            #expect(decision.detail?.hasPrefix(channel == .sms ? "texts to a wireless" : "\(channel) calls to") == true)
            #expect(decision.detail?.contains("Campbell-Ewald") == (channel == .sms))
        }
    }

    @Test(
        "a prerecorded telemarketing call to a landline needs prior express written consent; research does not",
        arguments: [
            // (phone, channel, consent, purpose, reason)
            ("+14155550123", CallChannel.prerecorded, nil, nil, "NO_CONSENT"),  // a landline by the port data
            ("+14155550123", .prerecorded, "2026-12-01", nil, "CLEAN"),
            ("+14155550123", .prerecorded, "2026-12-02", nil, "NO_CONSENT"),  // given after the campaign day
            ("+14155550123", .prerecorded, nil, "telemarketing-consented", "NO_CONSENT"),
            ("+14155550123", .prerecorded, nil, "research", "CLEAN"),  // sells nothing: outside (a)(3)
            ("+14155550123", .autodialed, nil, nil, "CLEAN"),  // a live agent's call: (a)(3) is about the voice
            ("+14155550123", .voice, nil, nil, "CLEAN"),
            ("+14155550999", .prerecorded, nil, "research", "WIRELESS_NO_CONSENT"),  // a mobile: whatever the purpose
        ] as [(String, CallChannel, String?, String?, String)])
    func prerecordedLandline(
        phone: String, channel: CallChannel, consent: String?, purpose: String?, reason: String
    )
        throws
    {
        let decision = try decide(phone, channel: channel, consent: consent, purpose: purpose)
        #expect((decision.reason?.rawValue ?? "CLEAN") == reason, "\(decision.detail ?? "")")
        if reason == "NO_CONSENT" {
            #expect(decision.detail?.contains("47 CFR 64.1200(a)(3)") == true)
            #expect(decision.detail?.hasPrefix("prerecorded telemarketing calls to a residential line") == true)
        }
    }

    @Test("WIRELESS_NO_CONSENT ranks right after NO_CONSENT, before the lists")
    func precedence() {
        #expect(RejectReason.noConsent < .wirelessNoConsent && RejectReason.wirelessNoConsent < .suppressed)
    }
}
