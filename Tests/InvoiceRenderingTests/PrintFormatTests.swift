import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import InvoiceLayout
import Testing

/// The example print formats as a billing desk uses them: every block on the page when set and
/// absent when not, identifiers exactly as signed, the QR readable, pages that respect paper.
@Suite(.serialized) struct PrintFormatTests {
    static let examples = ["classic", "compact", "letterhead"]

    static func sandboxGoods() throws -> IRPResponse {
        let documents = IRPDocumentReader.read(try Fixtures.data("samples/sandbox-goods-nic-data.json"), source: "goods")
        guard case .response(let response)? = documents.first?.content else { throw CocoaError(.fileReadCorruptFile) }
        return response
    }

    static func odoo() throws -> IRPResponse {
        try #require(try RenderSupport.realResponses().first { $0.name == "odoo-production" }?.response)
    }

    static func text(_ template: InvoiceTemplate, _ response: IRPResponse, options: RenderOptions = RenderSupport.options())
        throws -> (String, InvoicePrinter.Rendered) {
        let printer = try InvoicePrinter(template: template, fontsDirectory: Fixtures.root.appendingPathComponent("Fonts").path,
                                         verifier: Verifier())
        let rendered = try printer.render(response, options: options)
        return (try Raster.pdfText(rendered.pdf), rendered)
    }

    @Test func everyBlockOfTheLetterheadIsOnThePage() throws {
        var options = RenderSupport.options()
        try options.extras.set(assignment: "poNumber=PO-4471")
        try options.extras.set(assignment: "vehicle=TN38BX1234")
        try options.extras.set(assignment: "dueDate=09/06/2023")
        options.upiFromTemplate = true
        let (text, rendered) = try Self.text(try RenderSupport.template("letterhead"), try Self.sandboxGoods(), options: options)
        for needle in ["Aruna Textile Mills", "Cotton yarn and fabrics since 1962", "U17111TZ1962PTC000412", "+91 422 255 0199",
                       "accounts@arunatextiles.example", "BANK DETAILS", "State Bank of India", "00000031245678901", "SBIN0000860",
                       "R S Puram, Coimbatore", "arunatextiles@sbi", "TERMS AND CONDITIONS", "Claims for shortage or damage",
                       "For Aruna Textile Mills", "Authorised signatory", "Registered office: 14 Avinashi Road",
                       "ORIGINAL FOR RECIPIENT", "DUPLICATE FOR TRANSPORTER", "TRIPLICATE FOR SUPPLIER",
                       "ORDER AND DISPATCH DETAILS", "PO-4471", "TN38BX1234", "09/06/2023", "HSN-WISE TAX SUMMARY",
                       "AMOUNT IN WORDS", "SHIPPED TO", "DISPATCHED FROM", "E-way bill", "391009149369", "DECLARATION",
                       "Pay by UPI"] {
            #expect(text.contains(needle), "\(needle) is not on the letterhead page")
        }
        #expect(rendered.prepared.copies == ["original", "duplicate", "triplicate"])
        #expect(rendered.layout.pages.contains { $0.items.contains { if case .image = $0 { true } else { false } } })
    }

    /// The fields the letterhead example leaves unset (PAN, an address override), every per-invoice
    /// extra, and overridden labels and copy labels: each on the page when configured.
    @Test func everyCompanyFieldExtraAndLabelPrintsWhenSet() throws {
        var template = try RenderSupport.template("letterhead")
        template.company.pan = "AAFCA1234B"
        template.company.address = ["14 Avinashi Road", "Coimbatore 641018, Tamil Nadu"]
        template.labels["billedTo"] = "Consignee (buyer)"
        template.labels["signatory"] = "Partner"
        template.copies.labels["original"] = "ORIGINAL — BUYER'S COPY"
        var options = RenderSupport.options()
        options.copies = ["original"]
        for assignment in ["poNumber=PO-4471", "poDate=02/06/2023", "dueDate=09/07/2023", "vehicle=TN38BX1234",
                           "transporter=KPN Roadways", "notes=Deliver to gate 3 before noon"] {
            try options.extras.set(assignment: assignment)
        }
        let (text, _) = try Self.text(template, try Self.sandboxGoods(), options: options)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for needle in ["PAN AAFCA1234B", "14 Avinashi Road", "Coimbatore 641018, Tamil Nadu", "Web arunatextiles.example",
                       "CONSIGNEE (BUYER)", "Partner", "ORIGINAL — BUYER'S COPY", "PO no.", "PO-4471", "PO date", "02/06/2023",
                       "Due date", "09/07/2023", "Vehicle no.", "TN38BX1234", "Transporter", "KPN Roadways", "Notes",
                       "Deliver to gate 3 before noon"] {
            #expect(flat.contains(needle), "\(needle) is not on the page")
        }
    }

    @Test func blocksTurnedOffOrUnsetAreAbsent() throws {
        var template = try RenderSupport.template("standard")
        template.show = InvoiceTemplate.Show(hsnSummary: false, amountInWords: false, shipTo: false, dispatchFrom: false,
                                             ewayBill: false, declaration: false)
        let (text, rendered) = try Self.text(template, try Self.sandboxGoods())
        for needle in ["HSN-WISE TAX SUMMARY", "AMOUNT IN WORDS", "SHIPPED TO", "DISPATCHED FROM", "E-way bill", "391009149369",
                       "DECLARATION", "BANK DETAILS", "TERMS AND CONDITIONS", "ORDER AND DISPATCH DETAILS", "CIN", "ORIGINAL FOR",
                       "DUPLICATE", "Pay by UPI", "PAN", "Web ", "Phone", "E-mail", "PO no.", "PO date", "Due date", "Vehicle no.",
                       "Notes", "Registered office"] {
            #expect(!text.contains(needle), "\(needle) is on a page that should not show it")
        }
        #expect(!rendered.layout.pages.contains { $0.items.contains { if case .image = $0 { true } else { false } } })
        #expect(text.contains("Authorised signatory"))
    }

    @Test(arguments: ["standard"] + examples)
    func nothingOnThePageNamesTheTool(_ name: String) throws {
        let (text, _) = try Self.text(try RenderSupport.template(name), try Self.odoo())
        #expect(!text.lowercased().contains("einvoice"))
        #expect(!text.contains("`"))
        #expect(text.contains("e-Invoice QR — signed by the IRP"))
    }

    /// At every base size from 8 to 11 pt, the IRN on the page is exactly the signed one: the
    /// text layer holds its characters, broken (if at all) only between lines, with nothing inserted.
    @Test(arguments: ["standard"] + examples)
    func theIRNOnThePageIsTheSignedIRNAtEveryTypeSize(_ name: String) throws {
        let response = try Self.odoo()
        let irn = try #require(response.irn)
        for base in [8.0, 9, 10, 11] {
            var template = try RenderSupport.template(name)
            template.typeSizes = .init(base: base, small: base - 1.5, title: base + 7, sellerName: base + 5, table: base - 1)
            let (_, rendered) = try Self.text(template, response)
            let text = try Raster.pdfText(rendered.pdf, raw: true)
            // Every run of IRN-like characters on the page is a piece of the signed IRN: nothing
            // inserted, nothing altered; and the whole IRN is there in the panel and the footer.
            let runs = text.split { !("0"..."9").contains($0) && !("a"..."f").contains($0) }
                .filter { $0.count >= 16 && $0.contains { ("a"..."f").contains($0) } }
            #expect(!runs.isEmpty)
            for run in runs { #expect(irn.contains(run), "\(name) at \(base) pt: \(run) is not part of the IRN") }
            let compact = text.filter { !$0.isWhitespace }
            // Whole in the e-invoice panel of each copy and in the footer of each page.
            let copies = max(1, rendered.prepared.copies.count)
            #expect(compact.components(separatedBy: irn).count == copies + rendered.pageCount + 1,
                    "\(name) at \(base) pt: the IRN is not printed whole in the panel and the footer")
        }
    }

    @Test(arguments: examples, [150, 300])
    func theSignedQRReadsBackFromEveryExample(_ name: String, _ dpi: Int) throws {
        let response = try Self.odoo()
        let (_, rendered) = try Self.text(try RenderSupport.template(name), response)
        let qr = try #require(RenderSupport.qrFrames(rendered.layout.pages[0]).first)
        let image = try Raster.pdfPage(rendered.pdf, dpi: dpi)
        #expect(RenderSupport.readQR(in: image, frame: qr.frame, dpi: dpi) == [response.signedQRCode ?? ""])
    }

    /// A short invoice is one page per copy in every example, also at a 9 pt base size.
    @Test(arguments: examples, [nil, 9.0])
    func aFourLineInvoiceIsOnePage(_ name: String, _ base: Double?) throws {
        let signer = try #require(TestSigner.shared)
        var template = try RenderSupport.template(name)
        if let base { template.typeSizes = .init(base: base, small: base - 2, title: base + 6, sellerName: base + 4, table: base - 1) }
        let printer = try InvoicePrinter(template: template, fontsDirectory: Fixtures.root.appendingPathComponent("Fonts").path,
                                         verifier: Verifier(trustStore: signer.trustStore()))
        var options = RenderSupport.options()
        options.copies = ["original"]
        let rendered = try printer.render(try SyntheticInvoice.response(lines: 4, signer: signer), options: options)
        #expect(rendered.pageCount == 1, "\(name) at \(base ?? template.typeSizes.base) pt: \(rendered.pageCount) pages")
        #expect(try Raster.pdfText(rendered.pdf).contains("Total invoice value"))
    }

    /// The bundled sandbox sample (ship-to, dispatch-from, e-way bill, transport), on A4 with five
    /// order details: the header blocks leave the table room to start on page 1, and this one-line
    /// invoice is one page. (On A5 it is one page without the details; with all five the header
    /// fills the first A5 page and the row goes over with the totals.)
    @Test(arguments: [("classic", true), ("letterhead", true), ("compact", false)])
    func theSandboxSampleStartsItsTableOnPageOne(_ name: String, _ withDetails: Bool) throws {
        var options = RenderSupport.options()
        options.copies = ["original"]
        for assignment in ["poNumber=PO-4471", "poDate=02/06/2023", "vehicle=TN38BX1234", "transporter=KPN Roadways",
                           "dueDate=09/07/2023"] where withDetails {
            try options.extras.set(assignment: assignment)
        }
        let (_, rendered) = try Self.text(try RenderSupport.template(name), try Self.sandboxGoods(), options: options)
        let first = try #require(rendered.layout.pages.first)
        #expect(first.texts.contains("Test Trading Goods 1"), "\(name): the line table does not start on page 1")
        #expect(rendered.pageCount == 1, "\(name): \(rendered.pageCount) pages")
    }

    /// A long invoice ends with rows, totals and signature together on its last page.
    @Test(arguments: examples)
    func aSixtyLineInvoiceEndsWithTotalsAndSignatureTogether(_ name: String) throws {
        let signer = try #require(TestSigner.shared)
        let printer = try InvoicePrinter(template: try RenderSupport.template(name),
                                         fontsDirectory: Fixtures.root.appendingPathComponent("Fonts").path,
                                         verifier: Verifier(trustStore: signer.trustStore()))
        var options = RenderSupport.options()
        options.copies = ["original"]
        let rendered = try printer.render(try SyntheticInvoice.response(lines: 60, signer: signer, longDescriptions: true), options: options)
        let last = try #require(rendered.layout.pages.last)
        #expect(rendered.pageCount > 1)
        #expect(last.texts.contains("Total invoice value"))
        #expect(last.texts.contains("Authorised signatory"))
        #expect(last.texts.contains { $0.hasPrefix("For ") })
        #expect(last.texts.contains { $0.hasPrefix("Item 60") || $0.contains("type 60") }, "\(name): the totals stand without rows")
    }

    @Test func copiesRepeatThePagesWithTheirLabels() throws {
        var options = RenderSupport.options()
        options.copies = ["original", "duplicate"]
        let (text, rendered) = try Self.text(try RenderSupport.template("standard"), try Self.odoo(), options: options)
        #expect(rendered.pageCount == 2)
        #expect(rendered.layout.pages[0].texts.contains("ORIGINAL FOR RECIPIENT"))
        #expect(rendered.layout.pages[1].texts.contains("DUPLICATE FOR TRANSPORTER"))
        #expect(text.components(separatedBy: "Page 1 of 1").count == 3)
        options.copies = ["quadruplicate"]
        #expect(throws: RenderError(.usage, "")) { try Self.text(try RenderSupport.template("standard"), try Self.odoo(), options: options) }
    }
}
