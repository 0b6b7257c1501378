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

    /// `share/einvoice/{Fonts,Templates,color}` beside `bin/`, as the tarball and the package lay it out.
    func installShareBesideBinary() throws {
        let share = prefix.appendingPathComponent("share/einvoice")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        for folder in ["Fonts", "Templates", "color"] {
            try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent(folder),
                                             to: share.appendingPathComponent(folder))
        }
    }

    @Test func rendersWithShareEinvoiceBesideIt() throws {
        try installShareBesideBinary()
        let out = prefix.appendingPathComponent("odoo.pdf")
        let result = try CommandRunner.run(
            ["render", "--archive", Fixtures.url("samples/production-odoo-nic-data.json").path, "-o", out.path],
            environment: isolated, executable: binary)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try Raster.pdfText(Data(contentsOf: out)).contains("SAJ/2023/0627"))
    }

    /// A desk's own templates folder has no `color/` beside it: the archive's colour profile still
    /// comes from the resource folder, in `batch` as in `render`.
    @Test func batchArchiveWithOwnTemplatesFolderTakesTheProfileFromShare() throws {
        try installShareBesideBinary()
        let templates = prefix.appendingPathComponent("desk/templates")
        try FileManager.default.createDirectory(at: templates.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("Templates"), to: templates)
        let input = prefix.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.url("samples/production-odoo-nic-data.json"),
                                         to: input.appendingPathComponent("odoo.json"))
        let output = prefix.appendingPathComponent("out")
        let result = try CommandRunner.run(
            ["batch", input.path, "-o", output.path, "--archive", "--template-path", templates.path, "--jobs", "1", "--quiet"],
            environment: isolated, executable: binary)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("1 rendered"), "\(result.stdout)")
        // Named {SellerGstin}/{FY}/{DocType}-{DocNo}.pdf; an archive carries the profile as its output intent.
        let pdf = output.appendingPathComponent("24AACCT6304M1ZB/2023-24/INV-SAJ_2023_0627.pdf")
        let bytes = try Data(contentsOf: pdf)
        #expect(bytes.range(of: Data("/OutputIntents".utf8)) != nil)
    }

    /// `serve` hands over to `einvoice-serve` beside the binary: without it, a clear error, not a crash.
    @Test func serveWithoutTheDeskProgramBesideItSaysWhatIsMissing() throws {
        let result = try CommandRunner.run(["serve", "--port", "1"], environment: isolated, executable: binary)
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stderr.contains(prefix.appendingPathComponent("bin/einvoice-serve").path + ", which is not installed"),
                "\(result.stderr)")
    }

    /// `serve`'s options are checked by `einvoice` itself before it hands over (here nothing is beside it).
    @Test func serveUsageErrorsAreEinvoicesOwn() throws {
        let result = try CommandRunner.run(["serve", "--port", "0"], environment: isolated, executable: binary)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--port must be 1–65535"), "\(result.stderr)")
        #expect(result.stderr.contains("einvoice serve"), "\(result.stderr)")
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
