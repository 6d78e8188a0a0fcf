// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "capantra-scrub",
    products: [
        .executable(name: "scrub", targets: ["scrub"]),
        .library(name: "ScrubKit", targets: ["ScrubIO", "PhoneNumbers"]),
    ],
    traits: [
        .trait(name: "ISAL", description: "Use Intel ISA-L (libisal-dev) for gzip instead of zlib."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        // Phone numbers: E.164 normalisation on libphonenumber's metadata. Knows nothing of CSV or registries.
        .target(
            name: "PhoneNumbers",
            exclude: ["NOTICE"]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "scrub",
            dependencies: [
                "ScrubIO",
                "PhoneNumbers",
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
            name: "NormalizeCommandTests",
            dependencies: ["scrub"]
        ),
        .testTarget(
            name: "PhoneNumbersTests",
            dependencies: ["PhoneNumbers"],
            resources: [.copy("Resources")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
