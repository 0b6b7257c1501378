// swift-tools-version:6.1
import PackageDescription

/// Settings applied to every target.
/// - ExistentialAny: SE-0335, `any` spelled out for existentials.
/// - MemberImportVisibility: SE-0444, members are visible only from modules a file imports.
/// - InternalImportsByDefault: SE-0409, imports are internal unless marked `public import`.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let cryptoExtras: Target.Dependency = .product(name: "_CryptoExtras", package: "swift-crypto")

/// The include folders of Cairo's, Pango's, GLib's and poppler-glib's headers, as `pkg-config --cflags`
/// gives them on Debian. Given here because those libraries are opened with dlopen, never linked
/// (Sources/CDynamicLibrary/dynamic_library.h): a `.systemLibrary(pkgConfig:)` would also link them,
/// and every process would load them before `main`. Only GLib's configuration header is per architecture.
#if arch(arm64)
let multiarch = "aarch64-linux-gnu"
#else
let multiarch = "x86_64-linux-gnu"
#endif
let gnomeHeaders: [SwiftSetting] = [.unsafeFlags([
    "/usr/include/cairo", "/usr/include/pango-1.0", "/usr/include/glib-2.0", "/usr/lib/\(multiarch)/glib-2.0/include",
    "/usr/include/harfbuzz", "/usr/include/freetype2", "/usr/include/libpng16", "/usr/include/fribidi",
    "/usr/include/pixman-1", "/usr/include/poppler/glib", "/usr/include/poppler",
].flatMap { ["-Xcc", "-I\($0)"] })]

let package = Package(
    name: "einvoice",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "EInvoiceKit", targets: ["EInvoiceKit"]),
        .library(name: "EInvoiceModel", targets: ["EInvoiceModel"]),
        .library(name: "EInvoiceVerification", targets: ["EInvoiceVerification"]),
        // For bench/fuzz's image-loader harness; the C decoders stay behind RasterIO's Swift API.
        .library(name: "RasterIO", targets: ["RasterIO"]),
        .executable(name: "einvoice", targets: ["einvoice"]),
        .executable(name: "einvoice-serve", targets: ["einvoice-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/swift-extras/swift-extras-base64.git", from: "1.2.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // The floor: values and the error protocol shared by the model and the imaging stack; no C, no model.
        .target(name: "EInvoiceBasics"),
        .target(name: "EInvoiceModel", dependencies: ["EInvoiceBasics", crypto]),
        .target(
            name: "EInvoiceVerification",
            dependencies: [
                "EInvoiceBasics", "EInvoiceModel", "CRSAPublicIFMA", crypto, cryptoExtras,
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "ExtrasBase64", package: "swift-extras-base64"),
            ]
        ),
        // The RSA-2048 public operation with AVX-512 IFMA (Sources/CRSAPublicIFMA/rsa2048_ifma.c says why).
        .target(name: "CRSAPublicIFMA"),
        .target(name: "InvoiceLayout", dependencies: ["EInvoiceBasics", "EInvoiceModel"]),
        // Reads printed values by their labels from positioned words (PDF text layer or OCR); no C, no model.
        .target(name: "PrintedText"),
        // Cairo, Pango and fontconfig: headers only, opened with dlopen (Sources/CCairo/shim.h).
        .systemLibrary(name: "CCairo", providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        // Headers only for the libraries most commands never call: each is opened with dlopen on first
        // use, not linked (Sources/CDynamicLibrary/dynamic_library.h, included by their shims, and
        // EInvoiceBasics' DynamicLibrary).
        // poppler-glib's headers need glib's and Cairo's include paths: cairo's pkg-config gives both.
        .systemLibrary(name: "CPoppler", providers: [.apt(["libpoppler-glib-dev"])]),
        // zbar is needed by `scan` alone, and pulls in D-Bus, systemd, V4L and libgcrypt.
        .systemLibrary(name: "CZBar", providers: [.apt(["libzbar-dev"])]),
        .systemLibrary(name: "CTurboJPEG", providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(name: "CTIFF", providers: [.apt(["libtiff-dev"])]),
        .target(name: "QRCodec", dependencies: ["EInvoiceBasics", "CQREncode", "CZBar"]),
        .systemLibrary(name: "CQPDF", providers: [.apt(["libqpdf-dev"])]),
        .systemLibrary(name: "CTesseract", providers: [.apt(["libtesseract-dev", "tesseract-ocr-eng"])]),
        // Reads printed words from page images (Tesseract) in PrintedText's shape; the only importer of CTesseract.
        .target(name: "TextRecognition", dependencies: ["CTesseract", "EInvoiceBasics", "PrintedText"]),
        .target(name: "PDFArchive", dependencies: ["CQPDF", "EInvoiceBasics"]),
        .target(name: "InvoiceScanning", dependencies: ["EInvoiceBasics", "QRCodec", "RasterIO", "EInvoiceModel", "EInvoiceVerification", "PrintedText",
                                                    "TextRecognition"]),
        .target(name: "RasterIO", dependencies: ["EInvoiceBasics", "CairoGraphics", "PDFArchive", "CPoppler", "CTurboJPEG", "CTIFF", "PrintedText",
                                             "TextRecognition"]),
        .target(name: "CairoGraphics", dependencies: ["EInvoiceBasics", "CCairo"]),
        .target(name: "InvoiceRenderer", dependencies: ["EInvoiceBasics", "InvoiceLayout", "CairoGraphics", "EInvoiceModel"]),
        .target(
            name: "EInvoiceKit",
            dependencies: [
                "EInvoiceBasics", "EInvoiceModel", "EInvoiceVerification", "InvoiceLayout", "InvoiceRenderer", "QRCodec", "CairoGraphics",
                "InvoiceScanning", "RasterIO", "PDFArchive", "PrintedText", crypto,
            ]
        ),
        // The duplicate-invoice ledger: SQLite (Debian's libsqlite3-dev) through GRDB.
        .target(
            name: "InvoiceLedger",
            dependencies: ["EInvoiceBasics", "EInvoiceKit", crypto, .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "EInvoiceServer",
            dependencies: [
                "EInvoiceKit", "EInvoiceBasics", "EInvoiceVerification", "InvoiceLayout", "InvoiceScanning", "RasterIO", "EInvoiceModel", "InvoiceLedger", crypto,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command line, shared by its two executables.
        .target(
            name: "EInvoiceCLI",
            dependencies: [
                "InvoiceLedger", "EInvoiceKit", "EInvoiceBasics", "EInvoiceModel", "EInvoiceVerification", "InvoiceLayout", "QRCodec",
                "InvoiceScanning", "RasterIO", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The CLI without the web server, whose SwiftNIO and Hummingbird every start would pay for.
        .executableTarget(name: "einvoice", dependencies: ["EInvoiceCLI"]),
        // The verification desk (`einvoice serve` starts it); otherwise the same command line.
        .executableTarget(
            name: "einvoice-serve",
            dependencies: [
                "EInvoiceCLI", "EInvoiceServer", "EInvoiceKit", "EInvoiceBasics", "InvoiceLedger", "RasterIO",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "einvoice-bench",
            dependencies: [
                "EInvoiceKit", "EInvoiceBasics", "EInvoiceModel", "EInvoiceVerification", "EInvoiceTestSupport", "InvoiceLayout",
                "InvoiceScanning", "RasterIO", "QRCodec",
            ],
            path: "bench/Sources/einvoice-bench"
        ),
        .target(
            name: "EInvoiceTestSupport",
            dependencies: [
                "EInvoiceModel", "EInvoiceVerification", crypto, cryptoExtras,
                .product(name: "ExtrasBase64", package: "swift-extras-base64"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .testTarget(name: "EInvoiceModelTests", dependencies: ["EInvoiceModel", "EInvoiceTestSupport"]),
        .testTarget(
            name: "EInvoiceVerificationTests",
            dependencies: ["EInvoiceVerification", "EInvoiceModel", "EInvoiceTestSupport", crypto, cryptoExtras]
        ),
        .testTarget(
            name: "EInvoiceKitTests",
            dependencies: ["EInvoiceKit", "EInvoiceModel", "EInvoiceVerification", "EInvoiceTestSupport"]
        ),
        .testTarget(
            name: "EInvoiceCLITests",
            dependencies: ["einvoice", "einvoice-serve", "EInvoiceTestSupport", "EInvoiceKit", "EInvoiceModel", "InvoiceLedger"]
        ),
        .testTarget(
            name: "InvoiceScanningTests",
            dependencies: ["InvoiceScanning", "RasterIO", "QRCodec", "EInvoiceBasics", "EInvoiceKit", "EInvoiceModel", "EInvoiceVerification", "PrintedText",
                           "EInvoiceTestSupport", "InvoiceLayout", "InvoiceRenderer", "CairoGraphics", "TextRecognition"]
        ),
        .testTarget(
            name: "EInvoiceServerTests",
            dependencies: [
                "EInvoiceServer", "EInvoiceTestSupport", "EInvoiceKit", "EInvoiceBasics", "RasterIO", "InvoiceLedger",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "InvoiceLedgerTests",
            dependencies: ["InvoiceLedger", "EInvoiceTestSupport", "EInvoiceKit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "InvoiceLayoutTests", dependencies: ["InvoiceLayout", "EInvoiceBasics", "EInvoiceModel", "EInvoiceTestSupport"]),
        .testTarget(
            name: "InvoiceRenderingTests",
            dependencies: ["EInvoiceKit", "InvoiceLayout", "QRCodec", "EInvoiceBasics", "EInvoiceModel", "EInvoiceVerification",
                           "EInvoiceTestSupport", "InvoiceRenderer", "CairoGraphics", "RasterIO", "InvoiceScanning"]
        ),
    ]
)

for target in package.targets where target.type != .system {
    // Test files are not API: internal-by-default imports would only add `public import` noise there.
    let settings = target.type == .test ? swiftSettings.dropLast() : swiftSettings[...]
    // Every Swift target that imports CairoGraphics or RasterIO, directly or not, loads their C
    // modules when it reads their interfaces, so each gets the header folders (harmless to the others).
    target.swiftSettings = (target.swiftSettings ?? []) + settings + gnomeHeaders
}
