// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "capantra-scrub",
    products: [
        .executable(name: "scrub", targets: ["scrub"]),
        .library(
            name: "ScrubKit",
            targets: [
                "ScrubIO", "PhoneNumbers", "ScrubRules", "ScrubPipeline", "ScrubKit", "ScrubIndex", "CallingWindows",
                "ScrubRecords", "ScrubSample",
            ]
        ),
        // Bytes only, for tools (and benchmarks) that need gzip and CSV streaming without the pipeline.
        .library(name: "ScrubIO", targets: ["ScrubIO"]),
    ],
    traits: [
        .trait(
            name: "ISAL",
            description: "Gzip through Intel ISA-L (igzip) instead of zlib: about 3x faster; needs libisal-dev."
        )
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // C at the edge: zlib from Debian's zlib1g-dev, imported by one Swift file.
        .systemLibrary(
            // Not `CZlib`: ZIPFoundation's own zlib module has that name, and two modules cannot share it.
            name: "CScrubZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // C at the edge: Intel ISA-L from Debian's libisal-dev, only with the ISAL trait.
        .systemLibrary(
            name: "CISAL",
            pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"])]
        ),
        // Bytes: gzip and CSV streaming. Knows nothing of phone numbers.
        .target(
            name: "ScrubIO",
            dependencies: ["CScrubZlib", .target(name: "CISAL", condition: .when(traits: ["ISAL"]))]
        ),
        // Phone numbers: E.164 normalisation on libphonenumber's metadata. Knows nothing of CSV or registries.
        .target(
            name: "PhoneNumbers",
            exclude: ["NOTICE"]
        ),
        // C at the edge: a software-prefetch hint for batched index lookups and the seen-number map.
        .target(name: "CScrubPrefetch"),
        // Registry and suppression indexes: memory-mapped sorted hash tables of E.164 keys.
        // Knows nothing of CSV or phone-number rules; key parsing is injected.
        .target(
            name: "ScrubIndex",
            dependencies: [
                "CScrubPrefetch",
                "ScrubIO",
                .product(name: "Crypto", package: "swift-crypto"),
                // Zipped registry files (a CRTC download holds one member per area code), read directly.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The hash-chained records: the audit log and the opt-out journal (events, import, state,
        // compilation into a suppression index, freshness). Knows nothing of phone-number rules (the
        // journal is handed a normaliser) or of the run.
        .target(
            name: "ScrubRecords",
            dependencies: [
                "ScrubIO",
                "ScrubIndex",
                "CallingWindows",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Sample data: a reproducible lead file, registry and suppression list for benchmarks. Bytes only.
        .target(name: "ScrubSample", dependencies: ["ScrubIO"]),
        // The decision: each rule one value in precedence order, the lists, registries and stages they
        // consult, consent evidence, dates and contact history. Knows nothing of pipeline files or of the run.
        .target(
            name: "ScrubRules",
            dependencies: [
                "CScrubPrefetch",
                "ScrubIO",
                "ScrubRecords",
                "PhoneNumbers",
                "ScrubIndex",
                "CallingWindows",
                "ScrubYAML",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The pipeline: its definition read from YAML with locations, and the plan made from it (columns
        // placed, lists opened, the rules built); `scrub check` decides a request through the plan.
        .target(
            name: "ScrubPipeline",
            dependencies: [
                "ScrubRules",
                "ScrubIO",
                "ScrubRecords",
                "ScrubIndex",
                "CallingWindows",
                "ScrubYAML",
            ]
        ),
        // The run engine: workers deciding chunks on every core, the sequencer, the outputs, the report
        // and the audit record of a run; and file inspection (`scrub inspect`).
        .target(
            name: "ScrubKit",
            dependencies: [
                "ScrubIO",
                "ScrubRecords",
                "ScrubRules",
                "ScrubPipeline",
                "ScrubIndex",
                "CallingWindows",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // YAML with locations: documents composed once into nodes that know their file:line:column,
        // walked with a schema or decoded with Codable. The only target that imports Yams.
        .target(
            name: "ScrubYAML",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Calling-hour windows: dated jurisdiction rules, holiday calendars and time zones, as data.
        // Knows nothing of CSV or phone-number parsing.
        .target(
            name: "CallingWindows",
            dependencies: ["ScrubYAML"],
            resources: [.copy("Resources/calling-rules.yaml"), .copy("Resources/holiday-calendars.yaml")]
        ),
        // API keys: hashed bearer tokens with a role each, in a key store (a file today). Knows nothing of HTTP.
        .target(
            name: "ScrubAccess",
            dependencies: ["ScrubIO", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The HTTP server: the pipeline's one decision path, the opt-out journal and the audit log behind
        // bearer keys. Its own target so that ScrubKit's library product stays free of the server stack.
        .target(
            name: "ScrubServe",
            dependencies: [
                "ScrubRules", "ScrubPipeline",
                "ScrubAccess",
                "ScrubIO",
                "ScrubKit",
                "ScrubRecords",
                "CallingWindows",
                "ScrubYAML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "scrub",
            dependencies: [
                "ScrubRules", "ScrubPipeline",
                "ScrubIO",
                "ScrubKit",
                "ScrubRecords",
                "ScrubSample",
                "PhoneNumbers",
                "ScrubIndex",
                "CallingWindows",
                "ScrubAccess",
                "ScrubServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "ScrubTestSupport",
            // Yams: debug builds enable testing, which makes ScrubYAML's internal import visible to clients.
            dependencies: [
                "ScrubRules",
                "ScrubIO", "ScrubKit", "ScrubRecords", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/ScrubTestSupport"
        ),
        .testTarget(
            name: "ScrubIOTests",
            dependencies: ["ScrubIO", "ScrubTestSupport"]
        ),
        .testTarget(
            name: "ScrubCLITests",
            dependencies: [
                "ScrubRules", "ScrubPipeline",
                "ScrubKit", "ScrubRecords", "ScrubIndex", "ScrubTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "ScrubKitTests",
            dependencies: [
                "ScrubRules", "ScrubPipeline",
                "ScrubKit", "ScrubRecords", "ScrubIO", "ScrubIndex", "CallingWindows", "ScrubTestSupport",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "ScrubRulesTests",
            dependencies: ["ScrubRules", "ScrubRecords", "ScrubIO", "ScrubIndex", "CallingWindows", "ScrubTestSupport"]
        ),
        .testTarget(
            name: "ScrubRecordsTests",
            dependencies: [
                "ScrubRules",
                "ScrubRecords", "ScrubKit", "ScrubIO", "ScrubIndex", "ScrubTestSupport",
                // Crypto: the tests forge records with a key of their own, as an attacker would.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "ScrubAccessTests",
            dependencies: ["ScrubAccess", "ScrubTestSupport"]
        ),
        .testTarget(
            name: "ScrubServeTests",
            dependencies: [
                "ScrubRules", "ScrubPipeline",
                "ScrubServe", "ScrubAccess", "ScrubKit", "ScrubRecords", "ScrubIndex", "CallingWindows",
                "ScrubTestSupport", "ScrubYAML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ScrubSampleTests",
            dependencies: ["ScrubSample", "ScrubIO", "ScrubTestSupport"]
        ),
        .testTarget(
            name: "ScrubIndexTests",
            dependencies: [
                "ScrubIndex", "ScrubTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "CallingWindowsTests",
            dependencies: ["CallingWindows"],
            exclude: ["Golden"],
            resources: [.copy("Fixtures/holidays-2025-2030.json")]
        ),
        .testTarget(
            name: "PhoneNumbersTests",
            dependencies: ["PhoneNumbers"],
            resources: [.copy("Resources")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
