// swift-tools-version: 6.1
// A package that uses Capantra Scrub as a library, by version, as any other package would.
// CI (`.ci/run`) builds and runs it against a tagged clone: SCRUB_PACKAGE_URL names the clone and
// SCRUB_PACKAGE_VERSION its tag.
import Foundation
import PackageDescription

let environment = ProcessInfo.processInfo.environment
let url = environment["SCRUB_PACKAGE_URL"] ?? "https://github.com/capantra/scrub"
let version = Version(environment["SCRUB_PACKAGE_VERSION"] ?? "0.1.0") ?? "0.1.0"

let package = Package(
    name: "scrub-consumer",
    dependencies: [.package(url: url, from: version)],
    targets: [
        .executableTarget(
            name: "ScrubConsumer",
            dependencies: [
                .product(name: "ScrubKit", package: "capantra-scrub"),
                .product(name: "ScrubIO", package: "capantra-scrub"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
