internal import CCairo
public import EInvoiceBasics
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

    /// A PDF surface whose first page is `width` × `height` points.
    public init(pdfWidth width: Double, height: Double, metadata: DocumentMetadata) throws(CairoError) {
        try GraphicsLibrary.require()
        let sink = PDFSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = graphics.cairo_pdf_surface_create_for_stream({ closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<PDFSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, context, width, height) else { throw CairoError("cairo_pdf_surface_create_for_stream returned NULL") }
        do {
            try CairoError.check(graphics.cairo_surface_status(surface), "creating the PDF surface")
        } catch {
            graphics.cairo_surface_destroy(surface)
            throw error
        }
        self.pointer = surface
        self.sink = sink
        graphics.cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        let entries: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_SUBJECT, metadata.subject),
            (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_CREATOR, metadata.creator), (CAIRO_PDF_METADATA_CREATE_DATE, metadata.creationDate),
            (CAIRO_PDF_METADATA_MOD_DATE, metadata.creationDate),
        ]
        for (key, value) in entries { graphics.cairo_pdf_surface_set_metadata(surface, key, value) }
    }

    /// An RGB image of `width` × `height` pixels, white.
    public init(imageWidth width: Int, height: Int) throws(CairoError) {
        try GraphicsLibrary.require()
        guard let surface = graphics.cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw CairoError("cairo_image_surface_create returned NULL")
        }
        do {
            try CairoError.check(graphics.cairo_surface_status(surface), "creating a \(width)×\(height) image")
        } catch {
            graphics.cairo_surface_destroy(surface)
            throw error
        }
        self.pointer = surface
        self.sink = nil
    }

    /// Decodes a PNG (Cairo's libpng reader), refusing images over `maxPixels`.
    public init(png data: Data, maxPixels: Int) throws(CairoError) {
        try GraphicsLibrary.require()
        final class Reader {
            let data: Data
            var offset = 0
            init(_ data: Data) { self.data = data }
        }
        let reader = Reader(data)
        let context = Unmanaged.passUnretained(reader).toOpaque()
        let surface = withExtendedLifetime(reader) {
            graphics.cairo_image_surface_create_from_png_stream({ closure, buffer, length in
                guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
                let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
                let count = Int(length)
                guard reader.offset + count <= reader.data.count else { return CAIRO_STATUS_READ_ERROR }
                reader.data.copyBytes(to: buffer, from: reader.offset..<(reader.offset + count))
                reader.offset += count
                return CAIRO_STATUS_SUCCESS
            }, context)
        }
        guard let surface else { throw CairoError("PNG decoder returned NULL") }
        do {
            try CairoError.check(graphics.cairo_surface_status(surface), "PNG")
        } catch {
            graphics.cairo_surface_destroy(surface)
            throw error
        }
        let pixels = Int(graphics.cairo_image_surface_get_width(surface)) * Int(graphics.cairo_image_surface_get_height(surface))
        guard pixels <= maxPixels else {
            graphics.cairo_surface_destroy(surface)
            throw CairoError("PNG of \(pixels / 1_000_000) megapixels is over the limit")
        }
        self.pointer = surface
        self.sink = nil
    }

    deinit { graphics.cairo_surface_destroy(pointer) }

    /// Sets the size of the next PDF page.
    public func setPageSize(width: Double, height: Double) {
        graphics.cairo_pdf_surface_set_size(pointer, width, height)
    }

    /// Finishes the PDF and returns its bytes. The surface cannot be drawn on afterwards.
    public func finishPDF() throws(CairoError) -> Data {
        graphics.cairo_surface_finish(pointer)
        try CairoError.check(graphics.cairo_surface_status(pointer), "writing the PDF")
        return sink?.data ?? Data()
    }

    /// The image in 8-bit grey, for decoding and pixel tests. Transparent pixels (ARGB images)
    /// count as white paper; A8/A1 masks as ink on white. A surface without pixels is a 0 × 0 image.
    public func greyImage() -> GreyImage {
        graphics.cairo_surface_flush(pointer)
        let width = Int(graphics.cairo_image_surface_get_width(pointer))
        let height = Int(graphics.cairo_image_surface_get_height(pointer))
        let stride = Int(graphics.cairo_image_surface_get_stride(pointer))
        let format = graphics.cairo_image_surface_get_format(pointer)
        guard let base = graphics.cairo_image_surface_get_data(pointer), width > 0, height > 0 else { return GreyImage(width: 0, height: 0, pixels: []) }
        var pixels = [UInt8](repeating: 255, count: width * height)
        if format == CAIRO_FORMAT_RGB24 {
            // The common case (PDF pages, PNGs without alpha): integer luma, no branches per pixel.
            pixels.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    let row = UnsafeRawPointer(base.advanced(by: y * stride)).assumingMemoryBound(to: UInt32.self)
                    for x in 0..<width {
                        let value = row[x]
                        let luma = ((value >> 16) & 0xff) * 77 + ((value >> 8) & 0xff) * 150 + (value & 0xff) * 29
                        out[y * width + x] = UInt8(truncatingIfNeeded: luma >> 8)
                    }
                }
            }
            return GreyImage(width: width, height: height, pixels: pixels)
        }
        for y in 0..<height {
            let rowBase = base.advanced(by: y * stride)
            switch format {
            case CAIRO_FORMAT_A8:
                for x in 0..<width { pixels[y * width + x] = 255 - rowBase[x] }
            case CAIRO_FORMAT_A1:
                for x in 0..<width {
                    let bit = (rowBase[x >> 3] >> UInt8(x & 7)) & 1
                    pixels[y * width + x] = bit == 1 ? 0 : 255
                }
            default:
                let row = UnsafeRawPointer(rowBase).assumingMemoryBound(to: UInt32.self)
                let hasAlpha = format == CAIRO_FORMAT_ARGB32
                for x in 0..<width {
                    let value = row[x]
                    let alpha = hasAlpha ? (value >> 24) & 0xff : 255
                    // Premultiplied: composite over white.
                    let r = ((value >> 16) & 0xff) + (255 - alpha), g = ((value >> 8) & 0xff) + (255 - alpha)
                    let b = (value & 0xff) + (255 - alpha)
                    pixels[y * width + x] = UInt8(min(255, (r * 299 + g * 587 + b * 114) / 1000))
                }
            }
        }
        return GreyImage(width: width, height: height, pixels: pixels)
    }

    /// An RGB image surface holding `image` (previews of scanned pages).
    public convenience init(grey image: GreyImage) throws(CairoError) {
        try self.init(imageWidth: image.width, height: image.height)
        graphics.cairo_surface_flush(pointer)
        let stride = Int(graphics.cairo_image_surface_get_stride(pointer))
        guard let base = graphics.cairo_image_surface_get_data(pointer) else { throw CairoError("the image surface has no pixels") }
        for y in 0..<image.height {
            let row = UnsafeMutableRawPointer(base.advanced(by: y * stride)).assumingMemoryBound(to: UInt32.self)
            for x in 0..<image.width {
                let value = UInt32(image.pixels[y * image.width + x])
                row[x] = 0xff00_0000 | value << 16 | value << 8 | value
            }
        }
        graphics.cairo_surface_mark_dirty(pointer)
    }

    /// Takes ownership of a Cairo image surface made elsewhere (poppler's embedded images).
    package init(adopting surface: OpaquePointer) throws(CairoError) {
        try GraphicsLibrary.require()
        do {
            try CairoError.check(graphics.cairo_surface_status(surface), "image")
        } catch {
            graphics.cairo_surface_destroy(surface)
            throw error
        }
        self.pointer = surface
        self.sink = nil
    }

    /// The image as PNG bytes.
    public func pngData() throws(CairoError) -> Data {
        let sink = PDFSink()
        let status = graphics.cairo_surface_write_to_png_stream(pointer, { closure, bytes, length in
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
