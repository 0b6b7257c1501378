import EInvoiceBasics
import EInvoiceTestSupport
import Foundation
import InvoiceScanning
import RasterIO
import Testing

/// Fuzz-style: truncated and bit-flipped PNG, JPEG, TIFF and PDF files give an error or a
/// no-QR result, never a crash (the suite would die with the process).
@Suite struct CorruptInputTests {
    static let fixtures = ["odoo-page-200dpi.png", "odoo-page-200dpi.jpg", "two-pages.tiff", "odoo-invoice.pdf"]

    @Test(arguments: fixtures)
    func truncatedFilesNeverCrash(_ fixture: String) throws {
        let data = try Fixtures.data("scan/\(fixture)")
        let scanner = InvoiceScanner(dpi: 100, scanner: QRScanner(timeBudget: 0.3))
        for fraction in [0.0, 0.001, 0.01, 0.1, 0.3, 0.5, 0.9, 0.99] {
            let prefix = data.prefix(Int(Double(data.count) * fraction))
            do {
                // A truncated JPEG may still decode in part: reading something is fine, crashing is not.
                _ = try scanner.scan(Data(prefix))
            } catch {
                #expect(!error.reason.isEmpty)
            }
        }
    }

    @Test(arguments: fixtures)
    func flippedBytesNeverCrash(_ fixture: String) throws {
        var data = try Fixtures.data("scan/\(fixture)")
        var state: UInt32 = 2463534242
        let scanner = InvoiceScanner(dpi: 100, scanner: QRScanner(timeBudget: 0.3))
        for round in 0..<6 {
            var copy = data
            for _ in 0..<(8 << round) {
                state ^= state << 13; state ^= state >> 17; state ^= state << 5
                let index = Int(state % UInt32(copy.count))
                copy[index] ^= UInt8(truncatingIfNeeded: state >> 8) | 1
            }
            _ = try? scanner.scan(copy)
        }
        data.removeAll()
    }

    @Test(arguments: [
        (Data(), "empty"), (Data("hello".utf8), "not a PNG, JPEG, TIFF or PDF"),
        (Data([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "PNG"),
        (Data([0xff, 0xd8, 0xff, 0xe0]), "JPEG"), (Data([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), "TIFF"),
        (Data("%PDF-1.4\n%%EOF".utf8), "PDF"),
    ])
    func tinyOrForeignInputsAreNamed(_ data: Data, _ reason: String) {
        do {
            _ = try RasterLoader.load(data)
            Issue.record("accepted")
        } catch {
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }

    @Test func hugeImageHeadersAreRefusedBeforeAllocating() {
        var limits = RasterLimits()
        limits.maxPixels = 1000
        #expect(throws: RasterError(.tooLarge, "")) {
            try RasterLoader.load(try Fixtures.data("scan/odoo-page-200dpi.jpg"), limits: limits)
        }
    }
}
