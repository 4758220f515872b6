// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NianbaoCore", targets: ["NianbaoCore"]),
        .library(name: "NianbaoTUI", targets: ["NianbaoTUI"]),
        .executable(name: "nianbao", targets: ["nianbao"]),
        .executable(name: "nianbao-bench", targets: ["nianbao-bench"]),
        .executable(name: "nianbao-fuzz", targets: ["nianbao-fuzz"]),
        .executable(name: "nianbao-import-fuzz", targets: ["nianbao-import-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(
            name: "NianbaoCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // The Word container (zip) and the import source loader. ZIPFoundation needs Foundation,
        // so it stays out of NianbaoCore; the Word XML itself is read in NianbaoCore/Import/Docx.
        .target(
            name: "NianbaoDocx",
            dependencies: ["NianbaoCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"]), .brew(["ncurses"])]
        ),
        .target(
            name: "NianbaoTUI",
            dependencies: ["NianbaoCore", "CNcursesw"]
        ),
        .executableTarget(
            name: "nianbao",
            dependencies: [
                "NianbaoCore",
                "NianbaoTUI",
                "NianbaoDocx",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "NianbaoTestSupport",
            dependencies: ["NianbaoCore"]
        ),
        .executableTarget(
            name: "nianbao-bench",
            dependencies: ["NianbaoCore", "NianbaoTUI", "NianbaoDocx", "NianbaoTestSupport"],
            path: "Benchmarks/nianbao-bench"
        ),
        .executableTarget(
            name: "nianbao-fuzz",
            dependencies: ["NianbaoCore", "FuzzDriver"],
            path: "Fuzz/nianbao-fuzz"
        ),
        .target(
            name: "FuzzDriver",
            path: "Fuzz/FuzzDriver"
        ),
        .executableTarget(
            name: "nianbao-import-fuzz",
            dependencies: ["NianbaoCore", "NianbaoDocx", "FuzzDriver"],
            path: "Fuzz/nianbao-import-fuzz"
        ),
        .testTarget(
            name: "NianbaoCoreTests",
            dependencies: ["NianbaoCore", "NianbaoTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NianbaoDocxTests",
            dependencies: ["NianbaoDocx", "NianbaoCore", "NianbaoTestSupport",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "NianbaoTUITests",
            dependencies: ["NianbaoTUI", "NianbaoCore", "NianbaoTestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "NianbaoCLITests",
            dependencies: ["nianbao", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "NianbaoEndToEndTests",
            dependencies: ["NianbaoCore", "NianbaoTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
