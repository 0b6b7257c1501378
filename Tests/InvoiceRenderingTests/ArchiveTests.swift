import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import RasterIO
import Testing

@Suite(.serialized) struct ArchiveTests {
    func odoo() throws -> IRPResponse {
        try #require(try RenderSupport.realResponses().first { $0.name == "odoo-production" }?.response)
    }

    func archive(_ response: IRPResponse) throws -> Data {
        var options = RenderSupport.options()
        options.archive = true
        return try RenderSupport.printer().render(response, options: options).pdf
    }

    func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    func write(_ data: Data) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(UUID()).pdf").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func embeddedTokensAreByteIdenticalToTheInput() throws {
        let response = try odoo()
        let files = try PDFDocument(data: try archive(response)).attachments()
        let irn = try #require(response.irn)
        #expect(files.first { $0.name == "\(irn)-SignedInvoice.jws" }?.data == Data((response.signedInvoice ?? "").utf8))
        #expect(files.first { $0.name == "\(irn)-SignedQRCode.jws" }?.data == Data((response.signedQRCode ?? "").utf8))
        #expect(files.contains { $0.name == "\(irn)-irp-response.json" })
    }

    @Test func qpdfCheckAndThePDFAValidatorPass() throws {
        let path = try write(try archive(try odoo()))
        let check = try run("qpdf", ["--check", path])
        #expect(check.status == 0, "\(check.output)")
        let validator = Fixtures.root.appendingPathComponent("Tests/tools/check_pdfa.py").path
        let pdfa = try run("python3", [validator, path, try #require(try odoo().irn)])
        #expect(pdfa.status == 0, "PDF/A check: \(pdfa.output)")
    }

    @Test func verifyingThePDFGivesTheSameVerdictAsTheJSON() throws {
        let pdfResults = IRPDocumentReader.read(try archive(try odoo()), source: "a.pdf").flatMap { Verifier().verify($0) }
        let jsonResults = IRPDocumentReader.read(try Fixtures.data("samples/production-odoo-nic-data.json"), source: "a.json")
            .flatMap { Verifier().verify($0) }
        #expect(pdfResults.map(\.outcome) == jsonResults.map(\.outcome))
        #expect(pdfResults.map(\.outcome) == [.valid, .valid])
        #expect(pdfResults.map { $0.json.irn } == jsonResults.map { $0.json.irn })
        #expect(pdfResults.first?.format == .pdfArchive)
    }

    @Test func tamperingWithTheEmbeddedTokenIsCaught() throws {
        var pdf = try archive(try odoo())
        let token = Data(try #require(try odoo().signedQRCode).utf8)
        let range = try #require(pdf.range(of: token))
        // Change one character of the embedded SignedQRCode's payload (same length: offsets stay valid).
        let index = range.lowerBound + 200
        pdf[index] = pdf[index] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        // Reading the archive as IRP data (render, batch) checks the embedded tokens only.
        let documents = IRPDocumentReader.read(pdf, source: "t.pdf")
        #expect(documents.allSatisfy { $0.problems.isEmpty })
        let results = documents.flatMap { Verifier().verify($0) }
        #expect(results.contains { $0.outcome == .invalid || $0.outcome == .malformed })
        // Checking it as a received file (scan, verify FILE.pdf) also compares the QR printed on its page.
        let report = ReceivedFileCheck(verifier: Verifier(), dpi: 200).check(pdf, name: "t.pdf")
        let embedded = report.findings.filter { $0.kind == .embeddedToken }
        #expect(embedded.contains { $0.outcome == .invalid || $0.outcome == .malformed })
        #expect(embedded.flatMap(\.failures).contains { $0.code == .printedDiffers && "\($0)".contains("not the embedded SignedQRCode") })
        #expect(report.status != .success)
    }

    @Test func archivesAreDeterministic() throws {
        #expect(try archive(try odoo()) == archive(try odoo()))
    }

    @Test func plainPDFsSayTheyCarryNoTokens() throws {
        let results = IRPDocumentReader.read(try Fixtures.data("scan/odoo-invoice.pdf"), source: "p.pdf").flatMap { Verifier().verify($0) }
        #expect(results.map(\.outcome) == [.malformed])
        #expect(results.first?.errors.first?.contains("einvoice scan") == true)
    }
}
