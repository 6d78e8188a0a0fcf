import Foundation
import PhoneNumbers
import Testing

/// Agreement with libphonenumber on the 20,000-input corpus, scored as issue 3 asks.
@Suite("corpus accuracy against libphonenumber 9.0.43")
struct CorpusAccuracyTests {
    struct Tally {
        var valid = 0, sameE164 = 0, wrongNumber = 0, invalid = 0, rejected = 0
        var regionAgree = 0, typeAgree = 0, zonesAgree = 0, extensionAgree = 0
    }

    /// The shared corpus, and the inputs `Scripts/make-phone-fuzz-corpus.py` generates.
    @Test(
        "same E.164 for >= 99.9% of valid inputs, rejection for >= 99.5% of invalid, wrong numbers < 0.05%",
        arguments: ["phone-normalization", "phone-fuzz"])
    func corpusAgreement(corpus: String) throws {
        let rows = try CorpusRow.load(corpus)
        print("corpus \(corpus): \(rows.count) inputs")
        var total = Tally()
        var perRegion: [String: Tally] = [:]
        var normalizers: [String: PhoneNormalizer] = [:]
        var disagreements: [String] = []
        for row in rows {
            let normalizer =
                normalizers[row.defaultRegion]
                ?? {
                    let n = PhoneNormalizer(defaultRegion: PhoneRegion(row.defaultRegion));
                    normalizers[row.defaultRegion] = n; return n
                }()
            let result = normalizer.normalize(row.input)
            var tally = perRegion[row.defaultRegion, default: Tally()]
            func count(_ update: (inout Tally) -> Void) {
                update(&total)
                update(&tally)
            }
            if let expected = row.e164 {
                count { $0.valid += 1 }
                if let number = result.number {
                    if number.description == expected {
                        count { $0.sameE164 += 1 }
                        if number.region.code == row.region { count { $0.regionAgree += 1 } }
                        if number.lineType.description == row.type { count { $0.typeAgree += 1 } }
                        if number.timeZones == row.timeZones { count { $0.zonesAgree += 1 } }
                        if result.phoneExtension?.description == row.phoneExtension {
                            count { $0.extensionAgree += 1 }
                        } else {
                            disagreements.append(
                                "ext \(row.style) \(row.defaultRegion) \(row.input.debugDescription) -> \(result.phoneExtension?.description ?? "nil") expected \(row.phoneExtension ?? "nil")"
                            )
                        }
                    } else {
                        count { $0.wrongNumber += 1 }
                        disagreements.append(
                            "WRONG \(row.style) \(row.defaultRegion) \(row.input.debugDescription) -> \(number) expected \(expected)"
                        )
                    }
                } else {
                    disagreements.append(
                        "rejected-valid \(row.style) \(row.defaultRegion) \(row.input.debugDescription) -> \(result.rejection!) expected \(expected)"
                    )
                }
            } else {
                count { $0.invalid += 1 }
                if let number = result.number {
                    count { $0.wrongNumber += 1 }
                    disagreements.append(
                        "accepted-invalid \(row.style) \(row.defaultRegion) \(row.input.debugDescription) -> \(number)")
                } else {
                    count { $0.rejected += 1 }
                }
            }
            perRegion[row.defaultRegion] = tally
        }
        print(Self.table(perRegion: perRegion, total: total))
        for line in disagreements.prefix(60) { print(line) }

        let sameRate = Double(total.sameE164) / Double(total.valid)
        let rejectRate = Double(total.rejected) / Double(total.invalid)
        let wrongRate = Double(total.wrongNumber) / Double(rows.count)
        #expect(sameRate >= 0.999, "same E.164 for \(sameRate * 100)% of valid inputs")
        #expect(rejectRate >= 0.995, "rejected \(rejectRate * 100)% of invalid inputs")
        #expect(wrongRate < 0.0005, "wrong-number rate \(wrongRate * 100)%")
        for (region, tally) in perRegion {
            #expect(Double(tally.sameE164) >= 0.999 * Double(tally.valid) - 1, "\(region): same E.164 below threshold")
            #expect(
                Double(tally.rejected) >= 0.995 * Double(tally.invalid) - 1, "\(region): rejections below threshold")
        }
    }

    static func table(perRegion: [String: Tally], total: Tally) -> String {
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "     -" : String(format: "%6.2f", 100 * Double(part) / Double(whole))
        }
        var lines = ["default  valid  same%  wrong   invalid  reject%  region%  type%  zones%  ext%"]
        for (region, t) in perRegion.sorted(by: { $0.key < $1.key }) + [("ALL", total)] {
            lines.append(
                "\(region.padding(toLength: 7, withPad: " ", startingAt: 0)) \(String(format: "%6d", t.valid)) "
                    + "\(percent(t.sameE164, t.valid)) \(String(format: "%6d", t.wrongNumber))   \(String(format: "%7d", t.invalid)) "
                    + " \(percent(t.rejected, t.invalid))   \(percent(t.regionAgree, t.sameE164)) "
                    + "\(percent(t.typeAgree, t.sameE164)) \(percent(t.zonesAgree, t.sameE164)) \(percent(t.extensionAgree, t.sameE164))"
            )
        }
        return lines.joined(separator: "\n")
    }
}
