// swift-tools-version:6.0
//
// Lacuna — gap analysis of anti-trafficking legislation against the UN Trafficking in
// Persons Protocol, UNTOC and the UNODC Model Law.
//
// Layering (see docs/architecture.md and README.md, "Architecture"):
//   LacunaCore      model, protocols, Analysis, judging (Foundation only)
//   LacunaPatterns  PCRE2 through CPCRE2                (no Lacuna dependency)
//   LacunaText      lines, markers, segment, resolve,   (Core, Patterns)
//                   sentences, clauses, list items
//   LacunaReaders   ingest: text, Word, HTML, AKN, PDF  (Core, Patterns, Text, Crypto, ZIPFoundation)
//   LacunaRules     declarative rule packs, engine      (Core, Patterns, Text, Yams)
//   LacunaCatalog   the ModelLaw/ requirement catalog   (Core, Yams, ModelLaw data)
//   LacunaReports   reporters, ReportFormat, renderers, (Core, ZIPFoundation)
//                   the Word (.docx) writer
//   LacunaStore     SQLite (GRDB) store for batch runs  (Core, GRDB)
//   Plugins/*       one analyzer plugin per tradition   (Core only)
//   LacunaKit       registry, pipeline entry, batch,    (everything above, Yams)
//                   review files
//   LacunaBench     bench: synthetic corpus, timing     (Kit, Core, Rules)
//   LacunaServer    `lacuna serve`: pages and JSON API  (Kit, Core, Readers, Reports, Store, Hummingbird)
//   lacuna          the CLI                              (Kit, Bench, Server, Core, Readers, Reports, ArgumentParser)
import PackageDescription

let package = Package(
    name: "Lacuna",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lacuna", targets: ["lacuna"]),
        .library(name: "LacunaKit", targets: ["LacunaKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            path: "Sources/CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .target(name: "LacunaCore"),
        .target(name: "LacunaPatterns", dependencies: ["CPCRE2"]),
        .target(name: "LacunaText", dependencies: ["LacunaCore", "LacunaPatterns"]),
        // Ingest: the only users of Crypto and of XML parsing; ZIPFoundation opens Word files here
        // and writes them in LacunaReports (DocxReporter).
        .target(
            name: "LacunaReaders",
            dependencies: [
                "LacunaCore", "LacunaPatterns", "LacunaText", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The engine reads sentences, clauses and list items from the text-structure layer (SentenceMap).
        .target(name: "LacunaRules", dependencies: ["LacunaCore", "LacunaPatterns", "LacunaText", "Yams"]),
        .target(
            name: "ModelLaw",
            path: "ModelLaw",
            exclude: ["README.md"],
            resources: [.copy("catalog")]
        ),
        .target(name: "LacunaCatalog", dependencies: ["LacunaCore", "ModelLaw", "Yams"]),
        .target(name: "LacunaReports", dependencies: ["LacunaCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "LacunaStore", dependencies: ["LacunaCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "SharedRulePacks",
            dependencies: ["LacunaCore"],
            path: "Plugins/Shared",
            resources: [.copy("rules")]
        ),
        .target(
            name: "CommonLawPlugin",
            dependencies: ["LacunaCore"],
            path: "Plugins/CommonLaw",
            resources: [.copy("rules")]
        ),
        .target(
            name: "CivilLawPlugin",
            dependencies: ["LacunaCore"],
            path: "Plugins/CivilLaw",
            resources: [.copy("rules")]
        ),
        .target(
            name: "IslamicLawPlugin",
            dependencies: ["LacunaCore"],
            path: "Plugins/IslamicLaw",
            resources: [.copy("rules")]
        ),
        .target(
            name: "LacunaKit",
            dependencies: [
                "LacunaCore", "LacunaPatterns", "LacunaReaders", "LacunaText", "LacunaRules", "LacunaCatalog",
                "LacunaReports", "LacunaStore", "SharedRulePacks", "CommonLawPlugin", "CivilLawPlugin", "IslamicLawPlugin",
                "Yams",  // review files (ReviewFileLoader)
            ]
        ),
        // The benchmark (`lacuna bench`): synthetic corpus, stage timing, pcre2grep comparison.
        .target(name: "LacunaBench", dependencies: ["LacunaKit", "LacunaCore", "LacunaRules"]),
        // The web front end (`lacuna serve`): server-rendered pages and a JSON API over the same Analyzer.
        .target(
            name: "LacunaServer",
            dependencies: [
                "LacunaKit", "LacunaCore", "LacunaReaders", "LacunaReports", "LacunaStore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "lacuna",
            dependencies: [
                "LacunaKit", "LacunaBench", "LacunaServer", "LacunaCore", "LacunaReaders", "LacunaReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared by the test targets: runs the built executable as a user does.
        .target(name: "LacunaTestSupport", path: "Tests/Support"),
        .testTarget(name: "LacunaPatternsTests", dependencies: ["LacunaPatterns"]),
        .testTarget(name: "LacunaCoreTests", dependencies: ["LacunaCore"]),
        .testTarget(
            name: "LacunaTextTests",
            dependencies: [
                "LacunaText", "LacunaReaders", "LacunaCore",
                // The format tests build Word files with ZIPFoundation and compare findings through the pipeline.
                "LacunaKit", .product(name: "ZIPFoundation", package: "ZIPFoundation"), "LacunaTestSupport",
            ]
        ),
        .testTarget(name: "LacunaStoreTests", dependencies: ["LacunaStore", "LacunaCore"]),
        .testTarget(name: "LacunaReportsTests", dependencies: ["LacunaReports", "LacunaCore", "LacunaTestSupport"]),
        .testTarget(
            name: "LacunaKitTests",
            dependencies: ["LacunaKit", "LacunaBench", "LacunaRules", "LacunaCatalog", "LacunaReaders", "LacunaReports", "LacunaCore",
                           "LacunaTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "LacunaServerTests",
            dependencies: [
                "LacunaServer", "LacunaKit", "LacunaCore", "LacunaReports", "LacunaTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
