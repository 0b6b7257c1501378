import EInvoiceTestSupport
import Foundation
import Testing

@Suite struct TemplatesCommandTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func listNamesEveryTemplate() throws {
        let result = try CommandRunner.run(["templates", "list"])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["classic", "compact", "letter", "letterhead", "standard"] { #expect(result.stdout.contains(name + "\t")) }
        #expect(!result.stdout.contains("INVALID"))
    }

    @Test func checkNamesTheKeyOfEachMistake() throws {
        let file = try temporaryDirectory().appendingPathComponent("desk.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Fixtures.data("../../Templates/standard.json")) as? [String: Any])
        object["footr"] = "x"
        object["company"] = ["logo": "missing.png"]
        try JSONSerialization.data(withJSONObject: object).write(to: file)
        let result = try CommandRunner.run(["templates", "check", "classic", file.path])
        #expect(result.status == 65)
        #expect(result.stdout.contains("classic: ok"))
        #expect(result.stdout.contains("footr: unknown key (did you mean \"footer\"?)"))
        #expect(result.stdout.contains("company.logo: image missing.png not found"))
        #expect(result.stdout.contains(file.path))
    }

    @Test func showPrintsAVersionOneFileInVersionTwo() throws {
        let result = try CommandRunner.run(["templates", "show", "Tests/Fixtures/templates/v1-standard.json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"version\" : 2"))
        #expect(result.stderr.contains("version 1 template read as version 2"))
    }

    @Test func schemaIsTheShippedFile() throws {
        let result = try CommandRunner.run(["templates", "schema"])
        #expect(result.stdout == (try String(contentsOf: Fixtures.root.appendingPathComponent("Templates/schema.json"), encoding: .utf8)))
    }

    @Test func renderTakesCopiesFieldsAndASideCar() throws {
        let folder = try temporaryDirectory()
        let input = folder.appendingPathComponent("odoo.json")
        try Fixtures.data("samples/production-odoo-nic-data.json").write(to: input)
        try Data(#"{"poNumber": "PO-SIDECAR", "vehicle": "GJ01AB1234"}"#.utf8).write(to: folder.appendingPathComponent("odoo.extras.json"))
        let out = folder.appendingPathComponent("odoo.pdf")
        let result = try CommandRunner.run(["render", input.path, "-o", out.path, "--template", "letterhead", "--copies", "original,triplicate",
                                            "--field", "poNumber=PO-CLI", "--field", "dueDate=08/06/2023"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("(2 pages)"))
        let text = try Raster.pdfText(try Data(contentsOf: out))
        for needle in ["PO-CLI", "GJ01AB1234", "08/06/2023", "ORIGINAL FOR RECIPIENT", "TRIPLICATE FOR SUPPLIER"] {
            #expect(text.contains(needle), "\(needle)")
        }
        #expect(!text.contains("PO-SIDECAR"), "--field wins over the side-car")
        #expect(!text.contains("DUPLICATE FOR TRANSPORTER"))
    }

    @Test func batchTakesTheSameOptionsAndSideCars() throws {
        let folder = try temporaryDirectory()
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Fixtures.data("samples/production-odoo-nic-data.json").write(to: input.appendingPathComponent("odoo.json"))
        try Data(#"{"poNumber": "PO-BATCH-7"}"#.utf8).write(to: input.appendingPathComponent("odoo.extras.json"))
        let output = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(["batch", input.path, "-o", output.path, "--quiet", "--copies", "original,duplicate",
                                            "--creation-date", "2024-01-02T03:04:05+05:30", "--name", "{DocNo}.pdf"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let manifest = try String(contentsOf: output.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        #expect(manifest.split(separator: "\n").count == 1, "the side-car is not an item: \(manifest)")
        let pdf = try Data(contentsOf: output.appendingPathComponent("SAJ_2023_0627.pdf"))
        let text = try Raster.pdfText(pdf)
        #expect(text.contains("PO-BATCH-7") && text.contains("DUPLICATE FOR TRANSPORTER"))
        #expect(String(decoding: pdf, as: UTF8.self).contains("20240102"), "--creation-date reaches batch")
    }

    static let badRequests: [[String]] = [
        ["render", "--field", "po=1", "Tests/Fixtures/samples/production-odoo-nic-data.json"],
        ["render", "--copies", ",", "Tests/Fixtures/samples/production-odoo-nic-data.json"],
        ["render", "--template", "Tests/Fixtures/templates/v1-standard.json", "--upi", "template",
         "Tests/Fixtures/samples/production-odoo-nic-data.json"],
        ["batch", "--copies", "quadruplicate", "-o", "/tmp/never", "Tests/Fixtures/samples"],
    ]

    @Test(arguments: badRequests)
    func mistakesInRenderOptionsAreUsageErrors(_ arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect([64, 65].contains(result.status), "\(arguments): \(result.status) \(result.stdout)\(result.stderr)")
    }
}
