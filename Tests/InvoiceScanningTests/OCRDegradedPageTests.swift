import CairoGraphics
import EInvoiceBasics
import EInvoiceModel
import EInvoiceTestSupport
import Foundation
import InvoiceLayout
import InvoiceRenderer
import InvoiceScanning
import QRCodec
import RasterIO
import Testing
@testable import TextRecognition

/// OCR of the project's own invoice after the damage desks send: a low-contrast, unevenly lit
/// scan, a page scanned upside down or sideways, a leaning scan and sensor noise. Honest pages
/// never "differ"; doctored values are caught where docs/ocr-read-rates.md says they are read.
/// The degradations are made here, deterministically, from the 200-DPI raster.
@Suite(.serialized) struct OCRDegradedPageTests {
    static func scan(_ image: GreyImage) throws -> [PrintedFieldCheck.Field: PrintedFieldCheck] {
        try OCRRoundTripTests.checks(try Surface(grey: image).pngData()).checks
    }

    static func page(doctor: (inout PrintableInvoice) -> Void = { _ in }) throws -> GreyImage {
        let raster = try Raster.pdfPage(try OCRRoundTripTests.pdf(doctor: doctor), dpi: 200)
        return GreyImage(width: raster.width, height: raster.height, pixels: raster.pixels)
    }

    static func expectHonest(_ checks: [PrintedFieldCheck.Field: PrintedFieldCheck], matching fields: [PrintedFieldCheck.Field]) {
        #expect(checks.values.allSatisfy { $0.outcome != .differs }, "\(checks.values.map(\.message))")
        for field in fields {
            #expect(checks[field]?.outcome == .matches, "\(field): \(checks.values.map(\.message))")
        }
    }

    static func forgedTotal(_ printable: inout PrintableInvoice) {
        printable.invoice.totals.totalInvoiceValue = Decimal.exact("763451.89")
    }

    @Test func lowContrastUnevenlyLitPage() throws {
        Self.expectHonest(try Self.scan(Degrade.faint(try Self.page())), matching: [.grandTotal, .sellerGstin, .buyerGstin, .documentNumber])
        let doctored = try Self.scan(Degrade.faint(try Self.page(doctor: Self.forgedTotal)))
        #expect(doctored[.grandTotal]?.outcome == .differs, "\(doctored.values.map(\.message))")
        #expect(doctored[.grandTotal]?.printed == "7,63,451.89")
    }

    @Test func upsideDownAndSidewaysPages() throws {
        Self.expectHonest(try Self.scan(Degrade.quarterTurns(try Self.page(), 2)), matching: [.grandTotal, .sellerGstin, .documentNumber])
        let doctored = try Self.scan(Degrade.quarterTurns(try Self.page(doctor: Self.forgedTotal), 1))
        #expect(doctored[.grandTotal]?.outcome == .differs, "\(doctored.values.map(\.message))")
    }

    @Test func leaningPageWithAForgedGSTIN() throws {
        let forged = OCRRoundTripTests.validGSTIN("24AACCT6394M1Z")
        let checks = try Self.scan(ImageFilters.rotate(try Self.page { $0.invoice.seller.gstin = forged }, degrees: 2))
        #expect(checks[.sellerGstin]?.outcome == .differs, "\(checks.values.map(\.message))")
        #expect(checks[.sellerGstin]?.printed == forged)
        #expect(checks[.grandTotal]?.outcome != .differs)
    }

    @Test func noisyPage() throws {
        Self.expectHonest(try Self.scan(Degrade.noise(try Self.page(), sigma: 14)), matching: [.grandTotal, .sellerGstin])
    }

    /// The QR's corners tell which way up the page lies, whatever the turn.
    @Test(arguments: [(0, 0.0), (1, 90.0), (2, 180.0), (3, -90.0)])
    func qrCornersGiveThePageOrientation(_ turns: Int, _ degrees: Double) throws {
        let token = try #require(Fixtures.realTokens.first { $0.kind == "SignedQRCode" }?.token)
        let page = Degrade.quarterTurns(try DegradedReadTests.page(token, dpi: 150), turns)
        for (image, expected) in [(page, degrees), (ImageFilters.rotate(page, degrees: 7), degrees + 7)] {
            let symbol = try #require(QRScanner().scan(image).symbols.first)
            let orientation = try #require(PageOrientation(qrCorners: symbol.points.map { (x: Double($0.x), y: Double($0.y)) }))
            let difference = (orientation.angle * 180 / .pi - expected).truncatingRemainder(dividingBy: 360)
            #expect(min(abs(difference), 360 - abs(difference)) < 1.5, "\(symbol.points)")
        }
    }

    @Test func turningUprightIsExactForQuarterTurnsAndMapsPoints() {
        let image = GreyImage(width: 3, height: 2, pixels: [1, 2, 3, 4, 5, 6])
        let (turned, map) = PagePreparation.turned(Degrade.quarterTurns(image, 1), PageOrientation(angle: .pi / 2))
        #expect(turned == image)
        // The centre of the sideways image's pixel (1, 0) is the upright one's pixel (0, 0).
        let point = map(1.5, 0.5)
        #expect(abs(point.x - 0.5) < 1e-9 && abs(point.y - 0.5) < 1e-9, "\(point)")
    }

    @Test func evenPagesAreLeftAloneAndShadedOnesLevelled() {
        var clean = [UInt8](repeating: 255, count: 200 * 200)
        for y in stride(from: 20, to: 180, by: 12) { for x in 20..<180 where x % 7 < 4 { clean[y * 200 + x] = 26 } }
        let page = GreyImage(width: 200, height: 200, pixels: clean)
        #expect(PagePreparation.evenedLight(page) == nil)
        let evened = PagePreparation.evenedLight(Degrade.faint(page))
        #expect(evened != nil)
        if let evened {
            // Paper white again everywhere and ink dark, across the shading.
            #expect(evened.pixels[5 * 200 + 5] > 230 && evened.pixels[195 * 200 + 195] > 230)
            #expect(evened.pixels[20 * 200 + 21] < 90 && evened.pixels[176 * 200 + 176] < 90)
        }
    }
}

/// Deterministic damage to a page image, as scanners, cameras and desks do it.
enum Degrade {
    /// Ink and paper 60 levels apart on grey paper, lit from one corner (a fifth darker across).
    static func faint(_ image: GreyImage) -> GreyImage {
        let w = Double(image.width), h = Double(image.height)
        var pixels = image.pixels
        for y in 0..<image.height {
            for x in 0..<image.width {
                let shade = 1 - 0.2 * ((Double(x) / w + Double(y) / h) / 2)
                pixels[y * image.width + x] = UInt8((135 + Double(image.pixels[y * image.width + x]) * 60 / 255) * shade)
            }
        }
        return GreyImage(width: image.width, height: image.height, pixels: pixels)
    }

    /// Turned clockwise by `turns` quarter turns, exactly.
    static func quarterTurns(_ image: GreyImage, _ turns: Int) -> GreyImage {
        var image = image
        for _ in 0..<(turns % 4 + 4) % 4 {
            let (w, h) = (image.width, image.height)
            var out = [UInt8](repeating: 0, count: w * h)
            // The new row y is the old column y, read from the bottom up.
            for y in 0..<w { for x in 0..<h { out[y * h + x] = image.pixels[(h - 1 - x) * w + y] } }
            image = GreyImage(width: h, height: w, pixels: out)
        }
        return image
    }

    /// Gaussian sensor noise of `sigma` grey levels (a fixed-seed generator, Box–Muller).
    static func noise(_ image: GreyImage, sigma: Double) -> GreyImage {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        return GreyImage(width: image.width, height: image.height, pixels: image.pixels.map { value in
            let gaussian = (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform())
            return UInt8(max(0, min(255, (Double(value) + sigma * gaussian).rounded())))
        })
    }
}
