// swift-tools-version:5.4
// Tools version 5.4: from 5.5 on, SwiftPM renames an executable's entry point for testing and links
// `main` to it, which clashes with the `main` libFuzzer provides.
// libFuzzer harnesses for einvoice. A package of its own so that the fuzzer build (every Swift file
// compiled with -sanitize=fuzzer,address) never touches the main build or CI: `bench/fuzz/run` builds it.
import PackageDescription

let einvoice = "einvoice"

let package = Package(
    name: "einvoice-fuzz",
    dependencies: [.package(name: einvoice, path: "../..")],
    targets: [
        .executableTarget(
            name: "FuzzJSON", dependencies: [.product(name: "EInvoiceModel", package: einvoice)]),
        .executableTarget(
            name: "FuzzInput",
            dependencies: [
                .product(name: "EInvoiceKit", package: einvoice),
                .product(name: "EInvoiceVerification", package: einvoice),
            ]),
        .executableTarget(
            name: "FuzzJWS", dependencies: [.product(name: "EInvoiceVerification", package: einvoice)]),
        .executableTarget(
            name: "FuzzImage", dependencies: [.product(name: "RasterIO", package: einvoice)]),
    ]
)
