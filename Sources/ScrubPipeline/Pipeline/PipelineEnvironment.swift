import CallingWindows
import Foundation
import ScrubRules

/// The stages a pipeline is built from, supplied by the caller so each can be tested alone.
public struct PipelineEnvironment {
    public var normalizer: NumberNormalizing
    /// Opens a prebuilt registry or suppression index file.
    public var openIndex: (_ path: String) throws -> NumberList
    /// Whether a file is an index file (by its magic bytes), rather than a plain list.
    public var isIndexFile: (_ path: String) -> Bool
    /// Makes the calling-window stage for a campaign date, a call purpose and an optional file of
    /// company rules.
    public var windows:
        (_ campaignDate: LocalDate, _ purpose: String, _ companyRules: String?) throws -> CallingWindowAnnotating?
    /// Today's date where the run is, for `today` and `tomorrow`.
    public var today: () -> LocalDate
    /// The real time now, for checks against the clock rather than the campaign date: an index whose
    /// snapshot date is after today (UTC, with a day's grace) is refused.
    public var now: () -> Date

    public init(
        normalizer: NumberNormalizing,
        openIndex: @escaping (String) throws -> NumberList,
        isIndexFile: @escaping (String) -> Bool,
        windows: @escaping (LocalDate, String, String?) throws -> CallingWindowAnnotating?,
        today: @escaping () -> LocalDate = { LocalDate.today() },
        now: @escaping () -> Date = { Date() }
    ) {
        self.normalizer = normalizer
        self.openIndex = openIndex
        self.isIndexFile = isIndexFile
        self.windows = windows
        self.today = today
        self.now = now
    }
}

extension LocalDate {
    /// Today's date in the machine's time zone, for `today` and `tomorrow` campaign dates.
    public static func today() -> LocalDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
