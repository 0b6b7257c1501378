import EInvoiceBasics
import EInvoiceModel
import EInvoiceTestSupport
import Foundation
import InvoiceScanning
import QRCodec
import Testing

/// Sensor noise as the corpus's noise kind makes it (a slight blur, then Gaussian noise of σ 30–50
/// grey levels and 2 % salt-and-pepper specks): the geometric sampler must see the finders and the
/// modules through it, and a noisy region without a symbol must not show finder evidence (the
/// speckle once faked finders of a pixel a module, and each such region cost the cascade its
/// whole repertoire).
@Suite struct NoisyReadTests {
    /// A deterministic Gaussian source (Box–Muller over a linear congruential generator).
    struct Noise {
        var state: UInt64
        mutating func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        mutating func gaussian() -> Double {
            (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform())
        }
    }

    static func noisy(_ image: GreyImage, sigma: Double, seed: UInt64) -> GreyImage {
        var noise = Noise(state: seed)
        let pixels = image.pixels.map { pixel -> UInt8 in
            let speck = noise.uniform()
            if speck < 0.02 { return 0 }
            if speck > 0.98 { return 255 }
            return UInt8(max(0, min(255, (Double(pixel) + sigma * noise.gaussian()).rounded())))
        }
        return GreyImage(width: image.width, height: image.height, pixels: pixels)
    }

    @Test(arguments: [(30.0, UInt64(1)), (40, 2), (50, 3)])
    func readsTheExactTokenThroughHeavyNoise(_ sigma: Double, _ seed: UInt64) throws {
        let token = GeometricReaderTests.token
        let matrix = try QREncoder.encode(token, errorCorrection: .medium)
        let clean = GeometricReaderTests.draw(matrix, .init(degrees: 4, keystone: 0, pixelsPerModule: 4.5, blur: 0.7), side: 600)
        let image = Self.noisy(clean, sigma: sigma, seed: seed)
        #expect(QRDecoder.decode(image).isEmpty, "zbar alone should not read this case (or it proves nothing)")
        let read = GeometricReader().read(image, deadline: ThreadCPUClock.now() + 30)
        #expect(read.symbols.map(\.text) == [token])
    }

    @Test func noisyPaperShowsNoFinderEvidence() {
        let paper = GreyImage(width: 240, height: 240, pixels: [UInt8](repeating: 235, count: 240 * 240))
        #expect(!GeometricReader.hasFinderEvidence(Self.noisy(paper, sigma: 40, seed: 7)))
    }
}
