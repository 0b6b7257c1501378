import EInvoiceBasics
import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import InvoiceLayout
import InvoiceScanning
@testable import RasterIO
import Testing

@Suite struct ScanTests {
    /// The cascade's page budget is wall-clock; a loaded test machine must not cut it short.
    let scanner = InvoiceScanner(scanner: QRScanner(timeBudget: 60))

    func scan(_ fixture: String) throws -> [InvoiceScanner.PageResult] {
        try scanner.scan(try Fixtures.data("scan/\(fixture)"))
    }

    @Test(arguments: ["odoo-invoice.pdf", "odoo-page-200dpi.png", "odoo-page-200dpi.jpg"])
    func genuineInvoiceVerifiesFromEveryFormat(_ fixture: String) throws {
        let codes = try scan(fixture).flatMap(\.codes)
        let code = try #require(codes.first { $0.kind == .irp })
        #expect(code.verification?.verdict == .valid)
        #expect(code.verification?.environment == .production)
        #expect(code.verification?.qr?.docNo == "SAJ/2023/0627")
        #expect(code.box.width > 50)
    }

    @Test func pdfTextLayerMatchesTheSignedValues() throws {
        let code = try #require(try scan("odoo-invoice.pdf").flatMap(\.codes).first)
        #expect(code.printedChecks.allSatisfy { $0.outcome != .differs }, "\(code.printedChecks)")
        #expect(Set(code.printedChecks.filter { $0.outcome == .matches }.map(\.field)) == Set(PrintedFieldCheck.Field.allCases),
                "\(code.printedChecks)")
    }

    @Test func upiQRIsClassifiedWithItsGSTFields() throws {
        let codes = try scan("odoo-upi-200dpi.png").flatMap(\.codes)
        #expect(Set(codes.map(\.kind)) == [.irp, .upi])
        let upi = try #require(codes.first { $0.kind == .upi }?.upi)
        #expect(upi.payeeAddress == "odoo@okaxis")
        #expect(upi.amount == "763541.89")
        #expect(upi.gstin == "24AACCT6304M1ZB")
        #expect(upi.invoiceNumber == "SAJ/2023/0627")
        #expect(upi.gstBreakup == [["GST", "116472.49"], ["IGST", "116472.49"]])
        #expect(upi.missingFields.isEmpty)
    }

    @Test func everyTIFFPageIsRead() throws {
        let pages = try scan("two-pages.tiff")
        #expect(pages.count == 2)
        #expect(pages[0].codes.isEmpty)
        #expect(pages[0].note?.contains("no QR code found") == true)
        #expect(pages[1].codes.first?.verification?.verdict == .valid)
    }

    /// A fax's pixels are 204 × 98 DPI: its modules are twice as wide as tall in the raw pixels,
    /// which no square-module search reads (before the stretch this page read no QR at all).
    @Test func faxResolutionIsMadeSquareBeforeScanning() throws {
        let data = try Fixtures.data("scan/odoo-fax-204x98.tiff")
        let page = try #require(try RasterLoader.load(data).first)
        let header = try #require(try ImageHeader.read(data, format: .tiff).pages.first)
        #expect(page.image.width == header.width)
        #expect(abs(Double(page.image.height) - Double(header.height) * 204 / 98) <= 1)
        let code = try #require(try scan("odoo-fax-204x98.tiff").flatMap(\.codes).first { $0.kind == .irp })
        #expect(code.verification?.verdict == .valid)
    }

    /// libjpeg-turbo gives CMYK only as CMYK; its inks are turned into grey (paper light) here.
    @Test func cmykJPEGIsReadNotCalledDamaged() throws {
        let code = try #require(try scan("odoo-qr-cmyk.jpg").flatMap(\.codes).first { $0.kind == .irp })
        #expect(code.verification?.verdict == .valid)
        // No ink is white, full black ink is black, whichever way the inks are stored.
        #expect(JPEGDecoder.grey(fromCMYK: [0, 0, 0, 0, 0, 0, 0, 255], inverted: false) == [255, 0])
        #expect(JPEGDecoder.grey(fromCMYK: [255, 255, 255, 255, 255, 255, 255, 0], inverted: true) == [255, 0])
    }

    @Test func blankPageSaysWhyNothingWasFound() throws {
        let page = try #require(try scan("blank.png").first)
        #expect(page.codes.isEmpty)
        #expect(page.note?.contains("800×1100") == true)
    }

    @Test func encryptedPDFIsAClearError() {
        #expect(throws: RasterError(.encrypted, "")) { try scan("encrypted.pdf") }
    }

    @Test func tamperedPrintedTotalBesideAGenuineQRIsCaught() throws {
        // Lay out the genuine response, change the printed total (the QR stays the IRP's), draw it.
        let printer = try InvoicePrinter(
            template: try TemplateLoader.load("standard", templatesDirectory: Fixtures.root.appendingPathComponent("Templates")),
            fontsDirectory: Fixtures.root.appendingPathComponent("Fonts").path, verifier: Verifier())
        let document = IRPDocumentReader.read(try Fixtures.data("samples/production-odoo-nic-data.json"), source: "odoo")
        guard case .response(let response)? = document.first?.content else { throw CocoaError(.fileReadCorruptFile) }
        var prepared = try printer.builder.prepare(response, options: RenderOptions(environment: [:]))
        prepared.printable.invoice.totals.totalInvoiceValue = Decimal.exact("763451.89")
        let layout = InvoiceLayoutEngine(template: printer.builder.template, measurer: FixedAdvanceMeasurer())
            .layout(prepared.printable, metadata: prepared.metadata)
        let pdf = try printer.pdf(layout)
        let code = try #require(try scanner.scan(pdf).flatMap(\.codes).first)
        #expect(code.verification?.verdict == .valid)
        let total = try #require(code.printedChecks.first { $0.field == .grandTotal })
        #expect(total.outcome == .differs)
        #expect(total.printed == "7,63,451.89")
        let finding = try #require(ScanFinding.findings(input: "t.pdf", pages: try scanner.scan(pdf)).first)
        #expect(finding.outcome == .invalid)
        #expect(finding.failures.compactMap { $0.code == .printedDiffers ? $0.field : nil } == ["grand-total"])
    }

    /// Pages not read (here: past --max-pages, and the same note as the file's time budget
    /// writes) are findings of their own, named by page, and the file never passes clean.
    @Test func pagesNotReadAreFindingsAndNeverACleanPass() throws {
        var limits = RasterLimits()
        limits.maxPages = 1
        limits.maxSeconds = 600  // wall-clock: this test is about the note, not the clock
        let pages = try InvoiceScanner(scanner: QRScanner(timeBudget: 60), limits: limits)
            .scan(try Fixtures.data("foreign/reportlab-b1-honest.pdf"))
        let findings = ScanFinding.findings(input: "b1.pdf", pages: pages)
        #expect(findings.contains { $0.kind == .qr && $0.outcome == .valid }, "\(findings.map(\.text))")
        let notRead = try #require(findings.first { $0.kind == .pagesNotRead }, "\(findings.map(\.text))")
        #expect(notRead.failures.map(\.code) == [.pagesNotRead])
        #expect(notRead.errors.first?.hasPrefix("pages 2–3: not read") == true, "\(notRead.errors)")
        #expect(notRead.text.contains("NOT READ"))
        #expect(notRead.json.verdict == "not-read")
        #expect(notRead.json.page == 2)
        #expect(ExitStatus.ofScan(findings, unreadableInput: false) == .malformedInput)

        // The time budget running out after page 1 leaves the same kind of note (FileBudget.timeSpent).
        let timedOut = pages.map { page in
            var page = page
            if page.step == "not read" { page.note = "pages 2–3: not read: the file's time budget of 8 s is spent (--max-seconds)" }
            return page
        }
        let afterBudget = ScanFinding.findings(input: "b1.pdf", pages: timedOut)
        #expect(afterBudget.contains { $0.kind == .pagesNotRead && $0.errors.contains { $0.contains("pages 2–3") && $0.contains("--max-seconds") } })
        #expect(ExitStatus.ofScan(afterBudget, unreadableInput: false) != .success)
    }
}
