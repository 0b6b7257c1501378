import CairoGraphics
import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import InvoiceLayout
import InvoiceRenderer
import InvoiceScanning
import PrintedText
import RasterIO
import Testing
@testable import TextRecognition

/// Printed values read by OCR: the project's own invoice rendered, rasterised by poppler at 200
/// and 300 DPI, and read back; honest pages never "differ", doctored ones are caught.
@Suite(.serialized) struct OCRRoundTripTests {
    /// Wall-clock budgets must not be cut short by a loaded test machine.
    static let scanner: InvoiceScanner = {
        var limits = RasterLimits()
        limits.maxSeconds = 600
        return InvoiceScanner(scanner: QRScanner(timeBudget: 60), limits: limits, ocr: .auto)
    }()

    /// The Odoo production response laid out and drawn as `render` does, with `doctor` applied to
    /// the printed invoice only (the QR stays the IRP's).
    static func pdf(doctor: (inout PrintableInvoice) -> Void = { _ in }) throws -> Data {
        let template = try TemplateLoader.load("standard", templatesDirectory: Fixtures.root.appendingPathComponent("Templates"))
        let fonts = Fixtures.root.appendingPathComponent("Fonts").path
        let printer = try InvoicePrinter(template: template, fontsDirectory: fonts, verifier: Verifier())
        let document = IRPDocumentReader.read(try Fixtures.data("samples/production-odoo-nic-data.json"), source: "odoo")
        guard case .response(let response)? = document.first?.content else { throw CocoaError(.fileReadCorruptFile) }
        var prepared = try printer.builder.prepare(response, options: RenderOptions(environment: [:]))
        doctor(&prepared.printable)
        let measurer = PangoTextMeasurer(fonts: try FontSystem(fontsDirectory: fonts), families: template.fonts)
        let layout = InvoiceLayoutEngine(template: template, measurer: measurer).layout(prepared.printable, metadata: prepared.metadata)
        return try printer.pdf(layout)
    }

    static func checks(_ image: Data) throws -> (code: ScannedCode, checks: [PrintedFieldCheck.Field: PrintedFieldCheck]) {
        let code = try #require(try scanner.scan(image).flatMap(\.codes).first { $0.kind == .irp })
        return (code, Dictionary(code.printedChecks.map { ($0.field, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    @Test(arguments: [200, 300])
    func honestPageHasNoDifferenceAndMatchesTheKeyFields(_ dpi: Int) throws {
        let (code, checks) = try Self.checks(try Raster.pdfPagePNG(try Self.pdf(), dpi: dpi))
        #expect(code.verification?.verdict == .valid)
        #expect(code.printedByOCR)
        #expect(checks.values.allSatisfy { $0.outcome != .differs }, "\(code.printedChecks)")
        for field in [PrintedFieldCheck.Field.grandTotal, .sellerGstin, .buyerGstin, .documentNumber] {
            #expect(checks[field]?.outcome == .matches, "\(field): \(code.printedChecks)")
        }
    }

    @Test(arguments: [200, 300])
    func doctoredGrandTotalIsCaught(_ dpi: Int) throws {
        let pdf = try Self.pdf { $0.invoice.totals.totalInvoiceValue = Decimal.exact("763451.89") }
        let (code, checks) = try Self.checks(try Raster.pdfPagePNG(pdf, dpi: dpi))
        #expect(checks[.grandTotal]?.outcome == .differs, "\(code.printedChecks)")
        #expect(checks[.grandTotal]?.printed == "7,63,451.89")
        #expect(checks.filter { $0.value.outcome == .differs }.count == 1, "\(code.printedChecks)")
    }

    @Test(arguments: [200, 300])
    func doctoredSupplierGSTINIsCaught(_ dpi: Int) throws {
        // Another well-formed GSTIN (its check character holds), as a forger would print.
        let forged = Self.validGSTIN("24AACCT6394M1Z")
        let pdf = try Self.pdf { $0.invoice.seller.gstin = forged }
        let (code, checks) = try Self.checks(try Raster.pdfPagePNG(pdf, dpi: dpi))
        #expect(checks[.sellerGstin]?.outcome == .differs, "\(code.printedChecks)")
        #expect(checks[.sellerGstin]?.printed == forged)
        #expect(checks[.grandTotal]?.outcome != .differs)
    }

    static func validGSTIN(_ first14: String) -> String {
        first14 + String(GSTIN(first14 + "0").expectedCheckCharacter ?? "0")
    }
}

/// The structure of GSTINs and amounts, which undoes OCR's confusions or refuses to be certain.
@Suite struct OCRCorrectionTests {
    @Test(arguments: [
        ("O9AABCW0339G3ZD", "09AABCW0339G3ZD"),  // letter O in the state code
        ("24AACCT63O4M1ZB", "24AACCT6304M1ZB"),  // letter O among PAN's digits
        ("24AACC76304M1ZB", "24AACCT6304M1ZB"),  // 7 for T is no lookalike pair: stays wrong
        ("24AACCT6304M12B", "24AACCT6304M1ZB"),  // 2 for the fixed Z
        ("24AACCT6304M1Z8", "24AACCT6304M1ZB"),  // 8 for B in the check place, which the check settles
        ("24A4CCT6304M1ZB", "24AACCT6304M1ZB"),  // 4 for A among PAN's letters
    ])
    func gstinIsCorrectedByItsStructure(_ read: String, _ expected: String) {
        let corrected = OCRCorrection.gstin(read)
        if read == "24AACC76304M1ZB" {
            #expect(corrected == nil)
        } else {
            #expect(corrected?.text == expected)
            #expect(corrected?.valid == true)
        }
    }

    @Test func aDigitMisreadAsAnotherDigitIsNeverMadeValid() {
        // 6304 read as 6305: no structure can tell, and the check character refuses it.
        let corrected = OCRCorrection.gstin("24AACCT6305M1ZB")
        #expect(corrected?.text == "24AACCT6305M1ZB")
        #expect(corrected?.valid == false)
        #expect(OCRCorrection.corrected("24AACCT6305M1ZB").trustworthy == false)
        #expect(OCRCorrection.gstin("24AACCT6304M1") == nil)
    }

    @Test(arguments: [("7,63,541.89", true), ("763,541.89", true), ("763541.89", true), ("12,908", true), ("1,16,472.49", true),
                      ("7,63,541.8", false), ("76,3541.89", false), ("7.63,541.89", false), ("7,63,5411.89", false)])
    func amountGrouping(_ text: String, _ wellGrouped: Bool) {
        #expect(OCRCorrection.isWellGrouped(text) == wellGrouped)
    }

    @Test func misreadRupeeSignIsRestored() {
        let word = { (text: String, x: Double, width: Double) in
            RecognizedWord(text: text, box: WordBox(x: x, y: 10, width: width, height: 24), confidence: 90)
        }
        let stray = OCRCorrection.tidied([word("value", 1226, 74), word("t", 1482, 13), word("6,73,541.89", 1504, 151)])
        #expect(stray.map(\.text) == ["value", "₹", "6,73,541.89"])
        #expect(OCRCorrection.tidied([word("07,63,541.89", 1394, 177)]).map(\.text) == ["7,63,541.89"])
        // A lone character before a word that is no amount, and a decimal below one, stay as read.
        #expect(OCRCorrection.tidied([word("a", 100, 13), word("SAJ/2023", 120, 90), word("0.50", 300, 40)]).map(\.text)
            == ["a", "SAJ/2023", "0.50"])
    }

    @Test func aThirdReadSettlesOnlyAGSTINAndOnlyByAgreeing() throws {
        let reader = try PageTextReader()
        let box = WordBox(x: 200, y: 300, width: 200, height: 20)
        let close = RecognizedWord(text: "24AACCT6304M1ZB", box: box, confidence: 98)
        let overview = RecognizedWord(text: "24KACCT6304M1ZB", box: box, confidence: 91)
        let region = [WordBox(x: 0, y: 0, width: 1000, height: 1000)]
        let certainty = { (third: String?) in
            reader.agreed(close: [close], overview: [overview], regions: region, page: 1) { word in
                third.map { RecognizedWord(text: $0, box: word.box, confidence: 95) }
            }.first?.isCertain
        }
        #expect(certainty(nil) == false)
        #expect(certainty("24AACCT6304M1ZB") == true)
        #expect(certainty("24AACCT6804M1ZB") == false)
        // A serial number has nothing to check: no third read makes it certain.
        let serial = reader.agreed(close: [RecognizedWord(text: "SAJ/2023/0627", box: box, confidence: 98)],
                                   overview: [RecognizedWord(text: "SAJj/2023/0627", box: box, confidence: 91)], regions: region, page: 1) { word in
            RecognizedWord(text: "SAJ/2023/0627", box: word.box, confidence: 99)
        }
        #expect(serial.first?.isCertain == false)
        // Nor an amount: its grouping survives a digit misread as another.
        let amount = reader.agreed(close: [RecognizedWord(text: "7,63,547.89", box: box, confidence: 98)],
                                   overview: [RecognizedWord(text: "7,63,541.89", box: box, confidence: 91)], regions: region, page: 1) { word in
            RecognizedWord(text: "7,63,547.89", box: word.box, confidence: 99)
        }
        #expect(amount.first?.isCertain == false)
    }

    @Test func splitAmountIsJoined() {
        let words = [RecognizedWord(text: "7,63,", box: WordBox(x: 100, y: 10, width: 40, height: 20), confidence: 90),
                     RecognizedWord(text: "541.89", box: WordBox(x: 143, y: 10, width: 50, height: 20), confidence: 80)]
        let joined = OCRCorrection.joiningSplitNumbers(words)
        #expect(joined.map(\.text) == ["7,63,541.89"])
        #expect(joined.first?.confidence == 80)
    }
}

/// The comparison's promise for OCR: an uncertain read may match, never differ.
@Suite struct OCRComparisonTests {
    static let fields: SignedFields = {
        var fields = SignedFields()
        fields.totalInvoiceValue = Decimal.exact("763541.89")
        fields.sellerGstin = "24AACCT6304M1ZB"
        return fields
    }()

    static func words(total: String, gstin: String, confidence: Double) -> [PositionedWord] {
        let line = { (texts: [String], y: Double) in
            texts.enumerated().map { index, text in
                PositionedWord(text: text, box: WordBox(x: 100 + Double(index) * 120, y: y, width: 100, height: 20), page: 1,
                               confidence: confidence)
            }
        }
        return line(["Supplier"], 100) + line(["GSTIN:", gstin], 130) + line(["Grand", "Total", total], 600)
    }

    @Test func uncertainDifferingReadIsNotFoundWithWhatOCRRead() {
        let checks = PrintedTextCheck.compare(Self.words(total: "7,63,547.89", gstin: "24AACCT6305M1ZB", confidence: 0.35), with: Self.fields)
        #expect(checks.allSatisfy { $0.outcome == .notFound }, "\(checks)")
        let total = checks.first { $0.field == .grandTotal }
        #expect(total?.printed == "7,63,547.89")
        #expect(total?.message.contains("not certain") == true)
    }

    @Test func uncertainMatchingReadMatches() {
        let checks = PrintedTextCheck.compare(Self.words(total: "7,63,541.89", gstin: "24AACCT6304M1ZB", confidence: 0.35), with: Self.fields)
        #expect(checks.allSatisfy { $0.outcome == .matches }, "\(checks)")
    }

    @Test func certainOCRDocumentNumberNeverDiffers() {
        // Nothing in a serial number checks a read: a confident misread must not become a forgery.
        var fields = Self.fields
        fields.docNo = "SAJ/2023/0627"
        let number = ["Invoice", "No:", "SAJj/2023/0627"].enumerated().map { index, text in
            PositionedWord(text: text, box: WordBox(x: 100 + Double(index) * 120, y: 60, width: 100, height: 20), page: 1, confidence: 0.95)
        }
        let checks = PrintedTextCheck.compare(Self.words(total: "7,63,541.89", gstin: "24AACCT6304M1ZB", confidence: 0.9) + number, with: fields)
        let check = checks.first { $0.field == .documentNumber }
        #expect(check?.outcome == .notFound, "\(checks)")
        #expect(check?.printed == "SAJj/2023/0627")
    }

    @Test func oneUnlabelledStrangerGSTINDiffersForTheSupplierOnly() {
        var fields = Self.fields
        fields.buyerGstin = "09AABCW0339G3ZD"
        let forged = OCRRoundTripTests.validGSTIN("24AACCT6394M1Z")
        let words = ["GSTIN:", forged].enumerated().map { index, text in
            PositionedWord(text: text, box: WordBox(x: 100 + Double(index) * 120, y: 130, width: 100, height: 20), page: 1, confidence: 0.9)
        }
        let checks = PrintedTextCheck.compare(words, with: fields)
        #expect(checks.first { $0.field == .sellerGstin }?.outcome == .differs, "\(checks)")
        #expect(checks.first { $0.field == .buyerGstin }?.outcome == .notFound, "\(checks)")
    }

    @Test func certainDifferingReadDiffers() {
        let checks = PrintedTextCheck.compare(Self.words(total: "7,63,547.89", gstin: "24AACCT6304M1ZB", confidence: 0.9), with: Self.fields)
        #expect(checks.first { $0.field == .grandTotal }?.outcome == .differs, "\(checks)")
    }
}
