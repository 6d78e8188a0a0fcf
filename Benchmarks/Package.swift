// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "capantra-scrub-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "capantra-scrub", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PhoneNumbersBenchmarks",
            dependencies: [
                .product(name: "ScrubKit", package: "capantra-scrub"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "PhoneNumbersBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        )
    ]
)
