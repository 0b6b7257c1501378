import EInvoiceBasics
import EInvoiceTestSupport
import Foundation
import InvoiceScanning
@testable import RasterIO
import Testing

/// Limits are checked from headers before decoding, and budgets are per file: each test uses a
/// file of a few hundred bytes that claims (or would cost) far more.
@Suite struct LimitTests {
    @Test func pngHeaderIsMeasuredBeforeDecoding() throws {
        let data = CraftedFiles.pngHeader(width: 23_000, height: 23_000)
        #expect(try ImageHeader.read(data, format: .png).pages == [.init(width: 23_000, height: 23_000)])
        let error = #expect(throws: RasterError.self) { try RasterLoader.load(data) }
        #expect(error?.code == .tooLarge)
        #expect(error?.reason.contains("23000×23000") == true, "\(error?.reason ?? "")")
        #expect(error?.reason.contains("--max-image-megapixels") == true)
    }

    @Test func jpegScansAreCountedPastStuffedBytesAndRestartMarkers() throws {
        let header = try ImageHeader.read(CraftedFiles.progressiveJPEG(width: 640, height: 480, scans: 7), format: .jpeg)
        #expect(header.pages == [.init(width: 640, height: 480)])
        #expect(header.jpegScans == 7)
    }

    @Test func progressiveJPEGWithTooManyScansIsRefusedUnread() {
        var limits = RasterLimits()
        limits.maxJPEGScans = 100
        let error = #expect(throws: RasterError.self) {
            try RasterLoader.load(CraftedFiles.progressiveJPEG(width: 64, height: 64, scans: 101), limits: limits)
        }
        #expect(error?.code == .tooLarge)
        #expect(error?.reason.contains("101 scans") == true, "\(error?.reason ?? "")")
    }

    @Test func jpegFrameOverTheLimitIsRefused() {
        let error = #expect(throws: RasterError.self) {
            try RasterLoader.load(CraftedFiles.progressiveJPEG(width: 65_000, height: 65_000, scans: 1))
        }
        #expect(error?.reason.contains("65000×65000") == true, "\(error?.reason ?? "")")
    }

    @Test func tiffDirectoriesAreReadAndALoopEnds() throws {
        let sizes: [(UInt32, UInt32)] = [(100, 200), (3000, 4000), (5, 6)]
        let header = try ImageHeader.read(CraftedFiles.tiffDirectories(sizes, loop: true), format: .tiff)
        #expect(header.pages == [.init(width: 100, height: 200), .init(width: 3000, height: 4000), .init(width: 5, height: 6)])
    }

    /// Each format's resolution field gives the pixel shape; square and implausible ones give 1.
    @Test func pixelShapeIsReadFromEachFormatsResolution() throws {
        var png = CraftedFiles.pngHeader(width: 100, height: 50)
        png += Data([0, 0, 0, 9]) + Data("pHYs".utf8) + Data([0, 0, 0x1f, 0xe0, 0, 0, 0x0f, 0x4e, 1]) + Data(count: 4)  // 8160 × 3918 per metre
        #expect(abs(try ImageHeader.read(png, format: .png).pages[0].pixelAspect - 3918.0 / 8160) < 1e-9)

        var jfif = Data([0xff, 0xd8, 0xff, 0xe0, 0, 16]) + Data("JFIF\0".utf8) + Data([1, 2, 1, 0, 204, 0, 98, 0, 0])
        jfif += CraftedFiles.progressiveJPEG(width: 64, height: 32, scans: 1).dropFirst(2)
        let jpeg = try ImageHeader.read(jfif, format: .jpeg).pages[0]
        #expect(abs(jpeg.pixelAspect - 98.0 / 204) < 1e-9)
        #expect(jpeg.squarePixels == ImageHeader.Size(width: 64, height: 67))

        let fax = try ImageHeader.read(try Fixtures.data("scan/odoo-fax-204x98.tiff"), format: .tiff).pages[0]
        #expect(abs(fax.pixelAspect - 98.0 / 204) < 1e-9)

        #expect(ImageHeader.Size(width: 10, height: 10, resolution: (300, 301)).pixelAspect == 1)
        #expect(ImageHeader.Size(width: 10, height: 10, resolution: (1, 1000)).pixelAspect == 1)
        #expect(ImageHeader.Size(width: 10, height: 10, resolution: (0, 98)).pixelAspect == 1)
    }

    /// The stretch is charged to the budget: a header of tall pixels costs its square size.
    @Test func squarePixelsAreWhatTheBudgetPays() throws {
        let data = try Fixtures.data("scan/odoo-fax-204x98.tiff")
        let size = try ImageHeader.read(data, format: .tiff).pages[0]
        var limits = RasterLimits()
        limits.maxPixels = size.pixels  // the raw page fits, the squared one does not
        let error = #expect(throws: RasterError.self) { try RasterLoader.load(data, limits: limits) }
        #expect(error?.reason.contains("\(size.squarePixels.width)×\(size.squarePixels.height)") == true, "\(error?.reason ?? "")")
    }

    @Test func tiffPagesPastTheFileBudgetAreNoted() throws {
        let data = try Fixtures.data("scan/two-pages.tiff")
        let first = try ImageHeader.read(data, format: .tiff).pages[0]
        var limits = RasterLimits()
        limits.maxFilePixels = first.pixels  // room for page 1 only
        var pages: [RasterPage] = []
        let notes = try RasterLoader.forEachPage(data, limits: limits) { pages.append($0) }
        #expect(pages.count == 1)
        #expect(notes.map(\.label) == ["page 2"])
        #expect(notes.first?.message.contains("--max-file-megapixels") == true)
    }

    @Test func pagesPastThePageLimitAreANoteNotASilentSkip() throws {
        let scanner = InvoiceScanner(dpi: 72, limits: RasterLimits())
        let results = try scanner.scan(CraftedFiles.pages(55))
        #expect(results.filter { $0.note?.hasPrefix("pages 51–55") == true }.count == 1, "\(results.compactMap(\.note))")
        #expect(results.filter { $0.step != "not read" }.count == 50)
    }

    @Test func pdfPixelBudgetIsPerFileNotPerPage() throws {
        var limits = RasterLimits()
        limits.maxFilePixels = 3_500_000  // 3 pages of 1000×1000 pt at 72 DPI
        var pages = 0
        let notes = try RasterLoader.forEachPage(CraftedFiles.pages(10, width: 1000, height: 1000), dpi: 72, limits: limits) { _ in
            pages += 1
        }
        #expect(pages == 3)
        #expect(notes.map(\.label) == ["pages 4–10"])
    }

    @Test func formFanOutIsRefusedBeforeDrawing() throws {
        // 4^40 fills: drawing this would never end; the depth is measured from the object graph.
        let notes = try? RasterLoader.forEachPage(CraftedFiles.fanOut(levels: 40), dpi: 72) { _ in }
        let error = #expect(throws: RasterError.self) { try RasterLoader.load(CraftedFiles.fanOut(levels: 40), dpi: 72) }
        #expect(notes == nil)
        #expect(error?.reason.contains("nest 41 deep") == true, "\(error?.reason ?? "")")
    }

    @Test func shallowFormsAreDrawn() throws {
        #expect(try RasterLoader.load(CraftedFiles.fanOut(levels: 3), dpi: 72).count == 1)
    }

    @Test func embeddedImageSizesAreCheckedBeforeDecoding() throws {
        var pages: [RasterPage] = []
        let notes = try RasterLoader.forEachPage(CraftedFiles.claimedImage(side: 20_000), dpi: 72) { pages.append($0) }
        #expect(pages.count == 1)  // the page itself, drawn
        #expect(notes.first?.message.contains("20000×20000") == true, "\(notes)")
    }

    @Test func absurdPageBoxIsRefusedWithoutTrapping() {
        let error = #expect(throws: RasterError.self) { try RasterLoader.load(CraftedFiles.pages(1, width: 1_000_000_000, height: 5)) }
        #expect(error?.code == .tooLarge)
    }
}
