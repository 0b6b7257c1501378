import EInvoiceKit
import Foundation
import Testing

/// The search order of ``ResourceLocator``, on folders made for each test (nothing from this machine).
@Suite struct ResourceLocatorTests {
    let base: URL

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("resources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    }

    /// A folder with empty `Fonts/` and `Templates/` (all the locator checks).
    @discardableResult
    func makeRoot(_ relative: String) throws -> URL {
        let url = base.appendingPathComponent(relative)
        for folder in ["Fonts", "Templates"] {
            try FileManager.default.createDirectory(at: url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        return url.standardizedFileURL
    }

    /// An environment with XDG pointed into the test folder, so the machine's /usr/share is not seen.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["HOME": base.appendingPathComponent("home").path,
         "XDG_DATA_DIRS": base.appendingPathComponent("xdg-dirs").path].merging(extra) { $1 }
    }

    var executable: URL { base.appendingPathComponent("prefix/bin/einvoice") }

    @Test func besideTheExecutableComesFirst() throws {
        let share = try makeRoot("prefix/share/einvoice")
        try makeRoot("home-set")
        let root = try ResourceLocator.locate(executable: executable,
                                              environment: environment(["EINVOICE_HOME": base.appendingPathComponent("home-set").path]))
        #expect(root.url.path == share.path)
        #expect(root.origin == .besideExecutable)
        #expect(root.fontsDirectory.path == share.appendingPathComponent("Fonts").path)
    }

    @Test func einvoiceHomeThenXDGDataHomeThenXDGDataDirs() throws {
        let home = try makeRoot("elsewhere")
        #expect(try ResourceLocator.locate(executable: executable, environment: environment(["EINVOICE_HOME": home.path])).url.path == home.path)

        let dirs = try makeRoot("xdg-dirs/einvoice")
        #expect(try ResourceLocator.locate(executable: executable, environment: environment()).origin == .xdgDataDirs)
        #expect(try ResourceLocator.locate(executable: executable, environment: environment()).url.path == dirs.path)

        let dataHome = try makeRoot("home/.local/share/einvoice")
        let found = try ResourceLocator.locate(executable: executable, environment: environment())
        #expect(found.url.path == dataHome.path)
        #expect(found.origin == .xdgDataHome)
    }

    @Test func aSetButUnusableHomeIsAnErrorNotAFallback() throws {
        try makeRoot("xdg-dirs/einvoice")
        let empty = base.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let error = #expect(throws: ResourceLocator.NotFound.self) {
            try ResourceLocator.locate(executable: executable, environment: environment(["EINVOICE_HOME": empty.path]))
        }
        #expect(error?.description.contains("\(empty.path) (EINVOICE_HOME): no Fonts/ in it") == true)
        #expect(error?.description.contains("xdg-dirs") == false)
    }

    @Test func nothingFoundNamesEveryPlaceLooked() throws {
        let error = #expect(throws: ResourceLocator.NotFound.self) {
            try ResourceLocator.locate(executable: executable, environment: environment())
        }
        let text = error?.description ?? ""
        #expect(text.contains(base.appendingPathComponent("prefix/share/einvoice").path + " (beside the executable"))
        #expect(text.contains("EINVOICE_HOME: not set"))
        #expect(text.contains(base.appendingPathComponent("home/.local/share/einvoice").path + " (XDG_DATA_HOME): no such folder"))
        #expect(text.contains(base.appendingPathComponent("xdg-dirs/einvoice").path + " (XDG_DATA_DIRS): no such folder"))
    }

    @Test func aDevelopmentBuildUsesItsCheckoutOnlyFromInsideItsBuildFolder() throws {
        let checkout = try makeRoot("checkout")
        try Data("// swift-tools-version:6.1\n".utf8).write(to: checkout.appendingPathComponent("Package.swift"))
        let built = checkout.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/einvoice")
        let found = try ResourceLocator.locate(executable: built, environment: environment())
        #expect(found.url.path == checkout.path)
        #expect(found.origin == .developmentCheckout)
        // The same binary copied out of the checkout does not find it.
        #expect(throws: ResourceLocator.NotFound.self) {
            try ResourceLocator.locate(executable: base.appendingPathComponent("copy/einvoice"), environment: environment())
        }
        // A build folder without a Package.swift above it is not a checkout.
        try FileManager.default.removeItem(at: checkout.appendingPathComponent("Package.swift"))
        #expect(throws: ResourceLocator.NotFound.self) {
            try ResourceLocator.locate(executable: built, environment: environment())
        }
    }

    @Test func aFileWhereAFolderShouldBeIsRefused() throws {
        let home = try makeRoot("broken")
        try FileManager.default.removeItem(at: home.appendingPathComponent("Templates"))
        try Data().write(to: home.appendingPathComponent("Templates"))
        let error = #expect(throws: ResourceLocator.NotFound.self) {
            try ResourceLocator.locate(executable: executable, environment: environment(["EINVOICE_HOME": home.path]))
        }
        #expect(error?.description.contains("no Templates/ in it") == true)
    }
}
