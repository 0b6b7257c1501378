import EInvoiceTestSupport
import Foundation
import Testing

@Suite struct RenderCommandTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func rendersTheSampleToTheGivenFile() throws {
        let out = try temporaryDirectory().appendingPathComponent("odoo.pdf")
        let result = try CommandRunner.run(["render", "Tests/Fixtures/samples/production-odoo-nic-data.json", "-o", out.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("rendered \(out.path) (1 page)"))
        let pdf = try Data(contentsOf: out)
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        #expect(try Raster.pdfText(pdf).contains("SAJ/2023/0627"))
    }

    @Test func severalInvoicesGoToAFolderNamedByDocument() throws {
        let folder = try temporaryDirectory()
        let result = try CommandRunner.run(["render", "--json", "-o", folder.path + "/",
                                            "Tests/Fixtures/samples/production-odoo-nic-data.json",
                                            "Tests/Fixtures/samples/sandbox-goods-nic-data.json"])
        #expect(result.status == 5, "a sandbox invoice is written, but never a plain success: \(result.stdout)\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["INV-SAJ_2023_0627.pdf", "INV-SINV-CFY-00067.pdf"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains("\"marks\":[\"SANDBOX — NOT A TAX INVOICE\"]"))
        #expect(lines[1].contains("\"status\":\"rendered-sandbox\""))
    }

    @Test func forgedPairIsRefusedUnlessAllowed() throws {
        let folder = try temporaryDirectory()
        let refused = try CommandRunner.run(["render", "-o", folder.appendingPathComponent("x.pdf").path,
                                             "Tests/Fixtures/wrappers/mismatched-pair.json"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("not rendered"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.pdf").path))
        let allowed = try CommandRunner.run(["render", "--allow-unverified", "-o", folder.appendingPathComponent("x.pdf").path,
                                             "Tests/Fixtures/wrappers/mismatched-pair.json"])
        // Written as asked; the pair is sandbox-signed, so never a plain success (exit 5).
        #expect(allowed.status == 5)
        #expect(allowed.stdout.contains("SIGNATURE NOT VERIFIED"))
    }

    @Test func pdfToStandardOutput() throws {
        let result = try CommandRunner.run(["render", "-o", "-", "Tests/Fixtures/samples/production-odoo-nic-data.json"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("%PDF-"))
    }

    static let badRequests: [([String], Int32)] = [
        (["render", "--template", "nope", "Tests/Fixtures/samples/production-odoo-nic-data.json"], 64),
        (["render", "--qr-ecc", "X", "Tests/Fixtures/samples/production-odoo-nic-data.json"], 64),
        (["render", "--upi", "bad", "Tests/Fixtures/samples/production-odoo-nic-data.json"], 64),
        (["render", "Tests/Fixtures/wrappers/nic-envelope-error-2143.json"], 3),
        (["render", "/nonexistent.json"], 66),
    ]

    @Test(arguments: badRequests)
    func badRequestsExitWithTheSharedCodes(_ arguments: [String], _ status: Int32) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == status, "\(result.stdout)\(result.stderr)")
    }

    @Test func sourceDateEpochMakesOutputReproducible() throws {
        let folder = try temporaryDirectory()
        var outputs: [Data] = []
        for name in ["a.pdf", "b.pdf"] {
            let path = folder.appendingPathComponent(name).path
            _ = try CommandRunner.run(["render", "-o", path, "Tests/Fixtures/samples/production-odoo-nic-data.json"],
                                      environment: ["SOURCE_DATE_EPOCH": "1700000000"])
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(outputs[0] == outputs[1])
        #expect(String(decoding: outputs[0], as: UTF8.self).contains("20231114221320"))
    }
}
