// swift-tools-version:6.0
//
// The fuzz harness for Lacuna's ingest and segmentation: a separate package so that the
// normal `swift build` / `swift test` never see it. Its targets are the real sources of the
// main package, reached through symbolic links in Sources/. Build and run it with
// scripts/fuzz.sh (libFuzzer through `-sanitize=fuzzer`).
import PackageDescription

let package = Package(
    name: "LacunaFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CPCRE2", path: "Sources/CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .target(name: "LacunaCore"),
        .target(name: "LacunaPatterns", dependencies: ["CPCRE2"]),
        .target(name: "LacunaText", dependencies: ["LacunaCore", "LacunaPatterns"]),
        .target(
            name: "LacunaReaders",
            dependencies: [
                "LacunaCore", "LacunaPatterns", "LacunaText", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // FormatFixtures.swift is the test suite's bill in every format (a link), used for seeds.
        .executableTarget(
            name: "IngestFuzzer",
            dependencies: ["LacunaReaders", "LacunaText", "LacunaCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
