internal import CPoppler
import CairoGraphics
public import EInvoiceBasics
public import Foundation

/// A PDF opened with poppler-glib: pages rendered to grey images, their text, their images.
///
/// Owns its `PopplerDocument`; not `Sendable`.
public final class PDFDocument {
    /// libpoppler-glib, opened on the first PDF (see ``DynamicLibrary``).
    private static let library = DynamicLibrary.load("libpoppler-glib.so.8", package: "libpoppler-glib8",
                                                     resolve: einv_poppler_resolve)

    /// poppler's functions and the `PopplerDocument`, for this module's poppler files only.
    let poppler: einv_poppler
    let document: OpaquePointer
    private let bytes: OpaquePointer
    /// The last page's image surface, drawn over again for the next page of the same size: a
    /// 300-DPI A4 page is 35 MB of pixels, and a fresh surface per page cost the kernel a page
    /// fault for every 4 KB of it (a third of a long PDF's scanning time).
    private var pageSurface: (surface: Surface, width: Int, height: Int)?

    /// Opens a PDF from memory. Encrypted PDFs (a user password) and broken files are errors.
    public init(data: Data) throws(RasterError) {
        let poppler = try Self.library.mapError { RasterError(.decoderFailed, "PDF: \($0)") }.get()
        guard let bytes = data.withUnsafeBytes({ poppler.g_bytes_new($0.baseAddress, gsize($0.count)) }) else {
            throw RasterError(.corrupt, "cannot copy the PDF into memory")
        }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler.poppler_document_new_from_bytes(bytes, nil, &error) else {
            defer { poppler.g_bytes_unref(bytes); if let error { poppler.g_error_free(error) } }
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error, error.pointee.domain == poppler.poppler_error_quark(), error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw RasterError(.encrypted, "the PDF is encrypted with a password; open it and save an unprotected copy")
            }
            throw RasterError(.corrupt, "not a readable PDF (\(message))")
        }
        self.poppler = poppler
        self.document = document
        self.bytes = bytes
    }

    deinit {
        poppler.g_object_unref(UnsafeMutableRawPointer(document))
        poppler.g_bytes_unref(bytes)
    }

    public var pageCount: Int { Int(poppler.poppler_document_get_n_pages(document)) }

    /// Page `index` (0-based) size in pixels at `dpi`, from its page box, without drawing it.
    func pixelSize(page index: Int, dpi: Double) -> ImageHeader.Size? {
        guard let page = poppler.poppler_document_get_page(document, Int32(index)) else { return nil }
        defer { poppler.g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler.poppler_page_get_size(page, &width, &height)
        let scale = dpi / 72
        // A page box of absurd size (1e30 pt) must not trap on conversion.
        guard (width * scale).isFinite, (height * scale).isFinite, width * scale < 1e7, height * scale < 1e7 else {
            return ImageHeader.Size(width: Int(1e7), height: Int(1e7))
        }
        return ImageHeader.Size(width: Int((width * scale).rounded(.up)), height: Int((height * scale).rounded(.up)))
    }

    /// Page `index` (0-based) rendered at `dpi` on white, as grey pixels.
    public func render(page index: Int, dpi: Double, limits: RasterLimits) throws(RasterError) -> GreyImage {
        guard let page = poppler.poppler_document_get_page(document, Int32(index)) else {
            throw RasterError(.corrupt, "page \(index + 1) cannot be read")
        }
        defer { poppler.g_object_unref(UnsafeMutableRawPointer(page)) }
        let scale = dpi / 72
        guard let size = pixelSize(page: index, dpi: dpi), size.width > 0, size.height > 0, size.pixels <= limits.maxPixels else {
            throw RasterError(.tooLarge, "page \(index + 1) at \(Int(dpi)) DPI would be over the \(ImageLimits.megapixels(limits.maxPixels)) limit")
        }
        let pixelWidth = size.width, pixelHeight = size.height
        do {
            let surface: Surface
            if let reused = pageSurface, reused.width == pixelWidth, reused.height == pixelHeight {
                surface = reused.surface
            } else {
                pageSurface = nil
                surface = try Surface(imageWidth: pixelWidth, height: pixelHeight)
                pageSurface = (surface, pixelWidth, pixelHeight)
            }
            let context = try GraphicsContext(surface: surface)
            context.setColor(red: 1, green: 1, blue: 1)
            context.fillRectangle(x: 0, y: 0, width: Double(pixelWidth), height: Double(pixelHeight))
            context.scale(scale)
            context.withUnsafeCairoContext { poppler.poppler_page_render(page, $0) }
            try context.status()
            return surface.greyImage()
        } catch {
            throw RasterError(.corrupt, "page \(index + 1) cannot be drawn (\(error.description))")
        }
    }

    /// Files embedded in the PDF (name and bytes), at most `limit` bytes each; larger ones are skipped.
    public func attachments(limit: Int = 32 << 20) -> [(name: String, data: Data)] {
        final class Sink {
            var data = Data()
            let limit: Int
            init(limit: Int) { self.limit = limit }
        }
        guard let list = poppler.poppler_document_get_attachments(document) else { return [] }
        defer { poppler.g_list_free_full(list, poppler.g_object_unref) }
        var result: [(String, Data)] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            node = current.pointee.next
            guard let attachment = current.pointee.data?.assumingMemoryBound(to: PopplerAttachment.self),
                  Int(attachment.pointee.size) <= limit
            else { continue }
            let name = attachment.pointee.name.map { String(cString: $0) } ?? ""
            let sink = Sink(limit: limit)
            let saved = withExtendedLifetime(sink) {
                poppler.poppler_attachment_save_to_callback(attachment, { buffer, count, context, _ in
                    guard let buffer, let context else { return 0 }
                    let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
                    guard sink.data.count + Int(count) <= sink.limit else { return 0 }
                    buffer.withMemoryRebound(to: UInt8.self, capacity: Int(count)) { sink.data.append($0, count: Int(count)) }
                    return 1
                }, Unmanaged.passUnretained(sink).toOpaque(), nil)
            }
            if saved != 0 { result.append((name, sink.data)) }
        }
        return result
    }

    /// Images placed on the page, at their own resolution (a scanned page is usually one).
    public func images(page index: Int, limits: RasterLimits) -> [GreyImage] {
        guard let page = poppler.poppler_document_get_page(document, Int32(index)) else { return [] }
        defer { poppler.g_object_unref(UnsafeMutableRawPointer(page)) }
        guard let mappings = poppler.poppler_page_get_image_mapping(page) else { return [] }
        defer { poppler.poppler_page_free_image_mapping(mappings) }
        var result: [GreyImage] = []
        var node: UnsafeMutablePointer<GList>? = mappings
        while let current = node, result.count < limits.maxImagesPerPage {
            node = current.pointee.next
            // A second look only: the page itself is rendered too, so an image Cairo cannot hold is skipped.
            guard let mapping = current.pointee.data?.assumingMemoryBound(to: PopplerImageMapping.self),
                  let image = poppler.poppler_page_get_image(page, mapping.pointee.image_id),
                  let surface = try? Surface(adopting: image)
            else { continue }
            let grey = surface.greyImage()
            guard grey.width * grey.height <= limits.maxPixels, grey.width >= 50, grey.height >= 50 else { continue }
            result.append(grey)
        }
        return result
    }
}

@available(*, unavailable)
extension PDFDocument: Sendable {}
