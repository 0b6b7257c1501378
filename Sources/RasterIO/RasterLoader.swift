import CairoGraphics
public import Foundation
public import QRCodec

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

/// Reads PNG, JPEG, TIFF (all pages) and PDF (every page rendered, plus its embedded images).
public enum RasterLoader {
    public static func load(_ data: Data, dpi: Double = 300, limits: RasterLimits = RasterLimits()) throws(RasterError) -> [RasterPage] {
        guard !data.isEmpty else { throw RasterError(.empty, "the file is empty") }
        guard let format = ImageFormat.detect(data) else {
            throw RasterError(.unsupported, "not a PNG, JPEG, TIFF or PDF file")
        }
        switch format {
        case .png:
            do {
                let grey = try Surface(png: data, maxPixels: limits.maxPixels).greyPixels()
                guard grey.width > 0 else { throw RasterError(.corrupt, "the PNG has no pixels") }
                return [RasterPage(origin: .image, image: GreyImage(width: grey.width, height: grey.height, pixels: grey.pixels))]
            } catch let error as RasterError {
                throw error
            } catch {
                throw RasterError(.corrupt, "not a readable PNG (\(error))")
            }
        case .jpeg:
            return [RasterPage(origin: .image, image: try JPEGDecoder.decode(data, limits: limits))]
        case .tiff:
            return try TIFFDecoder.decode(data, limits: limits).enumerated().map { RasterPage(origin: .tiffPage($0.offset), image: $0.element) }
        case .pdf:
            let document = try PDFDocument(data: data)
            guard document.pageCount > 0 else { throw RasterError(.corrupt, "the PDF has no pages") }
            var pages: [RasterPage] = []
            for index in 0..<min(document.pageCount, limits.maxPages) {
                let text = document.text(page: index)
                pages.append(RasterPage(origin: .pdfPage(index, dpi: dpi), image: try document.render(page: index, dpi: dpi, limits: limits),
                                        text: text))
                for (imageIndex, image) in document.images(page: index, limits: limits).enumerated() {
                    pages.append(RasterPage(origin: .pdfImage(page: index, index: imageIndex), image: image, text: text))
                }
            }
            return pages
        }
    }
}
