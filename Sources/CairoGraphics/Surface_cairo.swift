internal import CCairo
public import Foundation

/// A Cairo surface: a multi-page PDF written to memory, or an RGB image.
///
/// Owns its `cairo_surface_t`; not `Sendable` (Cairo objects belong to one thread at a time).
public final class Surface {
    let pointer: OpaquePointer
    /// PDF bytes are collected here by Cairo's write callback.
    private let sink: PDFSink?

    final class PDFSink {
        var data = Data()
    }

    /// PDF document metadata, written to the Info dictionary.
    public struct PDFMetadata {
        public var title: String
        public var subject: String
        public var keywords: String
        public var author: String
        public var creator: String
        /// ISO 8601, e.g. `2023-05-12T14:11:00+05:30`; also used as the modification date.
        public var creationDate: String

        public init(title: String, subject: String, keywords: String, author: String, creator: String, creationDate: String) {
            self.title = title
            self.subject = subject
            self.keywords = keywords
            self.author = author
            self.creator = creator
            self.creationDate = creationDate
        }
    }

    /// A PDF surface whose first page is `width` × `height` points.
    public init(pdfWidth width: Double, height: Double, metadata: PDFMetadata) throws(CairoError) {
        let sink = PDFSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<PDFSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, context, width, height) else { throw CairoError("cairo_pdf_surface_create_for_stream returned NULL") }
        do {
            try CairoError.check(cairo_surface_status(surface), "creating the PDF surface")
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        self.pointer = surface
        self.sink = sink
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        let entries: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_SUBJECT, metadata.subject),
            (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_CREATOR, metadata.creator), (CAIRO_PDF_METADATA_CREATE_DATE, metadata.creationDate),
            (CAIRO_PDF_METADATA_MOD_DATE, metadata.creationDate),
        ]
        for (key, value) in entries { cairo_pdf_surface_set_metadata(surface, key, value) }
    }

    /// An RGB image of `width` × `height` pixels, white.
    public init(imageWidth width: Int, height: Int) throws(CairoError) {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw CairoError("cairo_image_surface_create returned NULL")
        }
        do {
            try CairoError.check(cairo_surface_status(surface), "creating a \(width)×\(height) image")
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        self.pointer = surface
        self.sink = nil
    }

    deinit { cairo_surface_destroy(pointer) }

    /// Sets the size of the next PDF page.
    public func setPageSize(width: Double, height: Double) {
        cairo_pdf_surface_set_size(pointer, width, height)
    }

    /// Finishes the PDF and returns its bytes. The surface cannot be drawn on afterwards.
    public func finishPDF() throws(CairoError) -> Data {
        cairo_surface_finish(pointer)
        try CairoError.check(cairo_surface_status(pointer), "writing the PDF")
        return sink?.data ?? Data()
    }

    /// The image as 8-bit grey pixels (row-major), for decoding and pixel tests.
    public func greyPixels() -> (width: Int, height: Int, pixels: [UInt8]) {
        cairo_surface_flush(pointer)
        let width = Int(cairo_image_surface_get_width(pointer))
        let height = Int(cairo_image_surface_get_height(pointer))
        let stride = Int(cairo_image_surface_get_stride(pointer))
        guard let base = cairo_image_surface_get_data(pointer) else { return (width, height, []) }
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            let row = base.advanced(by: y * stride).withMemoryRebound(to: UInt32.self, capacity: width) { $0 }
            for x in 0..<width {
                let value = row[x]
                let r = (value >> 16) & 0xff, g = (value >> 8) & 0xff, b = value & 0xff
                pixels[y * width + x] = UInt8((r * 299 + g * 587 + b * 114) / 1000)
            }
        }
        return (width, height, pixels)
    }

    /// The image as PNG bytes.
    public func pngData() throws(CairoError) -> Data {
        let sink = PDFSink()
        let status = cairo_surface_write_to_png_stream(pointer, { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<PDFSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        try CairoError.check(status, "encoding PNG")
        return sink.data
    }
}

@available(*, unavailable)
extension Surface: Sendable {}
