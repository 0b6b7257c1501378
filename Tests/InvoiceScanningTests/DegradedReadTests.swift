import CairoGraphics
import EInvoiceBasics
import EInvoiceModel
import EInvoiceTestSupport
import Foundation
import InvoiceLayout
import InvoiceRenderer
import InvoiceScanning
import QRCodec
import Testing

/// Every real SignedQRCode: encoded with libqrencode, drawn on an A4 page image, degraded, read
/// back by the cascade. Prints the decode rate per degradation (the full corpus with zbarimg and
/// zxing-cpp beside it is `bench/scan`).
@Suite struct DegradedReadTests {
    /// An A4 page at `dpi` with the QR at 50 mm near the top right, as grey pixels.
    static func page(_ token: String, dpi: Double) throws -> GreyImage {
        let fonts = try FontSystem(fontsDirectory: Fixtures.root.appendingPathComponent("Fonts").path)
        let matrix = try QREncoder.encode(token, errorCorrection: .medium)
        let frame = Rect(x: 380, y: 90, width: .mm(50), height: .mm(50))
        let page = Page(size: Size(width: 595, height: 842),
                        items: [.qr(QRPlacement(matrix: matrix, frame: frame, quietZoneModules: 4, payload: token))])
        return try PageRenderer(fonts: fonts).image(page, dpi: dpi).greyImage()
    }

    static let degradations: [(String, @Sendable (GreyImage) -> GreyImage)] = [
        ("clean", { $0 }),
        ("rotated 20°", { ImageFilters.rotate($0, degrees: 20) }),
        ("low contrast", { GreyImage(width: $0.width, height: $0.height, pixels: $0.pixels.map { 130 + $0 / 4 }) }),
        ("noise", { image in
            var state: UInt32 = 7
            return GreyImage(width: image.width, height: image.height, pixels: image.pixels.map { value in
                state = state &* 1_664_525 &+ 1_013_904_223
                return UInt8(max(0, min(255, Int(value) + Int(state >> 26) - 32)))
            })
        }),
        ("150-DPI rescan", { $0.resized(by: 0.75) }),
    ]

    @Test func everyRealTokenReadsBackUnderEachDegradation() throws {
        let tokens = Fixtures.realTokens.filter { $0.kind == "SignedQRCode" }.map(\.token)
        var table: [String] = []
        for (name, degrade) in Self.degradations {
            var read = 0
            for token in tokens {
                let symbols = QRScanner().scan(degrade(try Self.page(token, dpi: 200))).symbols
                if symbols.map(\.text).contains(token) { read += 1 }
            }
            table.append("\(name): \(read)/\(tokens.count)")
            #expect(read == tokens.count, "\(name)")
        }
        print("decode rate per degradation: " + table.joined(separator: ", "))
    }
}
