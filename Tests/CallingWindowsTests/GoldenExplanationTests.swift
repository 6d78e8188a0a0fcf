import CallingWindows
import Foundation
import Testing

/// The explanation `scrub window` prints, pinned as golden files in `Golden/`, named after the case.
/// Set CALLING_WINDOWS_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff.
@Test(
    "explanations match their golden files",
    arguments: [
        (
            "us-fl-two-zones",
            WindowRequest(
                country: "US", subdivisions: ["FL"],
                zones: ["America/Chicago", "America/New_York"], date: LocalDate("2026-12-01")!)
        ),
        ("au-mobile-no-location", WindowRequest(country: "AU", date: LocalDate("2026-12-01")!)),
        ("fr-after-opt-in", WindowRequest(country: "FR", zones: ["Europe/Paris"], date: LocalDate("2026-08-11")!)),
        (
            "us-ri-christmas",
            WindowRequest(
                country: "US", subdivisions: ["RI"], zones: ["America/New_York"],
                date: LocalDate("2026-12-25")!)
        ),
    ])
func goldenExplanation(name: String, request: WindowRequest) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/explanation-\(name).txt")
    let text = calculator.window(for: request).explanation
    if ProcessInfo.processInfo.environment["CALLING_WINDOWS_UPDATE_GOLDEN"] == "1" {
        try text.write(to: url, atomically: false, encoding: .utf8)
    }
    let golden = try String(contentsOf: url, encoding: .utf8)
    #expect(text == golden)
}
