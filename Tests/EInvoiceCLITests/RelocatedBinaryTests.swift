import EInvoiceTestSupport
import Foundation
import Testing

/// A copy of the built binary in a fresh folder: the layout of the tarball and the package
/// (`bin/einvoice` with `share/einvoice/` beside it), with the checkout out of reach.
@Suite struct RelocatedBinaryTests {
    let prefix: URL
    let binary: URL

    init() throws {
        prefix = FileManager.default.temporaryDirectory.appendingPathComponent("relocated-\(UUID().uuidString)")
        binary = prefix.appendingPathComponent("bin/einvoice")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        let built = try #require(CommandRunner.executable)
        try FileManager.default.copyItem(at: built, to: binary)
    }

    /// No EINVOICE_HOME, XDG folders inside the empty prefix: only what is beside the binary counts.
    var isolated: [String: String] {
        ["EINVOICE_HOME": "", "HOME": prefix.appendingPathComponent("home").path,
         "XDG_DATA_HOME": prefix.appendingPathComponent("xdg-home").path,
         "XDG_DATA_DIRS": prefix.appendingPathComponent("xdg-dirs").path]
    }

    @Test func rendersWithShareEinvoiceBesideIt() throws {
        let share = prefix.appendingPathComponent("share/einvoice")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        for folder in ["Fonts", "Templates", "color"] {
            try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent(folder),
                                             to: share.appendingPathComponent(folder))
        }
        let out = prefix.appendingPathComponent("odoo.pdf")
        let result = try CommandRunner.run(
            ["render", "--archive", Fixtures.url("samples/production-odoo-nic-data.json").path, "-o", out.path],
            environment: isolated, executable: binary)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try Raster.pdfText(Data(contentsOf: out)).contains("SAJ/2023/0627"))
    }

    @Test func withNothingBesideItFailsNamingWhereItLooked() throws {
        let result = try CommandRunner.run(
            ["render", Fixtures.url("samples/production-odoo-nic-data.json").path, "-o", prefix.appendingPathComponent("x.pdf").path],
            environment: isolated, executable: binary)
        #expect(result.status == 66)
        #expect(result.stderr.contains("cannot find einvoice's resources"))
        #expect(result.stderr.contains(prefix.appendingPathComponent("share/einvoice").path + " (beside the executable"))
        #expect(result.stderr.contains("EINVOICE_HOME: not set"))
        #expect(result.stderr.contains(prefix.appendingPathComponent("xdg-dirs/einvoice").path + " (XDG_DATA_DIRS)"))
        #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("x.pdf").path))
    }

    @Test func anEmptyEinvoiceHomeIsAnErrorEvenFromTheCheckoutsBuild() throws {
        let empty = prefix.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try CommandRunner.run(
            ["render", "Tests/Fixtures/samples/production-odoo-nic-data.json", "-o", prefix.appendingPathComponent("x.pdf").path],
            environment: ["EINVOICE_HOME": empty.path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("\(empty.path) (EINVOICE_HOME): no Fonts/ in it"))
    }
}
