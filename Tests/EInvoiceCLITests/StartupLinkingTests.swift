import EInvoiceBasics
import EInvoiceTestSupport
import Foundation
import Testing

/// The libraries most commands never call — and Cairo, Pango, fontconfig and GLib, which only drawing
/// calls — are opened on first use, not linked (see `Sources/CDynamicLibrary/dynamic_library.h`):
/// linked, they and their dependencies cost every process — `--version`, `verify`, `render` — most of its start. A new `pkgConfig` or a
/// direct call that brings one back into the binary's `NEEDED` list fails here.
@Suite struct StartupLinkingTests {
    static let openedOnFirstUse = [
        "libpoppler-glib", "libqpdf", "libtiff", "libturbojpeg", "libtesseract",
        "libcairo", "libpango-1.0", "libpangocairo-1.0", "libpangoft2-1.0", "libfontconfig", "libglib-2.0", "libgobject-2.0",
    ]

    @Test func theBinaryDoesNotLinkTheLibrariesItOpensOnFirstUse() throws {
        let binary = try #require(CommandRunner.executable)
        let listing = try CommandRunner.output(ofTool: "/usr/bin/readelf", ["--dynamic", binary.path])
        let needed = listing.split(separator: "\n").filter { $0.contains("(NEEDED)") }
        #expect(needed.contains { $0.contains("libqrencode") }, "readelf listed no NEEDED libraries: \(listing.prefix(300))")
        for library in Self.openedOnFirstUse {
            #expect(!needed.contains { $0.contains("[\(library).so") }, "\(library) is linked again")
        }
    }

    @Test func aMissingLibraryIsAnErrorNamingThePackageToInstall() {
        let result: Result<Int, DynamicLibrary.LoadFailure> =
            DynamicLibrary.load("libeinvoice-absent.so.9", package: "libeinvoice-absent9") { _, _ in nil }
        guard case .failure(let failure) = result else {
            Issue.record("an absent library loaded")
            return
        }
        #expect(failure.description.contains("libeinvoice-absent.so.9 cannot be loaded"))
        #expect(failure.description.contains("apt-get install libeinvoice-absent9"))
    }

    @Test func aLibraryWithoutAFunctionIsAnUnsupportedVersion() {
        let result: Result<Int, DynamicLibrary.LoadFailure> = DynamicLibrary.load("libc.so.6", package: "libc6") { _, _ in
            UnsafePointer(strdup("einvoice_no_such_function"))
        }
        guard case .failure(let failure) = result else {
            Issue.record("a table with a missing function was accepted")
            return
        }
        #expect(failure.description == "libc.so.6 has no function einvoice_no_such_function: an unsupported version")
    }
}
