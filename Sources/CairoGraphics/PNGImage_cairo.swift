internal import CCairo

/// A PNG decoded once into a Cairo image surface, drawn as often as needed.
///
/// Templates draw the same logo and signature on every invoice; decoding them per invoice
/// would be a per-invoice cost that a batch does not need to pay. Not `Sendable`.
public final class PNGImage {
    let surface: OpaquePointer
    public let width: Int
    public let height: Int

    /// Decodes the PNG at `path`; a missing or broken file is an error naming it.
    public init(path: String) throws(CairoError) {
        guard let image = cairo_image_surface_create_from_png(path) else { throw CairoError("\(path): cannot be read") }
        do {
            try CairoError.check(cairo_surface_status(image), "\(path): not a readable PNG")
        } catch {
            cairo_surface_destroy(image)
            throw error
        }
        width = Int(cairo_image_surface_get_width(image))
        height = Int(cairo_image_surface_get_height(image))
        guard width > 0, height > 0 else {
            cairo_surface_destroy(image)
            throw CairoError("\(path): the image is empty")
        }
        surface = image
    }

    deinit { cairo_surface_destroy(surface) }
}

@available(*, unavailable)
extension PNGImage: Sendable {}

extension GraphicsContext {
    /// Paints `image` scaled into the rectangle, keeping its aspect ratio.
    public func draw(_ image: PNGImage, x: Double, y: Double, width: Double, height: Double) {
        let factor = min(width / Double(image.width), height / Double(image.height))
        cairo_save(pointer)
        cairo_translate(pointer, x, y)
        cairo_scale(pointer, factor, factor)
        cairo_set_source_surface(pointer, image.surface, 0, 0)
        cairo_paint(pointer)
        cairo_restore(pointer)
    }
}
