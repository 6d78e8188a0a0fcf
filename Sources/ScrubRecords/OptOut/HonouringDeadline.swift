import CallingWindows

/// When an opt-out must be honoured by: within 10 business days of the request (47 CFR
/// 64.1200(d)(3) for do-not-call requests, and 64.1200(a)(10) for revocations of consent, in force
/// from 2025-04-11).
///
/// Business days are counted as the weekdays after the UTC day the person asked; public holidays
/// are counted as business days, which can only bring the deadline earlier, the safe side. The
/// deadline is the end of the tenth such day. Compiling and running before then honours it.
public enum HonouringDeadline {
    public static let businessDays = 10
    public static let citation = "47 CFR 64.1200(d)(3), (a)(10): 10 business days"

    /// The last second at which an opt-out asked at `time` is still honoured in time.
    public static func deadline(forRequestAt time: UTCTime) -> UTCTime {
        var day = time.date
        var counted = 0
        while counted < businessDays {
            day = day.adding(days: 1)
            if !day.weekday.isWeekend { counted += 1 }
        }
        return UTCTime(seconds: Int64(day.dayNumber) * 86_400 + 86_399)
    }
}
