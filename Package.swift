// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Marquee",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "marquee", targets: ["marquee"]),
        .library(name: "MarqueeKit", targets: ["MarqueeKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Hummingbird's own: `serve` uses its graceful shutdown to stop within a bounded time.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // The C Markdown library, found through pkg-config (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // libxml2's HTML parser, for the WordPress importer's bodies (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // libvips, the image library (Debian: libvips-dev), linked by name, and plain wrappers over its
        // variadic C API. (Not through pkg-config: glib's flags carry -pthread, which SwiftPM warns
        // about on every build; scripts/ensure-cmark.sh checks `pkg-config vips` instead.)
        .systemLibrary(
            name: "CVips",
            providers: [.apt(["libvips-dev"]), .brew(["vips"])]
        ),
        .target(name: "CMarqueeVips", dependencies: ["CVips"]),
        // The few system calls Swift's Glibc module does not export (the atomic exchange of two
        // paths, the copy of a file inside the kernel, glibc's mallopt).
        .target(name: "CMarqueeSystem"),
        // The Mustache engine: templates parsed once into an immutable form, checked against a
        // schema, rendered into bytes. Depends on nothing else of Marquee.
        .target(name: "MarqueeTemplates"),
        // The whole pipeline: read → assemble → render → write. The CLI is a thin layer over it.
        .target(
            name: "MarqueeKit",
            dependencies: [
                "CCmark",
                "CLibXML2",
                "CMarqueeSystem",
                "CMarqueeVips",
                "CVips",
                "MarqueeTemplates",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `marquee serve`: the local server with live reload, apart so the library stays free of networking.
        .target(
            name: "MarqueeServer",
            dependencies: [
                "MarqueeKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "marquee",
            dependencies: [
                "CMarqueeSystem",
                "MarqueeKit",
                "MarqueeServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target for the reader (scripts/fuzz.sh builds it with -sanitize=fuzzer,address);
        // in an ordinary build a small executable that replays inputs.
        .executableTarget(name: "MarqueeFuzz", dependencies: ["MarqueeKit"]),
        // `make bench`: times rebuilds in one process after edits, as `marquee serve` does them.
        .executableTarget(name: "MarqueeRebuildBench", dependencies: ["MarqueeKit"]),
        .testTarget(name: "MarqueeTemplatesTests", dependencies: ["MarqueeTemplates"]),
        .testTarget(
            name: "MarqueeKitTests",
            dependencies: [
                "MarqueeKit",
                "MarqueeServer",
                "MarqueeTemplates",
                // DocsLinksTests reads the links of README.md and docs/ from cmark's syntax tree.
                "CCmark",
                // The publishing tests read the workflows `marquee new site` writes.
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
