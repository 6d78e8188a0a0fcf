// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "capantra-scrub",
    products: [
        .executable(name: "scrub", targets: ["scrub"]),
        .library(name: "ScrubKit", targets: ["ScrubIO", "ScrubKit", "CallingWindows"]),
    ],
    traits: [
        .trait(name: "ISAL", description: "Use Intel ISA-L (libisal-dev) for gzip instead of zlib.")
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C at the edge: zlib from Debian's zlib1g-dev, imported by one Swift file.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Bytes: gzip and CSV streaming. Knows nothing of phone numbers.
        .target(
            name: "ScrubIO",
            dependencies: ["CZlib"]
        ),
        // The pipeline: composes the stages below into runs, reports and audit records.
        .target(
            name: "ScrubKit",
            dependencies: ["ScrubIO"]
        ),
        // Calling-hour windows: dated jurisdiction rules, holiday calendars and time zones, as data.
        // Knows nothing of CSV or phone-number parsing.
        .target(
            name: "CallingWindows",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/calling-rules.yaml"), .copy("Resources/holiday-calendars.yaml")]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "scrub",
            dependencies: [
                "ScrubIO",
                "ScrubKit",
                "CallingWindows",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "ScrubTestSupport",
            dependencies: ["ScrubIO"],
            path: "Tests/ScrubTestSupport"
        ),
        .testTarget(
            name: "ScrubIOTests",
            dependencies: ["ScrubIO", "ScrubTestSupport"]
        ),
        .testTarget(
            name: "ScrubCLITests",
            dependencies: ["ScrubTestSupport"]
        ),
        .testTarget(
            name: "ScrubKitTests",
            dependencies: ["ScrubKit", "ScrubIO", "ScrubTestSupport"]
        ),
        .testTarget(
            name: "CallingWindowsTests",
            dependencies: ["CallingWindows"],
            resources: [.copy("Fixtures/holidays-2025-2030.json")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
