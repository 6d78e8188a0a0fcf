// swift-tools-version: 6.1
import PackageDescription

// Benchmarks stand apart from the product: the product never depends on benchmark tooling.
// Run: cd Benchmarks && swift package benchmark [--target SUITE]
let package = Package(
    name: "capantra-scrub-benchmarks",
    dependencies: [
        .package(name: "capantra-scrub", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "IOBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ScrubKit", package: "capantra-scrub"),
            ],
            path: "IOBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "ScrubIndexBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ScrubKit", package: "capantra-scrub"),
            ],
            path: "ScrubIndexBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "OptOutBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ScrubKit", package: "capantra-scrub"),
            ],
            path: "OptOutBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
