import CairoGraphics
public import EInvoiceBasics
public import Foundation
import PDFArchive
public import PrintedText

/// One picture to look for QR codes in: an image, a TIFF page, a rendered PDF page, or an image
/// embedded in a PDF page.
public struct RasterPage: Sendable {
    public enum Origin: Sendable, Hashable {
        case image
        case tiffPage(Int)
        case pdfPage(Int, dpi: Double)
        case pdfImage(page: Int, index: Int)
    }

    public var origin: Origin
    public var image: GreyImage
    /// The PDF page's text layer, for comparing printed values with the signed ones.
    public var text: String?
    /// The PDF page's text layer as positioned words (empty for images, scans and embedded images).
    public var words: [PositionedWord] = []

    public init(origin: Origin, image: GreyImage, text: String? = nil, words: [PositionedWord] = []) {
        self.origin = origin
        self.image = image
        self.text = text
        self.words = words
    }

    /// "page 2", "page 2, image 1", or "" for a single image.
    public var label: String {
        switch origin {
        case .image: ""
        case .tiffPage(let page): "page \(page + 1)"
        case .pdfPage(let page, _): "page \(page + 1)"
        case .pdfImage(let page, let index): "page \(page + 1), embedded image \(index + 1)"
        }
    }

    /// 1-based page number, when the input has pages.
    public var pageNumber: Int? {
        switch origin {
        case .image: nil
        case .tiffPage(let page), .pdfPage(let page, _), .pdfImage(let page, _): page + 1
        }
    }
}

/// Reads PNG, JPEG, TIFF (all pages) and PDF (every page rendered, plus its embedded images),
/// within ``RasterLimits``: sizes are checked from headers before decoding, budgets are per file,
/// and with ``RasterLimits/isolation`` set the decoders run in a child process.
public enum RasterLoader {
    /// Decodes `data` page by page, handing each page to `onPage` as soon as it is ready (so a
    /// 50-page file never holds 50 pages in memory), and returns what was not read and why.
    ///
    /// - Throws: ``RasterError`` when the file cannot be read at all, or not one page is within the limits.
    public static func forEachPage(_ data: Data, dpi: Double = 300, limits: RasterLimits = RasterLimits(),
                                   _ onPage: (RasterPage) throws(RasterError) -> Void) throws(RasterError) -> [RasterNote] {
        guard !data.isEmpty else { throw RasterError(.empty, "the file is empty") }
        guard let format = ImageFormat.detect(data) else {
            throw RasterError(.unsupported, "not a PNG, JPEG, TIFF or PDF file")
        }
        if let isolation = limits.isolation {
            return try isolation.decode(data, dpi: dpi, limits: limits, onPage)
        }
        var budget = FileBudget(limits: limits)
        var delivered = 0
        let notes = try decode(data, format: format, dpi: dpi, budget: &budget) { (page: RasterPage) throws(RasterError) in
            delivered += 1
            try onPage(page)
        }
        return try checked(notes, delivered: delivered)
    }

    /// Every page at once, for callers that need them together (thumbnails, benchmarks); the notes
    /// of ``forEachPage(_:dpi:limits:_:)`` are dropped, so scanning uses that instead.
    public static func load(_ data: Data, dpi: Double = 300, limits: RasterLimits = RasterLimits()) throws(RasterError) -> [RasterPage] {
        var pages: [RasterPage] = []
        _ = try forEachPage(data, dpi: dpi, limits: limits) { pages.append($0) }
        return pages
    }

    /// A file of which not one page was read is an error, with the first reason.
    static func checked(_ notes: [RasterNote], delivered: Int) throws(RasterError) -> [RasterNote] {
        if delivered == 0, let first = notes.first {
            throw RasterError(.tooLarge, [first.label, first.message].filter { !$0.isEmpty }.joined(separator: ": "))
        }
        return notes
    }

    /// The decoding itself, in whichever process runs it.
    static func decode(_ data: Data, format: ImageFormat, dpi: Double, budget: inout FileBudget,
                       pageCount: (Int) -> Void = { _ in }, _ onPage: (RasterPage) throws(RasterError) -> Void) throws(RasterError) -> [RasterNote] {
        let limits = budget.limits
        switch format {
        case .png, .jpeg:
            let header = try ImageHeader.read(data, format: format)
            if header.jpegScans > limits.maxJPEGScans {
                throw RasterError(.tooLarge, "a progressive JPEG of \(header.jpegScans) scans, over the limit of \(limits.maxJPEGScans) "
                    + "(each scan is a pass over the whole image; --max-jpeg-scans)")
            }
            if let refusal = budget.admit(header.pages[0].squarePixels, what: "the \(format.rawValue.uppercased())") {
                throw RasterError(.tooLarge, refusal.message)
            }
            let image = try decodeImage(data, format: format, limits: limits)
            try onPage(RasterPage(origin: .image, image: squared(image, header.pages[0])))
            return []
        case .tiff:
            return try decodeTIFF(data, budget: &budget, pageCount: pageCount, onPage)
        case .pdf:
            return try decodePDF(data, dpi: dpi, budget: &budget, pageCount: pageCount, onPage)
        }
    }

    /// `image` with square pixels, when its file says they are not: finder patterns and modules
    /// are searched for as squares, and a fax's modules (204 × 98 DPI) are twice as wide as tall.
    private static func squared(_ image: GreyImage, _ size: ImageHeader.Size) -> GreyImage {
        guard size.pixelAspect != 1, image.width == size.width, image.height == size.height else { return image }
        let square = size.squarePixels
        return image.resized(width: square.width, height: square.height)
    }

    private static func decodeImage(_ data: Data, format: ImageFormat, limits: RasterLimits) throws(RasterError) -> GreyImage {
        if format == .jpeg { return try JPEGDecoder.decode(data, limits: limits) }
        do {
            let grey = try Surface(png: data, maxPixels: limits.maxPixels).greyImage()
            guard grey.width > 0 else { throw RasterError(.corrupt, "the PNG has no pixels") }
            return grey
        } catch let error as RasterError {
            throw error
        } catch {
            throw RasterError(.corrupt, "not a readable PNG (\(error))")
        }
    }

    private static func decodeTIFF(_ data: Data, budget: inout FileBudget, pageCount: (Int) -> Void,
                                   _ onPage: (RasterPage) throws(RasterError) -> Void) throws(RasterError) -> [RasterNote] {
        let header = try ImageHeader.read(data, format: .tiff)
        var plan = PagePlan(pageCount: header.pages.count, limits: budget.limits)
        pageCount(header.pages.count)
        for (index, size) in header.pages.prefix(budget.limits.maxPages).enumerated() {
            guard plan.admit(index, budget.admit(size.squarePixels, what: "page \(index + 1)")) else { break }
        }
        var delivered = 0
        do throws(RasterError) {
            try TIFFDecoder.decode(data, pages: plan.admitted, limits: budget.limits) { (index, image) throws(RasterError) in
                delivered += 1
                try onPage(RasterPage(origin: .tiffPage(index), image: squared(image, header.pages[index])))
                if index != plan.admitted.last, budget.isOverTime { throw RasterError(.timeLimit, "time") }
            }
        } catch let error where delivered > 0 {
            // Pages already read stand; the rest is noted with the reason.
            let next = plan.admitted.first { $0 >= delivered } ?? delivered
            plan.notes.append(RasterNote(pages: (next + 1)...(plan.admitted.last.map { $0 + 1 } ?? next + 1),
                                         message: error.code == .timeLimit ? budget.timeSpent : "not read: \(error.reason)"))
        }
        return plan.notes
    }

    private static func decodePDF(_ data: Data, dpi: Double, budget: inout FileBudget, pageCount: (Int) -> Void,
                                  _ onPage: (RasterPage) throws(RasterError) -> Void) throws(RasterError) -> [RasterNote] {
        let limits = budget.limits
        let document = try PDFDocument(data: data)
        guard document.pageCount > 0 else { throw RasterError(.corrupt, "the PDF has no pages") }
        let structure: PDFStructure?
        do {
            structure = try PDFStructure.measure(data, pageLimit: limits.maxPages)
        } catch {
            throw RasterError(.decoderFailed, error.reason)
        }
        var plan = PagePlan(pageCount: document.pageCount, limits: limits)
        pageCount(document.pageCount)
        for index in 0..<min(document.pageCount, limits.maxPages) {
            let drawing = structure?.pages.indices.contains(index) == true ? structure?.pages[index] : nil
            if let depth = drawing?.formDepth, depth > limits.maxFormDepth {
                let deep = depth == Int.max ? "its forms draw themselves in a loop" : "its forms nest \(depth) deep"
                guard plan.admit(index, .init(message: "not drawn: \(deep) (limit \(limits.maxFormDepth), --max-form-depth), "
                    + "a structure that stalls readers", endsFile: false)) else { break }
                continue
            }
            let size = document.pixelSize(page: index, dpi: dpi) ?? .init(width: 0, height: 0)
            guard plan.admit(index, budget.admit(size, what: "page \(index + 1) at \(Int(dpi)) DPI")) else { break }
            let text = document.text(page: index)
            try onPage(RasterPage(origin: .pdfPage(index, dpi: dpi), image: try document.render(page: index, dpi: dpi, limits: limits),
                                  text: text, words: document.words(page: index)))
            if let refusal = admitImages(drawing, page: index, budget: &budget, known: structure != nil) {
                plan.notes.append(RasterNote(pages: (index + 1)...(index + 1), message: refusal))
                continue
            }
            for (imageIndex, image) in document.images(page: index, limits: limits).enumerated() {
                try onPage(RasterPage(origin: .pdfImage(page: index, index: imageIndex), image: image, text: text))
            }
        }
        return plan.notes
    }

    /// Charges a page's embedded images (each at least 50 px a side, at most `maxImagesPerPage`)
    /// to the budget before poppler decodes them; the reason they are not read otherwise.
    private static func admitImages(_ drawing: PDFStructure.Page?, page index: Int, budget: inout FileBudget,
                                    known: Bool) -> String? {
        guard let drawing else {
            return known ? nil : "embedded images not read on their own: the PDF's structure could not be measured (the page itself was read)"
        }
        let images = drawing.images.filter { $0.width >= 50 && $0.height >= 50 }.suffix(budget.limits.maxImagesPerPage)
        for image in images.reversed() {
            let size = ImageHeader.Size(width: image.width, height: image.height)
            if let refusal = budget.admit(size, what: "an embedded image") {
                return "embedded images not read on their own (the page itself was read): \(refusal.message)"
            }
        }
        return nil
    }
}
