// swift-tools-version: 6.1
import PackageDescription

// Benchmarks stand apart from the product: the product never depends on benchmark tooling.
// Run: cd Benchmarks && swift package benchmark [--target SUITE]
// SCRUB_GZIP_BACKEND=isal builds the parent package with its ISAL trait (Intel ISA-L gzip; needs libisal-dev).
let gzipTraits: Set<Package.Dependency.Trait> =
    Context.environment["SCRUB_GZIP_BACKEND"] == "isal" ? ["ISAL"] : [.defaults]

let package = Package(
    name: "capantra-scrub-benchmarks",
    dependencies: [
        .package(name: "capantra-scrub", path: "..", traits: gzipTraits),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // What more than one suite needs: a seeded generator.
        .target(name: "BenchmarkSupport", path: "BenchmarkSupport"),
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
                "BenchmarkSupport",
                .product(name: "ScrubKit", package: "capantra-scrub"),
            ],
            path: "ScrubIndexBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "PhoneNumbersBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ScrubKit", package: "capantra-scrub"),
            ],
            path: "PhoneNumbersBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "CallingWindowsBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ScrubKit", package: "capantra-scrub"),
            ],
            path: "CallingWindowsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "GzipBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ScrubIO", package: "capantra-scrub"),
            ],
            path: "GzipBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "RunBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ScrubKit", package: "capantra-scrub"),
            ],
            path: "RunBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // Parallel against serial CSV parsing, as two commands to time side by side (see its main.swift).
        .executableTarget(
            name: "ParseBenchmark",
            dependencies: ["BenchmarkSupport", .product(name: "ScrubIO", package: "capantra-scrub")],
            path: "ParseBenchmark"
        ),
        .executableTarget(
            name: "OptOutBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                "BenchmarkSupport",
                .product(name: "ScrubKit", package: "capantra-scrub"),
            ],
            path: "OptOutBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
